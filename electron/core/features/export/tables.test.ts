import { describe, expect, it } from 'vitest';
import type { Block } from './model';
import { flattenedTable, headerCells, rowBlocks } from './tables';

/** Tables the import kept as rows of cells (issue 12.5): crafted the way PDF and Word tables come out as text. */

const rows = (...lines: string[]) => lines.map((l) => l.split('\t'));
const tables = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'table' ? [b] : []));
const texts = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : []));

describe('rows of cells set as a table again', () => {
  it('names an unnamed column of running numbers 序号 and keeps a total row', () => {
    const out = rowBlocks(rows('\t项目名称\t投资（万元）', '1\t道路改造\t1200', '2\t管网更新\t860', '\t合计\t2060'));
    expect(out).toHaveLength(1);
    const [t] = tables(out);
    expect(t.columns.map((c) => c.header)).toEqual(['序号', '项目名称', '投资（万元）']);
    expect(t.rows).toEqual([['1', '道路改造', '1200'], ['2', '管网更新', '860'], ['', '合计', '2060']]);
    expect(t.columns[0].align).toBe('center');
  });

  it('reads a two-level header (a group cell over several columns) and drops the header printed again at a page top, even wrapped otherwise', () => {
    const out = rowBlocks(
      rows(
        '牵头领导\t数量\t分工\t\t',
        '\t\t道路\t桥梁\t水利',
        '张三\t3个\t甲公司\t乙公司\t丙公司',
        '\t\t丁公司\t\t',
        '牵头\t数\t分工\t\t',
        '领导\t量\t道路\t桥梁\t水利',
        '李四\t1个\t\t戊公司\t',
      ),
    );
    const [t] = tables(out);
    expect(t.columns.map((c) => c.header)).toEqual(['牵头领导', '数量', '分工', '', '']);
    expect(t.subheaders).toEqual([['', '', '道路', '桥梁', '水利']]);
    // 张三's second line of companies is part of his record, as the merged cells printed it
    expect(t.rows).toEqual([
      ['张三', '3个', '甲公司\n丁公司', '乙公司', '丙公司'],
      ['李四', '1个', '', '戊公司', ''],
    ]);
  });

  it('sets a first row that fills fewer than half its cells above a full header as a caption line', () => {
    const out = rowBlocks(rows('填报单位\t\t填报时间：\t\t', '序号\t名称\t时间\t问题\t情况', '1\t某公司\t5月\t无\t已办'));
    expect(texts(out)).toEqual(['填报单位　填报时间：']);
    expect(tables(out)[0].columns.map((c) => c.header)).toEqual(['序号', '名称', '时间', '问题', '情况']);
  });

  it('joins a wrapped entry to its record, but keeps a numbered table\'s total row its own', () => {
    const [t] = tables(rowBlocks(rows('单位\t负责人\t电话', '县人民政府\t张三\t8123', '\t\t（值班）', '某镇\t李四\t8456')));
    expect(t.rows).toEqual([['县人民政府', '张三', '8123\n（值班）'], ['某镇', '李四', '8456']]);
    const [n] = tables(rowBlocks(rows('\t项目\t投资', '1\t甲\t10', '2\t乙\t20', '\t合计\t30')));
    expect(n.rows.at(-1)).toEqual(['', '合计', '30']);
  });

  it('starts a new table where the number of cells changes (two grids printed one under the other)', () => {
    const out = rowBlocks(rows('名称\t负责人\t职务', '\t\t电话', '评价\t单位\t见面\t电话', '意见\t\t\t'));
    expect(tables(out).map((t) => t.columns.length)).toEqual([3, 4]);
  });

  it('sets a list of labels and names, and the rows that continue it, as lines of text; a lone row too', () => {
    const out = rowBlocks(rows('组 长：\t王五\t县长', '\t赵六\t副县长', '钱七\t局长'));
    expect(tables(out)).toEqual([]);
    expect(texts(out)).toEqual(['组 长：王五　县长', '赵六　副县长', '钱七　局长']);
    expect(texts(rowBlocks(rows('单独一行\t说明')))).toEqual(['单独一行　说明']);
  });
});

describe('tables an earlier import flattened into one paragraph', () => {
  it('reads the header and the numbered rows of names and figures back, with the total row', () => {
    const t = flattenedTable('单位（街道）完成户数（户）资金（万元）1东城街道320 45.5 2西城街道280 39 3南山镇410 52合计1010 136.5');
    expect(t?.columns.map((c) => c.header)).toEqual(['序号', '单位（街道）', '完成户数（户）', '资金（万元）']);
    expect(t?.rows).toEqual([['1', '东城街道', '320', '45.5'], ['2', '西城街道', '280', '39'], ['3', '南山镇', '410', '52'], ['', '合计', '1010', '136.5']]);
  });
  it('leaves running text with figures alone', () => {
    expect(flattenedTable('全年完成投资1200万元，其中1季度完成300万元，2季度完成400万元，3季度完成500万元。')).toBeNull();
    // numbering that does not run 1, 2, 3
    expect(flattenedTable('单位（街道）户数（户）资金（万元）1东城街道320 45 3西城街道280 39 4南山镇410 52')).toBeNull();
  });
});

describe('a two-level header as printed', () => {
  it('spans a group name over the columns it names below, and runs a name with nothing under it down', () => {
    const cells = headerCells([
      ['区政府领导', '数量', '任务分工', '', '', ''],
      ['', '', '上市企业', '外资企业', '高新技术企业', '规上企业'],
    ]);
    const spans = cells.map((c) => `${c.text}:${c.row},${c.col} ${c.colSpan}×${c.rowSpan}`);
    expect(spans).toEqual([
      '区政府领导:0,0 1×2', '数量:0,1 1×2', '任务分工:0,2 4×1',
      '上市企业:1,2 1×1', '外资企业:1,3 1×1', '高新技术企业:1,4 1×1', '规上企业:1,5 1×1',
    ]);
  });
  it('leaves one row of names one cell a column, empty names included', () => {
    expect(headerCells([['序号', '', '文号']]).map((c) => [c.col, c.colSpan, c.rowSpan])).toEqual([[0, 1, 1], [1, 1, 1], [2, 1, 1]]);
  });
});

import { describe, expect, it } from 'vitest';
import { BY, commitFile, parsedDoc, testLibrary } from '../../test-support/fixtures';
import { buildCleanup, cleanupColumns, fitNumber, printedNumber } from './build-cleanup';
import { TABLE_CHARS } from './geometry';

const ORDER = '招远市人民政府令第77号';

/** The annex rows of a built cleanup notice, as printed: [序号, 文件名称, 文号, 发布日期, 理由]. */
function annexRows(text: ReturnType<typeof buildCleanup>): string[][] {
  return text.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'table' ? b.rows : []));
}

describe('文号 in the cleanup annex', () => {
  it('keeps a 令 number: the library gives it (list --json too) and the annex prints it', async () => {
    const lib = testLibrary();
    lib.imports.commitParsed(BY, [
      commitFile('a.txt', [
        parsedDoc({ title: '招远市城市绿化管理办法', docNumber: ORDER, dateSigned: '2019-05-01' }),
        parsedDoc({ title: '招远市人民政府关于乙的通知', docNumber: '招政发〔2022〕8号', dateSigned: '2022-02-07' }),
      ]),
    ]);
    const all = await lib.app.call('documents:all', {});
    const order = all.find((d) => d.title.includes('绿化'))!;
    expect(order.docNumber?.normalized).toBe(ORDER);
    const table = await lib.app.call('documents:list', { q: '绿化' });
    expect(table.rows[0].docNumber).toBe(ORDER);

    const text = buildCleanup(
      {
        title: '招远市人民政府关于公布行政规范性文件清理结果的通知', docNumber: null, issuer: '招远市人民政府', addressee: null, body: [], date: '2026-11-20',
        items: [
          { documentId: order.id, decision: '废止', reason: '上位法已废止' },
          { title: '招远市人民政府关于丙的通知', docNumber: '招政发〔2022〕11 号', decision: '废止', reason: '适用期已过' },
          { title: '招远市人民政府关于丁的通知', docNumber: '招政发[2022]08号', decision: '废止', reason: '适用期已过' },
        ],
      },
      (id) => lib.documents.get(id),
    );
    expect(annexRows(text).map((r) => r[2])).toEqual([ORDER, '招政发〔2022〕11号', '招政发〔2022〕8号']);
  });

  it('prints what is no 文号 as given, without spaces', () => {
    expect(printedNumber('内部文件 3')).toBe('内部文件3');
    expect(printedNumber('')).toBe('');
  });

  it('a 文号 too long for its column breaks before 〔年份〕 or 第…号, never before 号, and no column is squeezed', () => {
    const long = '招远市人民政府办公室令第71号';
    const rows = [['1', '招远市人民政府关于某项临时性工作任务的通知', long, '2015年6月1日', '适用期已过，工作任务已完成']];
    const columns = cleanupColumns(rows);
    // the widths add up to the table: the renderers need not shrink them, so nothing breaks where it was not measured
    expect(columns.reduce((s, c) => s + c.width, 0)).toBeLessThanOrEqual(TABLE_CHARS + 0.01);
    expect(fitNumber(long, columns[2])).toBe('招远市人民政府办公室令\n第71号');
    expect(fitNumber('招政办发〔2022〕10号', columns[2])).toBe('招政办发〔2022〕10号');
    expect(fitNumber('某某某某某某某某某某某某办发〔2022〕10号', { ...columns[2], width: 6 })).toBe('某某某某某某某某某某某某办发\n〔2022〕10号');
  });
});

import { describe, expect, it } from 'vitest';
import { parseText } from './index';

const parse = (lines: string[]) => parseText(`${lines.join('\n')}\n`, { file: '名单.txt', encoding: 'utf-8' });

// A synthetic folder's files: a title line whose last word names no kind of document (名单, 公示), a 文号 line, a table.
const TABLES = [
  ['姓名\t性别\t职务', '张三\t男\t副局长', '李四\t女\t主任'],
  ['序号 姓名 单位 职务', '1 张三 县教育局 局长', '2 李四 县财政局 副局长'],
  ['张三', '李四', '王五'],
  ['| 姓名 | 单位 |', '| 张三 | 某局 |'],
];

describe('a title followed by a 文号 line and a table of names', () => {
  for (const title of ['2021年度劳动模范名单', '高青县2021年拟提拔干部任前公示', '测试市第三批非物质文化遗产代表性传承人名单']) {
    for (const [k, table] of TABLES.entries()) {
      it(`recognises 「${title}」 over table ${k + 1}`, () => {
        const r = parse([title, '高政任〔2021〕5号', ...table]);
        expect(r.documents).toHaveLength(1);
        expect(r.documents[0].title).toBe(title);
        expect(r.documents[0].docNumber?.normalized).toBe('高政任〔2021〕5号');
      });
    }
  }

  it('does not take a sentence, a name or a heading above a 文号 for the title', () => {
    for (const first of ['现将有关事项通知如下：', '高青县人民政府', '一、总体要求', '2021年3月1日']) {
      const r = parse([first, '高政任〔2021〕5号', '张三', '李四']);
      expect(r.documents.map((d) => d.title)).not.toContain(first);
    }
  });

  it('keeps the title a kind word ends when there is one', () => {
    const r = parse(['高青县人民政府关于张三等同志职务任免的通知', '高政任〔2021〕5号', '姓名\t职务', '张三\t副局长']);
    expect(r.documents[0].title).toBe('高青县人民政府关于张三等同志职务任免的通知');
  });
});

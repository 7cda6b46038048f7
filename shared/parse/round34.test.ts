import { describe, expect, it } from 'vitest';
import { parseText } from './index';
import { parsePage as parse } from './test-support';

/**
 * Issue 24, round thirty-four: the class that failed on a held-out real text from a new place (test/fixtures/real-holdout
 * h34-01), written out as a page of its kind prints it (names made up).
 */

describe('a page that prints the whole notice twice, the second print from its 文号 line without its title', () => {
  const print = (n: number) => `江政办〔2019〕${n}号
各镇人民政府、街道办事处，县各委办局：
经县政府常务会议研究，决定调整城乡最低生活保障标准。
江川县人民政府办公室
2019年3月27日
（此件公开发布）`;
  const page = `关于调整城乡最低生活保障标准的通知\n${print(33)}\n${print(33)}`;

  it('is one document: the reprint carries the same number, and stays in its text', () => {
    const r = parseText(page, { file: 'x.txt', encoding: 'utf-8' });
    expect(r.documents).toHaveLength(1);
    const [d] = r.documents;
    expect(d.title).toBe('关于调整城乡最低生活保障标准的通知');
    expect(d.docNumber?.normalized).toBe('江政办〔2019〕33号');
    expect(d.body?.filter((p) => p.includes('决定调整城乡最低生活保障标准'))).toHaveLength(2);
  });

  it('two notices of one office printed one after the other, each with its own number, stay two', () => {
    const first = `关于调整城乡最低生活保障标准的通知\n${print(33)}`;
    const second = `关于调整城乡特困人员供养标准的通知\n${print(34)}`;
    const docs = parseText(`${first}\n${second}`, { file: 'x.txt', encoding: 'utf-8' }).documents;
    expect(docs.map((d) => d.docNumber?.normalized)).toEqual(['江政办〔2019〕33号', '江政办〔2019〕34号']);
  });

  it('reads the first print as the page does (title, number, signer, date)', () => {
    const [d] = parse(page);
    expect([d.issuers, d.dateSigned]).toEqual([['江川县人民政府办公室'], '2019-03-27']);
  });
});

import { describe, expect, it } from 'vitest';
import { parseText } from './index';

/**
 * Issue 24, round twenty-one: the classes that failed on held-out real texts from the southern and eastern provinces
 * (test/fixtures/real-holdout h21-01–h21-22), each written out as a page of its kind prints it (names made up).
 */

const parse = (text: string) => parseText(text, { file: 'page.txt', encoding: 'utf-8' }).documents;
const one = (text: string) => {
  const docs = parse(text);
  expect(docs).toHaveLength(1);
  return docs[0];
};

describe('a title with its 文号 glued after it (`关于…的公告某府通〔2023〕3号`)', () => {
  it('splits the number off the title as the own 文号, never a citation', () => {
    const d = one(`The Beginning
关于森林防火的公告江府通〔2022〕5号
根据有关规定,我市定于今年冬季开展森林防火专项行动,请广大市民积极配合,严禁野外用火。
江州市人民政府
2022年11月2日`);
    expect(d.title).toBe('关于森林防火的公告');
    expect(d.docNumber?.raw).toBe('江府通〔2022〕5号');
    expect(d.cites).toEqual([]);
  });
});

describe("a news lead that announces the text (`…发布公告称,…。全文如下:`) over a head without 关于", () => {
  it('titles the document by the head under the lead', () => {
    const d = one(`来源:某某日报
记者 张三
5月6日,江川省民政厅发布公告称,全省将于6月开展养老服务补贴集中申领,相关事项已经明确。全文如下:
江川省养老服务补贴集中申领工作公告
为做好全省养老服务补贴申领工作,现将有关事项公告如下:一、申领对象为符合条件的老年人。
特此公告。
江川省民政厅
2022年5月6日`);
    expect(d.title).toBe('江川省养老服务补贴集中申领工作公告');
    expect(d.issuers).toEqual(['江川省民政厅']);
  });
});

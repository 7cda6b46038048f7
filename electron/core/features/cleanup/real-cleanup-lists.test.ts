import { describe, expect, it } from 'vitest';
import { DocumentQuery } from '../../../../shared/contract/documents';
import type { ParsedDocument } from '../../../../shared/domain/parse-result';
import { parseText } from '../../../../shared/parse';
import { loadFixtures } from '../../../../scripts/check-real-keys';
import { BY, commitFile, parsedDoc, testLibrary } from '../../test-support/fixtures';

/**
 * Issue 24: the lists real cleanup results print (development texts, test/fixtures/real) reach what the library
 * stores — a decision's abolished and amended documents become relations that change their status, and a result
 * notice's items, applied as the 文件清理 page applies them, decide the stored documents they name.
 */

function realText(prefix: string): string {
  const f = loadFixtures().find((x) => x.name.startsWith(prefix));
  if (!f) throw new Error(`no development text ${prefix}`);
  return f.text;
}

const parsedReal = (prefix: string): ParsedDocument => {
  const docs = parseText(realText(prefix), { file: `${prefix}.txt`, encoding: 'utf-8' }).documents;
  expect(docs).toHaveLength(1);
  return docs[0];
};

/** A library holding the documents a list names (as their own pages would be stored), then the list's document. */
function libraryWith(listed: Array<{ title: string; docNumber: string | null; issuers: string[]; dateSigned: string }>) {
  const lib = testLibrary();
  lib.imports.commitParsed(BY, [commitFile('listed.txt', listed.map((d) => parsedDoc({ ...d, kind: '办法' })))]);
  const detail = (title: string) => {
    const row = lib.documents.list(DocumentQuery.parse({ q: title })).rows.find((r) => r.title === title)!;
    return lib.documents.detail(row.id, '2026-12-01');
  };
  return { lib, detail };
}

describe('real cleanup results stored in the library', () => {
  it('a ministry decision (188, 文化部令第57号): its abolished 规章 show 已废止, its amended one 已修改', () => {
    const decision = parsedReal('188-');
    const dated = (title: string, docNumber: string) => ({ title, docNumber, issuers: ['文化部'], dateSigned: '1990-03-28' });
    const { lib, detail } = libraryWith([
      dated('文化科技工作管理办法', '文化部令第1号'),
      dated('文化科学技术成果鉴定办法', '文化部令第2号'),
      dated('文化系统内部审计工作规定', '文化部令第3号'),
      dated('社会艺术水平考级管理办法', '文化部令第31号'),
    ]);
    const summary = lib.imports.commitParsed(BY, [commitFile('188.txt', [decision])]);
    expect(summary.resolvedRelations).toBe(4);
    for (const t of ['文化科技工作管理办法', '文化科学技术成果鉴定办法', '文化系统内部审计工作规定'])
      expect(detail(t)).toMatchObject({ status: '已废止', incoming: [{ type: 'abolishes' }] });
    expect(detail('社会艺术水平考级管理办法')).toMatchObject({ status: '已修改', incoming: [{ type: 'amends' }] });
  });

  it('a province\'s decision whose items are numbered per year (190): each abolished 规章 found by its title', () => {
    const decision = parsedReal('190-');
    const heilongjiang = (title: string, docNumber: string | null, dateSigned: string) => ({ title, docNumber, issuers: ['黑龙江省人民政府'], dateSigned });
    // 1989年省政府令第4号 and 2010年省政府令第4号: two documents, one number
    const { lib, detail } = libraryWith([
      heilongjiang('黑龙江省乡镇船舶和渡口安全管理办法', '黑龙江省人民政府令第4号', '1989-06-01'),
      heilongjiang('黑龙江省相对集中行政处罚权规定', '黑龙江省人民政府令第4号', '2010-05-01'),
      heilongjiang('黑龙江省犬类管理规定', null, '1987-10-13'),
    ]);
    // (the page prints no title: the import refuses the document until the reviewer gives it one)
    expect(lib.imports.commitParsed(BY, [commitFile('190.txt', [decision])]).refused[0].reason).toMatch(/没有标题/);
    lib.imports.commitParsed(BY, [commitFile('190-titled.txt', [{ ...decision, title: '黑龙江省人民政府关于废止和修改部分省政府规章的决定' }])]);
    for (const t of ['黑龙江省乡镇船舶和渡口安全管理办法', '黑龙江省相对集中行政处罚权规定', '黑龙江省犬类管理规定'])
      expect(detail(t)).toMatchObject({ status: '已废止', incoming: [{ type: 'abolishes' }] });
  });

  it('the same decision stored before the 规章 it abolishes (190): each takes its relation when it is stored', () => {
    const decision = { ...parsedReal('190-'), title: '黑龙江省人民政府关于废止和修改部分省政府规章的决定' };
    const { lib, detail } = libraryWith([]);
    lib.imports.commitParsed(BY, [commitFile('190.txt', [decision])]);
    const heilongjiang = (title: string, docNumber: string, dateSigned: string) =>
      parsedDoc({ title, docNumber, issuers: ['黑龙江省人民政府'], dateSigned, kind: '办法' });
    lib.imports.commitParsed(BY, [commitFile('later.txt', [
      heilongjiang('黑龙江省乡镇船舶和渡口安全管理办法', '黑龙江省人民政府令第4号', '1989-06-01'),
      heilongjiang('黑龙江省相对集中行政处罚权规定', '黑龙江省人民政府令第4号', '2010-05-01'),
    ])]);
    for (const t of ['黑龙江省乡镇船舶和渡口安全管理办法', '黑龙江省相对集中行政处罚权规定'])
      expect(detail(t)).toMatchObject({ status: '已废止', incoming: [{ type: 'abolishes' }] });
  });

  it('a list of what remains in force (186), applied as a published result: the listed documents are decided 继续有效', () => {
    const notice = parsedReal('186-');
    const water = (title: string, docNumber: string) => ({ title, docNumber, issuers: ['水利部'], dateSigned: '1995-01-01' });
    const { lib } = libraryWith([
      water('河道采砂收费管理办法', '水财〔1990〕16号'),
      water('开发建设项目水土保持方案编报审批管理规定', '水利部令第5号'),
      water('水库大坝注册登记办法', '水管〔1995〕290号'),
    ]);
    const items = notice.cleanup!.items.map(({ decision, title, docNumber }) => ({ decision, title, docNumber }));
    const applied = lib.publish.applyPublished(BY, { name: '水利部2010年规章清理', docNumber: '水政法〔2010〕1号', date: '2010-10-10', issuer: '水利部', items });
    expect(applied.campaign).toMatchObject({ state: 'published', total: 3, decided: 3 });
    expect(applied.notFound.map((n) => n.title)).not.toContain('河道采砂收费管理办法');
    expect(applied.notFound).toHaveLength(items.length - 3);
  });

  it('a city\'s decision abolishing by a table of 文号 (072): the abolished document shows 已废止', () => {
    const decision = parsedReal('072-');
    const { lib, detail } = libraryWith([{ title: '关于城市规划建设管理规定的通知', docNumber: '达市府发〔2000〕65号', issuers: ['达州市人民政府'], dateSigned: '2000-05-01' }]);
    expect(lib.imports.commitParsed(BY, [commitFile('072.txt', [decision])]).resolvedRelations).toBe(1);
    expect(detail('关于城市规划建设管理规定的通知')).toMatchObject({ status: '已废止', incoming: [{ type: 'abolishes' }] });
  });

  it('a county\'s result notice naming one document per decision (019), applied as a published result', () => {
    const notice = parsedReal('019-');
    const huayuan = (title: string) => ({ title, docNumber: null, issuers: ['花垣县人民政府办公室'], dateSigned: '2023-01-01' });
    const kept = '花垣县人民政府办公室关于印发〈花垣县县级储备粮管理办法〉的通知';
    const lapsed = '花垣县人民政府办公室关于印发〈花垣县行政许可事项清单(2022年版)〉的通知';
    const { lib, detail } = libraryWith([huayuan(kept), huayuan(lapsed)]);
    const items = notice.cleanup!.items.map(({ decision, title, docNumber }) => ({ decision, title, docNumber }));
    const applied = lib.publish.applyPublished(BY, { name: '花垣县2024年规范性文件清理', docNumber: '花政发〔2024〕9号', date: '2024-09-30', issuer: '花垣县人民政府', items });
    expect(applied.campaign).toMatchObject({ total: 2, decided: 2 });
    expect(detail(lapsed).status).toBe('宣布失效');
    expect(detail(kept).status).toBe('现行有效');
  });
});

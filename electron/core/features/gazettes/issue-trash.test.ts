import { describe, expect, it } from 'vitest';
import { BY, commitFile, parsedDoc, testLibrary } from '../../test-support/fixtures';

const DOCS = [
  parsedDoc({ title: '莱山区人民政府关于甲的通知', docNumber: '烟莱政发〔2021〕1号', dateSigned: '2021-06-01' }),
  parsedDoc({ title: '莱山区人民政府关于乙的通知', docNumber: '烟莱政发〔2021〕2号', dateSigned: '2021-06-02' }),
];

async function setup() {
  const lib = testLibrary();
  lib.imports.commitParsed(BY, [commitFile('a.txt', DOCS)]);
  const call: typeof lib.app.call = (channel, req) => lib.app.call(channel, req, BY);
  const idOf = (t: string) => lib.documents.all().find((d) => d.title.includes(t))!.id;
  const g = await call('gazette:create', { title: '莱山区人民政府公报' });
  const issue = await call('issue:create', { gazetteId: g.id, publishDate: '2021-07-01', issueNumber: 3 });
  await call('issue:add', { id: issue.id, documentId: idOf('甲'), section: '【区政府文件】' });
  await call('issue:add', { id: issue.id, documentId: idOf('乙'), section: '【区政府文件】' });
  return { ...lib, call, idOf, gazetteId: g.id, issueId: issue.id };
}

describe('deleting a gazette issue moves it to the trash', () => {
  it('leaves the archive, keeps the documents, and comes back whole with its entries', async () => {
    const { call, issueId, idOf } = await setup();
    await call('issue:delete', { id: issueId });
    expect((await call('gazettes:list', {})).map((i) => i.id)).not.toContain(issueId);
    await expect(call('gazettes:get', { id: issueId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await call('issue:printed-in', { documentIds: [idOf('甲')] }))[idOf('甲')] ?? []).toEqual([]);
    expect((await call('documents:all', {})).length).toBe(2);
    const [entry] = await call('trash:list', {});
    expect(entry).toMatchObject({ id: issueId, kind: 'issue', title: '《莱山区人民政府公报》2021年第3期', deletedBy: BY.user });

    await call('trash:restore', { id: issueId, kind: 'issue' });
    const back = await call('gazettes:get', { id: issueId });
    expect(back).toMatchObject({ state: 'draft', issueNumber: 3, label: '2021年第3期' });
    expect(back.entries.map((e) => [e.section, e.documentId])).toEqual([
      ['【区政府文件】', idOf('甲')],
      ['【区政府文件】', idOf('乙')],
    ]);
    expect(await call('trash:list', {})).toEqual([]);
  });

  it('refuses a published issue, and a restore whose number another issue has taken since', async () => {
    const { call, issueId, gazetteId } = await setup();
    await call('issue:publish', { id: issueId });
    await expect(call('issue:delete', { id: issueId })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已出版，不能删除') });
    await call('issue:reopen', { id: issueId, reason: '补录一件文件' });
    await call('issue:delete', { id: issueId });
    await call('issue:create', { gazetteId, publishDate: '2021-07-02', issueNumber: 3 });
    await expect(call('trash:restore', { id: issueId, kind: 'issue' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('2021年第3期已有另一期'),
    });
    expect((await call('trash:list', {})).map((e) => e.id)).toEqual([issueId]);
  });

  it('a document deleted while its issue is in the trash comes back as printed text, and relinks when restored', async () => {
    const { call, issueId, idOf } = await setup();
    const jia = idOf('甲');
    await call('documents:delete', { id: jia });
    await call('issue:delete', { id: issueId });
    await call('trash:restore', { id: issueId, kind: 'issue' });
    let entries = (await call('gazettes:get', { id: issueId })).entries;
    expect(entries[0]).toMatchObject({ title: '莱山区人民政府关于甲的通知', documentId: null });
    await call('trash:restore', { id: jia });
    entries = (await call('gazettes:get', { id: issueId })).entries;
    expect(entries[0].documentId).toBe(jia);
  });

  it('the entry relinks whichever of the two is deleted first and restored first', async () => {
    // Issue deleted first, then its document; the issue restored, then the document.
    const a = await setup();
    const jia = a.idOf('甲');
    await a.call('issue:delete', { id: a.issueId });
    await a.call('documents:delete', { id: jia });
    await a.call('trash:restore', { id: a.issueId, kind: 'issue' });
    await a.call('trash:restore', { id: jia });
    expect((await a.call('gazettes:get', { id: a.issueId })).entries[0].documentId).toBe(jia);
    // Document deleted first, then its issue; the document restored, then the issue.
    const b = await setup();
    const yi = b.idOf('乙');
    await b.call('documents:delete', { id: yi });
    await b.call('issue:delete', { id: b.issueId });
    await b.call('trash:restore', { id: yi });
    await b.call('trash:restore', { id: b.issueId, kind: 'issue' });
    expect((await b.call('gazettes:get', { id: b.issueId })).entries[1].documentId).toBe(yi);
  });

  it('emptying the trash forgets issues and documents alike, each audited', async () => {
    const { call, issueId, idOf, audit } = await setup();
    await call('documents:delete', { id: idOf('乙') });
    await call('issue:delete', { id: issueId });
    expect((await call('trash:list', {})).map((e) => e.kind).sort()).toEqual(['document', 'issue']);
    expect(await call('trash:empty', {})).toEqual({ count: 2 });
    expect(await call('trash:list', {})).toEqual([]);
    const actions = audit.list({ limit: 20 }).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['gazette.trash', 'gazette.purge', 'document.purge']));
  });
});

describe('an issue whose document is in the trash', () => {
  it('is not published with a title and no text: the refusal names the document and where it went', async () => {
    const { call, issueId, idOf } = await setup();
    await call('documents:delete', { id: idOf('甲') });
    await expect(call('issue:publish', { id: issueId })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('《莱山区人民政府关于甲的通知》已从文件库删除（在回收站中）'),
    });
  });
});

import { describe, expect, it } from 'vitest';
import { DocumentQuery } from '../../../../shared/contract/documents';
import { BY, commitFile, parsedDoc, tableCounts, testLibrary } from '../../test-support/fixtures';

const OLD = parsedDoc({ title: '招远市人民政府关于旧办法的通知', docNumber: '招政发〔2018〕27号', dateSigned: '2018-06-01', validUntil: '2023-05-31', validityClause: '有效期五年' });
const NEW = parsedDoc({
  title: '招远市人民政府关于新办法的通知',
  docNumber: '招政发〔2022〕11号',
  dateSigned: '2022-03-01',
  abolishes: [{ title: '《招远市人民政府关于旧办法的通知》', docNumber: '招政发〔2018〕27号' }],
  cites: ['鲁司〔2020〕66号'],
});

function setup() {
  const lib = testLibrary();
  lib.imports.commitParsed(BY, [commitFile('gazette.txt', [OLD, NEW], {
        title: '招远市人民政府公报',
        year: 2022,
        issueNumber: 1,
        totalNumber: 1,
        publishDate: '2022-03-10',
        toc: [OLD, NEW].map((d) => ({ section: '【市政府文件】', title: d.title, page: 1 })),
      })]);
  const ids = Object.fromEntries(lib.documents.all().map((d) => [d.docNumber?.normalized, d.id]));
  return { lib, oldId: ids['招政发〔2018〕27号'], newId: ids['招政发〔2022〕11号'] };
}

describe('trash', () => {
  it('a deleted document leaves the library and the statuses, and comes back whole with its relations both ways', async () => {
    const { lib, oldId, newId } = setup();
    const before = tableCounts(lib.ctx);
    expect(lib.documents.detail(oldId, '2022-06-30').status).toBe('已废止');
    const gazetteBefore = lib.documents.detail(newId).gazettes;
    expect(gazetteBefore).toHaveLength(1);
    const relationsBefore = { out: lib.documents.detail(newId).outgoing, in: lib.documents.detail(oldId).incoming };

    await lib.app.call('documents:delete', { id: newId });
    expect(lib.documents.list(DocumentQuery.parse({})).rows.map((r) => r.id)).toEqual([oldId]);
    expect(() => lib.documents.get(newId)).toThrow(/未找到文件/);
    // Nothing abolishes the old one any more.
    expect(lib.documents.detail(oldId, '2022-06-30').status).toBe('现行有效');
    expect(lib.documents.detail(oldId).incoming).toEqual([]);
    expect(await lib.app.call('trash:list', {})).toMatchObject([{ id: newId, title: NEW.title, docNumber: '招政发〔2022〕11号', deletedBy: lib.app.caller.user }]);

    await lib.app.call('trash:restore', { id: newId });
    expect(await lib.app.call('trash:list', {})).toEqual([]);
    expect(lib.documents.detail(oldId, '2022-06-30').status).toBe('已废止');
    expect(lib.documents.detail(newId).outgoing).toEqual(relationsBefore.out);
    expect(lib.documents.detail(oldId).incoming).toEqual(relationsBefore.in);
    expect(lib.documents.detail(newId).gazettes).toEqual(gazetteBefore);
    const after = tableCounts(lib.ctx);
    expect({ ...after, audit_log: 0 }).toEqual({ ...before, audit_log: 0 });
    const actions = lib.audit.documentHistory(newId).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['document.trash', 'document.restore']));
  });

  it('deleting the abolished one leaves a reference waiting; restoring it links it again', async () => {
    const { lib, oldId, newId } = setup();
    await lib.app.call('documents:delete', { id: oldId });
    expect(lib.documents.detail(newId).outgoing.find((r) => r.type === 'abolishes')).toMatchObject({ targetId: null, targetDocNumber: '招政发〔2018〕27号' });
    await lib.app.call('trash:restore', { id: oldId });
    expect(lib.documents.detail(newId).outgoing.find((r) => r.type === 'abolishes')).toMatchObject({ targetId: oldId });
    expect(lib.documents.detail(oldId, '2022-06-30').status).toBe('已废止');
  });

  it('emptying forgets for good (audited); restoring then says so in Chinese', async () => {
    const { lib, newId } = setup();
    await lib.app.call('documents:delete', { id: newId });
    expect(await lib.app.call('trash:empty', {})).toEqual({ count: 1 });
    expect(await lib.app.call('trash:list', {})).toEqual([]);
    await expect(lib.app.call('trash:restore', { id: newId })).rejects.toThrow('回收站中没有这件文件');
    expect(lib.audit.history('document', newId).map((e) => e.action)).toContain('document.purge');
  });

  it('refuses to restore over a re-imported copy of the same text', async () => {
    const { lib, newId } = setup();
    await lib.app.call('documents:delete', { id: newId });
    lib.imports.commitParsed(BY, [commitFile('again.txt', [NEW])]);
    await expect(lib.app.call('trash:restore', { id: newId })).rejects.toThrow(/已有内容相同/);
    expect(await lib.app.call('trash:list', {})).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { BY, commitFile, parsedDoc, tableCounts, testLibrary } from '../../test-support/fixtures';

function setup() {
  const { ctx, imports, relations, audit, documents } = testLibrary();
  const summary = imports.commitParsed(BY, [
    commitFile('a.txt', [
      parsedDoc({ title: '甲', docNumber: '招政发〔2022〕1号', dateSigned: '2022-01-01' }),
      parsedDoc({ title: '乙', docNumber: '招政发〔2022〕2号', dateSigned: '2022-02-01' }),
    ]),
  ]);
  const [a, b] = summary.created.map((c) => c.id);
  return { ctx, imports, relations, audit, documents, a, b };
}

describe('relations', () => {
  it('adds a relation to a stored document and audits it on both documents', () => {
    const { relations, audit, a, b } = setup();
    const r = relations.add(BY, { sourceId: b, type: 'amends', targetId: a });
    expect(r).toMatchObject({ type: 'amends', sourceId: b, targetId: a, targetTitle: '甲', targetDocNumber: '招政发〔2022〕1号' });
    expect(relations.incoming(a)).toEqual([r]);
    for (const id of [a, b]) expect(audit.documentHistory(id).map((h) => h.action)).toContain('relation.create');
  });

  it('names the document at the other end of each relation entry in either history, also once it is deleted', () => {
    const { relations, documents, a, b } = setup();
    const r = relations.add(BY, { sourceId: b, type: 'abolishes', targetId: a });
    relations.remove(BY, r.id);
    const onTarget = documents.detail(a).history.filter((h) => h.entity === 'relation');
    expect(onTarget.map((h) => [h.action, h.related])).toEqual([
      ['relation.create', { direction: 'in', type: 'abolishes', id: b, title: '乙', docNumber: '招政发〔2022〕2号' }],
      ['relation.delete', { direction: 'in', type: 'abolishes', id: b, title: '乙', docNumber: '招政发〔2022〕2号' }],
    ]);
    relations.add(BY, { sourceId: b, type: 'cites', targetId: a });
    documents.delete(BY, a);
    const onSource = documents.detail(b).history.filter((h) => h.entity === 'relation').map((h) => h.related);
    expect(onSource.at(-1)).toEqual({ direction: 'out', type: 'cites', id: null, title: '甲', docNumber: '招政发〔2022〕1号' });
    expect(onSource[0]).toMatchObject({ direction: 'out', type: 'abolishes', id: null, title: '甲' });
  });

  it('keeps a reference to a 文号 not in the library and links it when that document is imported', () => {
    const { relations, imports, a } = setup();
    const r = relations.add(BY, { sourceId: a, type: 'cites', targetDocNumber: '鲁司〔2020〕66 号' });
    expect(r).toMatchObject({ targetId: null, targetDocNumber: '鲁司〔2020〕66号' });
    const later = imports.commitParsed(BY, [commitFile('b.txt', [parsedDoc({ title: '山东省司法厅文件', docNumber: '鲁司〔2020〕66号' })])]);
    expect(later.resolvedRelations).toBe(1);
    expect(relations.get(r.id).targetId).toBe(later.created[0].id);
  });

  it('links a reference by exact title when it names no 文号', () => {
    const { relations, imports, a } = setup();
    const r = relations.add(BY, { sourceId: a, type: 'cites', targetTitle: '《烟台市养犬管理条例》' });
    const later = imports.commitParsed(BY, [commitFile('b.txt', [parsedDoc({ title: '烟台市养犬管理条例', docNumber: null })])]);
    expect(relations.get(r.id).targetId).toBe(later.created[0].id);
  });

  it('refuses a 文号 that does not parse, a relation to itself and a repeated one, changing nothing', () => {
    const { relations, ctx, a, b } = setup();
    relations.add(BY, { sourceId: a, type: 'cites', targetId: b });
    const before = tableCounts(ctx);
    expect(() => relations.add(BY, { sourceId: a, type: 'cites', targetDocNumber: '第27号' })).toThrow(/无法识别文号“第27号”/);
    expect(() => relations.add(BY, { sourceId: a, type: 'cites', targetId: a })).toThrow(/自身/);
    expect(() => relations.add(BY, { sourceId: a, type: 'cites', targetId: b })).toThrow(/已存在/);
    expect(() => relations.add(BY, { sourceId: 'nope', type: 'cites', targetId: b })).toThrow(/未找到文件/);
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('removes a relation, audited with what it was', () => {
    const { relations, audit, a, b } = setup();
    const r = relations.add(BY, { sourceId: a, type: 'abolishes', targetId: b });
    relations.remove(BY, r.id);
    expect(relations.outgoing(a)).toEqual([]);
    const last = audit.history('relation', String(r.id)).at(-1)!;
    expect(last).toMatchObject({ action: 'relation.delete', before: { type: 'abolishes', sourceId: a, targetId: b }, after: null });
    expect(() => relations.remove(BY, r.id)).toThrow(/未找到关系/);
  });
});

import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../shared/contract/documents';
import { auditActionLabel, auditCauseLine } from '../../../../shared/domain/audit-actions';
import { BY, commitFile, parsedDoc, testLibrary, type TestLibrary } from '../../test-support/fixtures';

/**
 * Issue 22's invariant, over every workflow that can change a document's legal facts (import, edit, relations,
 * gazette publish / re-open / remove, campaign decide / sheet / publish / revert, trash, restore): any change of a
 * document's 施行日期, 有效期至, 宣布失效日期, status or relations appears in that document's own history as a named
 * action with before → after and, when a workflow (not the person's own edit of this document) caused it, the cause;
 * and undoing the cause restores the previous values.
 */

const DAY = '2026-11-22';
type Facts = { effectiveDate: string | null; validUntil: string | null; declaredInvalidOn: string | null; status: string; relations: string[] };
type Snapshot = Map<string, Facts>;

function snapshot(lib: TestLibrary): Snapshot {
  const out: Snapshot = new Map();
  for (const d of lib.documents.all(DAY)) {
    const detail = lib.documents.detail(d.id, DAY);
    const relations = [
      ...detail.outgoing.map((r) => `${r.type}→${r.targetId ?? r.targetDocNumber}`),
      ...detail.incoming.map((r) => `${r.type}←${r.sourceId}`),
    ].sort();
    out.set(d.id, { effectiveDate: d.effectiveDate, validUntil: d.validUntil, declaredInvalidOn: d.declaredInvalidOn, status: d.status, relations });
  }
  return out;
}

const DATE_FIELDS = ['effectiveDate', 'validUntil', 'declaredInvalidOn'] as const;
/** Actions about the document itself: it came, went or came back; its own history entry is the whole story. */
const OWN = new Set(['document.create', 'document.trash', 'document.restore', 'document.delete']);
const PERSON_RELATION_ACTIONS = new Set(['relation.create', 'relation.delete', 'relation.resolve', 'relation.unresolve']);

/** What is wrong with how a document's history tells one change (empty: it tells it fully). */
function untold(id: string, before: Facts | undefined, after: Facts | undefined, added: AuditEntry[], personEdit: boolean): string[] {
  const problems: string[] = [];
  const unnamed = added.filter((e) => auditActionLabel(e.action) === '其他操作');
  if (unnamed.length) problems.push(`${id}: 未命名的操作 ${unnamed.map((e) => e.action).join(',')}`);
  if (!before || !after) {
    if (!added.some((e) => OWN.has(e.action))) problems.push(`${id}: 收录或删除没有记录`);
    return problems;
  }
  for (const f of DATE_FIELDS) {
    if (before[f] === after[f]) continue;
    const told = added.find((e) => {
      const b = (e.before ?? {}) as Record<string, unknown>;
      const a = (e.after ?? {}) as Record<string, unknown>;
      return e.entity === 'document' && b[f] === before[f] && a[f] === after[f];
    });
    if (!told) problems.push(`${id}: ${f} ${before[f]} → ${after[f]} 没有前后记录`);
    else if (!personEdit && !auditCauseLine(told)) problems.push(`${id}: ${f} 的改动（${told.action}）没有写明原因`);
  }
  if (before.relations.join() !== after.relations.join()) {
    const told = added.filter((e) => e.entity === 'relation');
    if (!told.length) problems.push(`${id}: 关系改变没有记录`);
    // a relation entry names the document at its other end (a person's own 记录/删除文件关系, or an imported text's);
    // one a workflow made or withdrew (a campaign, a deleted document) names its cause as well
    else if (!personEdit && told.some((e) => !auditCauseLine(e) && !PERSON_RELATION_ACTIONS.has(e.action))) {
      problems.push(`${id}: 关系改变（${told.map((e) => e.action).join(',')}）没有写明原因`);
    }
  }
  if (before.status !== after.status && !added.length) problems.push(`${id}: 状态 ${before.status} → ${after.status} 没有任何记录`);
  return problems;
}

/** Runs one workflow step and checks every document it changed tells the change in its own history. */
async function step(lib: TestLibrary, name: string, run: () => unknown, opts: { personEdit?: string } = {}): Promise<Snapshot> {
  const before = snapshot(lib);
  const historyBefore = new Map([...before.keys()].map((id) => [id, lib.audit.documentHistory(id).length]));
  await run();
  const after = snapshot(lib);
  const problems: string[] = [];
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(id);
    const a = after.get(id);
    if (b && a && JSON.stringify(a) === JSON.stringify(b)) continue;
    const added = lib.audit.documentHistory(id).slice(historyBefore.get(id) ?? 0);
    problems.push(...untold(id, b, a, added, opts.personEdit === id));
  }
  expect(problems, name).toEqual([]);
  return after;
}

const same = (a: Snapshot, b: Snapshot) => expect(JSON.stringify([...a].sort())).toBe(JSON.stringify([...b].sort()));

function setup() {
  const lib = testLibrary(`${DAY}T12:00:00`);
  const call: typeof lib.app.call = (channel, req) => lib.app.call(channel, req, BY);
  const idOf = (n: string) => lib.documents.all().find((d) => d.docNumber?.normalized === n)!.id;
  return { lib, call, idOf };
}

const OLD = parsedDoc({
  title: '招远市人民政府关于印发甲办法的通知', docNumber: '招政发〔2022〕3号', dateSigned: '2022-03-01', effectiveClause: '本办法自公布之日起施行',
  effectiveDate: '2022-03-01', validityClause: '有效期五年', validUntil: '2027-02-28', body: ['本办法自公布之日起施行，有效期五年。'],
});
const FRESH = parsedDoc({
  title: '招远市人民政府关于印发乙办法的通知', docNumber: '招政发〔2026〕2号', dateSigned: '2026-02-01', effectiveClause: '本办法自公布之日起施行',
  effectiveDate: '2026-02-01', validityClause: '有效期五年', validUntil: '2031-01-31', body: ['本办法自公布之日起施行，有效期五年。'],
});
const PLAIN = [
  parsedDoc({ title: '招远市人民政府关于丙的通知', docNumber: '招政发〔2021〕5号', dateSigned: '2021-05-01', validUntil: '2026-04-30' }),
  parsedDoc({ title: '招远市人民政府关于丁的通知', docNumber: '招政发〔2021〕6号', dateSigned: '2021-06-01', validUntil: '2030-05-31' }),
  parsedDoc({ title: '招远市人民政府关于戊的通知', docNumber: '招政发〔2021〕7号', dateSigned: '2021-07-01', validUntil: '2030-06-30' }),
  parsedDoc({ title: '高青县人民政府关于己的通知', docNumber: '高政发〔2021〕9号', dateSigned: '2021-09-01', validUntil: '2030-08-31', issuers: ['高青县人民政府'] }),
];

describe('no workflow changes a document\'s legal facts behind the person\'s back (issue 22)', () => {
  it('import, edit, relations, trash and restore: every change in the document\'s history, undone exactly', async () => {
    const { lib, call, idOf } = setup();
    await step(lib, 'import', () => lib.imports.commitParsed(BY, [commitFile('a.txt', [OLD, FRESH, ...PLAIN])]));
    // a later import whose text abolishes 丙 by its 文号
    await step(lib, 'import abolishing', () =>
      lib.imports.commitParsed(BY, [
        commitFile('b.txt', [parsedDoc({ title: '招远市人民政府关于庚的决定', docNumber: '招政发〔2022〕20号', dateSigned: '2022-06-01', abolishes: [{ title: null, docNumber: '招政发〔2021〕5号' }] })]),
      ]),
    );
    expect(lib.statuses.statusOf(idOf('招政发〔2021〕5号'), DAY)).toBe('已废止');

    const ding = idOf('招政发〔2021〕6号');
    await step(lib, 'edit', () => call('documents:update', { id: ding, patch: { validUntil: '2024-05-31' } }), { personEdit: ding });
    expect(lib.statuses.statusOf(ding, DAY)).toBe('已失效');

    const beforeRelation = snapshot(lib);
    const rel = await call('relations:add', { sourceId: idOf('招政发〔2021〕7号'), type: 'abolishes', targetId: ding });
    await step(lib, 'relation remove', () => call('relations:remove', { id: rel.id }));
    same(snapshot(lib), beforeRelation);

    // trashing 庚 gives 丙 its force back; 丙's history says why, and restoring 庚 puts it back
    const beforeTrash = snapshot(lib);
    const geng = idOf('招政发〔2022〕20号');
    await step(lib, 'trash', () => call('documents:delete', { id: geng }));
    expect(lib.statuses.statusOf(idOf('招政发〔2021〕5号'), DAY)).not.toBe('已废止');
    expect(auditCauseLine(lib.audit.documentHistory(idOf('招政发〔2021〕5号')).at(-1)!)).toContain('招远市人民政府关于庚的决定');
    await step(lib, 'restore', () => call('trash:restore', { id: geng }));
    same(snapshot(lib), beforeTrash);
  });

  it('gazette publish, re-open and remove: derived dates named with the issue, put back, never for a document published before', async () => {
    const { lib, call, idOf } = setup();
    lib.imports.commitParsed(BY, [commitFile('old.txt', [OLD], { title: '招远市人民政府公报', year: 2022, issueNumber: 1, totalNumber: null, publishDate: '2022-03-10', toc: [] })]);
    lib.imports.commitParsed(BY, [commitFile('new.txt', [FRESH, ...PLAIN])]);
    const g = (await call('gazette:all', {}))[0];
    const issue = await call('issue:create', { gazetteId: g.id, publishDate: '2026-03-02' });
    for (const n of ['招政发〔2022〕3号', '招政发〔2026〕2号', '招政发〔2021〕6号']) await call('issue:add', { id: issue.id, documentId: idOf(n), section: '【市政府文件】' });

    const beforePublish = snapshot(lib);
    const effects = await call('issue:date-effects', { id: issue.id });
    expect(effects.derive.map((d) => d.documentId)).toEqual([idOf('招政发〔2026〕2号')]);
    const published = await step(lib, 'publish', () => call('issue:publish', { id: issue.id }));
    expect(published.get(idOf('招政发〔2022〕3号'))).toEqual(beforePublish.get(idOf('招政发〔2022〕3号')));
    expect(published.get(idOf('招政发〔2026〕2号'))).toMatchObject({ effectiveDate: '2026-03-02', validUntil: '2031-03-01' });
    await step(lib, 'reopen', () => call('issue:reopen', { id: issue.id, reason: '补登一件' }));
    same(snapshot(lib), beforePublish);

    await step(lib, 'publish again', () => call('issue:publish', { id: issue.id }));
    await step(lib, 'reopen again', () => call('issue:reopen', { id: issue.id, reason: '撤下乙办法' }));
    await step(lib, 'remove', () => call('issue:remove', { id: issue.id, documentId: idOf('招政发〔2026〕2号') }));
    await step(lib, 'publish without it', () => call('issue:publish', { id: issue.id }));
    same(snapshot(lib), beforePublish);
  });

  it('campaign decide, sheet, publish and revert: decisions change nothing until published; publishing is named with the campaign and undone whole', async () => {
    const { lib, call, idOf } = setup();
    lib.imports.commitParsed(BY, [commitFile('a.txt', PLAIN)]);
    const c = await call('cleanup:create', { name: '2021年清理', cutoff: '2021-12-31', organizer: '招远市人民政府', scope: { issuers: ['招远市人民政府'] } });
    const untouched = snapshot(lib);
    await step(lib, 'decide', async () => {
      await call('cleanup:decide', { id: c.id, documentIds: [idOf('招政发〔2021〕5号')], decision: '废止', reason: '上位法已废止' });
      await call('cleanup:decide', { id: c.id, documentIds: [idOf('招政发〔2021〕6号')], decision: '宣布失效', reason: '适用期已过' });
      await call('cleanup:decide', { id: c.id, documentIds: [idOf('招政发〔2021〕7号')], decision: '继续有效' });
    });
    await step(lib, 'sheet', () => call('cleanup:sheet', { id: c.id, issuer: '招远市人民政府' }));
    same(snapshot(lib), untouched);

    await step(lib, 'publish', () => call('cleanup:publish', { id: c.id, docNumber: '招政字〔2022〕1号', date: '2022-01-10' }));
    expect(lib.statuses.statusOf(idOf('招政发〔2021〕5号'), DAY)).toBe('已废止');
    expect(lib.statuses.statusOf(idOf('招政发〔2021〕6号'), DAY)).toBe('宣布失效');
    for (const n of ['招政发〔2021〕5号', '招政发〔2021〕6号']) {
      expect(auditCauseLine(lib.audit.documentHistory(idOf(n)).at(-1)!)).toBe('原因：清理项目“2021年清理”（招政字〔2022〕1号）');
    }
    await step(lib, 'revert', () => call('cleanup:revert', { id: c.id }));
    same(snapshot(lib), untouched);
  });
});

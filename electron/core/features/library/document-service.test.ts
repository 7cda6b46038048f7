import { describe, expect, it } from 'vitest';
import { DocumentQuery } from '../../../../shared/contract/documents';
import { AppError } from '../../kernel/errors';
import { findHighlights, type DocumentService } from './document-service';
import { BY, commitFile, parsedDoc, tableCounts, testLibrary } from '../../test-support/fixtures';

const OLD = parsedDoc({
  title: '招远市人民政府关于印发全市重点项目建设专项扶持资金补助办法的通知',
  docNumber: '招政发〔2018〕27 号',
  dateSigned: '2018-06-01',
  effectiveDate: '2018-06-01',
  validityClause: '有效期五年',
  validUntil: '2023-05-31',
});
const NEW = parsedDoc({
  title: '招远市人民政府关于印发全市重点项目建设专项扶持资金补助办法的通知（2022）',
  docNumber: '招政发〔2022〕11号',
  dateSigned: '2022-03-01',
  effectiveDate: '2022-03-01',
  effectiveClause: '本办法自印发之日起执行',
  validityClause: '有效期三年',
  validUntil: '2025-02-28',
  abolishes: [{ title: '《招远市人民政府关于全市重点项目建设专项扶持资金补助办法》', docNumber: '招政发〔2018〕27号' }],
  body: [
    '第十条 本办法自印发之日起执行, 有效期三年, 《招远市人民政府关于全市重点项目建设专项扶持资金补助办法》(招政发〔2018〕27 号)同时废止。',
  ],
});

function setup(now?: string) {
  const lib = testLibrary(now);
  return { ctx: lib.ctx, settings: lib.settings, docs: lib.documents, imports: lib.imports };
}
const query = (q: Partial<ReturnType<typeof DocumentQuery.parse>> = {}) => DocumentQuery.parse(q);

function idOf(docs: DocumentService, docNumber: string): string {
  const row = docs.list(query({ q: docNumber })).rows.find((r) => r.docNumber === docNumber);
  if (!row) throw new Error(`no ${docNumber}`);
  return row.id;
}

describe('abolition between two stored documents', () => {
  it.each([
    ['old document first', [OLD, NEW]],
    ['abolishing document first, target imported later', [NEW, OLD]],
  ])('%s: relation shows both ways and the old one is 已废止 after the new one takes effect', (_label, order) => {
    const { docs, imports } = setup();
    imports.commitParsed(BY, [commitFile('a.txt', [order[0]])]);
    imports.commitParsed(BY, [commitFile('b.txt', [order[1]])]);
    const oldId = idOf(docs, '招政发〔2018〕27号');
    const newId = idOf(docs, '招政发〔2022〕11号');

    const oldDetail = docs.detail(oldId, '2022-06-30');
    expect(oldDetail.status).toBe('已废止');
    expect(oldDetail.incoming).toMatchObject([{ type: 'abolishes', sourceId: newId, targetId: oldId }]);
    expect(docs.detail(newId).outgoing).toMatchObject([{ type: 'abolishes', targetId: oldId, targetDocNumber: '招政发〔2018〕27号' }]);
    expect(docs.detail(oldId, '2022-02-28').status).toBe('现行有效');
    // The list computes the same status as the page.
    const listed = docs.list(query({ asOf: '2022-06-30' })).rows.find((r) => r.id === oldId);
    expect(listed?.status).toBe('已废止');
  });

  it('reports the link made when the target arrives later in the audit log of both documents', () => {
    const { docs, imports } = setup();
    imports.commitParsed(BY, [commitFile('a.txt', [NEW])]);
    const summary = imports.commitParsed(BY, [commitFile('b.txt', [OLD])]);
    expect(summary.resolvedRelations).toBe(1);
    const oldId = idOf(docs, '招政发〔2018〕27号');
    const actions = docs.detail(oldId).history.map((h) => h.action);
    expect(actions).toContain('relation.resolve');
    expect(actions).toContain('document.create');
  });

  it('highlights the 施行, 有效期 and 废止 clauses in the body', () => {
    const { docs, imports } = setup();
    imports.commitParsed(BY, [commitFile('a.txt', [NEW])]);
    const d = docs.detail(idOf(docs, '招政发〔2022〕11号'));
    const text = d.document.body[0];
    const kinds = Object.fromEntries(d.highlights.map((h) => [h.kind, text.slice(h.start, h.end)]));
    expect(kinds.effective).toBe('本办法自印发之日起执行');
    expect(kinds.validity).toBe('有效期三年');
    expect(kinds.abolish).toContain('招政发〔2018〕27 号)同时废止');
  });
});

describe('the library table', () => {
  function library() {
    const s = setup();
    s.imports.commitParsed(BY, [
      commitFile('lib.txt', [
        OLD,
        NEW,
        parsedDoc({ title: '高青县人民政府关于某事的通知', docNumber: '高政发〔2021〕8号', issuers: ['高青县人民政府'], dateSigned: '2021-07-01', validUntil: '2026-06-30', validityClause: '有效期五年' }),
        parsedDoc({ title: '关于任免某某同志职务的通知', docNumber: '高政任〔2021〕5号', issuers: ['高青县人民政府'], dateSigned: '2021-05-10', isNormative: false, kind: '任免' }),
        parsedDoc({ title: '临时工作方案', docNumber: null, dateSigned: '2020-01-01', validUntil: '2021-01-01', validityClause: '有效期至2021年1月1日' }),
      ]),
    ]);
    return s;
  }

  it('answers "what was in force on 2021-06-30"', () => {
    const { docs } = library();
    const inForce = docs.list(query({ asOf: '2021-06-30', status: ['现行有效', '即将到期'] })).rows.map((r) => r.docNumber ?? r.title);
    // The 2018 document is in its last year (window 6 months → 即将到期 only from 2022-11-30), so still 现行有效;
    // the 2021-07 document is not yet in force; the work plan lapsed on 2021-01-01.
    expect(inForce.sort()).toEqual(['招政发〔2018〕27号', '高政任〔2021〕5号'].sort());
    const statuses = Object.fromEntries(docs.list(query({ asOf: '2021-06-30' })).rows.map((r) => [r.docNumber ?? r.title, r.status]));
    expect(statuses['高政发〔2021〕8号']).toBe('尚未生效');
    expect(statuses['临时工作方案']).toBe('已失效');
    expect(statuses['招政发〔2022〕11号']).toBe('尚未生效');
  });

  it('shows 即将到期 inside the evaluation window from the settings', () => {
    const { docs, settings } = library();
    const status = () => docs.list(query({ asOf: '2026-02-01', q: '高政发' })).rows[0].status;
    expect(status()).toBe('即将到期');
    settings.update({ expiryWindowMonths: 3 });
    expect(status()).toBe('现行有效');
  });

  it('filters by issuer, year, kind, normative and validity clause, and offers the values present', () => {
    const { docs } = library();
    const result = docs.list(query({ issuer: '高青县人民政府' }));
    expect(result.total).toBe(2);
    expect(result.options.issuers).toEqual(expect.arrayContaining(['招远市人民政府', '高青县人民政府']));
    expect(result.options.years).toEqual([2022, 2021, 2020, 2018]);
    expect(docs.list(query({ year: 2021 })).total).toBe(2);
    expect(docs.list(query({ kind: '任免' })).rows.map((r) => r.docNumber)).toEqual(['高政任〔2021〕5号']);
    expect(docs.list(query({ normative: false })).total).toBe(1);
    expect(docs.list(query({ hasValidity: false })).rows.map((r) => r.docNumber)).toEqual(['高政任〔2021〕5号']);
  });

  it('finds a 文号 in the quick filter however it is typed', () => {
    const { docs } = library();
    for (const q of ['招政发[2018]27号', '招政发（2018）027号', '招政发〔2018〕27', '2018〕27']) {
      expect(docs.list(query({ q })).rows.map((r) => r.docNumber), q).toEqual(['招政发〔2018〕27号']);
    }
    expect(docs.list(query({ q: '任免' })).total).toBe(1);
  });

  it('reflects edits, deletions and new relations at once (no stale table)', () => {
    const { docs, imports } = library();
    const row = () => docs.list(query({ asOf: '2022-06-30', q: '高政发〔2021〕8号' })).rows[0];
    expect(row().status).toBe('现行有效');
    docs.update(BY, row().id, { declaredInvalidOn: '2022-01-01' });
    expect(row().status).toBe('宣布失效');
    imports.commitParsed(BY, [commitFile('x.txt', [parsedDoc({ title: '废止决定', docNumber: '高政发〔2022〕1号', dateSigned: '2022-02-01', abolishes: [{ title: null, docNumber: '高政发〔2021〕8号' }] })])]);
    expect(row().status).toBe('已废止');
    docs.delete(BY, row().id);
    expect(docs.list(query({ q: '高政发〔2021〕8号' })).total).toBe(0);
  });

  it('sorts by any column with empty values last, and pages', () => {
    const { docs } = library();
    const byNumber = docs.list(query({ sort: 'docNumber', dir: 'asc' })).rows.map((r) => r.docNumber);
    expect(byNumber.at(-1)).toBeNull();
    expect(docs.list(query({ sort: 'docNumber', dir: 'desc' })).rows.at(-1)?.docNumber).toBeNull();
    const byDate = docs.list(query({ sort: 'dateSigned', dir: 'asc' })).rows.map((r) => r.dateSigned);
    expect(byDate).toEqual([...byDate].sort());
    const page = docs.list(query({ sort: 'dateSigned', dir: 'asc', offset: 1, limit: 2 }));
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.dateSigned)).toEqual(byDate.slice(1, 3));
  });
});

describe('editing a document', () => {
  function one() {
    const s = setup();
    s.imports.commitParsed(BY, [commitFile('a.txt', [OLD])]);
    return { ...s, id: idOf(s.docs, '招政发〔2018〕27号') };
  }

  it('stores the change and writes who, when, before and after to the audit log', () => {
    const { docs, id, ctx } = one();
    const clerk = { ...BY, user: '法制科张三' };
    const d = docs.update(clerk, id, { docNumber: '招政发[2018]28号', validUntil: '2023-06-30' });
    expect(d.document.docNumber?.normalized).toBe('招政发〔2018〕28号');
    const entry = d.history.at(-1)!;
    expect(entry).toMatchObject({
      action: 'document.update',
      actor: '法制科张三',
      before: { validUntil: '2023-05-31', docNumber: { normalized: '招政发〔2018〕27号' } },
      after: { validUntil: '2023-06-30', docNumber: { normalized: '招政发〔2018〕28号' } },
    });
    expect(entry.at).toBe(new Date('2026-11-22T12:00:00').toISOString());
    expect(ctx.emitted.at(-1)).toEqual({ ids: [id], deleted: [] });
  });

  it.each([
    [{ docNumber: '招政发2018年27号' }, /文号“招政发2018年27号”无法识别：年份应写在括号内/],
    [{ docNumber: '〔2018〕27号' }, /无法识别/],
    [{ validUntil: '2018-01-01' }, /有效期截止日期（2018-01-01）早于施行日期（2018-06-01）/],
    [{ dateSigned: '2021-02-30' }, /不是有效的日期/],
  ])('refuses %o with a reason and leaves the library unchanged', (patch, message) => {
    const { docs, id, ctx } = one();
    const before = tableCounts(ctx);
    const doc = docs.get(id);
    expect(() => docs.update(BY, id, patch)).toThrow(message);
    expect(docs.get(id)).toEqual(doc);
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('refuses a 文号 another document already has', () => {
    const { docs, imports, id } = one();
    imports.commitParsed(BY, [commitFile('b.txt', [NEW])]);
    expect(() => docs.update(BY, id, { docNumber: '招政发〔2022〕11号' })).toThrow(/已用于/);
  });

  it('writes nothing when nothing changed', () => {
    const { docs, id, ctx } = one();
    const before = tableCounts(ctx);
    docs.update(BY, id, { title: OLD.title });
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('links waiting references when an edit gives the document the 文号 they name', () => {
    const { docs, imports } = setup();
    imports.commitParsed(BY, [commitFile('a.txt', [NEW, { ...OLD, docNumber: null, title: '旧办法' }])]);
    const oldId = docs.list(query({ q: '旧办法' })).rows[0].id;
    expect(docs.detail(oldId).incoming).toEqual([]);
    docs.update(BY, oldId, { docNumber: '招政发〔2018〕27号' });
    expect(docs.detail(oldId, '2022-06-30')).toMatchObject({ status: '已废止', incoming: [{ type: 'abolishes' }] });
  });
});

describe('deleting a document', () => {
  it('turns relations to it back into references, audits everything, and re-links on re-import', () => {
    const { docs, imports, ctx } = setup();
    imports.commitParsed(BY, [commitFile('a.txt', [OLD, NEW])]);
    const oldId = idOf(docs, '招政发〔2018〕27号');
    const newId = idOf(docs, '招政发〔2022〕11号');
    docs.delete(BY, oldId);
    expect(() => docs.get(oldId)).toThrow(AppError);
    expect(docs.detail(newId).outgoing).toMatchObject([{ targetId: null, targetDocNumber: '招政发〔2018〕27号' }]);
    const log = ctx.db.prepare('SELECT action FROM audit_log ORDER BY id').all() as { action: string }[];
    expect(log.map((r) => r.action)).toEqual(expect.arrayContaining(['document.delete', 'relation.unresolve']));
    expect(ctx.emitted.at(-1)).toEqual({ ids: [], deleted: [oldId] });

    imports.commitParsed(BY, [commitFile('c.txt', [OLD])]);
    const again = idOf(docs, '招政发〔2018〕27号');
    expect(docs.detail(again).incoming).toMatchObject([{ sourceId: newId }]);
  });

  it('says so for an unknown id', () => {
    const { docs } = setup();
    expect(() => docs.delete(BY, 'nope')).toThrow(/未找到文件/);
  });
});

describe('findHighlights', () => {
  it('finds clauses with an explicit date and an end date', () => {
    const body = ['本实施方案自2021年7月2日起施行，有效期至2025年12月19日。'];
    const h = findHighlights(body);
    expect(h.map((x) => [x.kind, body[0].slice(x.start, x.end)])).toEqual([
      ['effective', '本实施方案自2021年7月2日起施行'],
      ['validity', '有效期至2025年12月19日'],
    ]);
  });
});

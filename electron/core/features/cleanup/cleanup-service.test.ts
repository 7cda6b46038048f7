import { describe, expect, it } from 'vitest';
import { CampaignInput } from '../../../../shared/contract/cleanup';
import { AppError } from '../../kernel/errors';
import { BY, commitFile, parsedDoc, testLibrary } from '../../test-support/fixtures';

const ZY = '招远市人民政府';
const GQ = '高青县人民政府';
/** A small library: five documents of two issuers signed before the cut-off, one after, one lapsed, one not normative. */
const DOCS = [
  parsedDoc({ title: '招远市人民政府关于甲的通知', docNumber: '招政发〔2018〕27号', dateSigned: '2018-06-01', validUntil: '2030-05-31' }),
  parsedDoc({ title: '招远市人民政府关于乙的通知', docNumber: '招政发〔2019〕3号', dateSigned: '2019-03-01' }),
  parsedDoc({
    title: '招远市人民政府关于丙的意见', docNumber: '招政发〔2020〕5号', dateSigned: '2020-05-01',
    cites: ['招政发〔2019〕3号'],
  }),
  parsedDoc({ title: '高青县人民政府关于丁的办法', docNumber: '高政发〔2019〕8号', dateSigned: '2019-08-01', issuers: [GQ] }),
  parsedDoc({ title: '招远市人民政府关于已过期的通知', docNumber: '招政发〔2015〕1号', dateSigned: '2015-01-01', validUntil: '2018-01-01' }),
  parsedDoc({ title: '招远市人民政府关于任免的通知', docNumber: '招政任〔2020〕1号', dateSigned: '2020-01-01', isNormative: false }),
  parsedDoc({ title: '招远市人民政府关于新办法的通知', docNumber: '招政发〔2022〕2号', dateSigned: '2022-02-01' }),
];

function setup() {
  const lib = testLibrary();
  lib.imports.commitParsed(BY, [commitFile('library.txt', DOCS)]);
  const id = (docNumber: string) => lib.documents.list({ q: docNumber, sort: 'dateSigned', dir: 'desc', offset: 0, limit: 10 }).rows.find((r) => r.docNumber === docNumber)!.id;
  const create = (over: Partial<CampaignInput> = {}) =>
    lib.cleanup.create(BY, CampaignInput.parse({ name: '2021年行政规范性文件清理', basisDocNumber: '鲁司〔2020〕66号', cutoff: '2021-06-30', ...over }));
  const status = (docNumber: string) => lib.statuses.statusOf(id(docNumber));
  return { ...lib, id, create, status };
}
type CampaignInput = Parameters<typeof CampaignInput.parse>[0];

const expectError = (fn: () => unknown, code: string, message?: RegExp) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(code);
    if (message) expect((err as AppError).message).toMatch(message);
    return;
  }
  throw new Error('expected a refusal');
};

describe('cleanup campaigns', () => {
  it('freezes the scope at creation: normative, in force at the cut-off, signed by then, of the chosen issuers', () => {
    const t = setup();
    const all = t.create();
    const numbers = t.cleanup.items({ id: all.id, offset: 0, limit: 100 }).rows.map((r) => r.docNumber);
    expect(numbers).toEqual(['招政发〔2018〕27号', '招政发〔2019〕3号', '高政发〔2019〕8号', '招政发〔2020〕5号']);
    const zy = t.create({ scope: { issuers: [ZY] } });
    expect(zy.total).toBe(3);
    // A document imported later does not join silently.
    t.imports.commitParsed(BY, [commitFile('later.txt', [parsedDoc({ title: '招远市人民政府关于后补的通知', docNumber: '招政发〔2021〕1号', dateSigned: '2021-01-01' })])]);
    expect(t.cleanup.detail(zy.id).total).toBe(3);
    expect(t.audit.history('campaign', zy.id)[0]).toMatchObject({ action: 'campaign.create', actor: BY.user });
  });

  it('takes only the documents a check found when they are given (still within the cut-off and filters)', () => {
    const t = setup();
    const c = t.create({ scope: { documentIds: [t.id('招政发〔2019〕3号'), t.id('高政发〔2019〕8号'), t.id('招政发〔2022〕2号')] } });
    // 招政发〔2022〕2号 was signed after the cut-off: not taken
    expect(t.cleanup.items({ id: c.id, offset: 0, limit: 100 }).rows.map((r) => r.docNumber)).toEqual(['招政发〔2019〕3号', '高政发〔2019〕8号']);
  });

  it('adds and removes documents only with a reason, and records it', () => {
    const t = setup();
    const c = t.create({ scope: { issuers: [ZY] } });
    const d = t.cleanup.addToScope(BY, c.id, t.id('高政发〔2019〕8号'), '县司法局要求一并清理');
    expect(d.total).toBe(4);
    const r = t.cleanup.removeFromScope(BY, c.id, t.id('招政发〔2019〕3号'), '已由上级统一清理');
    expect(r.total).toBe(3);
    expect(r.scopeChanges.map((s) => [s.change, s.docNumber, s.reason, s.actor])).toEqual([
      ['add', '高政发〔2019〕8号', '县司法局要求一并清理', BY.user],
      ['remove', '招政发〔2019〕3号', '已由上级统一清理', BY.user],
    ]);
    expectError(() => t.cleanup.addToScope(BY, c.id, t.id('高政发〔2019〕8号'), '再加一次'), 'CONFLICT', /已在清理范围内/);
  });

  it('decides one or many documents, warns where the decision contradicts the library', () => {
    const t = setup();
    const c = t.create({ scope: { issuers: [ZY], statuses: ['现行有效', '已失效'] } });
    const lapsed = t.id('招政发〔2015〕1号');
    const cited = t.id('招政发〔2019〕3号');
    const w1 = t.cleanup.decide(BY, { id: c.id, documentIds: [lapsed], decision: '继续有效', reason: '', note: '' });
    expect(w1.warnings[0].warning).toBe('该文件已失效，不能决定继续有效');
    const w2 = t.cleanup.decide(BY, { id: c.id, documentIds: [cited], decision: '废止', reason: '与上位法不一致', note: '' });
    expect(w2.warnings[0].warning).toMatch(/仍有 1 件现行文件以该文件为依据/);
    const rest = t.cleanup.items({ id: c.id, decision: 'none', offset: 0, limit: 100 }).rows.map((r) => r.documentId);
    expect(t.cleanup.decide(BY, { id: c.id, documentIds: rest, decision: '继续有效', reason: '', note: '' }).updated).toBe(2);
    const detail = t.cleanup.detail(c.id);
    expect(detail.decided).toBe(4);
    expect(detail.byDecision).toEqual(expect.arrayContaining([{ decision: '继续有效', count: 3 }, { decision: '废止', count: 1 }]));
    expect(detail.byIssuer).toEqual([{ issuer: ZY, total: 4, decided: 4 }]);
    expectError(() => t.cleanup.decide(BY, { id: c.id, documentIds: [t.id('高政发〔2019〕8号')], decision: '废止', reason: 'x', note: '' }), 'NOT_FOUND', /不在清理范围内/);
  });

  it('keeps the drafting office opinion apart from the legal office decision', () => {
    const t = setup();
    const c = t.create();
    const doc = t.id('招政发〔2018〕27号');
    t.cleanup.opinion(BY, { id: c.id, documentId: doc, opinion: '修改', reason: '标准需调整' });
    t.cleanup.decide(BY, { id: c.id, documentIds: [doc], decision: '继续有效', reason: '', note: '' });
    const item = t.cleanup.item(c.id, doc);
    expect([item.opinion, item.opinionReason, item.decision]).toEqual(['修改', '标准需调整', '继续有效']);
  });

  it('refuses to publish, listing what is missing, until every document has a decision and a required reason', () => {
    const t = setup();
    const c = t.create({ scope: { issuers: [GQ, ZY] } });
    const [first, ...rest] = t.cleanup.items({ id: c.id, offset: 0, limit: 100 }).rows;
    // 废止 and 宣布失效 are never stored without a reason (a blank one is no reason)
    for (const decision of ['废止', '宣布失效'] as const) {
      expectError(() => t.cleanup.decide(BY, { id: c.id, documentIds: [first.documentId], decision, reason: '  ', note: '' }), 'INVALID_INPUT', new RegExp(`${decision}”必须填写理由`));
    }
    expect(t.cleanup.item(c.id, first.documentId)).toMatchObject({ decision: null, reason: '' });
    t.cleanup.decide(BY, { id: c.id, documentIds: [first.documentId], decision: '修改', reason: '', note: '' });
    const gate = t.cleanup.gate(c.id);
    expect(gate.complete).toBe(false);
    expect(gate.missing.map((m) => m.problem)).toEqual(['决定修改，但未填写理由', '尚未作出清理决定', '尚未作出清理决定', '尚未作出清理决定']);
    expect(rest.length).toBe(3);
    expectError(() => t.publish.publish(BY, { id: c.id, docNumber: '招政字〔2021〕60号', date: '2021-10-01' }), 'CONFLICT', /4 件文件缺少决定或理由[\s\S]*《招远市人民政府关于甲的通知》/);
    expect(t.cleanup.detail(c.id).state).toBe('reviewing');
  });

  it('publishes and applies every decision through documents and relations, and reverts exactly', () => {
    const t = setup();
    const c = t.create({ scope: { issuers: [ZY] }, organizer: ZY });
    const [keep, abolish, declare] = ['招政发〔2018〕27号', '招政发〔2019〕3号', '招政发〔2020〕5号'].map(t.id);
    const amended = t.cleanup.addToScope(BY, c.id, t.id('高政发〔2019〕8号'), '一并清理') && t.id('高政发〔2019〕8号');
    t.cleanup.decide(BY, { id: c.id, documentIds: [keep], decision: '继续有效', reason: '', note: '' });
    t.cleanup.decide(BY, { id: c.id, documentIds: [abolish], decision: '废止', reason: '已被新文件替代', note: '' });
    t.cleanup.decide(BY, { id: c.id, documentIds: [declare], decision: '宣布失效', reason: '工作任务已完成', note: '' });
    t.cleanup.decide(BY, { id: c.id, documentIds: [amended], decision: '修改', reason: '上位法已修改', note: '' });
    const before = ['招政发〔2018〕27号', '招政发〔2019〕3号', '招政发〔2020〕5号', '高政发〔2019〕8号'].map(t.status);
    expect(before).toEqual(['现行有效', '现行有效', '现行有效', '现行有效']);

    const p = t.publish.publish(BY, { id: c.id, docNumber: '招政字〔2021〕60号', date: '2021-10-01' });
    expect(p.state).toBe('published');
    expect(p.pendingAmendments).toBe(1);
    expect(t.status('招政发〔2018〕27号')).toBe('现行有效');
    expect(t.status('招政发〔2019〕3号')).toBe('已废止');
    expect(t.status('招政发〔2020〕5号')).toBe('宣布失效');
    expect(t.status('高政发〔2019〕8号')).toBe('现行有效'); // flagged until the amending document is linked
    const notice = t.documents.detail(p.noticeDocumentId!);
    expect(notice.document.docNumber?.normalized).toBe('招政字〔2021〕60号');
    expect(notice.document.title).toBe('招远市人民政府关于公布行政规范性文件清理结果的通知');
    expect(notice.outgoing.map((r) => [r.type, r.targetId])).toEqual([['abolishes', abolish]]);
    expect(t.documents.get(declare).declaredInvalidOn).toBe('2021-10-01');
    // each change names the campaign in the document's own history
    const cause = { kind: 'campaign', id: c.id, label: '“2021年行政规范性文件清理”（招政字〔2021〕60号）' };
    expect(t.audit.documentHistory(declare).at(-1)).toMatchObject({
      action: 'document.declared-invalid', before: { declaredInvalidOn: null }, after: { declaredInvalidOn: '2021-10-01', cause },
    });
    expect(t.audit.documentHistory(abolish).at(-1)).toMatchObject({ action: 'relation.apply', after: { type: 'abolishes', targetId: abolish, cause } });
    expect(t.cleanup.forDocument(keep)).toEqual([expect.objectContaining({ name: '2021年行政规范性文件清理', decision: '继续有效', noticeDocNumber: '招政字〔2021〕60号' })]);
    // Linking the amending document after publication applies the amendment at once.
    t.publish.linkAmendment(BY, c.id, amended, t.id('招政发〔2022〕2号'));
    expect(t.status('高政发〔2019〕8号')).toBe('已修改');
    expectError(() => t.cleanup.decide(BY, { id: c.id, documentIds: [keep], decision: '废止', reason: 'x', note: '' }), 'CONFLICT', /已公布/);
    expect(t.audit.history('campaign', c.id).map((a) => a.action)).toContain('campaign.publish');

    const r = t.publish.revert(BY, c.id);
    expect(r.state).toBe('reviewing');
    expect(['招政发〔2018〕27号', '招政发〔2019〕3号', '招政发〔2020〕5号', '高政发〔2019〕8号'].map(t.status)).toEqual(before);
    expect(t.documents.get(declare).declaredInvalidOn).toBeNull();
    expect(t.audit.documentHistory(declare).at(-1)).toMatchObject({ action: 'document.declared-invalid-reverted', after: { declaredInvalidOn: null, cause: { ...cause, reason: '撤销公布' } } });
    expect(t.audit.documentHistory(abolish).at(-1)).toMatchObject({ action: 'relation.withdraw', before: { targetId: abolish, cause: { id: c.id } } });
    expectError(() => t.documents.get(p.noticeDocumentId!), 'NOT_FOUND');
    expect(t.audit.history('campaign', c.id).at(-1)).toMatchObject({ action: 'campaign.revert', actor: BY.user });
    expectError(() => t.publish.revert(BY, c.id), 'CONFLICT', /尚未公布/);
  });

  it('names the result notice\'s 发文机关 as confirmed or as the campaign\'s organiser, never the first issuer in scope', () => {
    const t = setup();
    // scope: 高青 first, but the campaign is 招远's
    const c = t.create({ scope: { issuers: [GQ, ZY] } });
    for (const r of t.cleanup.items({ id: c.id, offset: 0, limit: 100 }).rows) t.cleanup.decide(BY, { id: c.id, documentIds: [r.documentId], decision: '继续有效', reason: '', note: '' });
    expectError(() => t.publish.publish(BY, { id: c.id, docNumber: '招政字〔2021〕60号', date: '2021-10-01' }), 'INVALID_INPUT', /发文机关/);
    expect(t.cleanup.detail(c.id).state).toBe('reviewing');
    const p = t.publish.publish(BY, { id: c.id, docNumber: '招政字〔2021〕60号', date: '2021-10-01', issuer: ZY });
    expect(t.documents.get(p.noticeDocumentId!)).toMatchObject({ issuers: [ZY], title: `${ZY}关于公布行政规范性文件清理结果的通知` });
    expect(t.cleanup.exportInput(c.id)).toMatchObject({ issuer: ZY, title: `${ZY}关于公布行政规范性文件清理结果的通知` });
    t.publish.revert(BY, c.id);
    const d = t.create({ name: '招远2021', scope: { issuers: [GQ, ZY] }, organizer: ZY });
    expect(t.cleanup.detail(d.id).organizer).toBe(ZY);
    expect(t.cleanup.exportInput(c.id).issuer).toBe('（制定机关）');
  });

  it('shows each document\'s status as of the cut-off date, with today\'s beside it', () => {
    const t = setup();
    t.imports.commitParsed(BY, [commitFile('b.txt', [parsedDoc({ title: '招远市人民政府关于戊的通知', docNumber: '招政发〔2020〕9号', dateSigned: '2020-09-01', validUntil: '2023-08-31' })])]);
    const c = t.create({ scope: { issuers: [ZY] } });
    const row = t.cleanup.items({ id: c.id, offset: 0, limit: 100 }).rows.find((r) => r.docNumber === '招政发〔2020〕9号')!;
    expect([row.statusAtCutoff, row.status]).toEqual(['现行有效', '已失效']);
    expect(t.cleanup.item(c.id, row.documentId)).toMatchObject({ statusAtCutoff: '现行有效', status: '已失效' });
    // in force on the cut-off date: 继续有效 is no contradiction of the review, only a note that it lapsed since
    const { warnings } = t.cleanup.decide(BY, { id: c.id, documentIds: [row.documentId], decision: '继续有效', reason: '', note: '' });
    expect(warnings.map((w) => w.warning)).toEqual(['该文件在清理截止日期后已失效，继续有效须重新登记公布']);
  });

  it('uses a result notice already in the library and leaves it there on revert', () => {
    const t = setup();
    t.imports.commitParsed(BY, [commitFile('notice.txt', [parsedDoc({ title: '招远市人民政府关于公布清理结果的通知', docNumber: '招政字〔2021〕60号', dateSigned: '2021-10-01', isNormative: false })])]);
    const c = t.create({ scope: { issuers: [GQ] } });
    const doc = t.id('高政发〔2019〕8号');
    t.cleanup.decide(BY, { id: c.id, documentIds: [doc], decision: '废止', reason: '调整对象已消失', note: '' });
    const p = t.publish.publish(BY, { id: c.id, docNumber: '招政字〔2021〕60号', date: '2021-10-01' });
    expect(p.noticeDocumentId).toBe(t.id('招政字〔2021〕60号'));
    // The exported notice counts only the decisions taken (no “修改的0件”).
    const exported = t.cleanup.exportInput(c.id);
    expect(exported).toMatchObject({ docNumber: '招政字〔2021〕60号', date: '2021-10-01', items: [{ documentId: doc, decision: '废止', reason: '调整对象已消失' }] });
    expect(exported.body[0]).toContain('经清理，决定废止的1件，现将清理结果予以公布');
    expect(t.status('高政发〔2019〕8号')).toBe('已废止');
    t.publish.revert(BY, c.id);
    expect(t.status('高政发〔2019〕8号')).toBe('现行有效');
    expect(t.documents.get(p.noticeDocumentId!).title).toBe('招远市人民政府关于公布清理结果的通知');
  });

  it('refuses a result notice 文号 that does not parse and leaves the campaign as it was', () => {
    const t = setup();
    const c = t.create({ scope: { issuers: [GQ] } });
    t.cleanup.decide(BY, { id: c.id, documentIds: [t.id('高政发〔2019〕8号')], decision: '继续有效', reason: '', note: '' });
    expectError(() => t.publish.publish(BY, { id: c.id, docNumber: '第六十号', date: '2021-10-01' }), 'INVALID_INPUT', /文号/);
    expect(t.cleanup.detail(c.id).state).toBe('reviewing');
  });

  it('records a published result as a completed campaign, matching rows by 文号 or title, listing those not found', () => {
    const t = setup();
    const res = t.publish.applyPublished(BY, {
      name: '高青县2021年清理结果', docNumber: '高政字〔2021〕60号', date: '2021-12-01', issuer: GQ,
      items: [
        { decision: '废止', title: '高青县人民政府关于丁的办法', docNumber: '高政发〔2019〕8 号' },
        { decision: '宣布失效', title: '招远市人民政府关于甲的通知', docNumber: null },
        { decision: '继续有效', title: '不在库里的文件', docNumber: '高政发〔2010〕1号' },
      ],
    });
    expect(res.notFound).toEqual([{ decision: '继续有效', title: '不在库里的文件', docNumber: '高政发〔2010〕1号' }]);
    expect(res.campaign).toMatchObject({ state: 'published', total: 2, decided: 2, noticeDocNumber: '高政字〔2021〕60号' });
    expect(t.status('高政发〔2019〕8号')).toBe('已废止');
    expect(t.status('招政发〔2018〕27号')).toBe('宣布失效');
    // The same notice imported again offers 核对并应用 again: a second application is refused, not a second campaign.
    expectError(() => t.publish.applyPublished(BY, {
      name: '高青县2021年清理结果', docNumber: '高政字〔2021〕060号', date: '2021-12-01', issuer: GQ,
      items: [{ decision: '废止', title: '高青县人民政府关于丁的办法', docNumber: '高政发〔2019〕8号' }],
    }), 'CONFLICT', /已作为清理项目“高青县2021年清理结果”应用过/);
    expect(t.cleanup.list()).toHaveLength(1);
  });

  it('offers the standard reasons, editable', () => {
    const t = setup();
    expect(t.cleanup.reasons()).toContain('上位法已废止');
    t.cleanup.setReasons(BY, ['适用期已过', '其他']);
    expect(t.cleanup.reasons()).toEqual(['适用期已过', '其他']);
  });
});

describe('publishing durability', () => {
  it('publishes and reverts a campaign with synchronous=FULL', () => {
    const t = setup();
    const c = t.create({ scope: { issuers: [ZY] } });
    const rows = t.cleanup.items({ id: c.id, offset: 0, limit: 100 }).rows;
    t.cleanup.decide(BY, { id: c.id, documentIds: rows.map((r) => r.documentId), decision: '继续有效', reason: '', note: '' });
    const db = t.app.ctx.db;
    const during: unknown[] = [];
    const original = db.transaction.bind(db);
    db.transaction = ((fn: (...a: unknown[]) => unknown) => original((...a: unknown[]) => { during.push(db.pragma('synchronous', { simple: true })); return fn(...a); })) as typeof db.transaction;
    t.publish.publish(BY, { id: c.id, docNumber: '招政字〔2021〕60号', date: '2021-10-01', issuer: ZY });
    t.publish.revert(BY, c.id);
    db.transaction = original;
    expect(during.length).toBeGreaterThanOrEqual(2);
    expect(new Set(during)).toEqual(new Set([2]));
  });
});

import { randomUUID } from 'node:crypto';
import type { Caller } from '../../../../shared/contract';
import type { CampaignDetail, CleanupDecisionValue } from '../../../../shared/contract/cleanup';
import type { AuditCause } from '../../../../shared/domain/audit-actions';
import { parseDocNumber } from '../../../../shared/domain/docnumber';
import { durably, retryBusy } from '../../db/open';
import { AppError } from '../../kernel/errors';
import type { AppContext } from '../../kernel/context';
import { normalizeRefTitle } from '../relations/relation-service';
import type { CleanupDeps, CleanupService } from './cleanup-service';
import type { Applied, ItemRow } from './cleanup-store';
import { noticeBody } from './notice-text';

/** How many missing documents a refusal names before it says "and N more". */
const LISTED = 20;

/** The refusal message: what is missing, by title and 文号. */
export function missingMessage(missing: Array<{ title: string; docNumber: string | null; problem: string }>): string {
  const lines = missing.slice(0, LISTED).map((m) => `《${m.title}》${m.docNumber ? `（${m.docNumber}）` : ''}：${m.problem}`);
  const more = missing.length > LISTED ? `\n……另有 ${missing.length - LISTED} 件` : '';
  return `清理尚未完成，不能公布：${missing.length} 件文件缺少决定或理由。\n${lines.join('\n')}${more}`;
}

/**
 * Publishing a campaign applies its decisions to the library through the documents' own fields and relations
 * (the status index computes statuses from those): 废止 → an abolishes relation from the result notice (stored
 * as a document), 宣布失效 → declared_invalid_on, 修改 → an amends relation from the amending document once one
 * is linked, 继续有效 → nothing (the campaign is noted on the document). What was applied is kept, so a revert
 * undoes exactly that.
 */
/**
 * A result notice's 文号 must parse; and importing the same notice again (or applying it twice) must not record
 * a second, identical campaign.
 */
function checkNoticeNumber(store: { publishedWithNotice: { get(n: string): { name: string } | undefined } }, docNumber: string): void {
  const normalized = parseDocNumber(docNumber)?.normalized;
  if (!normalized) throw new AppError('INVALID_INPUT', `无法识别清理结果通知的文号“${docNumber}”`);
  const prior = store.publishedWithNotice.get(normalized);
  if (prior) throw new AppError('CONFLICT', `清理结果通知 ${normalized} 已作为清理项目“${prior.name}”应用过，不再重复应用；如需重新应用，请先撤销该项目。`);
}

/** A campaign as the cause its documents' histories name: its name and its result notice. */
function causeOf(row: { id: string; name: string }, noticeNumber: string | null): AuditCause {
  return { kind: 'campaign', id: row.id, label: `“${row.name}”${noticeNumber ? `（${noticeNumber}）` : ''}` };
}

export function createPublishService(ctx: Pick<AppContext, 'db' | 'now' | 'events'>, deps: CleanupDeps, cleanup: CleanupService) {
  const db = ctx.db;
  const { audit, documents, relations } = deps;
  const store = cleanup.store;

  function noticeDocument(by: Caller, req: { docNumber: string; date: string; issuer: string; title: string }, counts: Record<CleanupDecisionValue, number>) {
    const parsed = parseDocNumber(req.docNumber);
    if (!parsed) throw new AppError('INVALID_INPUT', `无法识别清理结果通知的文号“${req.docNumber}”，应形如“高政字〔2021〕60号”`);
    const existing = relations.findTarget({ docNumber: parsed.normalized, title: null });
    if (existing) return { id: existing.id, created: false, docNumber: parsed.normalized };
    if (!req.issuer) throw new AppError('INVALID_INPUT', '请填写清理结果通知的发文机关（如“招远市人民政府”）。');
    const { id } = documents.create(
      by,
      {
        title: req.title, docNumber: parsed, registrationNumber: null, issuers: req.issuer ? [req.issuer] : [], dateSigned: req.date,
        kind: '通知', isNormative: false, effectiveClause: null, effectiveDate: req.date, validityClause: null, validUntil: null,
        appointments: [], body: noticeBody(req.issuer || '本机关', counts),
      },
      null,
    );
    return { id, created: true, docNumber: parsed.normalized };
  }

  function applyItem(by: Caller, r: ItemRow, applied: Applied, date: string, cause: AuditCause): void {
    const ref = { docNumber: r.doc_number, title: r.title };
    // 废止 is applied for all documents at once by the caller (relations.insertMany).
    if (r.decision === '宣布失效') {
      const before = documents.get(r.document_id).declaredInvalidOn;
      if (before === null || before > date) {
        documents.setDeclaredInvalidOn(by, r.document_id, date, cause);
        applied.declared.push({ id: r.document_id, before });
      }
    } else if (r.decision === '修改' && r.amended_by) {
      const rel = relations.insert(by, r.amended_by, 'amends', ref, r.document_id, cause);
      if (rel) applied.relations.push(rel.id);
    }
  }

  /** Publishes and applies in one transaction; refused with the missing list while incomplete. */
  function publish(by: Caller, req: { id: string; docNumber: string; date: string; issuer?: string; title?: string }): CampaignDetail {
    const row = cleanup.requireReviewing(req.id);
    const { missing } = cleanup.gate(req.id);
    if (missing.length) throw new AppError('CONFLICT', missingMessage(missing));
    const items = store.allItems.all(req.id);
    if (items.length === 0) throw new AppError('CONFLICT', '清理范围内没有文件，不能公布');
    const counts: Record<CleanupDecisionValue, number> = { 继续有效: 0, 修改: 0, 废止: 0, 宣布失效: 0 };
    for (const r of items) counts[r.decision!]++;
    // the notice's 发文机关: as the person confirmed it, else the campaign's organiser — never the first issuer in scope
    const issuer = req.issuer || row.organizer;
    const title = req.title || `${issuer}关于公布行政规范性文件清理结果的通知`;
    const touched: string[] = [];
    durably(db, db.transaction(() => {
      const notice = noticeDocument(by, { docNumber: req.docNumber, date: req.date, issuer, title }, counts);
      const cause = causeOf(row, notice.docNumber);
      const applied: Applied = { noticeId: notice.id, noticeCreated: notice.created, relations: [], declared: [] };
      const abolished = items.filter((r) => r.decision === '废止').map((r) => ({ ref: { docNumber: r.doc_number, title: r.title }, targetId: r.document_id }));
      for (const rel of relations.insertMany(by, notice.id, 'abolishes', abolished, cause)) applied.relations.push(rel.id);
      for (const r of items) {
        applyItem(by, r, applied, req.date, cause);
        if (r.decision !== '继续有效') touched.push(r.document_id);
      }
      store.setPublished.run({
        id: req.id, doc_number: notice.docNumber, date: req.date, notice: notice.id, applied: JSON.stringify(applied), at: ctx.now().toISOString(),
      });
      audit.record(by, 'campaign.publish', 'campaign', req.id, null, { docNumber: notice.docNumber, date: req.date, noticeId: notice.id, issuer, counts });
      if (notice.created) touched.push(notice.id);
    }));
    ctx.events.emit('documents:changed', { ids: touched, deleted: [] });
    return cleanup.detail(req.id);
  }

  /** Undoes a publication as a whole: removes the relations it added, restores 宣布失效 dates, the notice it stored. */
  function revert(by: Caller, id: string): CampaignDetail {
    const applied = cleanup.applied(id);
    const row = store.campaign.get(id)!;
    if (row.state !== 'published' || !applied) throw new AppError('CONFLICT', `清理项目“${row.name}”尚未公布，无需撤销`);
    const deleted: string[] = [], changed = new Set<string>(), cause = { ...causeOf(row, row.notice_doc_number), reason: '撤销公布' };
    durably(db, db.transaction(() => {
      for (const relId of applied.relations) {
        const exists = store.relationTarget.get(relId);
        if (exists === undefined) continue;
        if (exists) changed.add(exists);
        relations.remove(by, relId, cause);
      }
      for (const d of applied.declared) {
        if (!store.docRef.get(d.id)) continue;
        documents.setDeclaredInvalidOn(by, d.id, d.before, cause);
        changed.add(d.id);
      }
      if (applied.noticeCreated && store.docRef.get(applied.noticeId)) {
        documents.delete(by, applied.noticeId);
        deleted.push(applied.noticeId);
      }
      store.setReverted.run(id);
      audit.record(by, 'campaign.revert', 'campaign', id, { docNumber: row.notice_doc_number, date: row.notice_date, applied }, null);
    }));
    ctx.events.emit('documents:changed', { ids: [...changed], deleted });
    return cleanup.detail(id);
  }

  /** Links the amending document of a 修改 decision; on a published campaign the amends relation is added now. */
  function linkAmendment(by: Caller, id: string, documentId: string, amendingId: string | null) {
    const it = cleanup.item(id, documentId);
    if (it.decision !== '修改') throw new AppError('CONFLICT', '只有决定“修改”的文件才能关联修改文件');
    if (amendingId && !store.docRef.get(amendingId)) throw new AppError('NOT_FOUND', `未找到修改文件 ${amendingId}`);
    if (amendingId === documentId) throw new AppError('INVALID_INPUT', '修改文件不能是被修改的文件本身');
    const row = store.campaign.get(id)!;
    if (row.state === 'published' && !amendingId) throw new AppError('CONFLICT', '清理结果已公布，不能取消关联；请先撤销公布');
    retryBusy(() => db.transaction(() => {
      store.amendedBy.run(amendingId, id, documentId);
      if (row.state === 'published' && amendingId) {
        const applied = cleanup.applied(id)!;
        const rel = relations.insert(by, amendingId, 'amends', { docNumber: it.docNumber, title: it.title }, documentId, causeOf(row, row.notice_doc_number));
        if (rel) applied.relations.push(rel.id);
        store.setApplied.run(JSON.stringify(applied), id);
      }
      audit.record(by, 'campaign.amendment', 'campaign', id, { documentId, amendedBy: it.amendedBy }, { documentId, amendedBy: amendingId });
    }).immediate());
    if (row.state === 'published') ctx.events.emit('documents:changed', { ids: [documentId], deleted: [] });
    return cleanup.item(id, documentId);
  }

  /** Matches printed result rows to stored documents: by 文号, else by title. */
  function matchPublished(items: Array<{ decision: CleanupDecisionValue; title: string | null; docNumber: string | null }>) {
    return items.map((it) => {
      const docNumber = it.docNumber ? (parseDocNumber(it.docNumber)?.normalized ?? null) : null;
      const target =
        (docNumber ? relations.findTarget({ docNumber, title: null }) : null) ??
        relations.findTarget({ docNumber: null, title: normalizeRefTitle(it.title) });
      return { ...it, documentId: target?.id ?? null, matchedTitle: target?.title ?? null };
    });
  }

  /**
   * Records a cleanup result published elsewhere (its annex lists read from an imported text) as a completed
   * campaign over the rows found in the library, and applies it; rows not found are returned, not guessed.
   */
  function applyPublished(
    by: Caller,
    req: { name: string; docNumber: string; date: string; issuer?: string; title?: string; items: Array<{ decision: CleanupDecisionValue; title: string | null; docNumber: string | null }> },
  ) {
    checkNoticeNumber(store, req.docNumber);
    const matches = matchPublished(req.items);
    const found = matches.filter((m) => m.documentId);
    if (!found.length) throw new AppError('CONFLICT', '清理结果中的文件在文件库中都没有找到，未建立清理项目');
    const id = randomUUID();
    durably(db, db.transaction(() => {
      store.insertCampaign.run({
        id, name: req.name, basis_doc_number: '', basis_title: '', cutoff: req.date, organizer: req.issuer ?? '',
        scope: JSON.stringify({ issuers: req.issuer ? [req.issuer] : [], normativeOnly: false, statuses: ['现行有效', '即将到期', '已修改'] }),
        created_at: ctx.now().toISOString(), created_by: by.user,
      });
      const seen = new Set<string>();
      let position = 0;
      for (const m of found) {
        if (seen.has(m.documentId!)) continue;
        seen.add(m.documentId!);
        store.insertItem.run(id, m.documentId!, ++position);
        store.decide.run({ id, doc: m.documentId!, decision: m.decision, reason: '见已公布的清理结果', note: '', by: by.user, at: ctx.now().toISOString() });
      }
      audit.record(by, 'campaign.import', 'campaign', id, null, { name: req.name, docNumber: req.docNumber, rows: req.items.length, matched: seen.size });
      publish(by, { id, docNumber: req.docNumber, date: req.date, issuer: req.issuer, title: req.title });
    }));
    return { campaign: cleanup.detail(id), notFound: matches.filter((m) => !m.documentId).map(({ decision, title, docNumber }) => ({ decision, title, docNumber })) };
  }

  return { publish, revert, linkAmendment, matchPublished, applyPublished };
}
export type PublishService = ReturnType<typeof createPublishService>;

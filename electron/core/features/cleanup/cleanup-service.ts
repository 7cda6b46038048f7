import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Caller } from '../../../../shared/contract';
import {
  DEFAULT_CLEANUP_REASONS,
  REASON_BEFORE_SAVE,
  REASON_REQUIRED,
  type CampaignDetail,
  type CampaignInput,
  type CampaignItem,
  type CleanupDecisionValue,
  type ItemQuery,
  type MissingItem,
} from '../../../../shared/contract/cleanup';
import type { CleanupInput } from '../../../../shared/contract/export';
import { retryBusy } from '../../db/open';
import type { DocumentStatus } from '../../../../shared/domain/document';
import { IN_FORCE_STATUSES } from '../../../../shared/domain/status';
import type { Db } from '../../db/open';
import { AppError } from '../../kernel/errors';
import type { AppContext } from '../../kernel/context';
import type { AuditService } from '../audit/audit-service';
import type { DocumentService } from '../library/document-service';
import type { RelationService } from '../relations/relation-service';
import type { StatusIndex } from '../validity/status-index';
import { noticeBody } from './notice-text';
import { createCleanupStore, toItem, toSummary, type Applied, type CampaignRow, type CleanupStore } from './cleanup-store';

export interface CleanupDeps {
  audit: AuditService;
  documents: DocumentService;
  relations: RelationService;
  statuses: StatusIndex;
}

const ENDED: readonly DocumentStatus[] = ['已失效', '已废止', '宣布失效'];
/**
 * 废止 and 宣布失效 end a document's force: never stored without the reason the result notice prints (修改 may
 * wait for its reason until publication, see the gate).
 */
function requireReason(decision: CleanupDecisionValue | null, reason: string): void {
  if (decision && REASON_BEFORE_SAVE.includes(decision) && !reason.trim()) {
    throw new AppError('INVALID_INPUT', `决定“${decision}”必须填写理由，请选择或填写理由后再保存。`);
  }
}

/**
 * The result notice and its annex rows as the export engine takes them (decided documents only; while the
 * campaign is still being reviewed this is a draft without 文号).
 */
function exportInput(store: CleanupStore, row: CampaignRow): CleanupInput {
  const items = store.allItems.all(row.id).filter((r) => r.decision);
  if (!items.length) throw new AppError('INVALID_INPUT', `清理项目“${row.name}”还没有任何决定，无法导出清理结果`);
  // the published notice's own 发文机关 once published, else the campaign's organiser — never a guess from the scope
  const issuer = (row.notice_document_id ? store.noticeIssuer.get(row.notice_document_id) : undefined) || row.organizer;
  const counts: Record<CleanupDecisionValue, number> = { 继续有效: 0, 修改: 0, 废止: 0, 宣布失效: 0 };
  for (const r of items) counts[r.decision!]++;
  return {
    title: `${issuer || '（发文机关）'}关于公布行政规范性文件清理结果的通知`,
    docNumber: row.notice_doc_number,
    issuer: issuer || '（制定机关）',
    addressee: null,
    body: noticeBody(issuer || '本机关', counts),
    date: row.notice_date ?? row.cutoff,
    items: items.map((r) => ({ documentId: r.document_id, decision: r.decision!, reason: r.reason })),
  };
}

function campaignReport(store: CleanupStore, d: CampaignDetail): CampaignReport {
  const rows = store.issuerDecisions.all(d.id);
  const byIssuerDecision = d.byIssuer.map(({ issuer, total }) => {
    const counts: CampaignReport['byIssuerDecision'][number]['counts'] = { 继续有效: 0, 修改: 0, 废止: 0, 宣布失效: 0, 未决定: 0 };
    for (const r of rows) if (r.issuer === issuer) counts[r.decision ?? '未决定'] += r.count;
    return { issuer, total, counts };
  });
  return { ...d, byIssuerDecision };
}

/** Takes the scope of a new campaign: candidates signed by the cut-off, filtered by issuer and status then. */
function takeScope(store: CleanupStore, statusOn: (id: string) => DocumentStatus, id: string, input: z.output<typeof CampaignInput>): number {
  const issuers = new Set(input.scope.issuers);
  const wanted = new Set(input.scope.statuses);
  const only = input.scope.documentIds ? new Set(input.scope.documentIds) : null;
  let position = 0;
  for (const c of store.candidates.all(input.cutoff, input.scope.normativeOnly ? 1 : 0)) {
    if (only && !only.has(c.id)) continue;
    if (issuers.size && !(JSON.parse(c.issuers) as string[]).some((i) => issuers.has(i))) continue;
    if (!wanted.has(statusOn(c.id))) continue;
    store.insertItem.run(id, c.id, ++position);
  }
  return position;
}

/**
 * Where a decision contradicts the library. The campaign reviews documents as they stood on its cut-off date: one
 * ended by then cannot continue; one ended only since is named so (继续有效 then needs re-publication).
 */
function decisionWarnings(
  store: CleanupStore,
  docId: string,
  decision: CleanupDecisionValue | null,
  statusOn: (id: string) => DocumentStatus,
  atCutoff: (id: string) => DocumentStatus,
): string[] {
  if (!decision) return [];
  const out: string[] = [];
  const then = atCutoff(docId);
  if (decision === '继续有效' && ENDED.includes(then)) out.push(`该文件${then === '宣布失效' ? '已宣布失效' : then}，不能决定继续有效`);
  else if (decision === '继续有效' && ENDED.includes(statusOn(docId))) out.push(`该文件在清理截止日期后已${statusOn(docId) === '已废止' ? '废止' : '失效'}，继续有效须重新登记公布`);
  if (decision === '废止' || decision === '宣布失效') {
    const citing = store.citedBy.all(docId).filter((s) => IN_FORCE_STATUSES.includes(statusOn(s)));
    if (citing.length) out.push(`仍有 ${citing.length} 件现行文件以该文件为依据`);
  }
  return out;
}


/** Which campaigns a document was in; the standard reasons list (defaults until someone edits it). */
function createMembershipAndReasons(db: Db, store: CleanupStore, audit: AuditService) {
  function reasons(): string[] {
    const stored = store.reasons.all();
    return stored.length ? stored : [...DEFAULT_CLEANUP_REASONS];
  }
  return {
    reasons,
    /** Every campaign a document was in, with the decision. */
    forDocument(documentId: string) {
      return store.membership.all(documentId).map((m) => ({
        campaignId: m.id, name: m.name, state: m.state, decision: m.decision, reason: m.reason, noticeDocNumber: m.notice_doc_number,
      }));
    },
    /** Replaces the standard reasons list. */
    setReasons(by: Caller, next: string[]): string[] {
      const before = reasons();
      retryBusy(() => db.transaction(() => {
        store.clearReasons.run();
        next.forEach((r, i) => store.insertReason.run(i + 1, r));
        audit.record(by, 'campaign.reasons', 'campaign', '*', before, next);
      }).immediate());
      return next;
    },
  };
}

/**
 * Cleanup campaigns (清理): a frozen scope, the legal office's decision and the drafting office's opinion per
 * document, the completeness gate. Every change is audited with its caller inside its transaction. Publishing
 * and reverting live in publish.ts; review sheets in sheets.ts.
 */
export function createCleanupService(ctx: Pick<AppContext, 'db' | 'now' | 'events'>, deps: CleanupDeps) {
  const db = ctx.db;
  const store = createCleanupStore(db);
  const { audit, statuses } = deps;

  function summaryRow(id: string) {
    const row = store.campaign.get(id);
    if (!row) throw new AppError('NOT_FOUND', `未找到清理项目 ${id}`);
    return row;
  }

  function detail(id: string): CampaignDetail {
    const row = summaryRow(id);
    return {
      ...toSummary(row),
      byDecision: store.byDecision.all(id).map((r) => ({ decision: r.decision ?? '未决定', count: r.count })),
      byIssuer: store.byIssuer.all(id),
      scopeChanges: store.scopeChanges.all(id).map((c) => ({
        documentId: c.document_id, title: c.title, docNumber: c.doc_number, change: c.change, reason: c.reason, at: c.at, actor: c.actor,
      })),
      pendingAmendments: store.pendingAmendments.get(id) ?? 0,
    };
  }

  function requireReviewing(id: string) {
    const row = summaryRow(id);
    if (row.state !== 'reviewing') throw new AppError('CONFLICT', `清理项目“${row.name}”已公布，不能再更改；如需更改，请先撤销公布。`);
    return row;
  }

  const warningsFor = (docId: string, decision: CleanupDecisionValue | null, statusOn: (id: string) => DocumentStatus, atCutoff = statusOn) =>
    decisionWarnings(store, docId, decision, statusOn, atCutoff);

  function item(id: string, documentId: string): CampaignItem {
    const row = store.item.get({ id, doc: documentId });
    if (!row) throw new AppError('NOT_FOUND', `该文件不在清理范围内：${documentId}`);
    const statusOn = statuses.onDay();
    const atCutoff = statuses.onDay(summaryRow(id).cutoff);
    return toItem(row, statusOn(row.document_id), warningsFor(row.document_id, row.decision, statusOn, atCutoff), atCutoff(row.document_id));
  }

  /** What is missing before publication: undecided documents, decisions without a required reason. */
  function gate(id: string): { complete: boolean; missing: MissingItem[] } {
    summaryRow(id);
    const missing: MissingItem[] = [];
    for (const r of store.allItems.all(id)) {
      let problem: string | null = null;
      if (!r.decision) problem = '尚未作出清理决定';
      else if (REASON_REQUIRED.includes(r.decision) && !r.reason.trim()) problem = `决定${r.decision}，但未填写理由`;
      if (problem) missing.push({ documentId: r.document_id, title: r.title, docNumber: r.doc_number, problem });
    }
    return { complete: missing.length === 0, missing };
  }

  function scopeChange(by: Caller, id: string, documentId: string, change: 'add' | 'remove', reason: string): CampaignDetail {
    requireReviewing(id);
    const doc = store.docRef.get(documentId);
    if (!doc) throw new AppError('NOT_FOUND', `未找到文件 ${documentId}`);
    const present = !!store.item.get({ id, doc: documentId });
    if (change === 'add' && present) throw new AppError('CONFLICT', `《${doc.title}》已在清理范围内`);
    if (change === 'remove' && !present) throw new AppError('CONFLICT', `《${doc.title}》不在清理范围内`);
    retryBusy(() => db.transaction(() => {
      if (change === 'add') store.insertItem.run(id, documentId, (store.maxPosition.get(id) ?? 0) + 1);
      else store.deleteItem.run(id, documentId);
      const at = ctx.now().toISOString();
      store.insertScopeChange.run({ campaign_id: id, document_id: documentId, title: doc.title, doc_number: doc.doc_number, change, reason, at, actor: by.user });
      audit.record(by, change === 'add' ? 'campaign.scope.add' : 'campaign.scope.remove', 'campaign', id, null, { documentId, title: doc.title, reason });
    }).immediate());
    return detail(id);
  }

  return {
    store,
    detail,
    item,
    gate,
    warningsFor,
    requireReviewing,

    /** Creates a campaign; its scope (documents signed by the cut-off, filtered) is frozen now. */
    create(by: Caller, input: z.output<typeof CampaignInput>) {
      const id = randomUUID();
      const statusOn = statuses.onDay(input.cutoff);
      retryBusy(() => db.transaction(() => {
        store.insertCampaign.run({
          id, name: input.name, basis_doc_number: input.basisDocNumber, basis_title: input.basisTitle, cutoff: input.cutoff,
          scope: JSON.stringify(input.scope), created_at: ctx.now().toISOString(), created_by: by.user, organizer: input.organizer,
        });
        const position = takeScope(store, statusOn, id, input);
        audit.record(by, 'campaign.create', 'campaign', id, null, { ...input, documents: position });
      }).immediate());
      return toSummary(summaryRow(id));
    },

    /** Every campaign, newest first. */
    list() {
      return store.campaigns.all().map(toSummary);
    },

    /** One page of the review list. */
    items(q: z.output<typeof ItemQuery>) {
      const campaign = summaryRow(q.id);
      const filter = { id: q.id, decision: q.decision ?? null, issuer: q.issuer || null, q: q.q?.trim() || null };
      const statusOn = statuses.onDay();
      const atCutoff = statuses.onDay(campaign.cutoff);
      const rows = store.items.all({ ...filter, limit: q.limit, offset: q.offset });
      return {
        total: store.countItems.get(filter) ?? 0,
        rows: rows.map((r) => toItem(r, statusOn(r.document_id), warningsFor(r.document_id, r.decision, statusOn, atCutoff), atCutoff(r.document_id))),
      };
    },

    /** The legal office's decision on one or many documents, in one transaction; returns warnings. */
    decide(by: Caller, req: { id: string; documentIds: string[]; decision: CleanupDecisionValue | null; reason: string; note: string }) {
      requireReviewing(req.id);
      requireReason(req.decision, req.reason);
      const ids = [...new Set(req.documentIds)];
      const statusOn = statuses.onDay();
      const atCutoff = statuses.onDay(summaryRow(req.id).cutoff);
      const warnings: Array<{ documentId: string; title: string; warning: string }> = [];
      retryBusy(() => db.transaction(() => {
        const at = ctx.now().toISOString();
        for (const doc of ids) {
          const before = store.item.get({ id: req.id, doc });
          if (!before) throw new AppError('NOT_FOUND', `该文件不在清理范围内：${doc}`);
          store.decide.run({
            id: req.id, doc, decision: req.decision, reason: req.reason, note: req.note,
            by: req.decision ? by.user : null, at: req.decision ? at : null,
          });
          for (const w of warningsFor(doc, req.decision, statusOn, atCutoff)) warnings.push({ documentId: doc, title: before.title, warning: w });
        }
        audit.record(by, 'campaign.decide', 'campaign', req.id, null, {
          decision: req.decision, reason: req.reason, note: req.note, documents: ids.length <= 50 ? ids : ids.length,
        });
      }).immediate());
      return { updated: ids.length, warnings };
    },

    /** The drafting/implementing office's opinion (kept apart from the decision). */
    opinion(by: Caller, req: { id: string; documentId: string; opinion: CleanupDecisionValue | null; reason: string }): CampaignItem {
      requireReviewing(req.id);
      const before = item(req.id, req.documentId);
      retryBusy(() => db.transaction(() => {
        store.opinion.run({ id: req.id, doc: req.documentId, opinion: req.opinion, reason: req.reason });
        audit.record(by, 'campaign.opinion', 'campaign', req.id, { documentId: req.documentId, opinion: before.opinion, reason: before.opinionReason }, {
          documentId: req.documentId, opinion: req.opinion, reason: req.reason,
        });
      }).immediate());
      return item(req.id, req.documentId);
    },

    /** Adds a document to a started campaign; the reason is recorded. */
    addToScope: (by: Caller, id: string, documentId: string, reason: string) => scopeChange(by, id, documentId, 'add', reason),
    /** Removes a document from a campaign; the reason is recorded. */
    removeFromScope: (by: Caller, id: string, documentId: string, reason: string) => scopeChange(by, id, documentId, 'remove', reason),

    ...createMembershipAndReasons(ctx.db, store, audit),

    /** The result notice and its annex rows as the export engine takes them. */
    exportInput: (id: string) => exportInput(store, summaryRow(id)),

    /** The campaign report: the detail, and per issuer (the first, drafting one) the count of each decision. */
    report: (id: string): CampaignReport => campaignReport(store, detail(id)),

    /** What publishing applied (null while reviewing). */
    applied(id: string): Applied | null {
      const row = summaryRow(id);
      return row.applied ? (JSON.parse(row.applied) as Applied) : null;
    },
  };
}
export type CleanupService = ReturnType<typeof createCleanupService>;

/** What the campaign report prints: the campaign's detail and its decisions per issuer. */
export type CampaignReport = CampaignDetail & {
  byIssuerDecision: Array<{ issuer: string; total: number; counts: Record<CleanupDecisionValue | '未决定', number> }>;
};

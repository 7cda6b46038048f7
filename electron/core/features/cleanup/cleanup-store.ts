import type { CampaignItem, CampaignScope, CampaignSummary, CleanupDecisionValue } from '../../../../shared/contract/cleanup';
import type { Db } from '../../db/open';

export interface CampaignRow {
  id: string;
  name: string;
  basis_doc_number: string;
  basis_title: string;
  organizer: string;
  cutoff: string;
  scope: string;
  state: 'reviewing' | 'published';
  notice_doc_number: string | null;
  notice_date: string | null;
  notice_document_id: string | null;
  applied: string | null;
  created_at: string;
  created_by: string;
  published_at: string | null;
  total: number;
  decided: number;
}

export interface ItemRow {
  position: number;
  document_id: string;
  title: string;
  doc_number: string | null;
  issuers: string;
  date_signed: string | null;
  valid_until: string | null;
  decision: CleanupDecisionValue | null;
  reason: string;
  note: string;
  opinion: CleanupDecisionValue | null;
  opinion_reason: string;
  amended_by: string | null;
  decided_by: string | null;
}

/** What publishing changed in the library, kept so that a revert restores exactly that. */
export interface Applied {
  noticeId: string;
  noticeCreated: boolean;
  relations: number[];
  declared: Array<{ id: string; before: string | null }>;
}

export function toSummary(row: CampaignRow): CampaignSummary {
  return {
    id: row.id,
    name: row.name,
    basisDocNumber: row.basis_doc_number,
    basisTitle: row.basis_title,
    organizer: row.organizer,
    cutoff: row.cutoff,
    scope: JSON.parse(row.scope) as CampaignScope,
    state: row.state,
    total: row.total,
    decided: row.decided,
    createdAt: row.created_at,
    createdBy: row.created_by,
    noticeDocNumber: row.notice_doc_number,
    noticeDate: row.notice_date,
    noticeDocumentId: row.notice_document_id,
    publishedAt: row.published_at,
  };
}

/** A review row; `statusAtCutoff` is what the campaign reviews, `status` today's (shown beside it). */
export function toItem(row: ItemRow, status: CampaignItem['status'], warnings: string[], statusAtCutoff: CampaignItem['status']): CampaignItem {
  return {
    position: row.position,
    documentId: row.document_id,
    title: row.title,
    docNumber: row.doc_number,
    issuers: JSON.parse(row.issuers) as string[],
    dateSigned: row.date_signed,
    validUntil: row.valid_until,
    status,
    statusAtCutoff,
    decision: row.decision,
    reason: row.reason,
    note: row.note,
    opinion: row.opinion,
    opinionReason: row.opinion_reason,
    amendedBy: row.amended_by,
    decidedBy: row.decided_by,
    warnings,
  };
}

const CAMPAIGN_SELECT = `
  SELECT c.*, (SELECT count(*) FROM cleanup_items i WHERE i.campaign_id = c.id) AS total,
         (SELECT count(*) FROM cleanup_items i WHERE i.campaign_id = c.id AND i.decision IS NOT NULL) AS decided
  FROM cleanup_campaigns c`;

const ITEM_SELECT = `
  SELECT i.position, i.document_id, d.title, d.doc_number, d.issuers, d.date_signed, d.valid_until, i.decision, i.reason,
         i.note, i.opinion, i.opinion_reason, i.amended_by, i.decided_by
  FROM cleanup_items i JOIN documents d ON d.id = i.document_id`;

/** Filters of the review list, as SQL over cleanup_items i joined with documents d. */
const ITEM_FILTER = `
  WHERE i.campaign_id = @id
    AND (@decision IS NULL OR (@decision = 'none' AND i.decision IS NULL) OR i.decision = @decision)
    AND (@issuer IS NULL OR EXISTS (SELECT 1 FROM json_each(d.issuers) WHERE value = @issuer))
    AND (@q IS NULL OR instr(d.title, @q) > 0 OR instr(coalesce(d.doc_number_raw, ''), @q) > 0 OR instr(coalesce(d.doc_number, ''), @q) > 0)`;

export interface ItemFilter {
  id: string;
  decision: string | null;
  issuer: string | null;
  q: string | null;
}

/** Every statement the cleanup feature runs against its own tables (and the reads it joins with documents). */
export function createCleanupStore(db: Db) {
  return {
    campaign: db.prepare<[string], CampaignRow>(`${CAMPAIGN_SELECT} WHERE c.id = ?`),
    /** the 发文机关 of a published result notice (as stored in the library) */
    noticeIssuer: db.prepare<[string], string | null>("SELECT json_extract(issuers, '$[0]') FROM documents WHERE id = ?").pluck(),
    campaigns: db.prepare<[], CampaignRow>(`${CAMPAIGN_SELECT} ORDER BY c.created_at DESC, c.rowid DESC`),
    insertCampaign: db.prepare(`
      INSERT INTO cleanup_campaigns (id, name, basis_doc_number, basis_title, cutoff, scope, created_at, created_by, organizer)
      VALUES (@id, @name, @basis_doc_number, @basis_title, @cutoff, @scope, @created_at, @created_by, @organizer)`),
    setPublished: db.prepare<{ id: string; doc_number: string; date: string; notice: string; applied: string; at: string }>(`
      UPDATE cleanup_campaigns SET state = 'published', notice_doc_number = @doc_number, notice_date = @date,
        notice_document_id = @notice, applied = @applied, published_at = @at WHERE id = @id`),
    setApplied: db.prepare<[string, string]>('UPDATE cleanup_campaigns SET applied = ? WHERE id = ?'),
    /** a published campaign whose result notice has this (normalized) 文号 */
    publishedWithNotice: db.prepare<[string], { id: string; name: string }>(
      "SELECT id, name FROM cleanup_campaigns WHERE state = 'published' AND notice_doc_number = ? LIMIT 1",
    ),
    setReverted: db.prepare<[string]>(`
      UPDATE cleanup_campaigns SET state = 'reviewing', notice_doc_number = NULL, notice_date = NULL, notice_document_id = NULL,
        applied = NULL, published_at = NULL WHERE id = ?`),
    /** candidates for a new scope: signed on or before the cut-off, optionally normative only */
    candidates: db.prepare<[string, number], { id: string; issuers: string }>(`
      SELECT id, issuers FROM documents WHERE date_signed <= ? AND (? = 0 OR is_normative = 1)
      ORDER BY date_signed, doc_number, title`),
    insertItem: db.prepare<[string, string, number]>('INSERT INTO cleanup_items (campaign_id, document_id, position) VALUES (?, ?, ?)'),
    deleteItem: db.prepare<[string, string]>('DELETE FROM cleanup_items WHERE campaign_id = ? AND document_id = ?'),
    maxPosition: db.prepare<[string], number>('SELECT coalesce(max(position), 0) FROM cleanup_items WHERE campaign_id = ?').pluck(),
    item: db.prepare<{ id: string; doc: string }, ItemRow>(`${ITEM_SELECT} WHERE i.campaign_id = @id AND i.document_id = @doc`),
    items: db.prepare<ItemFilter & { limit: number; offset: number }, ItemRow>(
      `${ITEM_SELECT} ${ITEM_FILTER} ORDER BY i.position LIMIT @limit OFFSET @offset`,
    ),
    countItems: db.prepare<ItemFilter, number>(`SELECT count(*) FROM cleanup_items i JOIN documents d ON d.id = i.document_id ${ITEM_FILTER}`).pluck(),
    allItems: db.prepare<[string], ItemRow>(`${ITEM_SELECT} WHERE i.campaign_id = ? ORDER BY i.position`),
    decide: db.prepare<{ id: string; doc: string; decision: string | null; reason: string; note: string; by: string | null; at: string | null }>(`
      UPDATE cleanup_items SET decision = @decision, reason = @reason, note = @note, decided_by = @by, decided_at = @at
      WHERE campaign_id = @id AND document_id = @doc`),
    opinion: db.prepare<{ id: string; doc: string; opinion: string | null; reason: string }>(
      'UPDATE cleanup_items SET opinion = @opinion, opinion_reason = @reason WHERE campaign_id = @id AND document_id = @doc',
    ),
    amendedBy: db.prepare<[string | null, string, string]>('UPDATE cleanup_items SET amended_by = ? WHERE campaign_id = ? AND document_id = ?'),
    byDecision: db.prepare<[string], { decision: string | null; count: number }>(
      'SELECT decision, count(*) AS count FROM cleanup_items WHERE campaign_id = ? GROUP BY decision',
    ),
    byIssuer: db.prepare<[string], { issuer: string; total: number; decided: number }>(`
      SELECT coalesce(json_extract(d.issuers, '$[0]'), '（未注明）') AS issuer, count(*) AS total, count(i.decision) AS decided
      FROM cleanup_items i JOIN documents d ON d.id = i.document_id WHERE i.campaign_id = ? GROUP BY 1 ORDER BY total DESC, issuer`),
    issuerDecisions: db.prepare<[string], { issuer: string; decision: CleanupDecisionValue | null; count: number }>(`
      SELECT coalesce(json_extract(d.issuers, '$[0]'), '（未注明）') AS issuer, i.decision, count(*) AS count
      FROM cleanup_items i JOIN documents d ON d.id = i.document_id WHERE i.campaign_id = ? GROUP BY 1, 2`),
    pendingAmendments: db.prepare<[string], number>(
      `SELECT count(*) FROM cleanup_items WHERE campaign_id = ? AND decision = '修改' AND amended_by IS NULL`,
    ).pluck(),
    scopeChanges: db.prepare<[string], { document_id: string; title: string; doc_number: string | null; change: 'add' | 'remove'; reason: string; at: string; actor: string }>(
      'SELECT document_id, title, doc_number, change, reason, at, actor FROM cleanup_scope_changes WHERE campaign_id = ? ORDER BY id',
    ),
    insertScopeChange: db.prepare(`
      INSERT INTO cleanup_scope_changes (campaign_id, document_id, title, doc_number, change, reason, at, actor)
      VALUES (@campaign_id, @document_id, @title, @doc_number, @change, @reason, @at, @actor)`),
    membership: db.prepare<[string], { id: string; name: string; state: 'reviewing' | 'published'; decision: CleanupDecisionValue | null; reason: string; notice_doc_number: string | null }>(`
      SELECT c.id, c.name, c.state, i.decision, i.reason, c.notice_doc_number
      FROM cleanup_items i JOIN cleanup_campaigns c ON c.id = i.campaign_id WHERE i.document_id = ? ORDER BY c.created_at DESC`),
    /** stored documents citing a document as their basis */
    citedBy: db.prepare<[string], string>(`SELECT source_id FROM relations WHERE target_id = ? AND type = 'cites'`).pluck(),
    docRef: db.prepare<[string], { id: string; title: string; doc_number: string | null; issuers: string }>(
      'SELECT id, title, doc_number, issuers FROM documents WHERE id = ?',
    ),
    relationTarget: db.prepare<[number], string | null>('SELECT target_id FROM relations WHERE id = ?').pluck(),
    reasons: db.prepare<[], string>('SELECT text FROM cleanup_reasons ORDER BY position').pluck(),
    clearReasons: db.prepare('DELETE FROM cleanup_reasons'),
    insertReason: db.prepare<[number, string]>('INSERT INTO cleanup_reasons (position, text) VALUES (?, ?)'),
  };
}
export type CleanupStore = ReturnType<typeof createCleanupStore>;

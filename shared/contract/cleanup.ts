import { z } from 'zod';
import { DOCUMENT_STATUSES, DocumentStatus } from '../domain/document';
import { IsoDate } from '../domain/parse-result';
import { defineChannels } from './define';
import { CLEANUP_DECISIONS, CleanupDecision, ExportedFile } from './export';

export { CLEANUP_DECISIONS, CleanupDecision };
export type CleanupDecisionValue = z.infer<typeof CleanupDecision>;

/** Decisions that need a reason before results may be published. */
export const REASON_REQUIRED: readonly CleanupDecisionValue[] = ['修改', '废止', '宣布失效'];

/** Decisions that cannot even be saved without a reason: they end a document's force (修改 may wait until publication). */
export const REASON_BEFORE_SAVE: readonly CleanupDecisionValue[] = ['废止', '宣布失效'];

/** The standard reasons offered in the review (editable: cleanup:set-reasons). */
export const DEFAULT_CLEANUP_REASONS = [
  '上位法已修改',
  '上位法已废止',
  '与上位法不一致',
  '已被新文件替代',
  '调整对象已消失',
  '适用期已过',
  '工作任务已完成',
  '内容仍符合实际，继续执行',
] as const;

const Id = z.string().min(1).max(64);
const Reason = z.string().trim().max(1_000);

export const CAMPAIGN_STATES = ['reviewing', 'published'] as const;
export const CampaignState = z.enum(CAMPAIGN_STATES);
export const CAMPAIGN_STATE_LABELS: Record<z.infer<typeof CampaignState>, string> = { reviewing: '审查中', published: '已公布' };

/** Which documents a campaign takes in when it is created; frozen from then on. */
export const CampaignScope = z.object({
  /** 制定机关; empty = every issuer */
  issuers: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  normativeOnly: z.boolean().default(true),
  /** statuses as of the cut-off date that are in scope (default: those still in force) */
  statuses: z.array(DocumentStatus).min(1).max(DOCUMENT_STATUSES.length).default(['现行有效', '即将到期', '已修改']),
  /** only these documents (those a consistency check found), still within the cut-off and the filters above */
  documentIds: z.array(z.string().min(1).max(64)).min(1, '没有可纳入清理的文件').max(20_000).optional(),
});
const DEFAULT_SCOPE: CampaignScope = { issuers: [], normativeOnly: true, statuses: ['现行有效', '即将到期', '已修改'] };
export type CampaignScope = z.infer<typeof CampaignScope>;

export const CampaignInput = z.object({
  name: z.string().trim().min(1, '请填写清理名称').max(200),
  /** the higher-level notice this campaign answers: 文号 and title */
  basisDocNumber: z.string().trim().max(100).default(''),
  basisTitle: z.string().trim().max(500).default(''),
  /** the body organising the campaign: the default 发文机关 of its result notice */
  organizer: z.string().trim().max(100).default(''),
  /** documents signed on or before this day are reviewed, with their status as of this day */
  cutoff: IsoDate,
  scope: CampaignScope.default(DEFAULT_SCOPE),
});

export const DecisionCount = z.object({ decision: z.string(), count: z.number().int() });

export const CampaignSummary = z.object({
  id: Id,
  name: z.string(),
  basisDocNumber: z.string(),
  basisTitle: z.string(),
  organizer: z.string(),
  cutoff: IsoDate,
  scope: CampaignScope,
  state: CampaignState,
  total: z.number().int(),
  decided: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  noticeDocNumber: z.string().nullable(),
  noticeDate: IsoDate.nullable(),
  noticeDocumentId: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type CampaignSummary = z.infer<typeof CampaignSummary>;

export const ScopeChange = z.object({
  documentId: z.string(),
  title: z.string(),
  docNumber: z.string().nullable(),
  change: z.enum(['add', 'remove']),
  reason: z.string(),
  at: z.string(),
  actor: z.string(),
});

/** Progress of a campaign: per decision and per issuer; the list of scope changes with their reasons. */
export const CampaignDetail = CampaignSummary.extend({
  byDecision: z.array(DecisionCount),
  byIssuer: z.array(z.object({ issuer: z.string(), total: z.number().int(), decided: z.number().int() })),
  scopeChanges: z.array(ScopeChange),
  /** 修改 decisions applied without an amending document linked yet */
  pendingAmendments: z.number().int(),
});
export type CampaignDetail = z.infer<typeof CampaignDetail>;

/** One document in a campaign, as the review list shows it. */
export const CampaignItem = z.object({
  position: z.number().int(),
  documentId: z.string(),
  title: z.string(),
  docNumber: z.string().nullable(),
  issuers: z.array(z.string()),
  dateSigned: IsoDate.nullable(),
  validUntil: IsoDate.nullable(),
  /** status today */
  status: DocumentStatus,
  /** status as of the campaign's cut-off date: what the campaign reviews */
  statusAtCutoff: DocumentStatus,
  decision: CleanupDecision.nullable(),
  reason: z.string(),
  note: z.string(),
  /** 起草/实施机关意见, kept apart from the legal office's decision */
  opinion: CleanupDecision.nullable(),
  opinionReason: z.string(),
  amendedBy: z.string().nullable(),
  decidedBy: z.string().nullable(),
  /** where the decision contradicts the library */
  warnings: z.array(z.string()),
});
export type CampaignItem = z.infer<typeof CampaignItem>;

export const ItemQuery = z.object({
  id: Id,
  /** 'none' = undecided */
  decision: z.union([CleanupDecision, z.literal('none')]).optional(),
  issuer: z.string().max(100).optional(),
  q: z.string().max(200).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(20_000).default(100),
});

export const MissingItem = z.object({ documentId: z.string(), title: z.string(), docNumber: z.string().nullable(), problem: z.string() });
export type MissingItem = z.infer<typeof MissingItem>;

export const SheetImportReport = z.object({
  rows: z.number().int(),
  /** opinions stored */
  applied: z.number().int(),
  unchanged: z.number().int(),
  unmatched: z.array(z.object({ row: z.number().int(), title: z.string(), docNumber: z.string(), problem: z.string() })),
  conflicts: z.array(z.object({ row: z.number().int(), documentId: z.string(), title: z.string(), existing: z.string(), incoming: z.string() })),
});
export type SheetImportReport = z.infer<typeof SheetImportReport>;

export const CampaignMembership = z.object({
  campaignId: z.string(),
  name: z.string(),
  state: CampaignState,
  decision: CleanupDecision.nullable(),
  reason: z.string(),
  noticeDocNumber: z.string().nullable(),
});

/** A row of a published cleanup result list (as printed in its annex). */
export const PublishedItem = z.object({ decision: CleanupDecision, title: z.string().max(500).nullable(), docNumber: z.string().max(100).nullable() });
export const PublishedMatch = PublishedItem.extend({
  documentId: z.string().nullable(),
  matchedTitle: z.string().nullable(),
});

export const cleanupChannels = defineChannels({
  /** Creates a campaign and freezes its scope from the filters. */
  'cleanup:create': { req: CampaignInput, res: CampaignSummary, access: 'review' },
  /** Every campaign, newest first. */
  'cleanup:list': { req: z.object({}).default({}), res: z.array(CampaignSummary), access: 'read' },
  /** One campaign with its progress and scope changes. */
  'cleanup:get': { req: z.object({ id: Id }), res: CampaignDetail, access: 'read' },
  /** The review list: one page of the campaign's documents with decisions, opinions and warnings. */
  'cleanup:items': { req: ItemQuery, res: z.object({ total: z.number().int(), rows: z.array(CampaignItem) }), access: 'read' },
  /** The legal office's decision on one or many documents (null clears it). */
  'cleanup:decide': {
    req: z.object({
      id: Id,
      documentIds: z.array(Id).min(1, '请选择文件').max(20_000),
      decision: CleanupDecision.nullable(),
      reason: Reason.default(''),
      note: z.string().trim().max(2_000).default(''),
    }),
    res: z.object({ updated: z.number().int(), warnings: z.array(z.object({ documentId: z.string(), title: z.string(), warning: z.string() })) }),
    access: 'review',
  },
  /** The drafting/implementing office's opinion on one document. */
  'cleanup:opinion': {
    req: z.object({ id: Id, documentId: Id, opinion: CleanupDecision.nullable(), reason: Reason.default('') }),
    res: CampaignItem,
    access: 'review',
  },
  /** Adds a document to a started campaign (reason required, recorded). */
  'cleanup:scope-add': { req: z.object({ id: Id, documentId: Id, reason: z.string().trim().min(1, '请填写加入理由').max(1_000) }), res: CampaignDetail, access: 'review' },
  /** Removes a document from a campaign (reason required, recorded). */
  'cleanup:scope-remove': { req: z.object({ id: Id, documentId: Id, reason: z.string().trim().min(1, '请填写移出理由').max(1_000) }), res: CampaignDetail, access: 'review' },
  /** Links the document that amends one decided 修改 (applied at once when the campaign is published). */
  'cleanup:link-amendment': { req: z.object({ id: Id, documentId: Id, amendingId: Id.nullable() }), res: CampaignItem, access: 'review' },
  /** What still stands between the campaign and publication. */
  'cleanup:gate': { req: z.object({ id: Id }), res: z.object({ complete: z.boolean(), missing: z.array(MissingItem) }), access: 'read' },
  /** Publishes the results and applies them to the library in one transaction (refused while incomplete). */
  'cleanup:publish': {
    req: z.object({
      id: Id,
      docNumber: z.string().trim().min(1, '请填写清理结果通知的文号').max(100),
      date: IsoDate,
      /** the body publishing the notice (default: the campaign's organiser; refused when neither is given) */
      issuer: z.string().trim().max(100).optional(),
      title: z.string().trim().max(200).optional(),
    }),
    res: CampaignDetail,
    access: 'review',
  },
  /** Reverts an applied campaign as a whole: every status as before publication. */
  'cleanup:revert': { req: z.object({ id: Id }), res: CampaignDetail, access: 'review' },
  /** Review sheet (.xlsx) for one issuer, to collect the drafting office's opinions. */
  'cleanup:sheet': { req: z.object({ id: Id, issuer: z.string().trim().min(1, '请选择制定机关').max(100) }), res: ExportedFile, access: 'read' },
  /** Reads a returned review sheet: stores opinions, reports rows that match nothing or conflict. */
  'cleanup:import-sheet': {
    req: z.object({ id: Id, dataBase64: z.string().min(1).max(14_000_000), overwrite: z.boolean().default(false) }),
    res: SheetImportReport,
    access: 'review',
  },
  /** Every campaign a document was in, with the decision. */
  'cleanup:for-document': { req: z.object({ documentId: Id }), res: z.array(CampaignMembership), access: 'read' },
  /** The standard reasons offered in the review. */
  'cleanup:reasons': { req: z.object({}).default({}), res: z.array(z.string()), access: 'read' },
  /** Replaces the standard reasons list. */
  'cleanup:set-reasons': { req: z.object({ reasons: z.array(z.string().trim().min(1).max(200)).min(1).max(100) }), res: z.array(z.string()), access: 'admin' },
  /** Matches the rows of a published cleanup result to the library. */
  'cleanup:match-result': { req: z.object({ items: z.array(PublishedItem).max(20_000) }), res: z.array(PublishedMatch), access: 'read' },
  /** Records a published cleanup result as a completed campaign and applies it. */
  'cleanup:apply-published': {
    req: z.object({
      name: z.string().trim().min(1).max(200),
      docNumber: z.string().trim().min(1, '请填写清理结果通知的文号').max(100),
      date: IsoDate,
      issuer: z.string().trim().max(100).optional(),
      title: z.string().trim().max(200).optional(),
      items: z.array(PublishedItem).min(1).max(20_000),
    }),
    res: z.object({ campaign: CampaignDetail, notFound: z.array(PublishedItem) }),
    access: 'review',
  },
});

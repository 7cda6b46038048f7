import { z } from 'zod';
import { Document, DOCUMENT_STATUSES, DocumentStatus, DocumentSummary, Relation, RelationType } from '../domain/document';
import { Appointment, IsoDate } from '../domain/parse-result';
import { defineChannels } from './define';

export const SORT_FIELDS = ['docNumber', 'title', 'issuer', 'dateSigned', 'status', 'validUntil'] as const;

/** Library table query: filters, sort and the day the statuses are computed for. */
export const DocumentQuery = z.object({
  /** statuses are computed as of this day (default: today) */
  asOf: IsoDate.optional(),
  /** quick filter: substring of title, 文号 (any spelling) or issuer */
  q: z.string().max(200).optional(),
  status: z.array(DocumentStatus).max(DOCUMENT_STATUSES.length).optional(),
  issuer: z.string().max(100).optional(),
  year: z.number().int().min(1949).max(2100).optional(),
  kind: z.string().max(20).optional(),
  normative: z.boolean().optional(),
  hasValidity: z.boolean().optional(),
  /** 有效期截止日期 on or after this day (the start page's expiry and lapse bars) */
  validFrom: IsoDate.optional(),
  /** 有效期截止日期 on or before this day */
  validTo: IsoDate.optional(),
  sort: z.enum(SORT_FIELDS).default('dateSigned'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(50_000).default(50_000),
});

export const FacetCount = z.object({ value: z.string(), count: z.number().int() });
export type FacetCount = z.infer<typeof FacetCount>;

export const DocumentList = z.object({
  total: z.number().int(),
  rows: z.array(DocumentSummary),
  /** values present in the whole library, for the filter menus */
  options: z.object({ issuers: z.array(z.string()), years: z.array(z.number().int()), kinds: z.array(z.string()) }),
});

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  /**
   * For a relation entry in a document's history: the document at the other end, as stored now (id set) or as
   * the log names it (id null: not or no longer in the library), and which way the relation points from here.
   */
  related: z
    .object({
      direction: z.enum(['out', 'in']),
      type: RelationType,
      id: z.string().nullable(),
      title: z.string().nullable(),
      docNumber: z.string().nullable(),
    })
    .optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Character ranges in body paragraphs worth highlighting (施行, 有效期, 废止 clauses). */
export const Highlight = z.object({
  paragraph: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  kind: z.enum(['effective', 'validity', 'abolish']),
});

export const DocumentDetail = z.object({
  document: Document,
  status: DocumentStatus,
  asOf: IsoDate,
  /** relations this document has to others (废止, 修改, 替代, 引用), resolved or not */
  outgoing: z.array(Relation),
  /** relations others have to this one (被废止, 被修改, 被替代, 被引用) */
  incoming: z.array(Relation),
  /** status on `asOf` of each stored document at the other end of a relation, so the page shows what a relation did */
  relatedStatuses: z.record(z.string(), DocumentStatus),
  highlights: z.array(Highlight),
  history: z.array(AuditEntry),
  gazettes: z.array(z.object({ id: z.string(), title: z.string(), issueNumber: z.number().int().nullable(), year: z.number().int().nullable() })),
});
export type DocumentDetail = z.infer<typeof DocumentDetail>;

/** Fields a person may edit; the 文号 is given as text and parsed (a 文号 that does not parse is refused). */
export const DocumentPatch = z.object({
  title: z.string().trim().min(1).max(500).optional(),
  docNumber: z.string().trim().max(100).nullable().optional(),
  registrationNumber: z.string().trim().max(100).nullable().optional(),
  issuers: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
  dateSigned: IsoDate.nullable().optional(),
  kind: z.string().trim().max(20).nullable().optional(),
  isNormative: z.boolean().optional(),
  effectiveClause: z.string().max(2000).nullable().optional(),
  effectiveDate: IsoDate.nullable().optional(),
  validityClause: z.string().max(2000).nullable().optional(),
  validUntil: IsoDate.nullable().optional(),
  declaredInvalidOn: IsoDate.nullable().optional(),
  appointments: z.array(Appointment).max(500).optional(),
  body: z.array(z.string().max(100_000)).max(5_000).optional(),
});
export type DocumentPatch = z.infer<typeof DocumentPatch>;

// Gazette issues moved to their own section; re-exported for the modules that import them from here.
export { GazetteDetail, GazetteSummary } from './gazettes';

const Id = z.string().min(1).max(64);

/** A stored document with every field and its status on the asked day (the CLI's `list --json`). */
export const StoredDocument = Document.omit({ body: true }).extend({ status: DocumentStatus, body: z.array(z.string()).optional() });

export const documentsChannels = defineChannels({
  /** Every stored document with all its fields and its status on a day, oldest first; bodies only when asked. */
  'documents:all': {
    req: z.object({ asOf: IsoDate.optional(), withBody: z.boolean().default(false) }),
    res: z.array(StoredDocument),
    access: 'read',
  },
  /** The library table: filtered, sorted rows with statuses as of a day. */
  'documents:list': { req: DocumentQuery, res: DocumentList, access: 'read' },
  /** One document with status, relations both ways, clause highlights and history. */
  'documents:get': { req: z.object({ id: Id, asOf: IsoDate.optional() }), res: DocumentDetail, access: 'read' },
  /**
   * Edits fields of a document (validated; audited in the same transaction). `expectedUpdatedAt` is the
   * updatedAt the editor loaded: an edit of an outdated copy is refused with CONFLICT naming what changed. The UI
   * always sends it; it is optional only so scripts written against earlier versions keep working.
   */
  'documents:update': {
    req: z.object({ id: Id, patch: DocumentPatch, expectedUpdatedAt: z.string().min(1).max(40).optional() }),
    res: DocumentDetail,
    access: 'edit',
  },
  /** Deletes a document; relations pointing at it become unresolved references again. */
  'documents:delete': { req: z.object({ id: Id }), res: z.object({ id: Id }), access: 'edit' },
  /** Adds a relation to a stored document or to a 文号/title not yet in the library. */
  'relations:add': {
    req: z
      .object({
        sourceId: Id,
        type: RelationType,
        targetId: Id.optional(),
        targetDocNumber: z.string().trim().max(100).optional(),
        targetTitle: z.string().trim().max(500).optional(),
      })
      .refine((r) => r.targetId || r.targetDocNumber || r.targetTitle, { message: '请指定目标文件、文号或标题' }),
    res: Relation,
    access: 'edit',
  },
  /** Removes a relation (audited). */
  'relations:remove': { req: z.object({ id: z.number().int() }), res: z.object({ id: z.number().int() }), access: 'edit' },
});

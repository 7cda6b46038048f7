import { z } from 'zod';
import { Appointment, DocumentMetadata, IsoDate } from './parse-result';

/**
 * Status of a document as of a given date; always computed, never stored. 未发布: the day is before the document
 * was signed (it did not exist yet); 尚未生效: signed, but its 施行日期 is still ahead.
 */
export const DOCUMENT_STATUSES = ['未发布', '尚未生效', '现行有效', '即将到期', '已失效', '已废止', '已修改', '宣布失效'] as const;
export const DocumentStatus = z.enum(DOCUMENT_STATUSES);
export type DocumentStatus = z.infer<typeof DocumentStatus>;

export const RELATION_TYPES = ['abolishes', 'amends', 'replaces', 'cites'] as const;
export const RelationType = z.enum(RELATION_TYPES);
export type RelationType = z.infer<typeof RelationType>;

/** Chinese labels: outgoing and incoming wording of each relation type. */
export const RELATION_LABELS: Record<RelationType, { out: string; in: string }> = {
  abolishes: { out: '废止', in: '被废止' },
  amends: { out: '修改', in: '被修改' },
  replaces: { out: '替代', in: '被替代' },
  cites: { out: '引用', in: '被引用' },
};

/** A stored document with every field a person can see and edit. */
/** A document's fields as a clerk names them (history, audit view, edit-conflict messages). */
export const DOCUMENT_FIELD_LABELS: Record<string, string> = {
  title: '标题',
  docNumber: '文号',
  registrationNumber: '登记号',
  issuers: '发文机关',
  dateSigned: '成文日期',
  kind: '文种',
  isNormative: '是否规范性文件',
  effectiveClause: '施行条款',
  effectiveDate: '施行日期',
  validityClause: '有效期条款',
  validUntil: '有效期至',
  declaredInvalidOn: '宣布失效日期',
  appointments: '任免事项',
  body: '正文',
};

export const Document = DocumentMetadata.extend({
  id: z.string(),
  /** set by a cleanup decision or by hand: 宣布失效 from this date on */
  declaredInvalidOn: IsoDate.nullable(),
  appointments: z.array(Appointment),
  body: z.array(z.string()),
  sourceFileId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Document = z.infer<typeof Document>;

/** A row of the library table: what the list shows, with the status as of the asked date. */
export const DocumentSummary = z.object({
  id: z.string(),
  title: z.string(),
  docNumber: z.string().nullable(),
  issuers: z.array(z.string()),
  dateSigned: IsoDate.nullable(),
  effectiveDate: IsoDate.nullable(),
  validUntil: IsoDate.nullable(),
  kind: z.string().nullable(),
  isNormative: z.boolean(),
  hasValidityClause: z.boolean(),
  status: DocumentStatus,
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

/** A relation from one stored document to another, or to a reference not yet in the library. */
export const Relation = z.object({
  id: z.number().int(),
  type: RelationType,
  sourceId: z.string(),
  sourceTitle: z.string(),
  sourceDocNumber: z.string().nullable(),
  targetId: z.string().nullable(),
  targetTitle: z.string().nullable(),
  targetDocNumber: z.string().nullable(),
});
export type Relation = z.infer<typeof Relation>;

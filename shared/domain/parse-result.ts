import { z } from 'zod';
import { isoDate } from './cn-date';

/**
 * The parse contract: what extraction returns for one file. Stable — scripts and the answer-key checks rely
 * on it (see issue "Document library"). Dates are YYYY-MM-DD or null; lines are 1-based in the file as given.
 */

/** A calendar day written YYYY-MM-DD: `2022-02-30` or `2022-13-01` is refused, not stored (issue create, cleanup cut-off …). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || isoDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))) === s, '不是有效的日期');

/** A 文号 as printed and in its normalized form, e.g. raw `招政发〔2018〕27 号` → `招政发〔2018〕27号`. */
export const DocNumber = z.object({
  raw: z.string(),
  normalized: z.string(),
  agency: z.string(),
  /** year in the brackets; for a 政府令 number (`某市人民政府令第12号`) the year it was promulgated, null when unknown */
  year: z.number().int().nullable(),
  serial: z.number().int(),
});
export type DocNumber = z.infer<typeof DocNumber>;

export const TocEntry = z.object({
  section: z.string().nullable(),
  title: z.string(),
  page: z.number().int().nullable(),
});
export type TocEntry = z.infer<typeof TocEntry>;

export const ParsedGazette = z.object({
  title: z.string(),
  issueNumber: z.number().int().nullable(),
  totalNumber: z.number().int().nullable(),
  year: z.number().int().nullable(),
  publishDate: IsoDate.nullable(),
  toc: z.array(TocEntry),
  /** the word the issue is numbered with as printed: 第2号（总第20号） or 2021年第3期 (absent when not seen) */
  issueUnit: z.enum(['期', '号']).optional(),
});
export type ParsedGazette = z.infer<typeof ParsedGazette>;

export const RelationTarget = z.object({
  title: z.string().nullable(),
  /** normalized 文号 */
  docNumber: z.string().nullable(),
});
export type RelationTarget = z.infer<typeof RelationTarget>;

export const Appointment = z.object({
  name: z.string(),
  action: z.enum(['任命', '免去']),
  position: z.string(),
});
export type Appointment = z.infer<typeof Appointment>;

export const CleanupDecision = z.enum(['继续有效', '修改', '废止', '宣布失效']);
export type CleanupDecision = z.infer<typeof CleanupDecision>;

/**
 * What a cleanup-result notice (清理结果) or abolition list states: its scope, the counts per decision
 * (修订/修正 → 修改; 失效 → 宣布失效; 保留/继续执行 → 继续有效) and the documents it lists under each decision.
 */
export const Cleanup = z.object({
  scope: z.string().nullable(),
  counts: z.object({
    继续有效: z.number().int().optional(),
    修改: z.number().int().optional(),
    废止: z.number().int().optional(),
    宣布失效: z.number().int().optional(),
  }),
  items: z.array(RelationTarget.extend({ decision: CleanupDecision })),
});
export type Cleanup = z.infer<typeof Cleanup>;

/** What identifies a document and decides its validity: shared by extracted and stored documents. */
export const DocumentMetadata = z.object({
  title: z.string(),
  docNumber: DocNumber.nullable(),
  registrationNumber: z.string().nullable(),
  issuers: z.array(z.string()),
  dateSigned: IsoDate.nullable(),
  kind: z.string().nullable(),
  isNormative: z.boolean(),
  effectiveClause: z.string().nullable(),
  effectiveDate: IsoDate.nullable(),
  validityClause: z.string().nullable(),
  validUntil: IsoDate.nullable(),
});

export const ParsedDocument = DocumentMetadata.extend({
  abolishes: z.array(RelationTarget),
  cites: z.array(z.string()),
  appointments: z.array(Appointment),
  lineStart: z.number().int(),
  lineEnd: z.number().int(),
  // Beyond the stable contract (extra keys are allowed by consumers):
  /** documents this one amends (修改) or replaces (替代), same shape as abolishes */
  amends: z.array(RelationTarget).default([]),
  replaces: z.array(RelationTarget).default([]),
  /** clean paragraphs of the body, running headers and page numbers removed */
  body: z.array(z.string()).default([]),
  /**
   * cleanup results (清理结果) or abolition list printed in this document; null for other documents. Parsing
   * fills in null when absent; optional in the type so documents built before this field still type-check.
   */
  cleanup: Cleanup.nullable().default(null).optional(),
});
export type ParsedDocument = z.infer<typeof ParsedDocument>;

export const ParseWarning = z.object({ line: z.number().int().nullable(), message: z.string() });
export type ParseWarning = z.infer<typeof ParseWarning>;

export const ParseResult = z.object({
  file: z.string(),
  encoding: z.string(),
  gazette: ParsedGazette.nullable(),
  documents: z.array(ParsedDocument),
  warnings: z.array(ParseWarning),
});
export type ParseResult = z.infer<typeof ParseResult>;

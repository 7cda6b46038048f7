import { z } from 'zod';
import { IsoDate } from '../domain/parse-result';
import { defineChannels } from './define';

export const ExportFormat = z.enum(['docx', 'pdf', 'ofd']);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const CLEANUP_DECISIONS = ['继续有效', '修改', '废止', '宣布失效'] as const;
export const CleanupDecision = z.enum(CLEANUP_DECISIONS);

/** A cleanup result list: the notice and the decided documents (until the campaign workflow feeds it). */
export const CleanupInput = z.object({
  /** e.g. 高青县人民政府关于公布行政规范性文件清理结果的通知 */
  title: z.string().trim().min(1).max(200),
  docNumber: z.string().trim().max(100).nullable().default(null),
  issuer: z.string().trim().min(1).max(100),
  addressee: z.string().trim().max(500).nullable().default(null),
  /** the notice's paragraphs; a default text is written when empty */
  body: z.array(z.string().max(5_000)).max(100).default([]),
  date: IsoDate,
  items: z
    .array(
      z.object({
        /** a stored document, or the fields below for one not in the library */
        documentId: z.string().max(64).optional(),
        title: z.string().trim().max(500).optional(),
        docNumber: z.string().trim().max(100).nullable().optional(),
        datePublished: IsoDate.nullable().optional(),
        issuer: z.string().trim().max(100).nullable().optional(),
        decision: CleanupDecision,
        reason: z.string().trim().max(1_000).default(''),
      }),
    )
    .max(5_000),
});
export type CleanupInput = z.infer<typeof CleanupInput>;

export const ExportedFile = z.object({
  fileName: z.string(),
  mime: z.string(),
  dataBase64: z.string(),
  pages: z.number().int().nullable(),
  /** e.g. fonts substituted (仿宋 → …), characters without a glyph — shown in the export dialog */
  warnings: z.array(z.string()),
});
export type ExportedFile = z.infer<typeof ExportedFile>;

export const exportChannels = defineChannels({
  /** One stored document in the official format (GB/T 9704). */
  'export:document': {
    /** letterhead: print the 版头 (发文机关标志 in red and the red rule under the 文号) */
    req: z.object({ id: z.string().min(1).max(64), format: ExportFormat, letterhead: z.boolean().optional() }),
    res: ExportedFile,
    access: 'read',
  },
  /** A stored gazette issue: cover, contents, documents, masthead. */
  'export:gazette': { req: z.object({ id: z.string().min(1).max(64), format: ExportFormat }), res: ExportedFile, access: 'read' },
  /** A cleanup result notice with one annex table per decision. */
  'export:cleanup': {
    req: z
      .object({ input: CleanupInput.optional(), campaignId: z.string().min(1).max(64).optional(), format: ExportFormat })
      .refine((r) => !!r.input !== !!r.campaignId, { message: '请给出清理结果清单（input）或清理项目（campaignId）之一' }),
    res: ExportedFile,
    access: 'read',
  },
  /** A cleanup campaign's report (清理情况报告): counts by decision and issuer, scope changes with their reasons. */
  'export:campaign-report': { req: z.object({ campaignId: z.string().min(1, '请指定清理项目').max(64), format: ExportFormat }), res: ExportedFile, access: 'read' },
  /** Which fonts exports use and which are substitutes, for the export dialog. */
  'export:fonts': {
    req: z.object({}).default({}),
    res: z.array(z.object({ role: z.string(), docxName: z.string(), pdfFont: z.string(), note: z.string().nullable() })),
    access: 'read',
  },
});

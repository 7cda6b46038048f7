import { z } from 'zod';
import { IsoDate } from '../domain/parse-result';
import { defineChannels } from './define';
import { ExportedFile } from './export';
import { ExportedPackage } from './packages';

export const FILING_STATES = ['unfiled', 'sent', 'registered', 'correction', 'refused', 'reviewed'] as const;
export const REVIEW_STATES = ['received', 'registered', 'correction', 'refused', 'reviewed'] as const;
export const REVIEW_DECISIONS = ['无异议', '需修改', '撤销'] as const;
export const MATERIAL_KINDS = ['制定说明', '合法性审核意见', '其他材料'] as const;
/** Largest attached material (制定说明, review opinion): a scanned opinion fits, a video does not. */
export const MAX_MATERIAL_BYTES = 20 * 1024 * 1024;

const Id = z.string().min(1).max(64);

/** One own normative document as the filing dashboard lists it. */
export const FilingRow = z.object({
  documentId: z.string(),
  title: z.string(),
  docNumber: z.string().nullable(),
  issuers: z.array(z.string()),
  published: z.string(),
  due: z.string(),
  /** days left to the deadline (negative: overdue); null once filed */
  daysLeft: z.number().int().nullable(),
  state: z.enum(FILING_STATES),
  stateLabel: z.string(),
  decision: z.enum(REVIEW_DECISIONS).nullable(),
  round: z.number().int(),
  firstSentOn: z.string().nullable(),
  onTime: z.boolean().nullable(),
  registrationNumber: z.string().nullable(),
  correctionDue: z.string().nullable(),
  answerNote: z.string(),
  receiver: z.string().nullable(),
  materials: z.array(z.object({ id: z.string(), kind: z.enum(MATERIAL_KINDS), name: z.string(), size: z.number().int() })),
});
export type FilingRow = z.infer<typeof FilingRow>;

export const FilingStats = z.object({
  from: z.string(),
  to: z.string(),
  expected: z.number().int(),
  filed: z.number().int(),
  onTime: z.number().int(),
  /** percent with one decimal; null when nothing was due in the period */
  filingRate: z.number().nullable(),
  timelyRate: z.number().nullable(),
});
export type FilingStats = z.infer<typeof FilingStats>;

/** One document in the 备案审查 queue (receiving side). */
export const ReviewRow = z.object({
  id: z.string(),
  sender: z.string(),
  senderFingerprint: z.string(),
  documentId: z.string().nullable(),
  title: z.string(),
  docNumber: z.string().nullable(),
  published: z.string().nullable(),
  round: z.number().int(),
  receivedOn: z.string(),
  state: z.enum(REVIEW_STATES),
  stateLabel: z.string(),
  registrationNumber: z.string().nullable(),
  registeredOn: z.string().nullable(),
  correctionDue: z.string().nullable(),
  correctionReason: z.string(),
  reviewDue: z.string().nullable(),
  basis: z.string(),
  problems: z.string(),
  suggestions: z.string(),
  decision: z.enum(REVIEW_DECISIONS).nullable(),
  decidedOn: z.string().nullable(),
  /** changed since the last answer package to its sender */
  unanswered: z.boolean(),
  materials: z.array(z.object({ id: z.string(), kind: z.enum(MATERIAL_KINDS), name: z.string(), size: z.number().int() })),
});
export type ReviewRow = z.infer<typeof ReviewRow>;

const Quarter = z.object({ year: z.number().int().min(2000).max(2100), quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]) });

export const CatalogRow = z.object({
  n: z.number().int(),
  title: z.string(),
  docNumber: z.string().nullable(),
  sender: z.string(),
  published: z.string().nullable(),
  receivedOn: z.string(),
  registrationNumber: z.string().nullable(),
  result: z.string(),
});
export type CatalogRow = z.infer<typeof CatalogRow>;

const Text = (max: number) => z.string().trim().max(max);

export const filingChannels = defineChannels({
  /** Own normative documents with their filing state and deadline: all, due (not yet filed, in time) or overdue. */
  'filing:list': { req: z.object({ show: z.enum(['all', 'due', 'overdue', 'filed']).default('all'), asOf: IsoDate.optional() }), res: z.array(FilingRow), access: 'read' },
  /** 报备率 and 报备及时率 of the documents published in a period. */
  'filing:stats': { req: z.object({ from: IsoDate, to: IsoDate }), res: FilingStats, access: 'read' },
  /** Attaches a material (制定说明, 合法性审核意见) to a document's filing. */
  'filing:add-material': {
    req: z.object({
      documentId: Id,
      kind: z.enum(MATERIAL_KINDS),
      fileName: Text(200).min(1),
      dataBase64: z.string().min(1).max(4 * Math.ceil(MAX_MATERIAL_BYTES / 3), '材料文件过大：不能超过 20 MB'),
    }),
    res: FilingRow,
    access: 'edit',
  },
  /** Removes an attached material (not yet sent, or to replace it). */
  'filing:remove-material': { req: z.object({ id: Id }), res: FilingRow, access: 'edit' },
  /** One attached material as a file, to read it (the sender's own, or one received for review). */
  'filing:material-file': { req: z.object({ id: Id }), res: ExportedFile, access: 'read' },
  /** The 备案报告 for the documents (GB/T 9704), to look at before sending. */
  'filing:report': { req: z.object({ documentIds: z.array(Id).min(1).max(200), format: z.enum(['docx', 'pdf']) }), res: ExportedFile, access: 'read' },
  /** 报送备案: the filing package (documents, 备案报告, materials), and the states set to 已报备. */
  'filing:send': { req: z.object({ documentIds: z.array(Id).min(1).max(200) }), res: ExportedPackage, access: 'edit' },
  /** The 备案审查 queue (receiving side). */
  'review:list': { req: z.object({ state: z.enum(REVIEW_STATES).optional() }).default({}), res: z.array(ReviewRow), access: 'read' },
  /** 予以备案登记 (with a registration number, proposed when not given). */
  'review:register': { req: z.object({ id: Id, registrationNumber: Text(60).optional() }), res: ReviewRow, access: 'review' },
  /** 暂缓备案，限期补正: what is missing and by when. */
  'review:correction': { req: z.object({ id: Id, reason: Text(2000).min(1, '请写明需要补正的内容'), due: IsoDate }), res: ReviewRow, access: 'review' },
  /** 不予备案 (not a normative document of that body), with the reason. */
  'review:refuse': { req: z.object({ id: Id, reason: Text(2000).min(1, '请写明不予备案的理由') }), res: ReviewRow, access: 'review' },
  /** Review notes per document: 上位法依据, 问题, 建议. */
  'review:notes': { req: z.object({ id: Id, basis: Text(5000).optional(), problems: Text(5000).optional(), suggestions: Text(5000).optional() }), res: ReviewRow, access: 'review' },
  /** 审查完毕: 无异议, or an opinion (需修改 / 撤销). */
  'review:decide': { req: z.object({ id: Id, decision: z.enum(REVIEW_DECISIONS) }), res: ReviewRow, access: 'review' },
  /** The answer package to one sender: every change since the last answer (registration, 补正, decisions). */
  'review:answer': { req: z.object({ sender: z.string().min(1).max(60) }), res: ExportedPackage, access: 'review' },
  /** The 备案目录 of a quarter: documents registered in it. */
  'review:catalog': { req: Quarter, res: z.array(CatalogRow), access: 'read' },
  /** The 备案目录 as a list to publish (DOCX/PDF in the official format, or XLSX). */
  'review:catalog-export': { req: Quarter.extend({ format: z.enum(['docx', 'pdf', 'xlsx']) }), res: ExportedFile, access: 'read' },
  /** Adds the quarter's 备案目录 to a gazette issue as a section (【备案目录】), as a document of its own. */
  'review:catalog-to-issue': { req: Quarter.extend({ issueId: Id }), res: z.object({ documentId: z.string(), issueId: z.string() }), access: 'edit' },
});

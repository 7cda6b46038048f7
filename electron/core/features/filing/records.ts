import { z } from 'zod';
import { MATERIAL_KINDS, REVIEW_DECISIONS } from '../../../../shared/contract/filing';

/** What filing and answer packages carry in filing.json (checked when read, like every part). */
/** A filing record in a filing package: one document, its round, its materials and the report. */
export const FilingRecord = z.object({
  type: z.literal('filing'),
  documentId: z.string().max(64),
  round: z.number().int().min(1).max(100),
  published: z.string().max(10),
  due: z.string().max(10),
  report: z.string().regex(/^[0-9a-f]{64}$/),
  materials: z.array(z.object({ kind: z.enum(MATERIAL_KINDS), name: z.string().max(200), sha256: z.string().regex(/^[0-9a-f]{64}$/) })).max(50),
});
export type FilingRecord = z.infer<typeof FilingRecord>;

/** An answer record: the receiver's state for one filed document, by the sender's own id. */
export const AnswerRecord = z.object({
  type: z.literal('answer'),
  documentId: z.string().max(64),
  title: z.string().max(500),
  round: z.number().int(),
  state: z.enum(['received', 'registered', 'correction', 'refused', 'reviewed']),
  decision: z.enum(REVIEW_DECISIONS).nullable(),
  registrationNumber: z.string().max(60).nullable(),
  correctionDue: z.string().max(10).nullable(),
  note: z.string().max(20_000),
});
export type AnswerRecord = z.infer<typeof AnswerRecord>;


import { z } from 'zod';
import { ParsedDocument, ParsedGazette, ParseWarning } from '../domain/parse-result';
import { defineChannels } from './define';

/** A file's bytes as base64 (the renderer reads dropped/picked files itself, in both shells). */
export const UploadedFile = z.object({
  name: z.string().min(1).max(255),
  dataBase64: z.string().max(14_000_000, '文件过大：单个文件不能超过 10 MB'),
});

/** A warning on one extracted document, for the review screen. */
export const ReviewWarning = z.object({
  kind: z.enum(['no-doc-number', 'no-validity', 'validity-too-long', 'duplicate', 'parse']),
  message: z.string(),
});

/** One document found in a file, with review warnings and the stored document it likely duplicates. */
export const ReviewDocument = ParsedDocument.extend({
  reviewWarnings: z.array(ReviewWarning),
  duplicateOf: z.object({ id: z.string(), title: z.string(), docNumber: z.string().nullable() }).nullable(),
});
export type ReviewDocument = z.infer<typeof ReviewDocument>;

/** What parsing one uploaded file gave: a batch to review, or the reason it could not be read. */
export const ParsedFile = z.object({
  name: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  /** this exact file was imported before */
  alreadyImported: z.boolean(),
  error: z.string().nullable(),
  encoding: z.string().nullable(),
  gazette: ParsedGazette.nullable(),
  documents: z.array(ReviewDocument),
  warnings: z.array(ParseWarning),
});
export type ParsedFile = z.infer<typeof ParsedFile>;

/** The reviewed batch to store: documents as the person corrected them; dropped ones are left out. */
export const CommitFile = z.object({
  name: z.string().min(1).max(255),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(0),
  encoding: z.string().max(40),
  gazette: ParsedGazette.nullable(),
  documents: z.array(ParsedDocument).max(5_000),
});

/** A parsed file in the shape commit takes, keeping every extracted document (the CLI's `import --yes`). */
export function toCommitFile(p: ParsedFile): z.input<typeof CommitFile> {
  return { name: p.name, sha256: p.sha256, size: p.size, encoding: p.encoding ?? 'unknown', gazette: p.gazette, documents: p.documents };
}

export const ImportSummary = z.object({
  created: z.array(z.object({ id: z.string(), title: z.string(), docNumber: z.string().nullable() })),
  /** documents that were already stored (same 文号 and title, or same text) and so were not added again */
  skipped: z.array(z.object({ id: z.string(), title: z.string(), docNumber: z.string().nullable() })),
  gazettes: z.array(z.object({ id: z.string(), title: z.string() })),
  /** references to documents that this import resolved */
  resolvedRelations: z.number().int(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const importChannels = defineChannels({
  /** Reads and extracts files without storing anything, for review. */
  'import:parse': { req: z.object({ files: z.array(UploadedFile).min(1).max(50) }), res: z.array(ParsedFile), access: 'edit' },
  /** Stores reviewed documents (and gazette issues) in one transaction; already stored ones are skipped. */
  'import:commit': { req: z.object({ files: z.array(CommitFile).min(1).max(50) }), res: ImportSummary, access: 'edit' },
  /** Loads the sample gazettes shipped with the app (for an empty library). */
  'import:samples': { req: z.object({}).default({}), res: ImportSummary, access: 'edit' },
});

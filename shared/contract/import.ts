import { z } from 'zod';
import { Appointment, IsoDate, ParsedDocument, ParsedGazette, ParseWarning, RelationTarget } from '../domain/parse-result';
import { defineChannels } from './define';

/**
 * The one upload limit: the largest file an import takes, whatever the shell (picker, drop, CLI). Every
 * transport limit below is derived from it, so a file under it always fits in a request.
 */
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;
/** The limit as people read it, for messages and the import page. */
export const MAX_IMPORT_FILE_LABEL = `${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB`;

/** Length of the base64 text of `bytes` bytes. */
export const base64Length = (bytes: number) => 4 * Math.ceil(bytes / 3);

/** The base64 text one parse request may carry in all: one file at the limit, or several smaller ones. */
export const MAX_PARSE_REQUEST_BASE64 = base64Length(MAX_IMPORT_FILE_BYTES);
/** Files per parse request (the renderer and the CLI send more in several requests). */
export const MAX_PARSE_REQUEST_FILES = 20;
/** Files and documents per commit request (larger batches are committed in several requests, one transaction each). */
export const MAX_COMMIT_REQUEST_FILES = 100;
export const MAX_COMMIT_REQUEST_DOCUMENTS = 1_000;
/** Documents one file may hold (a file is committed whole, in one request). */
export const MAX_DOCUMENTS_PER_FILE = 5_000;
/** Largest request body any transport (HTTP, IPC) accepts: a full parse request plus room for names and JSON. */
export const MAX_IMPORT_REQUEST_BYTES = MAX_PARSE_REQUEST_BASE64 + 1024 * 1024;

/**
 * Cuts items into consecutive chunks of at most `maxCount` items and `maxWeight` total weight (an item heavier
 * than `maxWeight` goes alone). For sending large batches in requests the transports accept.
 */
export function planChunks<T>(items: readonly T[], maxCount: number, maxWeight: number, weight: (item: T) => number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let sum = 0;
  for (const item of items) {
    const w = weight(item);
    if (current.length && (current.length >= maxCount || sum + w > maxWeight)) {
      chunks.push(current);
      current = [];
      sum = 0;
    }
    current.push(item);
    sum += w;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/** A file's bytes as base64 (the renderer reads dropped/picked files itself, in both shells). */
export const UploadedFile = z.object({
  name: z.string().min(1).max(255),
  // The service checks the size per file and names the file; this only bounds what one request may carry.
  dataBase64: z.string().max(MAX_PARSE_REQUEST_BASE64 + 16, `文件过大：单个文件不能超过 ${MAX_IMPORT_FILE_LABEL}`),
});

/** Where a file came from when it names it itself (a saved web page's address and 发布日期). */
export const FileOrigin = z.object({ url: z.string().nullable(), published: IsoDate.nullable() });
export type FileOrigin = z.infer<typeof FileOrigin>;

/** The file a stored document was imported from, and where that file came from. */
export const DocumentSource = z.object({ name: z.string(), importedAt: z.string(), origin: FileOrigin.nullable() });
export type DocumentSource = z.infer<typeof DocumentSource>;

/** A warning on one extracted document, for the review screen. */
export const ReviewWarning = z.object({
  kind: z.enum(['no-title', 'no-doc-number', 'no-validity', 'validity-too-long', 'duplicate', 'inconsistent-dates', 'parse', 'damaged-text', 'encoding']),
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
  /** where the service keeps this parse until commit (null when the file could not be read) */
  stagedId: z.string().nullable(),
  name: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  /** this exact file was imported before */
  alreadyImported: z.boolean(),
  error: z.string().nullable(),
  encoding: z.string().nullable(),
  /** the text looked garbled in the detected encoding, or was read in another one: say so at review */
  encodingNote: z.string().nullable(),
  gazette: ParsedGazette.nullable(),
  documents: z.array(ReviewDocument),
  warnings: z.array(ParseWarning),
  /** the file's text (or some pages of it) was read from scans by OCR: check it against the page images */
  scan: z.object({ engine: z.string(), pages: z.number().int(), lowConfidence: z.number().int() }).nullable().optional(),
  /** a saved web page's own address and 发布日期, kept with the file as its documents' source */
  origin: FileOrigin.nullable().optional(),
});
export type ParsedFile = z.infer<typeof ParsedFile>;

/** One line of a document read by OCR: where it stands on its page and which characters to check. */
export const ScanLine = z.object({
  line: z.number().int(),
  text: z.string(),
  /** 0-based page of the file */
  page: z.number().int(),
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  /** indexes into `text` of characters the recogniser was unsure of */
  low: z.array(z.number().int()),
  /** a person corrected this line at review */
  corrected: z.boolean(),
});
export type ScanLine = z.infer<typeof ScanLine>;

const ScanPageMeta = z.object({ page: z.number().int(), width: z.number().int(), height: z.number().int() });

/** What the review shows beside a document read by OCR: its pages and its lines. */
export const StagedScan = z.object({ engine: z.string(), pages: z.array(ScanPageMeta), lines: z.array(ScanLine), lowCount: z.number().int() });
export type StagedScan = z.infer<typeof StagedScan>;

/** One scanned page as a JPEG image. */
export const ScanPageImage = ScanPageMeta.extend({ jpegBase64: z.string() });
export type ScanPageImage = z.infer<typeof ScanPageImage>;

/** The scan a stored document's text came from. */
export const StoredScan = z.object({ engine: z.string(), fileName: z.string(), pages: z.array(ScanPageMeta), lowConfidence: z.number().int() });
export type StoredScan = z.infer<typeof StoredScan>;

/** The file being read now (OCR reads a page in seconds), for the progress line; null when none is. */
export const ImportProgress = z.object({ file: z.string(), done: z.number().int(), total: z.number().int() }).nullable();
export type ImportProgress = z.infer<typeof ImportProgress>;

const text = (max: number) => z.string().max(max);
/**
 * One staged document to store, by its index in the staged parse, with the person's corrections. A field left
 * out keeps what was extracted; null clears it. Body, lines and the file's hash never come from the client.
 */
export const CommitDocument = z.object({
  index: z.number().int().min(0),
  title: text(1_000).optional(),
  /** the 文号 as the person typed it (parsed by the service), null for none */
  docNumber: text(100).nullable().optional(),
  registrationNumber: text(100).nullable().optional(),
  issuers: z.array(text(200)).max(50).optional(),
  dateSigned: IsoDate.nullable().optional(),
  kind: text(50).nullable().optional(),
  isNormative: z.boolean().optional(),
  effectiveClause: text(2_000).nullable().optional(),
  effectiveDate: IsoDate.nullable().optional(),
  validityClause: text(2_000).nullable().optional(),
  validUntil: IsoDate.nullable().optional(),
  abolishes: z.array(RelationTarget).max(500).optional(),
  amends: z.array(RelationTarget).max(500).optional(),
  replaces: z.array(RelationTarget).max(500).optional(),
  cites: z.array(text(100)).max(500).optional(),
  appointments: z.array(Appointment).max(2_000).optional(),
});
export type CommitDocument = z.input<typeof CommitDocument>;

/** A reviewed staged file to store: its kept documents (dropped ones are left out) and the gazette as corrected. */
export const CommitFile = z.object({
  stagedId: z.string().min(1).max(100),
  gazette: ParsedGazette.nullable(),
  documents: z.array(CommitDocument).max(MAX_DOCUMENTS_PER_FILE),
});
export type CommitFile = z.input<typeof CommitFile>;

const StoredRef = z.object({ id: z.string(), title: z.string(), docNumber: z.string().nullable() });

export const ImportSummary = z.object({
  created: z.array(StoredRef),
  /** documents that were already stored (same 文号 and title, or same text) and so were not added again */
  skipped: z.array(StoredRef),
  gazettes: z.array(z.object({ id: z.string(), title: z.string() })),
  /** references to documents that this import resolved */
  resolvedRelations: z.number().int(),
  /** stored as printed although its facts contradict each other: flagged for review */
  flagged: z.array(StoredRef.extend({ reason: z.string() })),
  /** files or documents not stored, each with the reason (the rest of the batch was stored) */
  refused: z.array(z.object({ file: z.string(), title: z.string().nullable(), reason: z.string() })),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

/** A staged parse and a document in it, by its index (split, merge and the text lines address documents so). */
const StagedDocRef = z.object({ stagedId: z.string().min(1).max(100), index: z.number().int().min(0).max(MAX_DOCUMENTS_PER_FILE) });

/** A staged file's documents after a split or merge, in order, each to review again. */
export const StagedDocuments = z.object({ stagedId: z.string(), documents: z.array(ReviewDocument) });
export type StagedDocuments = z.infer<typeof StagedDocuments>;

/** One line of a staged document's text: its number in the file and its text as read. */
export const SourceLine = z.object({ line: z.number().int(), text: z.string() });
export type SourceLine = z.infer<typeof SourceLine>;

/** What a person corrected at import review, as stored with the file (a field, or a boundary split or merged). */
export const ImportCorrection = z.object({
  kind: z.enum(['field', 'split', 'merge']),
  /** the document field for kind 'field' (title, docNumber, dateSigned …) */
  field: z.string().nullable(),
  extractedValue: z.string().nullable(),
  correctedValue: z.string().nullable(),
  fileName: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type ImportCorrection = z.infer<typeof ImportCorrection>;

/** A stored document's mark for review: its kind, the reason in Chinese, and when it was set. */
export const ReviewFlag = z.object({ kind: z.string(), message: z.string(), createdAt: z.string() });
export type ReviewFlag = z.infer<typeof ReviewFlag>;

export const importChannels = defineChannels({
  /** Reads and extracts files without storing anything, for review; keeps each parse staged for commit. */
  'import:parse': {
    req: z.object({
      files: z
        .array(UploadedFile)
        .min(1)
        .max(MAX_PARSE_REQUEST_FILES, `一次最多发送 ${MAX_PARSE_REQUEST_FILES} 个文件，请分批发送`)
        .refine((fs) => fs.reduce((n, f) => n + f.dataBase64.length, 0) <= MAX_PARSE_REQUEST_BASE64 + 16, {
          message: `一次发送的文件合计不能超过 ${MAX_IMPORT_FILE_LABEL}，请分批发送`,
        }),
      /** false: scanned pages are not read by OCR (they are listed as needing it) */
      ocr: z.boolean().optional(),
    }),
    res: z.array(ParsedFile),
    access: 'edit',
  },
  /**
   * Stores reviewed staged files in one transaction: what the service parsed, with the person's corrections.
   * Already stored documents are skipped; a file or document that cannot be stored is refused with its reason
   * and the rest is stored.
   */
  'import:commit': {
    req: z.object({
      files: z
        .array(CommitFile)
        .min(1)
        .max(MAX_COMMIT_REQUEST_FILES, `一次最多保存 ${MAX_COMMIT_REQUEST_FILES} 个文件，请分批保存`),
    }),
    res: ImportSummary,
    access: 'edit',
  },
  /** The text of one staged document, line by line (to choose where to split it); bodies stay with the service. */
  'import:lines': { req: StagedDocRef, res: z.object({ lines: z.array(SourceLine) }), access: 'edit' },
  /**
   * Splits a staged document before its line `at` (an index into its lines, 1 … count − 1): each part is
   * extracted again as one document. Returns the file's documents; those after it move up by one.
   */
  'import:split': { req: StagedDocRef.extend({ at: z.number().int().min(1) }), res: StagedDocuments, access: 'edit' },
  /**
   * Merges a staged document with the next one: texts joined, the first one's metadata kept and filled in
   * from the joined text where empty. Returns the file's documents; those after it move down by one.
   */
  'import:merge': { req: StagedDocRef, res: StagedDocuments, access: 'edit' },
  /** A staged document read by OCR: its page list and lines with the characters to check (null: not from OCR). */
  'import:scan': { req: StagedDocRef, res: StagedScan.nullable(), access: 'edit' },
  /** One page image of a staged scan. */
  'import:scanPage': { req: z.object({ stagedId: z.string().min(1).max(100), page: z.number().int().min(0).max(10_000) }), res: ScanPageImage, access: 'edit' },
  /**
   * Corrects one OCR'd line of a staged document (the person read the page): the document is extracted again from
   * the corrected text, and the correction is stored with the file at commit. Returns the file's documents.
   */
  'import:correctLine': {
    req: StagedDocRef.extend({ line: z.number().int().min(1), corrected: z.string().max(2_000, '一行不能超过 2000 字') }),
    res: StagedDocuments,
    access: 'edit',
  },
  /** The file being read now and its pages done, for a progress line while OCR runs. */
  'import:progress': { req: z.object({}).default({}), res: ImportProgress, access: 'edit' },
  /** Stops reading the file being read now (OCR of a long scan); nothing of it is staged or stored. */
  'import:cancel': { req: z.object({}).default({}), res: z.object({ cancelled: z.boolean() }), access: 'edit' },
  /** The scanned pages a stored document's text came from (null: typed text, not OCR). */
  'import:documentScan': { req: z.object({ documentId: z.string().min(1).max(64) }), res: StoredScan.nullable(), access: 'read' },
  /** One page image of a stored document's scan. */
  'import:documentScanPage': { req: z.object({ documentId: z.string().min(1).max(64), page: z.number().int().min(0).max(10_000) }), res: ScanPageImage, access: 'read' },
  /** What people corrected at import review of a stored document (oldest first). */
  'import:corrections': { req: z.object({ documentId: z.string().min(1).max(64) }), res: z.array(ImportCorrection), access: 'read' },
  /** Why a stored document is marked for review (dates that contradict each other, characters lost in a damaged file). */
  'import:flags': { req: z.object({ documentId: z.string().min(1).max(64) }), res: z.array(ReviewFlag), access: 'read' },
  /** The file a stored document was imported from and where it came from (null when it was not imported). */
  'import:source': { req: z.object({ documentId: z.string().min(1).max(64) }), res: DocumentSource.nullable(), access: 'read' },
  /** Loads the sample gazettes shipped with the app (for an empty library). */
  'import:samples': { req: z.object({}).default({}), res: ImportSummary, access: 'edit' },
});

/** Adds one chunk's import summary into a running one (batches are committed in chunks). */
export function addSummary(into: ImportSummary, part: ImportSummary): void {
  into.created.push(...part.created);
  into.skipped.push(...part.skipped);
  into.gazettes.push(...part.gazettes);
  into.flagged.push(...part.flagged);
  into.refused.push(...part.refused);
  into.resolvedRelations += part.resolvedRelations;
}

import { MAX_IMPORT_FILE_BYTES } from '../../../../shared/contract/import';

/**
 * What reading one import file may cost. A file over a limit is refused with a message naming the limit; the
 * worker limits (heap, time) catch what the others cannot see in advance (a zip that lies about its sizes).
 */
export interface ParseLimits {
  /** the file itself (the one upload limit) */
  maxFileBytes: number;
  /** declared uncompressed size of word/document.xml in a .docx */
  maxDocxXmlBytes: number;
  /** declared uncompressed size of all entries of a .docx */
  maxDocxTotalBytes: number;
  /** bytes one PDF stream may inflate to, and all of a PDF's streams together (pdf-streams.ts) */
  maxPdfStreamBytes: number;
  maxPdfInflatedBytes: number;
  maxPdfPages: number;
  maxPdfItemsPerPage: number;
  /** characters of extracted text */
  maxTextChars: number;
  /** heap of the worker that reads and extracts one file */
  workerHeapMb: number;
  /** memory outside that heap (array buffers) a worker may use besides it: the process may grow by both while a file is read */
  externalMb: number;
  /** wall time for reading and extracting one file */
  timeoutMs: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxFileBytes: MAX_IMPORT_FILE_BYTES,
  maxDocxXmlBytes: 64 * 1024 * 1024,
  maxDocxTotalBytes: 160 * 1024 * 1024,
  maxPdfStreamBytes: 64 * 1024 * 1024,
  maxPdfInflatedBytes: 256 * 1024 * 1024,
  maxPdfPages: 2_000,
  maxPdfItemsPerPage: 20_000,
  maxTextChars: 12_000_000,
  workerHeapMb: 1_024,
  externalMb: 768,
  timeoutMs: 120_000,
};

export const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
export const wan = (n: number) => (n >= 10_000 ? `${n / 10_000} 万` : String(n));

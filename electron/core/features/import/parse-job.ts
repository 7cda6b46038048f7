import type { ParseResult } from '../../../../shared/domain/parse-result';
import { parseText } from '../../../../shared/parse';
import { bodyForms, type BodyForms } from '../../db/search-functions';
import { AppError } from '../../kernel/errors';
import type { ReadResult } from './formats';
import type { ParseLimits } from './limits';
import type { OcrInfo } from './ocr/scan-reader';
import type { Section } from './sections';
import { readImportFile } from './read-file';
import { pdfWorkLeftBehind } from './readers';

/** A file to read and extract, sent by parse-host.ts. */
export interface ParseJob {
  id: number;
  name: string;
  bytes: Uint8Array;
  /** the setting; undefined for the parser's default */
  registrationPattern: string | undefined;
  limits: ParseLimits;
  /** false: scanned pages are not read by OCR (the CLI's --no-ocr) */
  ocr?: boolean;
}

/** Sent by the worker after each page it read (OCR takes seconds a page): progress, and a sign of life for the time limit. */
export interface ParseProgress {
  id: number;
  progress: { done: number; total: number };
}

/** What the worker answers: the extraction, or the reason it failed (AppError code and Chinese message). */
export type ParseJobReply =
  | ({ id: number; ok: true; encoding: string; note: string | null; sections: Section[] | null; text: string; result: ParseResult; ocr: OcrInfo | null; apart: NonNullable<ReadResult['apart']>; origin: ReadResult['origin'] | null; bodyForms: BodyForms[] } & Recycle)
  | ({ id: number; ok: false; code: string; message: string } & Recycle);

/** `recycle`: the thread has work left running (pdf.js on a page given up at a limit) and must not read another file. */
type Recycle = { recycle?: boolean };

/** Reads and extracts one file; in the worker, and in-process where no worker can be started. */
export async function runParseJob(job: ParseJob, progress?: (p: ParseProgress) => void, cancelled?: () => boolean): Promise<ParseJobReply> {
  try {
    const onPage = progress ? (done: number, total: number) => progress({ id: job.id, progress: { done, total } }) : undefined;
    const read = await readImportFile(job.name, job.bytes, job.limits, { ocr: job.ocr, onPage, cancelled });
    const result = parseText(read.text, { file: job.name, encoding: read.encoding, registrationPattern: job.registrationPattern });
    const sections = read.sections ?? null;
    // the documents' search forms, so the thread that stores them does not normalize them (issue 25)
    const forms = result.documents.map((d) => bodyForms(d.body ?? []));
    return { id: job.id, ok: true, encoding: read.encoding, note: read.note ?? null, sections, text: read.text, result, ocr: read.ocr ?? null, apart: read.apart ?? [], origin: read.origin ?? null, bodyForms: forms, recycle: pdfWorkLeftBehind() };
  } catch (err) {
    if (err instanceof AppError) return { id: job.id, ok: false, code: err.code, message: err.message, recycle: pdfWorkLeftBehind() };
    return { id: job.id, ok: false, code: 'INTERNAL', message: err instanceof Error ? err.message : String(err), recycle: pdfWorkLeftBehind() };
  }
}

/** Marks the parse worker, so importing this module elsewhere (a test runner's own worker) starts nothing. */
export const PARSE_WORKER_ROLE = 'normdesk-parse';

import type { ParseResult } from '../../../../shared/domain/parse-result';
import { parseText } from '../../../../shared/parse';
import { AppError } from '../../kernel/errors';
import type { ReadResult } from './formats';
import type { ParseLimits } from './limits';
import { readImportFile } from './read-file';

/** A file to read and extract, sent by parse-host.ts. */
export interface ParseJob {
  id: number;
  name: string;
  bytes: Uint8Array;
  /** the setting; undefined for the parser's default */
  registrationPattern: string | undefined;
  limits: ParseLimits;
}

/** What the worker answers: the extraction, or the reason it failed (AppError code and Chinese message). */
export type ParseJobReply =
  | { id: number; ok: true; encoding: string; note: string | null; text: string; result: ParseResult; apart: NonNullable<ReadResult['apart']>; origin: ReadResult['origin'] | null }
  | { id: number; ok: false; code: string; message: string };

/** Reads and extracts one file; in the worker, and in-process where no worker can be started. */
export async function runParseJob(job: ParseJob): Promise<ParseJobReply> {
  try {
    const read = await readImportFile(job.name, job.bytes, job.limits);
    const result = parseText(read.text, { file: job.name, encoding: read.encoding, registrationPattern: job.registrationPattern });
    return { id: job.id, ok: true, encoding: read.encoding, note: read.note ?? null, text: read.text, result, apart: read.apart ?? [], origin: read.origin ?? null };
  } catch (err) {
    if (err instanceof AppError) return { id: job.id, ok: false, code: err.code, message: err.message };
    return { id: job.id, ok: false, code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
  }
}

/** Marks the parse worker, so importing this module elsewhere (a test runner's own worker) starts nothing. */
export const PARSE_WORKER_ROLE = 'normdesk-parse';

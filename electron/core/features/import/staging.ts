import { randomUUID } from 'node:crypto';
import type { FileOrigin } from '../../../../shared/contract/import';
import type { ParsedDocument, ParsedGazette, ParseWarning } from '../../../../shared/domain/parse-result';
import type { BodyForms } from '../../db/search-functions';
import type { OcrInfo } from './ocr/scan-reader';

/** A boundary a person moved at review (split or merge), as it will be stored with the file. */
export interface BoundaryCorrection {
  kind: 'split' | 'merge';
  extracted: string;
  corrected: string;
}

/** Where a staged document's text is in the file, and the boundary corrections that made it. */
export interface StagedPart {
  /** 1-based numbers of the file lines that make up its text, in order */
  lines: number[];
  history: BoundaryCorrection[];
}

/** One parsed file as the service itself extracted it, kept until the person commits the review. */
export interface StagedFile {
  id: string;
  name: string;
  sha256: string;
  size: number;
  encoding: string;
  gazette: ParsedGazette | null;
  documents: ParsedDocument[];
  /** parallel to documents: each one's lines and boundary corrections (split and merge replace both together) */
  parts: StagedPart[];
  /** the file's text by line, as read (line n is lines[n - 1]) */
  lines: string[];
  warnings: ParseWarning[];
  /** pages read by OCR: images, and per line its page, box and confidences (parallel to `lines`) */
  ocr?: OcrInfo | null;
  /** OCR'd lines a person corrected at review, by line number: what was read and what it became */
  textFixes?: Map<number, { extracted: string; corrected: string }>;
  stagedAt: number;
  /** a saved web page's own address and 发布日期, stored with the file */
  origin?: FileOrigin | null;
  /** the extracted bodies' search forms by stored JSON (a body changed since is normalized when stored) */
  bodyForms?: ReadonlyMap<string, BodyForms> | null;
  /** approximate memory it holds (UTF-16 text) */
  bytes: number;
}

export interface StagingOptions {
  /** approximate memory all staged files may hold together */
  maxBytes: number;
  maxFiles: number;
  /** how long a parse waits for its commit */
  ttlMs: number;
  now: () => number;
}

export const DEFAULT_STAGING: Omit<StagingOptions, 'now'> = {
  maxBytes: 512 * 1024 * 1024,
  maxFiles: 5_000,
  ttlMs: 6 * 60 * 60 * 1000,
};

/** Why a staged file is gone, for the message at commit. */
export type Gone = { name: string; why: 'expired' | 'evicted' | 'committed' } | null;

function sizeOf(documents: readonly ParsedDocument[], gazette: ParsedGazette | null, lines: readonly string[], ocr?: OcrInfo | null, forms?: ReadonlyMap<string, BodyForms> | null): number {
  let chars = gazette ? JSON.stringify(gazette).length : 0;
  for (const f of forms?.values() ?? []) chars += f.json.length + f.normal.length + f.grams.length;
  for (const p of ocr?.pages ?? []) chars += p.jpeg.length / 2;
  chars += (ocr?.lines.length ?? 0) * 40;
  for (const l of lines) chars += l.length + 8;
  for (const d of documents) {
    chars += 400 + d.title.length;
    for (const p of d.body ?? []) chars += p.length + 16;
  }
  return chars * 2;
}

/**
 * The staging area: parses waiting for their commit, in the service process, bounded in memory and count
 * (the oldest go first) and expiring after `ttlMs`. What left is remembered by name (a bounded list), so a
 * commit of it can say which file to parse again.
 */
export function createStagingArea(opts: StagingOptions) {
  const files = new Map<string, StagedFile>(); // insertion order = age
  const gone = new Map<string, NonNullable<Gone>>();
  let total = 0;

  function drop(id: string, why: NonNullable<Gone>['why']) {
    const f = files.get(id);
    if (!f) return;
    files.delete(id);
    total -= f.bytes;
    gone.set(id, { name: f.name, why });
    if (gone.size > 20_000) gone.delete(gone.keys().next().value!);
  }

  function expire() {
    const limit = opts.now() - opts.ttlMs;
    for (const f of files.values()) {
      if (f.stagedAt > limit) break;
      drop(f.id, 'expired');
    }
  }

  return {
    /** Keeps a parse; older ones are evicted when the bounds are passed. Returns its id. */
    put(f: Omit<StagedFile, 'id' | 'stagedAt' | 'bytes'>): string {
      expire();
      const id = randomUUID();
      const staged: StagedFile = { ...f, id, stagedAt: opts.now(), bytes: sizeOf(f.documents, f.gazette, f.lines, f.ocr, f.bodyForms) };
      files.set(id, staged);
      total += staged.bytes;
      for (const old of files.values()) {
        if (total <= opts.maxBytes && files.size <= opts.maxFiles) break;
        if (old.id === id) break; // the newest stays even alone over the bound: it was just parsed for use
        drop(old.id, 'evicted');
      }
      return id;
    },
    /** The staged file, or why it is gone (null when the id was never issued). */
    get(id: string): { file: StagedFile } | { gone: Gone } {
      expire();
      const f = files.get(id);
      return f ? { file: f } : { gone: gone.get(id) ?? null };
    },
    /** Replaces a staged file's documents and parts after a person split or merged them. */
    replace(id: string, documents: ParsedDocument[], parts: StagedPart[], warnings: ParseWarning[]) {
      const f = files.get(id);
      if (!f) return;
      total -= f.bytes;
      Object.assign(f, { documents, parts, warnings, bytes: sizeOf(documents, f.gazette, f.lines, f.ocr, f.bodyForms) });
      total += f.bytes;
    },
    /** Forgets a file once it is committed. */
    release(id: string) {
      drop(id, 'committed');
    },
    stats: () => ({ files: files.size, bytes: total }),
  };
}
export type StagingArea = ReturnType<typeof createStagingArea>;

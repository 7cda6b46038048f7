import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Caller } from '../../../../shared/contract';
import { MAX_DOCUMENTS_PER_FILE, MAX_IMPORT_FILE_LABEL, type CommitFile, type ImportSummary, type ParsedFile, type SourceLine, type StagedDocuments, type UploadedFile } from '../../../../shared/contract/import';
import { stripControlChars, stripControlCharsDeep } from '../../../../shared/domain/control-chars';
import type { ParsedDocument, ParseResult } from '../../../../shared/domain/parse-result';
import { ARCHIVE_LIMITS, isImportable } from '../../../../shared/import/supported';
import { archiveItems, isZipArchive } from '../../../../shared/import/zip-archive';
import { parseAsOne, textLines } from '../../../../shared/parse';
import type { AppContext } from '../../kernel/context';
import { AppError } from '../../kernel/errors';
import { documentLines, initialParts, mergeWithNext, splitDocument, type Rebounded, type Reextract } from './boundaries';
import { createCommitWriter, type ImportServices, type Writable } from './commit-writer';
import { createCorrectionStore, reviewCorrections } from './corrections';
import { DEFAULT_PARSE_LIMITS, mb, type ParseLimits } from './limits';
import { createParseHost, type Extracted, type ExtractOptions, type ParseHost } from './parse-host';
import { corrected, prepare, type Prepared } from './prepare';
import { createReviewer } from './review';
import { createReviewFlags } from './review-flags';
import { createScanReview } from './scan-review';
import { documentScan, lineCorrections } from './scans';
import { encodingLabel } from './encoding';
import { sectionReview } from './sections';
import { createSourceLookup } from './source-info';
import { createStagingArea, DEFAULT_STAGING, type StagedFile, type StagingOptions } from './staging';

export type { ImportServices } from './commit-writer';
type CommitInput = z.output<typeof CommitFile>;
type Upload = z.output<typeof UploadedFile>;

/** Already parsed data the service trusts (tests, samples, benchmarks): bodies and hashes as given. Not on the contract. */
export type TrustedFile = Pick<StagedFile, 'name' | 'sha256' | 'size' | 'encoding' | 'gazette' | 'documents'>;

/** How files become documents and how long parses wait; injectable so the rest is testable without workers. */
export interface ImportOptions {
  /** reads and extracts one file (default: in a worker thread within `limits`) */
  extract?: (name: string, bytes: Uint8Array, registrationPattern: string, options?: ExtractOptions) => Promise<Extracted>;
  limits?: ParseLimits;
  staging?: Partial<StagingOptions>;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Why a staged parse is no longer there, for the person: which file to parse again. */
function goneReason(g: { name: string; why: string } | null): { file: string; title: null; reason: string } {
  const name = g?.name ?? '（未知文件）';
  const why = !g
    ? '找不到这次解析的结果'
    : g.why === 'committed'
      ? '这次解析的结果已经保存过'
      : g.why === 'expired'
        ? '解析结果已过期（解析后超过数小时未保存）'
        : '解析结果已被清理（暂存的解析结果过多）';
  return { file: name, title: null, reason: `文件“${name}”未保存：${why}，请重新解析该文件后再保存。` };
}

/** A file as received, before it is read (its fields filled in as reading goes). */
function unread(name: string, hash: string, size: number): ParsedFile {
  return { stagedId: null, name, sha256: hash, size, alreadyImported: false, error: null, encoding: null, encodingNote: null, gazette: null, documents: [], warnings: [] };
}

/**
 * OCR progress of a file sent ahead to the parse worker, passed on from when someone waits for it: the file waited
 * for is the one being read.
 */
function progressRelay() {
  let to: ((done: number, total: number) => void) | null = null;
  let last: [number, number] | null = null;
  return {
    report: (done: number, total: number) => {
      last = [done, total];
      to?.(done, total);
    },
    follow: (onProgress: (done: number, total: number) => void) => {
      to = onProgress;
      if (last) onProgress(...last);
    },
  };
}

/** A staged file's kept documents with the person's corrections, prepared for writing. */
function toWritable(staged: StagedFile, f: CommitInput): Writable {
  const prepared = f.documents.map((c): Prepared => {
    const printed = staged.documents[c.index];
    if (!printed) return { ok: false, title: null, reason: `文件“${staged.name}”中没有第 ${c.index + 1} 件文件，请重新解析该文件后再保存。` };
    const fixed = corrected(printed, c);
    const p = prepare(staged.name, fixed, printed, c.index);
    if (!p.ok) return p;
    const lines = staged.parts[c.index]?.lines ?? [];
    const corrections = [...reviewCorrections(printed, fixed, c, staged.parts[c.index]?.history ?? []), ...lineCorrections(staged, lines)];
    return { ...p, corrections, scan: documentScan(staged, c.index) };
  });
  // the gazette comes back from the client as the person corrected it: no control character is stored from it
  return { name: staged.name, sha256: staged.sha256, size: staged.size, encoding: staged.encoding, gazette: stripControlCharsDeep(f.gazette), prepared, scanPages: staged.ocr?.pages, origin: staged.origin ?? null, bodyForms: staged.bodyForms };
}

/**
 * The files of a zip archive, each read and staged like an uploaded file (named `archive/path`) by `parseOne`;
 * what is not read says why (unsupported type, encrypted, too large, a nested archive). One bad entry spoils
 * nothing else.
 */
async function parseArchive(name: string, bytes: Uint8Array, parseOne: (name: string, bytes: Uint8Array) => Promise<ParsedFile>): Promise<ParsedFile[]> {
  const out: ParsedFile[] = [];
  for (const item of archiveItems(name, bytes, isImportable, ARCHIVE_LIMITS)) {
    let data: Uint8Array | { skipped: string };
    try {
      data = 'skipped' in item ? item : item.load();
    } catch (err) {
      data = { skipped: (err as Error).message };
    }
    out.push('skipped' in data ? { ...(await parseOne(item.name, new Uint8Array())), error: `已跳过：${data.skipped}` } : await parseOne(item.name, data));
  }
  return out;
}

/**
 * Import: read files (any encoding; every format of read-file.ts, and the files of .zip archives) in a bounded worker, extract documents for review with
 * warnings and keep each parse staged (in memory, bounded, expiring); store a reviewed batch from the staged
 * parse with the person's corrections — bodies, hashes and sizes never come from the client. One transaction
 * per request, one savepoint per file: a file or document that cannot be stored is refused with its reason and
 * the rest is stored.
 */
export function createImportService(ctx: AppContext, services: ImportServices, options: ImportOptions = {}) {
  const limits = options.limits ?? DEFAULT_PARSE_LIMITS;
  let host: ParseHost | null = null;
  const extract =
    options.extract ??
    ((name: string, bytes: Uint8Array, pattern: string, opts?: ExtractOptions) => {
      if (!host) {
        const h = (host = createParseHost(ctx.log, limits));
        ctx.onClose(() => h.close());
      }
      return host.extract(name, bytes, pattern, opts);
    });
  const staging = createStagingArea({ ...DEFAULT_STAGING, ...options.staging, now: options.staging?.now ?? (() => ctx.now().getTime()) });
  const writer = createCommitWriter(ctx, services);
  const review = createReviewer(services.documents, () => ctx.settings.get().validityRules);
  const sourceBySha = ctx.db.prepare<[string], { id: string }>('SELECT id FROM source_files WHERE sha256 = ?');
  const reviewFlags = createReviewFlags(ctx);
  const corrections = createCorrectionStore(ctx);
  const scans = createScanReview(ctx, staging, { cancel: () => host?.cancel() ?? false, reviewAll: (name, docs, warnings) => reviewAll(name, docs, warnings, new Map()) });
  const sourceOf = createSourceLookup(ctx);

  /** A file's documents with review warnings; `seen` collects their 文号 and titles to find duplicates in the batch. */
  function reviewAll(name: string, docs: readonly ParsedDocument[], warnings: ParseResult['warnings'], seen: Map<string, string>) {
    return docs.map((d) => {
      const r = review(d, warnings, seen);
      if (d.docNumber) seen.set(d.docNumber.normalized, name);
      if (d.title.trim()) seen.set(d.title.trim(), name);
      return r;
    });
  }

  /**
   * Starts reading and extracting one file (in the parse worker, after the files started before it) and answers how
   * to finish it: review against `seen` and stage. Finish files in the order they were started (review finds
   * duplicates within a request in that order); any failure becomes the file's `error` and never touches the others.
   */
  function beginBytes(name: string, bytes: Uint8Array, ocr = true): (seen: Map<string, string>) => Promise<ParsedFile> {
    const base = unread(name, sha256(bytes), bytes.length);
    if (bytes.length === 0) return async () => ({ ...base, error: '文件为空，没有可导入的内容。' });
    if (bytes.length > limits.maxFileBytes) {
      return async () => ({ ...base, error: `文件过大（${mb(bytes.length)}）：单个文件不能超过 ${MAX_IMPORT_FILE_LABEL}，请拆分后再导入。` });
    }
    const progress = progressRelay();
    const extracted = (async () => extract(name, bytes, ctx.settings.get().registrationPattern, { ocr, onProgress: progress.report }))();
    extracted.catch(() => undefined); // answered when finished
    return (seen) => finishBytes(base, bytes, seen, (onProgress) => (progress.follow(onProgress), extracted));
  }

  /** Reads, extracts and stages one file (see beginBytes). */
  const parseBytes = (name: string, bytes: Uint8Array, seen: Map<string, string>, ocr = true): Promise<ParsedFile> => beginBytes(name, bytes, ocr)(seen);

  async function finishBytes(base: ParsedFile, bytes: Uint8Array, seen: Map<string, string>, read: (onProgress: (done: number, total: number) => void) => Promise<Extracted>): Promise<ParsedFile> {
    const { name, sha256: hash } = base;
    // asked now, not when the file was sent: a batch stored meanwhile may hold it
    base.alreadyImported = Boolean(sourceBySha.get(hash));
    try {
      const { encoding, note, sections, text, result, ocr: scan, origin = null, bodyForms } = await scans.reading(name, read);
      if (result.documents.length > MAX_DOCUMENTS_PER_FILE) {
        return { ...base, encoding, error: `文件中识别出 ${result.documents.length} 件公文，超过单个文件 ${MAX_DOCUMENTS_PER_FILE} 件的上限，请拆分后再导入。` };
      }
      const reviewed = reviewAll(name, result.documents, result.warnings, seen);
      if (sections) {
        // a text in more than one encoding: each document says how it was read; parts without a document are named
        const mixed = sectionReview(sections, result.documents, encodingLabel);
        reviewed.forEach((d, i) => d.reviewWarnings.push({ kind: 'encoding', message: mixed.perDocument[i] }));
        result.warnings.push(...mixed.uncovered);
      }
      if (reviewed.length === 0 && !result.gazette) {
        return { ...base, encoding, encodingNote: note, warnings: result.warnings, error: '文件中没有找到可识别的公文（标题、文号或正文）。' };
      }
      const lines = textLines(text);
      const parts = initialParts(result.documents, lines.length);
      // the name is stored with the file (source_files): an ESC sequence or NUL in it is not
      const forms = bodyForms ? new Map(bodyForms.map((f) => [f.json, f])) : null;
      const stagedId = staging.put({ name: stripControlChars(name), sha256: hash, size: bytes.length, encoding, gazette: result.gazette, documents: result.documents, parts, lines, warnings: result.warnings, ocr: scan ?? null, origin, bodyForms: forms });
      // "already imported" only when every document of it is stored: a file imported in part is retried
      const complete = base.alreadyImported && reviewed.length > 0 && reviewed.every((d) => d.duplicateOf !== null);
      return { ...base, alreadyImported: complete, stagedId, encoding, encodingNote: note, gazette: result.gazette, documents: reviewed, warnings: result.warnings, scan: scans.summary(scan ?? null), ...(origin ? { origin } : {}) };
    } catch (err) {
      if (err instanceof AppError) return { ...base, error: err.message };
      ctx.log.error(`读取导入文件 ${name} 时出错`, err);
      return { ...base, error: `无法读取文件：${err instanceof Error ? err.message : String(err)}` };
    }
  }

  /** Stores reviewed staged files: bodies, hashes and sizes from the staged parse, metadata as the person corrected it. */
  function commit(by: Caller, files: readonly CommitInput[]): ImportSummary {
    const refused: ImportSummary['refused'] = [];
    const writable: Array<{ stagedId: string; file: Writable }> = [];
    for (const f of files) {
      const found = staging.get(f.stagedId);
      if ('gone' in found) refused.push(goneReason(found.gone));
      else writable.push({ stagedId: f.stagedId, file: toWritable(found.file, f) });
    }
    const summary = writer.write(by, writable.map((w) => w.file), refused);
    // A file with a refused document stays staged, so the person can correct that document and save it again.
    const failed = new Set(summary.refused.map((r) => r.file));
    for (const w of writable) if (!failed.has(w.file.name)) staging.release(w.stagedId);
    return summary;
  }

  /** The staged file, or NOT_FOUND saying which file to parse again. */
  function stagedFile(stagedId: string) {
    const found = staging.get(stagedId);
    if ('gone' in found) throw new AppError('NOT_FOUND', goneReason(found.gone).reason.replace(/未保存：/, '无法修改：'));
    return found.file;
  }

  /** Moves a boundary in a staged file (split or merge) and answers its documents, reviewed again. */
  function rebound(stagedId: string, change: (file: StagedFile, reextract: Reextract) => Rebounded): StagedDocuments {
    const file = stagedFile(stagedId);
    const options = { file: file.name, encoding: file.encoding, registrationPattern: ctx.settings.get().registrationPattern };
    const next = change(file, (text) => parseAsOne(text, options));
    staging.replace(stagedId, next.documents, next.parts, next.warnings);
    return { stagedId, documents: reviewAll(file.name, next.documents, next.warnings, new Map()) };
  }

  /** Parsed files committed whole, as extracted (every document kept, nothing corrected). */
  function commitAll(by: Caller, parsed: readonly ParsedFile[]): ImportSummary {
    const ok = parsed.filter((p) => p.stagedId);
    return commit(by, ok.map((p) => ({ stagedId: p.stagedId!, gazette: p.gazette, documents: p.documents.map((_, index) => ({ index })) })));
  }

  return {
    /** Reads and extracts uploaded files for review, staging each; nothing is stored. */
    async parse(files: readonly Upload[], options: { ocr?: boolean } = {}): Promise<ParsedFile[]> {
      const seen = new Map<string, string>();
      const ocr = options.ocr ?? true;
      // Every file is sent to the parse worker now, then finished in order: the worker reads on while this thread
      // reviews (or, in the CLI, stores the previous batch). An archive's files are read when it comes.
      const finish: Array<() => Promise<ParsedFile[]>> = [];
      for (const f of files) {
        // canonical base64 (what the CLI and the app send) is taken as decoded when it encodes back to itself
        const direct = Buffer.from(f.dataBase64, 'base64');
        const compact = direct.toString('base64') === f.dataBase64 ? null : f.dataBase64.replace(/\s+/g, '');
        if (compact !== null && !BASE64.test(compact)) {
          finish.push(async () => [{ ...(await parseBytes(f.name, new Uint8Array(), seen)), error: '文件内容传输有误（不是有效的 base64 编码），请重新选择文件。' }]);
        } else {
          const bytes = compact === null ? direct : Buffer.from(compact, 'base64');
          if (isZipArchive(bytes)) finish.push(() => parseArchive(f.name, bytes, (n, b) => parseBytes(n, b, seen, ocr)));
          else {
            const done = beginBytes(f.name, bytes, ocr);
            finish.push(async () => [await done(seen)]);
          }
        }
      }
      const out: ParsedFile[] = [];
      for (const next of finish) out.push(...(await next()));
      return out;
    },
    commit,
    commitAll,
    /** One staged document's text by line, to choose where to split it. */
    lines: (stagedId: string, index: number): { lines: SourceLine[] } => ({ lines: documentLines(stagedFile(stagedId), index) }),
    /** Splits a staged document before its line `at`; each part is extracted again. */
    split: (stagedId: string, index: number, at: number) => rebound(stagedId, (f, re) => splitDocument(f, index, at, re)),
    /** Merges a staged document with the next one. */
    merge: (stagedId: string, index: number) => rebound(stagedId, (f, re) => mergeWithNext(f, index, re)),
    ...scans.api,
    /** What people corrected at import review of a stored document. */
    corrections: (documentId: string) => corrections.forDocument(documentId),
    /** The file a stored document was imported from, and the address and 发布日期 that file named. */
    source: (documentId: string) => sourceOf(documentId),
    /** Stores already parsed data as given (tests, samples, benchmarks): not reachable through the contract. */
    commitParsed(by: Caller, files: readonly TrustedFile[]): ImportSummary {
      return writer.write(by, files.map((f) => ({ ...f, prepared: f.documents.map((d, i) => prepare(f.name, d, d, i)) })), []);
    },
    /** Documents stored as printed with contradicting facts or damaged text, for the consistency checks. */
    flags: () => reviewFlags.list(),
    /** One document's review flags. */
    flagsOf: (documentId: string) => reviewFlags.forDocument(documentId),
    /** Imports the sample gazettes shipped in resources/samples through the same path as any import. */
    async samples(by: Caller): Promise<ImportSummary> {
      const dir = join(ctx.resourcesDir, 'samples');
      const names = await readdir(dir).then((all) => all.filter((n) => /\.(txt|docx|pdf)$/i.test(n)).sort(), () => []);
      if (names.length === 0) throw new AppError('NOT_FOUND', `未找到随程序提供的示例公报（${dir}）。`);
      const seen = new Map<string, string>();
      const parsed: ParsedFile[] = [];
      for (const name of names) {
        const p = await parseBytes(name, await readFile(join(dir, name)), seen);
        if (p.error) ctx.log.error(`示例文件 ${name} 无法导入：${p.error}`);
        else parsed.push(p);
      }
      return commitAll(by, parsed);
    },
  };
}
export type ImportService = ReturnType<typeof createImportService>;

import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import {
  MAX_IMPORT_FILE_LABEL,
  type CommitFile,
  type ImportSummary,
  type ParsedFile,
  type ReviewDocument,
  type UploadedFile,
} from '../../../../shared/contract/import';
import { normalizeDocNumber, parseDocNumber } from '../../../../shared/domain/docnumber';
import type { RelationType } from '../../../../shared/domain/document';
import type { DocNumber, ParsedDocument, ParsedGazette, ParseResult, RelationTarget } from '../../../../shared/domain/parse-result';
import { addMonths } from '../../../../shared/domain/status';
import { AppError } from '../../kernel/errors';
import type { AppContext } from '../../kernel/context';
import { retryBusy } from '../../db/open';
import { createAuditService } from '../audit/audit-service';
import { checkDates, contentHash, createDocumentService, docNumberProblem, type NewDocument } from '../library/document-service';
import { createGazetteService, type IssueDocument } from '../gazettes/gazette-service';
import { createRelationService } from '../relations/relation-service';
import { DEFAULT_PARSE_LIMITS, mb, type ParseLimits } from './limits';
import { createParseHost, type Extracted } from './parse-host';
import { createStagingArea, DEFAULT_STAGING, type StagingOptions } from './staging';

type CommitInput = z.output<typeof CommitFile>;
type Upload = z.output<typeof UploadedFile>;

/** Already parsed data the service trusts (tests, samples): bodies and hashes as given. Not on the contract. */
export interface TrustedFile {
  name: string;
  sha256: string;
  size: number;
  encoding: string;
  gazette: ParsedGazette | null;
  documents: ParsedDocument[];
}

/** How files become documents; injectable so the rest is testable without workers. */
export interface ImportOptions {
  /** reads and extracts one file (default: in a worker thread with the limits) */
  extract?: (name: string, bytes: Uint8Array, registrationPattern: string) => Promise<Extracted>;
  limits?: ParseLimits;
  staging?: Partial<StagingOptions>;
}

/** The longest validity allowed in years (山东省行政程序规定 第五十三条): 5, or 2 for 暂行/试行. */
export function maxValidityYears(title: string): number {
  return /暂行|试行/.test(title) ? 2 : 5;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The target's 文号 in normalized form, even when a reviewer typed it loosely. */
function normalizeTarget(t: RelationTarget) {
  const docNumber = t.docNumber ? (normalizeDocNumber(t.docNumber) ?? t.docNumber.replace(/\s+/g, '')) : null;
  return { title: t.title, docNumber };
}

type DateFacts = Pick<ParsedDocument, 'dateSigned' | 'effectiveDate' | 'validUntil'>;

/** Extracted facts that contradict each other: stored as printed, flagged for review. */
export function dateContradictions(d: DateFacts): Array<{ kind: 'validity-before-start' | 'effective-before-signed'; message: string }> {
  const out: Array<{ kind: 'validity-before-start' | 'effective-before-signed'; message: string }> = [];
  const start = d.effectiveDate ?? d.dateSigned;
  if (d.validUntil && start && d.validUntil < start) {
    out.push({ kind: 'validity-before-start', message: `有效期截止日期（${d.validUntil}）早于${d.effectiveDate ? '施行日期' : '成文日期'}（${start}），按原文保存，请核对。` });
  }
  if (d.effectiveDate && d.dateSigned && d.effectiveDate < d.dateSigned) {
    out.push({ kind: 'effective-before-signed', message: `施行日期（${d.effectiveDate}）早于成文日期（${d.dateSigned}），按原文保存，请核对。` });
  }
  return out;
}

/** A document ready to store, or the reason it is refused. */
type Prepared = { ok: true; doc: NewDocument; relations: ParsedDocument; flags: ReturnType<typeof dateContradictions> } | { ok: false; title: string | null; reason: string };

/**
 * Import: read files (any encoding, .txt/.docx/.pdf) in a bounded worker, extract documents for review with
 * warnings and keep each parse staged; store a reviewed batch from the staged parse with the person's
 * corrections — documents, relations (resolved where possible), gazette issues, audit — one transaction per
 * request, one savepoint per file: a file or document that cannot be stored is refused with its reason and the
 * rest is stored.
 */
export function createImportService(ctx: AppContext, options: ImportOptions = {}) {
  const db = ctx.db;
  const audit = createAuditService(ctx);
  const relations = createRelationService(ctx, audit);
  const documents = createDocumentService(ctx, { audit, relations });
  const gazettes = createGazetteService(ctx, audit);
  const limits = options.limits ?? DEFAULT_PARSE_LIMITS;
  let host: ReturnType<typeof createParseHost> | null = null;
  const extract =
    options.extract ??
    ((name: string, bytes: Uint8Array, pattern: string) => {
      if (!host) {
        host = createParseHost(ctx.log, limits);
        const h = host;
        ctx.onClose(() => h.close());
      }
      return host.extract(name, bytes, pattern);
    });
  const staging = createStagingArea({ ...DEFAULT_STAGING, ...options.staging, now: options.staging?.now ?? (() => ctx.now().getTime()) });

  const sourceBySha = db.prepare<[string], { id: string }>('SELECT id FROM source_files WHERE sha256 = ?');
  const insertSource = db.prepare<[string, string, string, number, string, string]>(
    'INSERT INTO source_files (id, name, sha256, size, encoding, imported_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertFlag = db.prepare<[string, string, string, string]>(
    'INSERT OR REPLACE INTO document_flags (document_id, kind, message, created_at) VALUES (?, ?, ?, ?)',
  );
  const allFlags = db.prepare<[], { documentId: string; title: string; docNumber: string | null; kind: string; message: string; createdAt: string }>(`
    SELECT f.document_id AS documentId, d.title, d.doc_number AS docNumber, f.kind, f.message, f.created_at AS createdAt
    FROM document_flags f JOIN documents d ON d.id = f.document_id ORDER BY f.created_at, d.title`);

  /** Review warnings for one extracted document; `seen` catches the same document twice in one batch. */
  function review(doc: ParsedDocument, warnings: ParseResult['warnings'], seen: Map<string, string>): ReviewDocument {
    const out: ReviewDocument['reviewWarnings'] = [];
    const number = doc.docNumber?.normalized ?? null;
    if (!number) out.push({ kind: 'no-doc-number', message: '未识别出文号，请核对或补填。' });
    if (doc.isNormative && !doc.validityClause && !doc.validUntil) {
      out.push({ kind: 'no-validity', message: '规范性文件未写明有效期（山东省规定应为3至5年），请核对。' });
    }
    const start = doc.effectiveDate ?? doc.dateSigned;
    const limit = maxValidityYears(doc.title);
    if (start && doc.validUntil && doc.validUntil >= addMonths(start, limit * 12)) {
      out.push({ kind: 'validity-too-long', message: `有效期超过${limit}年（${start} 至 ${doc.validUntil}），请核对。` });
    }
    for (const c of dateContradictions(doc)) {
      out.push({ kind: 'inconsistent-dates', message: c.message.replace('按原文保存，请核对。', '将按原文保存并标记待核对。') });
    }
    const stored = documents.findLikelyDuplicate({ docNumber: number, title: doc.title });
    if (stored) {
      out.push({ kind: 'duplicate', message: `库中已有${stored.docNumber ? `文号相同或` : ''}标题相同的文件：《${stored.title}》${stored.docNumber ?? ''}` });
    } else {
      const earlier = (number && seen.get(number)) || seen.get(doc.title);
      if (earlier) out.push({ kind: 'duplicate', message: `与本批次“${earlier}”中的文件重复。` });
    }
    for (const w of warnings) {
      if (w.line !== null && w.line >= doc.lineStart && w.line <= doc.lineEnd) out.push({ kind: 'parse', message: `第${w.line}行：${w.message}` });
    }
    return { ...doc, reviewWarnings: out, duplicateOf: stored ? { id: stored.id, title: stored.title, docNumber: stored.docNumber } : null };
  }

  /** Reads, extracts and stages one file; any failure becomes the file's `error` and never touches the others. */
  async function parseBytes(name: string, bytes: Uint8Array, seen: Map<string, string>): Promise<ParsedFile> {
    const hash = sha256(bytes);
    const base: ParsedFile = {
      stagedId: null,
      name,
      sha256: hash,
      size: bytes.length,
      alreadyImported: Boolean(sourceBySha.get(hash)),
      error: null,
      encoding: null,
      encodingNote: null,
      gazette: null,
      documents: [],
      warnings: [],
    };
    if (bytes.length === 0) return { ...base, error: '文件为空，没有可导入的内容。' };
    if (bytes.length > limits.maxFileBytes) {
      return { ...base, error: `文件过大（${mb(bytes.length)}）：单个文件不能超过 ${MAX_IMPORT_FILE_LABEL}，请拆分后再导入。` };
    }
    try {
      const { encoding, note, result } = await extract(name, bytes, ctx.settings.get().registrationPattern);
      const reviewed = result.documents.map((d) => {
        const r = review(d, result.warnings, seen);
        if (d.docNumber) seen.set(d.docNumber.normalized, name);
        seen.set(d.title, name);
        return r;
      });
      if (reviewed.length === 0 && !result.gazette) {
        return { ...base, encoding, encodingNote: note, warnings: result.warnings, error: '文件中没有找到可识别的公文（标题、文号或正文）。' };
      }
      const stagedId = staging.put({ name, sha256: hash, size: bytes.length, encoding, gazette: result.gazette, documents: result.documents });
      return { ...base, stagedId, encoding, encodingNote: note, gazette: result.gazette, documents: reviewed, warnings: result.warnings };
    } catch (err) {
      if (err instanceof AppError) return { ...base, error: err.message };
      ctx.log.error(`读取导入文件 ${name} 时出错`, err);
      return { ...base, error: `无法读取文件：${err instanceof Error ? err.message : String(err)}` };
    }
  }

  /**
   * A document put in stored form. `printed` is the document as the service extracted it: dates equal to the
   * printed ones are stored even when they contradict each other (and flagged); dates the person changed are
   * checked strictly, as an edit is. A document that cannot be stored is refused, naming why.
   */
  function prepare(fileName: string, doc: ParsedDocument, printed: DateFacts, index: number): Prepared {
    const where = `文件“${fileName}”第${index + 1}件《${doc.title.slice(0, 40)}》：`;
    const title = doc.title.replace(/\s+/g, ' ').trim();
    if (!title) return { ok: false, title: null, reason: `文件“${fileName}”第${index + 1}件没有标题。` };
    let docNumber: DocNumber | null = null;
    if (doc.docNumber) {
      const parsed = parseDocNumber(doc.docNumber.raw) ?? parseDocNumber(doc.docNumber.normalized);
      if (!parsed) return { ok: false, title, reason: `${where}文号“${doc.docNumber.raw}”无法识别：${docNumberProblem(doc.docNumber.raw)}。` };
      docNumber = { ...parsed, raw: doc.docNumber.raw };
    }
    const asPrinted = doc.dateSigned === printed.dateSigned && doc.effectiveDate === printed.effectiveDate && doc.validUntil === printed.validUntil;
    try {
      // Every date must exist; the order of dates is checked only where the person changed them.
      checkDates({ dateSigned: doc.dateSigned, effectiveDate: null, validUntil: null }, where);
      checkDates({ dateSigned: null, effectiveDate: doc.effectiveDate, validUntil: null }, where);
      checkDates({ dateSigned: null, effectiveDate: null, validUntil: doc.validUntil }, where);
      if (!asPrinted) checkDates(doc, where);
    } catch (err) {
      if (err instanceof AppError) return { ok: false, title, reason: err.message };
      throw err;
    }
    return {
      ok: true,
      relations: doc,
      flags: dateContradictions(doc),
      doc: {
        title,
        docNumber,
        registrationNumber: doc.registrationNumber,
        issuers: doc.issuers,
        dateSigned: doc.dateSigned,
        kind: doc.kind,
        isNormative: doc.isNormative,
        effectiveClause: doc.effectiveClause,
        effectiveDate: doc.effectiveDate,
        validityClause: doc.validityClause,
        validUntil: doc.validUntil,
        appointments: doc.appointments,
        body: doc.body ?? [],
      },
    };
  }

  /** A file to store: where it came from and its documents, each prepared or refused. */
  interface Writable {
    name: string;
    sha256: string;
    size: number;
    encoding: string;
    gazette: ParsedGazette | null;
    prepared: Prepared[];
  }

  const emptySummary = (): ImportSummary => ({ created: [], skipped: [], gazettes: [], resolvedRelations: 0, flagged: [], refused: [] });

  /** Stores one file's documents, relations and gazette issue; call inside a savepoint. */
  function writeFile(file: Writable, summary: ImportSummary, changed: Set<string>) {
    let sourceId = sourceBySha.get(file.sha256)?.id ?? null;
    // A source row only when something of the file is stored: a copy that adds nothing leaves no trace.
    const source = () =>
      (sourceId ??= (() => {
        const id = randomUUID();
        insertSource.run(id, file.name, file.sha256, file.size, file.encoding, ctx.now().toISOString());
        return id;
      })());
    const inIssue: IssueDocument[] = [];
    const createdHere: Array<{ id: string; doc: ParsedDocument }> = [];
    const at = ctx.now().toISOString();
    for (const p of file.prepared) {
      if (!p.ok) {
        summary.refused.push({ file: file.name, title: p.title, reason: p.reason });
        continue;
      }
      const nd = p.doc;
      const docNumber = nd.docNumber?.normalized ?? null;
      const dup = documents.findDuplicate({ docNumber, title: nd.title, hash: contentHash(nd.title, nd.body) });
      if (dup) {
        summary.skipped.push(dup);
        inIssue.push({ id: dup.id, title: nd.title });
        continue;
      }
      const { id, resolvedFrom } = documents.create(nd, source());
      summary.created.push({ id, title: nd.title, docNumber });
      summary.resolvedRelations += resolvedFrom.length;
      for (const f of p.flags) insertFlag.run(id, f.kind, f.message, at);
      if (p.flags.length) summary.flagged.push({ id, title: nd.title, docNumber, reason: p.flags.map((f) => f.message).join(' ') });
      changed.add(id);
      resolvedFrom.forEach((s) => changed.add(s));
      createdHere.push({ id, doc: p.relations });
      inIssue.push({ id, title: nd.title });
    }
    // Relations after the file's documents, so references between documents of one issue resolve at once.
    for (const { id, doc } of createdHere) {
      const acting = new Set<string>();
      const typed: Array<[RelationType, RelationTarget[]]> = [
        ['abolishes', doc.abolishes],
        ['amends', doc.amends ?? []],
        ['replaces', doc.replaces ?? []],
      ];
      for (const [type, targets] of typed) {
        for (const t of targets) {
          const ref = normalizeTarget(t);
          if (ref.docNumber) acting.add(ref.docNumber);
          const r = relations.insert(id, type, ref);
          if (r?.targetId) {
            summary.resolvedRelations++;
            changed.add(r.targetId);
          }
        }
      }
      // A citation of a document this one also abolishes or amends says nothing more.
      for (const cited of doc.cites) {
        const ref = normalizeTarget({ title: null, docNumber: cited });
        if (!ref.docNumber || acting.has(ref.docNumber)) continue;
        if (relations.insert(id, 'cites', ref)?.targetId) summary.resolvedRelations++;
      }
    }
    if (file.gazette && !gazettes.findSame(file.gazette)) {
      summary.gazettes.push(gazettes.create(randomUUID(), file.gazette, inIssue, source()));
    }
  }

  /**
   * Everything in one transaction (waiting for, and retrying after, another writer), each file in its own
   * savepoint: a file that fails is rolled back alone and listed as refused. Emits documents:changed after.
   */
  function write(files: readonly Writable[], refusedBefore: ImportSummary['refused']): ImportSummary {
    let changed = new Set<string>();
    const summary = retryBusy(() => {
      const s = emptySummary();
      s.refused.push(...refusedBefore);
      changed = new Set<string>();
      db.transaction(() => {
        for (const file of files) {
          const part = emptySummary();
          const partChanged = new Set<string>();
          try {
            db.transaction(() => writeFile(file, part, partChanged))();
          } catch (err) {
            if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw err;
            if (!(err instanceof AppError)) ctx.log.error(`保存导入文件 ${file.name} 时出错`, err);
            const reason = err instanceof AppError ? err.message : '保存时出现程序内部错误（已记录日志），此文件未保存，请重试。';
            s.refused.push({ file: file.name, title: null, reason: `文件“${file.name}”未保存：${reason}` });
            continue;
          }
          s.created.push(...part.created);
          s.skipped.push(...part.skipped);
          s.gazettes.push(...part.gazettes);
          s.flagged.push(...part.flagged);
          s.refused.push(...part.refused);
          s.resolvedRelations += part.resolvedRelations;
          partChanged.forEach((id) => changed.add(id));
        }
      }).immediate();
      return s;
    });
    if (changed.size) ctx.events.emit('documents:changed', { ids: [...changed], deleted: [] });
    return summary;
  }

  /** A staged document with the person's corrections over it (a field left out keeps what was extracted). */
  function corrected(printed: ParsedDocument, c: CommitInput['documents'][number]): ParsedDocument {
    const pick = <K extends keyof ParsedDocument>(k: K, v: ParsedDocument[K] | undefined) => (v === undefined ? printed[k] : v);
    let docNumber = printed.docNumber;
    if (c.docNumber !== undefined) {
      const raw = c.docNumber?.trim() ?? '';
      docNumber = !raw
        ? null
        : raw === printed.docNumber?.raw || raw === printed.docNumber?.normalized
          ? printed.docNumber
          : (parseDocNumber(raw) ?? { raw, normalized: raw, agency: '', year: 0, serial: 0 });
    }
    return {
      ...printed,
      title: pick('title', c.title),
      docNumber,
      registrationNumber: pick('registrationNumber', c.registrationNumber),
      issuers: pick('issuers', c.issuers),
      dateSigned: pick('dateSigned', c.dateSigned),
      kind: pick('kind', c.kind),
      isNormative: pick('isNormative', c.isNormative),
      effectiveClause: pick('effectiveClause', c.effectiveClause),
      effectiveDate: pick('effectiveDate', c.effectiveDate),
      validityClause: pick('validityClause', c.validityClause),
      validUntil: pick('validUntil', c.validUntil),
      abolishes: pick('abolishes', c.abolishes),
      amends: pick('amends', c.amends),
      replaces: pick('replaces', c.replaces),
      cites: pick('cites', c.cites),
      appointments: pick('appointments', c.appointments),
    };
  }

  /** Stores reviewed staged files: bodies, hashes and sizes from the staged parse, metadata as the person corrected it. */
  function commit(files: readonly CommitInput[]): ImportSummary {
    const refused: ImportSummary['refused'] = [];
    const writable: Writable[] = [];
    const committed: string[] = [];
    for (const f of files) {
      const found = staging.get(f.stagedId);
      if ('gone' in found) {
        const g = found.gone;
        const name = g?.name ?? '（未知文件）';
        const why = !g
          ? '找不到这次解析的结果'
          : g.why === 'committed'
            ? '这次解析的结果已经保存过'
            : g.why === 'expired'
              ? '解析结果已过期（解析后超过数小时未保存）'
              : '解析结果已被清理（暂存的解析结果过多）';
        refused.push({ file: name, title: null, reason: `文件“${name}”未保存：${why}，请重新解析该文件后再保存。` });
        continue;
      }
      const staged = found.file;
      const prepared = f.documents.map((c): Prepared => {
        const printed = staged.documents[c.index];
        if (!printed) return { ok: false, title: null, reason: `文件“${staged.name}”中没有第 ${c.index + 1} 件文件，请重新解析该文件后再保存。` };
        return prepare(staged.name, corrected(printed, c), printed, c.index);
      });
      writable.push({ name: staged.name, sha256: staged.sha256, size: staged.size, encoding: staged.encoding, gazette: f.gazette, prepared });
      committed.push(staged.id);
    }
    const summary = write(writable, refused);
    // A file with a refused document stays staged, so the person can correct that document and save it again.
    const failed = new Set(summary.refused.map((r) => r.file));
    for (const [i, id] of committed.entries()) if (!failed.has(writable[i].name)) staging.release(id);
    return summary;
  }

  /** Stores already parsed data as given (tests, samples): not reachable through the contract. */
  function commitParsed(files: readonly TrustedFile[]): ImportSummary {
    return write(
      files.map((f) => ({ ...f, prepared: f.documents.map((d, i) => prepare(f.name, d, d, i)) })),
      [],
    );
  }

  /** Reads and extracts uploaded files for review, staging each; nothing is stored. */
  async function parse(files: readonly Upload[]): Promise<ParsedFile[]> {
    const seen = new Map<string, string>();
    const out: ParsedFile[] = [];
    for (const f of files) {
      const compact = f.dataBase64.replace(/\s+/g, '');
      if (!BASE64.test(compact)) {
        out.push({ ...(await parseBytes(f.name, new Uint8Array(), seen)), error: '文件内容传输有误（不是有效的 base64 编码），请重新选择文件。' });
        continue;
      }
      out.push(await parseBytes(f.name, Buffer.from(compact, 'base64'), seen));
    }
    return out;
  }

  /** Parsed files committed whole, as extracted (every document kept, nothing corrected). */
  function commitAll(parsed: readonly ParsedFile[]): ImportSummary {
    const ok = parsed.filter((p) => p.stagedId);
    return commit(ok.map((p) => ({ stagedId: p.stagedId!, gazette: p.gazette, documents: p.documents.map((_, index) => ({ index })) })));
  }

  return {
    parse,
    commit,
    commitParsed,
    commitAll,
    /** Documents stored as printed with contradicting facts, for the consistency checks. */
    flags: () => allFlags.all(),
    /** Imports the sample gazettes shipped in resources/samples through the same path as any import. */
    async samples(): Promise<ImportSummary> {
      const dir = join(ctx.resourcesDir, 'samples');
      let names: string[];
      try {
        names = (await readdir(dir)).filter((n) => /\.(txt|docx|pdf)$/i.test(n)).sort();
      } catch {
        names = [];
      }
      if (names.length === 0) throw new AppError('NOT_FOUND', `未找到随程序提供的示例公报（${dir}）。`);
      const seen = new Map<string, string>();
      const parsed: ParsedFile[] = [];
      for (const name of names) {
        const p = await parseBytes(name, await readFile(join(dir, name)), seen);
        if (p.error) ctx.log.error(`示例文件 ${name} 无法导入：${p.error}`);
        else parsed.push(p);
      }
      return commitAll(parsed);
    },
  };
}
export type ImportService = ReturnType<typeof createImportService>;

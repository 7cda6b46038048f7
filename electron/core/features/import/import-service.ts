import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Caller } from '../../../../shared/contract';
import { toCommitFile, type CommitFile, type ImportSummary, type ParsedFile, type ReviewDocument, type UploadedFile } from '../../../../shared/contract/import';
import { normalizeDocNumber, parseDocNumber } from '../../../../shared/domain/docnumber';
import type { RelationType } from '../../../../shared/domain/document';
import type { ParsedDocument, ParseResult, RelationTarget } from '../../../../shared/domain/parse-result';
import { addMonths } from '../../../../shared/domain/status';
import { maxValidityYears } from '../../../../shared/domain/validity';
import { parseText } from '../../../../shared/parse';
import { AppError } from '../../kernel/errors';
import type { AppContext } from '../../kernel/context';
import { readImportFile } from './readers';
import type { GazetteService, IssueDocument } from '../gazettes/gazette-service';
import { checkDates, contentHash, docNumberProblem, type DocumentService, type NewDocument } from '../library/document-service';
import type { RelationService } from '../relations/relation-service';

type CommitInput = z.input<typeof CommitFile>;
type Upload = z.output<typeof UploadedFile>;

/** How files become text and text becomes documents; injectable so commit logic is testable on its own. */
export interface ImportDeps {
  read(name: string, bytes: Uint8Array): Promise<{ text: string; encoding: string }>;
  parse(text: string, opts: { file: string; encoding: string; registrationPattern: string }): ParseResult;
}

const defaultDeps: ImportDeps = {
  read: (name, bytes) => readImportFile(name, bytes),
  parse: (text, opts) => parseText(text, opts),
};

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The target's 文号 in normalized form, even when a reviewer typed it loosely. */
function normalizeTarget(t: RelationTarget) {
  const docNumber = t.docNumber ? (normalizeDocNumber(t.docNumber) ?? t.docNumber.replace(/\s+/g, '')) : null;
  return { title: t.title, docNumber };
}

/** The library services an import writes through. */
export interface ImportServices {
  documents: DocumentService;
  relations: RelationService;
  gazettes: GazetteService;
}

/**
 * Import: read files (any encoding, .txt/.docx/.pdf), extract documents for review with warnings, and store a
 * reviewed batch in one transaction — documents, relations (resolved where possible), gazette issues, audit.
 */
// eslint-disable-next-line max-lines-per-function -- to be split with the staged-commit rework of issue 9/14 (parse, review and commit steps)
export function createImportService(ctx: AppContext, services: ImportServices, deps: ImportDeps = defaultDeps) {
  const db = ctx.db;
  const { documents, relations, gazettes } = services;
  const sourceBySha = db.prepare<[string], { id: string }>('SELECT id FROM source_files WHERE sha256 = ?');
  const insertSource = db.prepare<[string, string, string, number, string, string]>(
    'INSERT INTO source_files (id, name, sha256, size, encoding, imported_at) VALUES (?, ?, ?, ?, ?, ?)',
  );

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

  /** Reads and extracts one file; any failure becomes the file's `error` and never touches the others. */
  async function parseBytes(name: string, bytes: Uint8Array, seen: Map<string, string>): Promise<ParsedFile> {
    const hash = sha256(bytes);
    const base: ParsedFile = {
      name,
      sha256: hash,
      size: bytes.length,
      alreadyImported: Boolean(sourceBySha.get(hash)),
      error: null,
      encoding: null,
      gazette: null,
      documents: [],
      warnings: [],
    };
    if (bytes.length === 0) return { ...base, error: '文件为空，没有可导入的内容。' };
    try {
      const { text, encoding } = await deps.read(name, bytes);
      const result = deps.parse(text, { file: name, encoding, registrationPattern: ctx.settings.get().registrationPattern });
      const reviewed = result.documents.map((d) => {
        const r = review(d, result.warnings, seen);
        if (d.docNumber) seen.set(d.docNumber.normalized, name);
        seen.set(d.title, name);
        return r;
      });
      if (reviewed.length === 0 && !result.gazette) {
        return { ...base, encoding, warnings: result.warnings, error: '文件中没有找到可识别的公文（标题、文号或正文）。' };
      }
      return { ...base, encoding, gazette: result.gazette, documents: reviewed, warnings: result.warnings };
    } catch (err) {
      if (err instanceof AppError) return { ...base, error: err.message };
      ctx.log.error(`读取导入文件 ${name} 时出错`, err);
      return { ...base, error: `无法读取文件：${err instanceof Error ? err.message : String(err)}` };
    }
  }

  /** A reviewed document checked and put in stored form; a bad one stops the whole commit, naming it. */
  function prepare(file: CommitInput, doc: ParsedDocument, index: number): NewDocument {
    const where = `文件“${file.name}”第${index + 1}件《${doc.title.slice(0, 40)}》：`;
    const title = doc.title.replace(/\s+/g, ' ').trim();
    if (!title) throw new AppError('INVALID_INPUT', `文件“${file.name}”第${index + 1}件没有标题。`);
    let docNumber = null;
    if (doc.docNumber) {
      const parsed = parseDocNumber(doc.docNumber.raw) ?? parseDocNumber(doc.docNumber.normalized);
      if (!parsed) {
        throw new AppError('INVALID_INPUT', `${where}文号“${doc.docNumber.raw}”无法识别：${docNumberProblem(doc.docNumber.raw)}。`);
      }
      docNumber = { ...parsed, raw: doc.docNumber.raw };
    }
    checkDates(doc, where);
    return {
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
    };
  }

  /** Everything in one transaction; returns what was created and skipped. Emits documents:changed after commit. */
  function commit(by: Caller, files: readonly CommitInput[]): ImportSummary {
    const summary: ImportSummary = { created: [], skipped: [], gazettes: [], resolvedRelations: 0 };
    const changed = new Set<string>();
    db.transaction(() => {
      for (const file of files) {
        let sourceId = sourceBySha.get(file.sha256)?.id ?? null;
        // A source row only when something of the file is stored: a copy that adds nothing leaves no trace.
        const source = () =>
          (sourceId ??= (() => {
            const id = randomUUID();
            insertSource.run(id, file.name, file.sha256, file.size, file.encoding, ctx.now().toISOString());
            return id;
          })());
        const prepared = file.documents.map((d, i) => prepare(file, d as ParsedDocument, i));
        const inIssue: IssueDocument[] = [];
        const createdHere: Array<{ id: string; doc: ParsedDocument }> = [];
        prepared.forEach((nd, i) => {
          const docNumber = nd.docNumber?.normalized ?? null;
          const dup = documents.findDuplicate({ docNumber, title: nd.title, hash: contentHash(nd.title, nd.body) });
          if (dup) {
            summary.skipped.push(dup);
            inIssue.push({ id: dup.id, title: nd.title });
            return;
          }
          const { id, resolvedFrom } = documents.create(by, nd, source());
          summary.created.push({ id, title: nd.title, docNumber });
          summary.resolvedRelations += resolvedFrom.length;
          changed.add(id);
          resolvedFrom.forEach((s) => changed.add(s));
          createdHere.push({ id, doc: file.documents[i] as ParsedDocument });
          inIssue.push({ id, title: nd.title });
        });
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
              const r = relations.insert(by, id, type, ref);
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
            if (relations.insert(by, id, 'cites', ref)?.targetId) summary.resolvedRelations++;
          }
        }
        if (file.gazette && !gazettes.findSame(file.gazette)) {
          summary.gazettes.push(gazettes.create(by, randomUUID(), file.gazette, inIssue, source()));
        }
      }
    })();
    if (changed.size) ctx.events.emit('documents:changed', { ids: [...changed], deleted: [] });
    return summary;
  }

  /** Reads and extracts uploaded files for review; nothing is stored. */
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

  return {
    parse,
    commit,
    /** Reads files from disk by path (the CLI), with the same checks as uploads. */
    async parsePaths(paths: readonly { name: string; bytes: Uint8Array }[]): Promise<ParsedFile[]> {
      const seen = new Map<string, string>();
      const out: ParsedFile[] = [];
      for (const p of paths) out.push(await parseBytes(p.name, p.bytes, seen));
      return out;
    },
    /** Imports the sample gazettes shipped in resources/samples through the same path as any import. */
    async samples(by: Caller): Promise<ImportSummary> {
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
      return commit(by, parsed.map(toCommitFile));
    },
  };
}
export type ImportService = ReturnType<typeof createImportService>;

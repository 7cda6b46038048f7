import { randomUUID } from 'node:crypto';
import type { Caller } from '../../../../shared/contract';
import { addSummary, type FileOrigin, type ImportSummary } from '../../../../shared/contract/import';
import { normalizeDocNumber } from '../../../../shared/domain/docnumber';
import type { RelationType } from '../../../../shared/domain/document';
import type { ParsedDocument, ParsedGazette, RelationTarget } from '../../../../shared/domain/parse-result';
import { durably, retryBusy, withPragma } from '../../db/open';
import { withDeferredSearchIndex } from '../../db/search-batch';
import type { BodyForms } from '../../db/search-functions';
import type { AppContext } from '../../kernel/context';
import { AppError } from '../../kernel/errors';
import type { GazetteService, IssueDocument } from '../gazettes/gazette-service';
import { contentHash, type DocumentService } from '../library/document-service';
import type { RelationService } from '../relations/relation-service';
import { createCorrectionStore } from './corrections';
import type { OcrPageImage } from './ocr/scan-reader';
import type { Prepared } from './prepare';
import { createScanStore } from './scans';

/** The library services an import writes through. */
export interface ImportServices {
  documents: DocumentService;
  relations: RelationService;
  gazettes: GazetteService;
}

/** A file to store: where it came from (as the service read it) and its documents, each prepared or refused. */
export interface Writable {
  name: string;
  sha256: string;
  size: number;
  encoding: string;
  gazette: ParsedGazette | null;
  prepared: Prepared[];
  /** the file's pages read by OCR (kept with the documents whose text came from them) */
  scanPages?: readonly OcrPageImage[];
  /** a saved web page's own address and 发布日期, when it names them */
  origin?: FileOrigin | null;
  /** its bodies' search forms computed at parse, by stored JSON (a body corrected since is normalized here) */
  bodyForms?: ReadonlyMap<string, BodyForms> | null;
}

/**
 * WAL pages after which an import's commit checkpoints (SQLite's default is 1,000 pages, 4 MB): a batch of 100 long
 * documents writes more than that, so every batch copied the WAL back into the database and synced it, which took
 * about as long as the batch's own full-text indexing. Each commit still syncs the WAL (durably); the database file
 * is brought up to date every ~64 MB of WAL, and when the last connection closes.
 */
const IMPORT_CHECKPOINT_PAGES = 16_384;

/** Runs an import's write with checkpoints every IMPORT_CHECKPOINT_PAGES instead of after every batch. */
const fewerCheckpoints = <T>(db: AppContext['db'], run: () => T): T =>
  withPragma(db, 'wal_autocheckpoint', IMPORT_CHECKPOINT_PAGES, (pages) => pages <= 0 || pages >= IMPORT_CHECKPOINT_PAGES, run);

/** SQLite's temp_store value that keeps temporary files in memory. */
const TEMP_STORE_MEMORY = 2;

/**
 * Runs an import's write with its statement and savepoint journals in memory. Each document's insert (its triggers),
 * each file's savepoint and each full-text statement (a segment and its merges reuse freed pages) journal the pages
 * they change, and past 64 KB SQLite spilled that journal to a temporary file: about 60,000 writes and 120 MB a
 * thousand documents, on the thread that stores (issue 25). A journal lives as long as its statement or savepoint.
 * Inside a caller's transaction it is left alone (the journals of that transaction are already chosen).
 */
const journalsInMemory = <T>(db: AppContext['db'], run: () => T): T =>
  withPragma(db, 'temp_store', TEMP_STORE_MEMORY, (current) => current === TEMP_STORE_MEMORY || db.inTransaction, run);

export const emptySummary = (): ImportSummary => ({ created: [], skipped: [], gazettes: [], resolvedRelations: 0, flagged: [], refused: [] });


/** The target's 文号 in normalized form, even when a reviewer typed it loosely. */
function normalizeTarget(t: RelationTarget) {
  const docNumber = t.docNumber ? (normalizeDocNumber(t.docNumber) ?? t.docNumber.replace(/\s+/g, '')) : null;
  return { title: t.title, docNumber };
}

/**
 * Stores prepared files: documents (skipping ones already stored), their review flags, relations (resolved
 * where possible), gazette issues, source rows and the corrections made at review — one transaction per call,
 * one savepoint per file.
 */
export function createCommitWriter(ctx: AppContext, { documents, relations, gazettes }: ImportServices) {
  const db = ctx.db;
  const sourceBySha = db.prepare<[string], { id: string }>('SELECT id FROM source_files WHERE sha256 = ?');
  const insertSource = db.prepare<[string, string, string, number, string, string, string | null, string | null]>(
    'INSERT INTO source_files (id, name, sha256, size, encoding, imported_at, origin_url, origin_published) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const corrections = createCorrectionStore(ctx);
  const scans = createScanStore(ctx);
  const insertFlag = db.prepare<[string, string, string, string]>(
    'INSERT OR REPLACE INTO document_flags (document_id, kind, message, created_at) VALUES (?, ?, ?, ?)',
  );

  /** The file's relations, after its documents, so references between documents of one issue resolve at once. */
  function writeRelations(by: Caller, createdHere: Array<{ id: string; doc: ParsedDocument }>, summary: ImportSummary, changed: Set<string>) {
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
  }

  /** Stores one file; call inside a savepoint. */
  function writeFile(by: Caller, file: Writable, summary: ImportSummary, changed: Set<string>) {
    let sourceId = sourceBySha.get(file.sha256)?.id ?? null;
    // A source row only when something of the file is stored: a copy that adds nothing leaves no trace.
    const source = () =>
      (sourceId ??= (() => {
        const id = randomUUID();
        insertSource.run(id, file.name, file.sha256, file.size, file.encoding, ctx.now().toISOString(), file.origin?.url ?? null, file.origin?.published ?? null);
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
      const hash = contentHash(nd.title, nd.body);
      const dup = documents.findDuplicate({ docNumber, title: nd.title, hash });
      if (dup) {
        summary.skipped.push(dup);
        inIssue.push({ id: dup.id, title: nd.title });
        continue;
      }
      const { id, resolvedFrom } = documents.create(by, nd, source(), hash);
      summary.created.push({ id, title: nd.title, docNumber });
      summary.resolvedRelations += resolvedFrom.length;
      for (const f of p.flags) insertFlag.run(id, f.kind, f.message, at);
      // What the person corrected at review stays with the file and the document it made (issue 16).
      if (p.corrections?.length) corrections.record(by, source(), id, p.corrections);
      if (p.scan && file.scanPages) scans.record(by, source(), id, p.scan, file.scanPages);
      if (p.flags.length) summary.flagged.push({ id, title: nd.title, docNumber, reason: p.flags.map((f) => f.message).join(' ') });
      changed.add(id);
      resolvedFrom.forEach((s) => changed.add(s));
      createdHere.push({ id, doc: p.relations });
      inIssue.push({ id, title: nd.title });
    }
    writeRelations(by, createdHere, summary, changed);
    if (file.gazette && !gazettes.findSame(file.gazette)) {
      summary.gazettes.push(gazettes.create(by, randomUUID(), file.gazette, inIssue, source()));
    }
  }

  /** One file in its savepoint: a file that fails is rolled back alone and listed as refused. */
  function writeOne(by: Caller, file: Writable, s: ImportSummary, changed: Set<string>) {
    const part = emptySummary();
    const partChanged = new Set<string>();
    try {
      db.transaction(() => writeFile(by, file, part, partChanged))();
    } catch (err) {
      if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw err;
      if (!(err instanceof AppError)) ctx.log.error(`保存导入文件 ${file.name} 时出错`, err);
      const reason = err instanceof AppError ? err.message : '保存时出现程序内部错误（已记录日志），此文件未保存，请重试。';
      s.refused.push({ file: file.name, title: null, reason: `文件“${file.name}”未保存：${reason}` });
      return;
    }
    addSummary(s, part);
    partChanged.forEach((id) => changed.add(id));
  }

  return {
    /**
     * Everything in one transaction (waiting for, and retrying after, another writer), each file in its own
     * savepoint. `refusedBefore` are files refused before writing (listed first). Emits documents:changed after.
     */
    write(by: Caller, files: readonly Writable[], refusedBefore: ImportSummary['refused']): ImportSummary {
      let changed = new Set<string>();
      const known = new Map<string, BodyForms>();
      for (const f of files) for (const [json, forms] of f.bodyForms ?? []) known.set(json, forms);
      // an import is worth a synced commit (see durably): the person would not know what to import again
      const summary = fewerCheckpoints(db, () =>
        journalsInMemory(db, () =>
          durably(db, () =>
            retryBusy(() => {
              const s = emptySummary();
              s.refused.push(...refusedBefore);
              changed = new Set<string>();
              // full-text indexing once for the whole batch (one FTS5 segment, not one per document)
              db.transaction(() =>
                withDeferredSearchIndex(
                  db,
                  () => {
                    for (const file of files) writeOne(by, file, s, changed);
                  },
                  known,
                ),
              ).immediate();
              return s;
            }),
          ),
        ),
      );
      if (changed.size) ctx.events.emit('documents:changed', { ids: [...changed], deleted: [] });
      return summary;
    },
  };
}

import { createHash, randomUUID } from 'node:crypto';
import type { DocumentDetail, DocumentPatch, DocumentQuery } from '../../../../shared/contract/documents';
import type { z } from 'zod';
import { isoDate } from '../../../../shared/domain/cn-date';
import { parseDocNumber } from '../../../../shared/domain/docnumber';
import type { Caller } from '../../../../shared/contract';
import type { AuditCause } from '../../../../shared/domain/audit-actions';
import type { Document } from '../../../../shared/domain/document';
import type { Appointment, DocNumber } from '../../../../shared/domain/parse-result';
import { isoDay } from '../../../../shared/domain/status';
import { EFFECT_RE } from '../../../../shared/domain/validity';
import { retryBusy } from '../../db/open';
import { AppError } from '../../kernel/errors';
import type { AppContext } from '../../kernel/context';
import type { AuditService } from '../audit/audit-service';
import type { GazetteService } from '../gazettes/gazette-service';
import { relationAuditShape, type RelationService, type StoredRef } from '../relations/relation-service';
import type { StatusIndex } from '../validity/status-index';
import { toDocument, type DocumentRow } from './document-row';
import { nextStamp, staleEditError } from './edit-conflict';
import { createLibraryTable } from './library-table';

export type { DocumentRow };

type Query = z.output<typeof DocumentQuery>;
type Highlight = DocumentDetail['highlights'][number];

/** The fields of a new document, as extracted (and perhaps corrected in the review). */
export interface NewDocument {
  title: string;
  docNumber: DocNumber | null;
  registrationNumber: string | null;
  issuers: string[];
  dateSigned: string | null;
  kind: string | null;
  isNormative: boolean;
  effectiveClause: string | null;
  effectiveDate: string | null;
  validityClause: string | null;
  validUntil: string | null;
  declaredInvalidOn?: string | null;
  appointments: Appointment[];
  body: string[];
}

/** Same text, same hash: how a re-import recognises a document whatever its 文号 extraction gave. */
export function contentHash(title: string, body: readonly string[]): string {
  const text = `${title}\n${body.join('\n')}`.replace(/\s+/g, '');
  return createHash('sha256').update(text).digest('hex');
}

/** Why a 文号 does not parse, in words a clerk can act on. */
export function docNumberProblem(raw: string): string {
  const s = raw.replace(/\s+/g, '');
  if (!/(?:19|20)\d{2}/.test(s)) return '缺少四位年份';
  if (!/[〔[（(【［﹝〖](?:19|20)\d{2}[〕\]）)】］﹞〗]/.test(s)) return '年份应写在括号内，如〔2022〕';
  if (!/^[\u3400-\u9fff]/.test(s)) return '开头应为机关代字，如“招政发”';
  if (!/\d+号$/.test(s)) return '应以序号和“号”结尾，如“8号”';
  return '格式应为“机关代字〔年份〕序号号”';
}

/** Parses a 文号 typed by a person; refuses one that does not parse, saying why. */
export function requireDocNumber(raw: string): DocNumber {
  const parsed = parseDocNumber(raw);
  if (!parsed) throw new AppError('INVALID_INPUT', `文号“${raw}”无法识别：${docNumberProblem(raw)}，例如“招政发〔2022〕8号”。`);
  return parsed;
}

const DATE_LABELS = { dateSigned: '成文日期', effectiveDate: '施行日期', validUntil: '有效期截止日期', declaredInvalidOn: '宣布失效日期' } as const;

/** Refuses dates that do not exist and an end before the start (a person's edit or a reviewed import). */
export function checkDates(d: Pick<NewDocument, 'dateSigned' | 'effectiveDate' | 'validUntil'> & { declaredInvalidOn?: string | null }, what = ''): void {
  for (const key of Object.keys(DATE_LABELS) as (keyof typeof DATE_LABELS)[]) {
    const v = d[key];
    if (!v) continue;
    const [y, m, day] = v.split('-').map(Number);
    if (isoDate(y, m, day) !== v) throw new AppError('INVALID_INPUT', `${what}${DATE_LABELS[key]}“${v}”不是有效的日期。`);
  }
  const start = d.effectiveDate ?? d.dateSigned;
  if (d.validUntil && start && d.validUntil < start) {
    const startLabel = d.effectiveDate ? '施行日期' : '成文日期';
    throw new AppError('INVALID_INPUT', `${what}有效期截止日期（${d.validUntil}）早于${startLabel}（${start}），请检查。`);
  }
}

/** Where in the body the 施行, 有效期 and 废止 clauses stand, for highlighting on the document page. */
export function findHighlights(body: readonly string[]): Highlight[] {
  const patterns: Array<[Highlight['kind'], RegExp]> = [
    ['effective', EFFECT_RE],
    ['validity', /有效期[^，,。；;)）]{1,30}/g],
    // A sentence that abolishes or stops something: from its start to its end, so the named document is included.
    ['abolish', /[^。；;]*?(?:同时废止|予以废止|废止|停止执行|宣布失效)[^。；;]*/g],
  ];
  const out: Highlight[] = [];
  body.forEach((text, paragraph) => {
    for (const [kind, re] of patterns) {
      for (const m of text.matchAll(re)) {
        const lead = m[0].length - m[0].trimStart().length;
        out.push({ paragraph, start: m.index! + lead, end: m.index! + m[0].length, kind });
      }
    }
  });
  return out.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
}

/** The document with a patch applied: a 文号 must parse and be free, dates must exist and be in order. */
function patched(before: Document, patch: DocumentPatch, numberTaken: (normalized: string) => StoredRef | undefined): Document {
  const next: Document = { ...before };
  for (const [key, value] of Object.entries(patch) as [keyof DocumentPatch, unknown][]) {
    if (value === undefined || key === 'docNumber') continue;
    (next as Record<string, unknown>)[key] = value;
  }
  if (patch.docNumber !== undefined) {
    const raw = patch.docNumber?.trim() ?? '';
    next.docNumber = raw ? requireDocNumber(raw) : null;
    if (next.docNumber && next.docNumber.normalized !== before.docNumber?.normalized) {
      const other = numberTaken(next.docNumber.normalized);
      if (other) throw new AppError('CONFLICT', `文号 ${next.docNumber.normalized} 已用于《${other.title}》，请核对。`);
    }
  }
  checkDates(next);
  return next;
}

/** Column values for a document as stored (shared by insert and update). */
function toParams(id: string, d: NewDocument & { declaredInvalidOn?: string | null }, at: string, hash = contentHash(d.title, d.body)) {
  return {
    id,
    title: d.title,
    doc_number_raw: d.docNumber?.raw ?? null,
    doc_number: d.docNumber?.normalized ?? null,
    doc_agency: d.docNumber?.agency ?? null,
    doc_year: d.docNumber?.year ?? null,
    doc_serial: d.docNumber?.serial ?? null,
    registration_number: d.registrationNumber,
    issuers: JSON.stringify(d.issuers),
    date_signed: d.dateSigned,
    kind: d.kind,
    is_normative: d.isNormative ? 1 : 0,
    effective_clause: d.effectiveClause,
    effective_date: d.effectiveDate,
    validity_clause: d.validityClause,
    valid_until: d.validUntil,
    declared_invalid_on: d.declaredInvalidOn ?? null,
    appointments: JSON.stringify(d.appointments),
    body: JSON.stringify(d.body),
    content_hash: hash,
    updated_at: at,
  };
}

/** What the audit log keeps of a document: every field but the bookkeeping ones. */
function auditView(d: Document) {
  const { createdAt: _c, updatedAt: _u, id: _i, ...rest } = d;
  return rest;
}

/**
 * The document library: the table (see library-table.ts), one document
 * with relations, highlights, history and gazettes, and validated, audited edits and deletion.
 */
export function createDocumentService(
  ctx: Pick<AppContext, 'db' | 'now' | 'settings' | 'events'>,
  deps: { audit: AuditService; relations: RelationService; statuses: StatusIndex; gazettes: Pick<GazetteService, 'forDocument'> },
) {
  const db = ctx.db;
  const { audit, relations, statuses, gazettes } = deps;
  const table = createLibraryTable(db, statuses);

  const byId = db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE id = ?');
  const allRows = db.prepare<[], DocumentRow>('SELECT * FROM documents ORDER BY date_signed, created_at');
  const byNumber = db.prepare<[string, string], StoredRef>(
    'SELECT id, title, doc_number AS docNumber FROM documents WHERE doc_number = ? AND id <> ? LIMIT 1',
  );
  // `+title`: the 文号 index finds the one candidate; by the title index the check read every document of that title
  // (common titles recur dozens of times in a city's library: 0.3 ms a check at 100,000 documents, issue 25)
  const duplicateStmt = db.prepare<{ docNumber: string | null; title: string; hash: string }, StoredRef>(`
    SELECT id, title, doc_number AS docNumber FROM documents
    WHERE (@docNumber IS NOT NULL AND doc_number = @docNumber AND +title = @title) OR content_hash = @hash LIMIT 1`);
  const likelyDuplicateStmt = db.prepare<{ docNumber: string | null; title: string }, StoredRef>(`
    SELECT id, title, doc_number AS docNumber FROM documents
    WHERE (@docNumber IS NOT NULL AND doc_number = @docNumber) OR title = @title LIMIT 1`);
  const insertStmt = db.prepare(`
    INSERT INTO documents (id, title, doc_number_raw, doc_number, doc_agency, doc_year, doc_serial, registration_number,
      issuers, date_signed, kind, is_normative, effective_clause, effective_date, validity_clause, valid_until,
      declared_invalid_on, appointments, body, source_file_id, content_hash, created_at, updated_at)
    VALUES (@id, @title, @doc_number_raw, @doc_number, @doc_agency, @doc_year, @doc_serial, @registration_number,
      @issuers, @date_signed, @kind, @is_normative, @effective_clause, @effective_date, @validity_clause, @valid_until,
      @declared_invalid_on, @appointments, @body, @source_file_id, @content_hash, @created_at, @updated_at)`);
  const updateStmt = db.prepare(`
    UPDATE documents SET title = @title, doc_number_raw = @doc_number_raw, doc_number = @doc_number, doc_agency = @doc_agency,
      doc_year = @doc_year, doc_serial = @doc_serial, registration_number = @registration_number, issuers = @issuers,
      date_signed = @date_signed, kind = @kind, is_normative = @is_normative, effective_clause = @effective_clause,
      effective_date = @effective_date, validity_clause = @validity_clause, valid_until = @valid_until,
      declared_invalid_on = @declared_invalid_on, appointments = @appointments, body = @body, content_hash = @content_hash,
      updated_at = @updated_at
    WHERE id = @id AND updated_at = @prev_updated_at`);
  const deleteStmt = db.prepare<[string]>('DELETE FROM documents WHERE id = ?');
  const declaredStmt = db.prepare<[string | null, string, string]>('UPDATE documents SET declared_invalid_on = ?, updated_at = ? WHERE id = ?');
  const today = () => isoDay(ctx.now());

  function get(id: string): Document {
    const row = byId.get(id);
    if (!row) throw new AppError('NOT_FOUND', `未找到文件 ${id}`);
    return toDocument(row);
  }

  function detail(id: string, asOf: string = today()): DocumentDetail {
    const document = get(id);
    const outgoing = relations.outgoing(id);
    const incoming = relations.incoming(id);
    const others = new Set([...outgoing.map((r) => r.targetId), ...incoming.map((r) => r.sourceId)].filter((x): x is string => !!x));
    return {
      document,
      status: statuses.statusOf(id, asOf),
      asOf,
      outgoing,
      incoming,
      relatedStatuses: Object.fromEntries([...others].map((other) => [other, statuses.statusOf(other, asOf)])),
      highlights: findHighlights(document.body),
      history: relations.nameRelated(id, audit.documentHistory(id)),
      gazettes: gazettes.forDocument(id),
    };
  }

  /** Applies a patch under an audit action (a person's edit, or a workflow's with its cause); false when nothing changed. */
  function write(by: Caller, id: string, patch: DocumentPatch, how: { loadedAt?: string; action?: string; cause?: AuditCause }): boolean {
    const { loadedAt } = how;
    const before = get(id);
    if (loadedAt !== undefined && loadedAt !== before.updatedAt) throw staleEditError(loadedAt, before.updatedAt, audit.documentHistory(id));
    const next = patched(before, patch, (n) => byNumber.get(n, id));
    const changedKeys = (Object.keys(next) as (keyof Document)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(before[k]));
    if (changedKeys.length === 0) return false;
    const pick = (d: Document) => Object.fromEntries(changedKeys.map((k) => [k, d[k]]));
    const store = db.transaction(() => {
      const at = nextStamp(before.updatedAt, ctx.now());
      // guarded by the version read above: another process's edit in between is refused, not overwritten
      const { changes } = updateStmt.run({ ...toParams(id, next, at), prev_updated_at: before.updatedAt });
      if (changes === 0) throw staleEditError(loadedAt ?? before.updatedAt, get(id).updatedAt, audit.documentHistory(id));
      audit.record(by, how.action ?? 'document.update', 'document', id, pick(before), how.cause ? { ...pick(next), cause: how.cause } : pick(next));
      if (changedKeys.includes('docNumber') || changedKeys.includes('title')) {
        relations.resolvePending(by, { id, title: next.title, docNumber: next.docNumber?.normalized ?? null });
      }
    });
    // Begun as the writer: it waits (the busy timeout) for another process's write, a CLI import, instead of failing
    // as INTERNAL "database is locked" when a read snapshot cannot be upgraded; after that one wait it says the
    // library is busy. Once only: that wait is synchronous and holds up every other request of this process.
    // Inside a caller's transaction that one decides.
    if (db.inTransaction) store();
    else retryBusy(() => store.immediate(), 1);
    return true;
  }

  return {
    get,
    detail,

    /** Every document's row without its body, kept by the library table (the start page counts from it). */
    rows: () => table.rows(),

    /** The library table: filtered, sorted rows with statuses as of `asOf` (default today), and the filter values. */
    list(query: Query) {
      return table.list(query, query.asOf ?? today());
    },

    /** Every stored document with all its fields and its status on `asOf` (default today); bodies only when asked. */
    all(asOf: string = today(), withBody = false) {
      const statusOn = statuses.onDay(asOf);
      return allRows.all().map((row) => {
        const { body, ...doc } = toDocument(row);
        return { ...doc, status: statusOn(doc.id), ...(withBody ? { body } : {}) };
      });
    },

    /** A stored document that is certainly the same: same 文号 and title, or the same text. */
    findDuplicate(d: { docNumber: string | null; title: string; hash: string }): StoredRef | null {
      return duplicateStmt.get(d) ?? null;
    },

    /** A stored document that is probably the same: same 文号, or same title (for review warnings). */
    findLikelyDuplicate(d: { docNumber: string | null; title: string }): StoredRef | null {
      return likelyDuplicateStmt.get(d) ?? null;
    },

    /**
     * Stores a new document, links references waiting for it and audits both; call inside a transaction.
     * Returns its id and the documents whose references were linked. `hash`: its contentHash, when the caller has it.
     */
    create(by: Caller, d: NewDocument, sourceFileId: string | null, hash?: string): { id: string; resolvedFrom: string[] } {
      const id = randomUUID();
      const at = ctx.now().toISOString();
      insertStmt.run({ ...toParams(id, d, at, hash), source_file_id: sourceFileId, created_at: at });
      // The body is stored once, in the document; the log notes only its size.
      const { body, ...fields } = d;
      audit.record(by, 'document.create', 'document', id, null, { ...fields, sourceFileId, bodyParagraphs: body.length });
      const resolvedFrom = relations.resolvePending(by, { id, title: d.title, docNumber: d.docNumber?.normalized ?? null });
      return { id, resolvedFrom };
    },

    /**
     * Edits fields: a 文号 must parse, dates must exist, the end may not precede the start; audited with before/after.
     * With `loadedAt` (the updatedAt the editor loaded), an edit of an outdated copy is refused with CONFLICT.
     */
    update(by: Caller, id: string, patch: DocumentPatch, asOf?: string, loadedAt?: string): DocumentDetail {
      const changed = write(by, id, patch, { loadedAt });
      if (changed) ctx.events.emit('documents:changed', { ids: [id], deleted: [] });
      return detail(id, asOf);
    },

    /**
     * A workflow's change of a document's facts (a publication dating it, a re-opening undoing that): checked like
     * an edit, audited under its own named action with the cause, so the history never shows a plain 修改文件信息.
     * Call inside the workflow's transaction; returns whether anything changed.
     */
    changeBecause(by: Caller, id: string, patch: DocumentPatch, action: string, cause: AuditCause): boolean {
      const changed = write(by, id, patch, { action, cause });
      if (changed) ctx.events.emit('documents:changed', { ids: [id], deleted: [] });
      return changed;
    },

    /**
     * Sets (or clears) the day a document was declared invalid (宣布失效), audited; call inside a transaction.
     * For cleanup campaigns applying hundreds of decisions at once, without a detail read per document.
     */
    setDeclaredInvalidOn(by: Caller, id: string, date: string | null, cause?: AuditCause): void {
      const before = get(id).declaredInvalidOn;
      if (before === date) return;
      declaredStmt.run(date, ctx.now().toISOString(), id);
      // a campaign's publication or revert names itself; a person's own edit is a plain 修改文件信息
      const action = !cause ? 'document.update' : date ? 'document.declared-invalid' : 'document.declared-invalid-reverted';
      audit.record(by, action, 'document', id, { declaredInvalidOn: before }, cause ? { declaredInvalidOn: date, cause } : { declaredInvalidOn: date });
    },

    /** Deletes a document; its outgoing relations go with it and references to it become unresolved again (all audited). */
    delete(by: Caller, id: string): { id: string } {
      db.transaction(() => {
        const before = get(id);
        for (const r of relations.outgoing(id)) {
          audit.record(by, 'relation.delete', 'relation', String(r.id), relationAuditShape(r), null);
        }
        for (const r of relations.incoming(id)) {
          audit.record(by, 'relation.unresolve', 'relation', String(r.id), relationAuditShape(r), relationAuditShape({ ...r, targetId: null }));
        }
        deleteStmt.run(id);
        // The whole document goes into the log, so a deletion can be undone by hand.
        audit.record(by, 'document.delete', 'document', id, auditView(before), null);
      })();
      ctx.events.emit('documents:changed', { ids: [], deleted: [id] });
      return { id };
    },
  };
}
export type DocumentService = ReturnType<typeof createDocumentService>;

import { randomUUID } from 'node:crypto';
import type { Caller } from '../../../../shared/contract';
import type { DocumentPatch } from '../../../../shared/contract/documents';
import type { DateDerivation, DateEffects, GazetteDetail } from '../../../../shared/contract/gazettes';
import type { AuditCause } from '../../../../shared/domain/audit-actions';
import type { Document } from '../../../../shared/domain/document';
import { extractValidity } from '../../../../shared/domain/validity';
import { AppError } from '../../kernel/errors';
import type { AppContext } from '../../kernel/context';
import type { AuditService } from '../audit/audit-service';
import type { GazetteRegistry } from './gazette-registry';
import type { GazetteService } from './gazette-service';

/**
 * What the issue editor needs of the library. The library depends on gazettes (a document shows the issues it was
 * printed in), so the composition root hands the document service in through this port instead of an import.
 */
export interface DocumentPort {
  get(id: string): Document;
  /** a workflow's validated change, audited under its own action with the cause (the status index follows its event) */
  changeBecause(by: Caller, id: string, patch: DocumentPatch, action: string, cause: AuditCause): boolean;
}

interface Entry {
  section: string | null;
  title: string;
  page: number | null;
  documentId: string | null;
}

/** 施行 from the day of publication: these documents take their 施行日期 (and so their 有效期至) from the issue. */
const FROM_PUBLICATION = /自(?:公布|发布|公开发布|颁布|刊登|登载)之日/;

/** Where a new entry of `section` goes: after the section's last entry, else before the first later preset section. */
function insertionIndex(entries: readonly Entry[], section: string, presets: readonly string[]): number {
  const last = entries.map((e) => e.section).lastIndexOf(section);
  if (last >= 0) return last + 1;
  const rank = presets.indexOf(section);
  if (rank < 0) return entries.length;
  const later = entries.findIndex((e) => e.section !== null && presets.indexOf(e.section) > rank);
  return later < 0 ? entries.length : later;
}

/** The issue editor's SQL (the issue tables belong to this feature). */
function statements(db: AppContext['db']) {
  const stateOf = db.prepare<[string], { state: string; gazette_id: string | null }>('SELECT state, gazette_id FROM gazette_issues WHERE id = ?');
  const maxNumber = db.prepare<[string, number], { n: number | null }>(
    'SELECT max(issue_number) AS n FROM gazette_issues WHERE gazette_id = ? AND year = ?',
  );
  const maxTotal = db.prepare<[string], { n: number | null }>('SELECT max(total_number) AS n FROM gazette_issues WHERE gazette_id = ?');
  const sameNumber = db.prepare<[string, number, number, string], { id: string }>(
    'SELECT id FROM gazette_issues WHERE gazette_id = ? AND year = ? AND issue_number = ? AND id <> ? LIMIT 1',
  );
  const sameTotal = db.prepare<[string, number, string], { id: string }>(
    'SELECT id FROM gazette_issues WHERE gazette_id = ? AND total_number = ? AND id <> ? LIMIT 1',
  );
  const insertIssue = db.prepare(`
    INSERT INTO gazette_issues (id, title, year, issue_number, total_number, publish_date, source_file_id, created_at, gazette_id, state)
    VALUES (@id, @title, @year, @issueNumber, @totalNumber, @publishDate, NULL, @at, @gazetteId, 'draft')`);
  const updateNumbers = db.prepare(
    'UPDATE gazette_issues SET year = @year, issue_number = @issueNumber, total_number = @totalNumber, publish_date = @publishDate WHERE id = @id',
  );
  const setState = db.prepare<[string, string | null, string]>('UPDATE gazette_issues SET state = ?, published_at = ? WHERE id = ?');
  const entriesOf = db.prepare<[string], Entry>(
    'SELECT section, title, page, document_id AS documentId FROM gazette_entries WHERE issue_id = ? ORDER BY position',
  );
  const clearEntries = db.prepare<[string]>('DELETE FROM gazette_entries WHERE issue_id = ?');
  const insertEntry = db.prepare<[string, number, string | null, string, number | null, string | null]>(
    'INSERT INTO gazette_entries (issue_id, position, section, title, page, document_id) VALUES (?, ?, ?, ?, ?, ?)',
  );

  return { stateOf, maxNumber, maxTotal, sameNumber, sameTotal, insertIssue, updateNumbers, setState, entriesOf, clearEntries, insertEntry };
}

function indexOfDoc(entries: Entry[], documentId: string): number {
  const i = entries.findIndex((e) => e.documentId === documentId);
  if (i < 0) throw new AppError('NOT_FOUND', `本期没有收录文件 ${documentId}`);
  return i;
}

/** Per document: what to fix before printing, and the other issues it was printed in. */
function checkDocuments(id: string, docIds: string[], printed: Record<string, Array<{ id: string; label: string }>>, documents: DocumentPort) {
  return docIds.map((documentId) => {
    const d = documents.get(documentId);
    const problems: string[] = [];
    if (!d.docNumber) problems.push('缺少文号');
    if (!d.dateSigned) problems.push('缺少成文日期');
    if (d.isNormative && !d.validityClause) problems.push('规范性文件未写明有效期');
    if (d.isNormative && !d.registrationNumber) problems.push('尚未登记（缺少登记号）');
    return { documentId, problems, alsoIn: (printed[documentId] ?? []).filter((p) => p.id !== id) };
  });
}

/** Whether a person set the document's 施行日期 by hand (an edit in its history): then no publication re-dates it. */
function setByHand(history: ReadonlyArray<{ action: string; after: unknown }>): boolean {
  return history.some((h) => h.action === 'document.update' && !!h.after && typeof h.after === 'object' && 'effectiveDate' in h.after);
}

/**
 * What publishing on `day` would do to the dates of the issue's documents that take effect 自公布之日起: the ones
 * whose 施行日期 (and 有效期至) it derives, and the ones it leaves alone and why — a document already published in
 * another issue, or whose 施行日期 a person or its own text fixed, is never re-dated.
 */
function planDates(
  issueId: string,
  docIds: readonly string[],
  day: string,
  documents: DocumentPort,
  printed: Record<string, Array<{ id: string; label: string }>>,
  historyOf: (id: string) => ReadonlyArray<{ action: string; after: unknown }>,
): Pick<DateEffects, 'derive' | 'kept'> {
  const derive: DateDerivation[] = [];
  const kept: DateEffects['kept'] = [];
  for (const docId of docIds) {
    const d = documents.get(docId);
    if (!d.effectiveClause || !FROM_PUBLICATION.test(d.effectiveClause.replace(/\s+/g, ''))) continue;
    const who = { documentId: docId, title: d.title, docNumber: d.docNumber?.normalized ?? null };
    const elsewhere = (printed[docId] ?? []).filter((p) => p.id !== issueId);
    let reason: string | null = null;
    if (elsewhere.length) reason = `已在${elsewhere[0].label}公布，施行日期以该次公布为准，不再改动`;
    else if (d.effectiveDate && d.effectiveDate !== d.dateSigned) reason = `施行日期（${d.effectiveDate}）已另行确定，不再改动`;
    else if (d.effectiveDate && setByHand(historyOf(docId))) reason = `施行日期（${d.effectiveDate}）已由人工确定，不再改动`;
    if (reason) {
      kept.push({ ...who, reason });
      continue;
    }
    const v = extractValidity(d.body.join('\n'), { dateSigned: day, title: d.title });
    const after = { effectiveDate: day, validUntil: v.validUntil && v.validityYears !== null ? v.validUntil : d.validUntil };
    if (d.effectiveDate === after.effectiveDate && d.validUntil === after.validUntil) continue;
    derive.push({ ...who, before: { effectiveDate: d.effectiveDate, validUntil: d.validUntil }, after });
  }
  return { derive, kept };
}

/** The issue as the cause a document's history names. */
function causeOf(issue: GazetteDetail): AuditCause {
  return { kind: 'gazette', id: issue.id, label: `《${issue.title}》${issue.label ?? ''}` };
}

/**
 * The dates the issue's last publication derived that still stand, as the changes that undo them (before ↔ after
 * swapped). A document deleted since, or whose dates a person changed since, is left alone.
 */
function stillDerived(audit: AuditService, documents: DocumentPort, id: string): DateDerivation[] {
  const published = audit.history('gazette', id).filter((h) => h.action === 'gazette.publish').at(-1);
  const derived = ((published?.after ?? {}) as { derived?: DateDerivation[] }).derived ?? [];
  return derived.flatMap((d) => {
    let now: Document;
    try {
      now = documents.get(d.documentId);
    } catch {
      return [];
    }
    if (now.effectiveDate !== d.after.effectiveDate || now.validUntil !== d.after.validUntil) return [];
    return [{ ...d, title: now.title, before: d.after, after: d.before }];
  });
}

/** What publishing (a draft) or re-opening (a published issue) would change in the library. */
function dateEffects(issue: GazetteDetail, deps: { audit: AuditService; issues: GazetteService; documents: DocumentPort }): DateEffects {
  if (issue.state === 'published') return { derive: [], kept: [], revert: stillDerived(deps.audit, deps.documents, issue.id) };
  if (!issue.publishDate) return { derive: [], kept: [], revert: [] };
  const docIds = issue.entries.map((e) => e.documentId).filter((d): d is string => d !== null);
  return { ...planDates(issue.id, docIds, issue.publishDate, deps.documents, deps.issues.printedIn(docIds), deps.audit.documentHistory), revert: [] };
}

/** Making an issue: numbers, sections, documents in order, checks, publish and re-open — every change audited. */
export function createIssueService(
  ctx: Pick<AppContext, 'db' | 'now'>,
  deps: { audit: AuditService; registry: GazetteRegistry; issues: GazetteService; documents: DocumentPort },
) {
  const db = ctx.db;
  const { audit, registry, issues, documents } = deps;
  const { stateOf, maxNumber, maxTotal, sameNumber, sameTotal, insertIssue, updateNumbers, setState, entriesOf, clearEntries, insertEntry } =
    statements(db);

  /** The issue's state; refuses changes to a published one (re-open it first). */
  function editable(id: string): { gazetteId: string | null } {
    const row = stateOf.get(id);
    if (!row) throw new AppError('NOT_FOUND', `未找到公报期次 ${id}`);
    if (row.state === 'published') throw new AppError('CONFLICT', '本期已出版，内容已固定；如需修改，请先“重新打开”并说明理由。');
    return { gazetteId: row.gazette_id };
  }

  /** Refuses a 期号 or 总期号 another issue of the gazette already has. */
  function refuseTaken(gazetteId: string, id: string, n: { year: number; issueNumber: number | null; totalNumber: number | null }) {
    if (n.issueNumber !== null && sameNumber.get(gazetteId, n.year, n.issueNumber, id)) {
      throw new AppError('CONFLICT', `期号重复：${n.year}年第${n.issueNumber}期（号）已经存在，请改用其他期号。`);
    }
    if (n.totalNumber !== null && sameTotal.get(gazetteId, n.totalNumber, id)) {
      throw new AppError('CONFLICT', `总期号重复：总第${n.totalNumber}期（号）已经存在，请改用其他总期号。`);
    }
  }

  function propose(gazetteId: string, date: string) {
    const g = registry.get(gazetteId);
    const year = Number(date.slice(0, 4));
    const issueNumber = (maxNumber.get(gazetteId, year)?.n ?? 0) + 1;
    const total = maxTotal.get(gazetteId)?.n ?? null;
    // a gazette that prints no 总期号 (2021年第3期) gets none proposed; a cumulative one always does
    const totalNumber = total !== null ? total + 1 : g.numberingStyle === 'cumulative' ? 1 : null;
    return { year, issueNumber, totalNumber };
  }

  /** Rewrites the issue's contents in the given order (one transaction with its audit row). */
  function store(by: Caller, id: string, action: string, before: Entry[], next: Entry[], note: Record<string, unknown> = {}) {
    db.transaction(() => {
      clearEntries.run(id);
      next.forEach((e, i) => insertEntry.run(id, i + 1, e.section, e.title, e.page, e.documentId));
      const brief = (list: Entry[]) => list.map((e) => ({ section: e.section, documentId: e.documentId }));
      audit.record(by, action, 'gazette', id, { entries: brief(before) }, { entries: brief(next), ...note });
    })();
    return issues.get(id);
  }

  return {
    /** The next 期号 of the year and the next 总期号 (none for a gazette that prints none). */
    propose,

    /** A new draft issue; numbers proposed when not given, refused when another issue has them. */
    create(by: Caller, req: { gazetteId: string; publishDate: string; issueNumber?: number; totalNumber?: number }): GazetteDetail {
      const g = registry.get(req.gazetteId);
      const proposed = propose(g.id, req.publishDate);
      const n = { year: proposed.year, issueNumber: req.issueNumber ?? proposed.issueNumber, totalNumber: req.totalNumber ?? proposed.totalNumber };
      const id = randomUUID();
      refuseTaken(g.id, id, n);
      db.transaction(() => {
        insertIssue.run({ id, title: g.title, ...n, publishDate: req.publishDate, at: ctx.now().toISOString(), gazetteId: g.id });
        audit.record(by, 'gazette.create', 'gazette', id, null, { gazetteId: g.id, title: g.title, ...n, publishDate: req.publishDate });
      })();
      return issues.get(id);
    },

    /** Changes the numbers or the publish date of an issue not yet published (an imported one's date, too). */
    update(by: Caller, id: string, patch: { issueNumber?: number; totalNumber?: number; publishDate?: string }): GazetteDetail {
      const { gazetteId } = editable(id);
      const before = issues.get(id);
      const publishDate = patch.publishDate ?? before.publishDate;
      const year = publishDate ? Number(publishDate.slice(0, 4)) : before.year;
      const next = { year, issueNumber: patch.issueNumber ?? before.issueNumber, totalNumber: patch.totalNumber ?? before.totalNumber, publishDate };
      if (gazetteId && year !== null) refuseTaken(gazetteId, id, { ...next, year });
      db.transaction(() => {
        updateNumbers.run({ id, ...next });
        const pick = (d: typeof next) => ({ year: d.year, issueNumber: d.issueNumber, totalNumber: d.totalNumber, publishDate: d.publishDate });
        audit.record(by, 'gazette.update', 'gazette', id, pick({ ...before }), pick(next));
      })();
      return issues.get(id);
    },

    /** Adds a library document to a section: at the end of the section, or at a 1-based position. */
    add(by: Caller, id: string, documentId: string, section: string, position?: number): GazetteDetail {
      const { gazetteId } = editable(id);
      const doc = documents.get(documentId);
      const before = entriesOf.all(id);
      if (before.some((e) => e.documentId === documentId)) throw new AppError('CONFLICT', `《${doc.title}》已在本期中。`);
      const presets = gazetteId ? registry.get(gazetteId).sections : [];
      const at = position !== undefined ? Math.min(position - 1, before.length) : insertionIndex(before, section, presets);
      const next = [...before];
      next.splice(at, 0, { section, title: doc.title, page: null, documentId });
      return store(by, id, 'gazette.add', before, next, { added: documentId });
    },

    /** Removes a document from the issue. */
    remove(by: Caller, id: string, documentId: string): GazetteDetail {
      editable(id);
      const before = entriesOf.all(id);
      const next = [...before];
      next.splice(indexOfDoc(before, documentId), 1);
      return store(by, id, 'gazette.remove', before, next, { removed: documentId });
    },

    /**
     * Moves a document to a 1-based position. Without a section it keeps its own, unless it lands inside a run of
     * another section (then it joins that one, so the contents do not print a section twice).
     */
    move(by: Caller, id: string, documentId: string, to: number, section?: string): GazetteDetail {
      editable(id);
      const before = entriesOf.all(id);
      const next = [...before];
      const [entry] = next.splice(indexOfDoc(before, documentId), 1);
      const at = Math.min(Math.max(to - 1, 0), next.length);
      const prev = next[at - 1]?.section;
      const after = next[at]?.section;
      const joined = section ?? (prev !== undefined && prev === after && prev !== entry.section ? prev : entry.section);
      next.splice(at, 0, { ...entry, section: joined });
      return store(by, id, 'gazette.move', before, next, { moved: documentId, to: at + 1 });
    },

    /** Sets the whole order (drag and drop): must name every document of the issue exactly once. */
    reorder(by: Caller, id: string, order: Array<{ documentId: string; section: string }>): GazetteDetail {
      editable(id);
      const before = entriesOf.all(id);
      const withDoc = before.filter((e) => e.documentId !== null);
      const ids = new Set(order.map((o) => o.documentId));
      if (ids.size !== order.length || ids.size !== withDoc.length || withDoc.some((e) => !ids.has(e.documentId!))) {
        throw new AppError('CONFLICT', '排序与本期的文件不一致（可能在别处已被修改），请刷新后重试。');
      }
      const byDoc = new Map(withDoc.map((e) => [e.documentId!, e]));
      // contents lines without a document (imported issues) keep their place at the end
      const next = [...order.map((o) => ({ ...byDoc.get(o.documentId)!, section: o.section })), ...before.filter((e) => e.documentId === null)];
      return store(by, id, 'gazette.reorder', before, next);
    },

    /** What to fix before printing, per document. */
    checks(id: string) {
      const issue = issues.get(id);
      const docIds = issue.entries.map((e) => e.documentId).filter((d): d is string => d !== null);
      return checkDocuments(id, docIds, issues.printedIn(docIds), documents);
    },

    /**
     * What publishing (for a draft) or re-opening (for a published issue) would change in the library, before it
     * commits: the documents whose dates the publication derives, those it leaves alone and why, and the
     * derivations a re-opening undoes.
     */
    dateEffects: (id: string): DateEffects => dateEffects(issues.get(id), { audit, issues, documents }),

    /**
     * Publishes: the issue is fixed, and documents that take effect 自公布之日起 and were not published before get
     * the publish date as 施行日期 and their 有效期至 from it — each under its own named history entry that names
     * this issue, in one transaction. Documents already published elsewhere or dated by hand are left as they are.
     */
    publish(by: Caller, id: string): { issue: GazetteDetail; updatedDocuments: string[]; derived: DateDerivation[] } {
      editable(id);
      const issue = issues.get(id);
      if (!issue.publishDate) throw new AppError('INVALID_INPUT', '请先填写本期的出版日期，再出版。');
      const docIds = issue.entries.map((e) => e.documentId).filter((d): d is string => d !== null);
      // a draft's entry whose document was deleted keeps only its title: printing it would print no text
      const gone = issue.state === 'draft' ? issue.entries.filter((e) => e.documentId === null).map((e) => `《${e.title}》`) : [];
      if (gone.length) throw new AppError('CONFLICT', `本期目录中的${gone.join('、')}已从文件库删除（在回收站中），请先恢复或从本期移除，再出版。`);
      if (!docIds.length) throw new AppError('INVALID_INPUT', '本期还没有收录任何文件，不能出版。');
      const day = issue.publishDate;
      const cause = causeOf(issue);
      let derived: DateDerivation[] = [];
      db.transaction(() => {
        derived = planDates(id, docIds, day, documents, issues.printedIn(docIds), audit.documentHistory).derive;
        for (const d of derived) documents.changeBecause(by, d.documentId, d.after, 'document.dates-derived', cause);
        setState.run('published', ctx.now().toISOString(), id);
        const updatedDocuments = derived.map((d) => d.documentId);
        audit.record(by, 'gazette.publish', 'gazette', id, { state: issue.state }, { state: 'published', publishDate: day, documents: docIds.length, updatedDocuments, derived });
      })();
      return { issue: issues.get(id), updatedDocuments: derived.map((d) => d.documentId), derived };
    },

    /**
     * Re-opens a published issue for edits; the reason goes into the audit log. The dates its publication derived
     * go back to what they were (each audited, naming the issue and the reason) — unless a person changed them since.
     */
    reopen(by: Caller, id: string, reason: string): GazetteDetail {
      const row = stateOf.get(id);
      if (!row) throw new AppError('NOT_FOUND', `未找到公报期次 ${id}`);
      if (row.state !== 'published') throw new AppError('CONFLICT', '本期尚未出版，无需重新打开。');
      const cause = { ...causeOf(issues.get(id)), reason: `重新打开：${reason}` };
      db.transaction(() => {
        const undo = stillDerived(audit, documents, id);
        for (const d of undo) documents.changeBecause(by, d.documentId, d.after, 'document.dates-reverted', cause);
        setState.run('draft', null, id);
        audit.record(by, 'gazette.reopen', 'gazette', id, { state: 'published' }, { state: 'draft', reason, revertedDocuments: undo.map((d) => d.documentId) });
      })();
      return issues.get(id);
    },
  };
}
export type IssueService = ReturnType<typeof createIssueService>;

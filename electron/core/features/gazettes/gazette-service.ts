import type { Caller } from '../../../../shared/contract';
import { formatIssueNumber, type GazetteDetail, type GazetteSummary, type IssueState, type NumberingStyle } from '../../../../shared/contract/gazettes';
import type { ParsedGazette } from '../../../../shared/domain/parse-result';
import { AppError } from '../../kernel/errors';
import type { AppContext } from '../../kernel/context';
import type { AuditService } from '../audit/audit-service';
import type { GazetteRegistry } from './gazette-registry';

interface GazetteRow {
  id: string;
  title: string;
  year: number | null;
  issue_number: number | null;
  total_number: number | null;
  publish_date: string | null;
  document_count: number;
  gazette_id: string | null;
  state: IssueState;
  numbering_style: NumberingStyle | null;
  sponsor: string | null;
  editor: string | null;
  address: string | null;
  phone: string | null;
  postcode: string | null;
  cover_color: 'red' | 'black' | null;
}

/** One document of an imported issue, in the order it is printed. */
export interface IssueDocument {
  id: string;
  title: string;
}

function toSummary(row: GazetteRow): GazetteSummary {
  return {
    id: row.id,
    title: row.title,
    year: row.year,
    issueNumber: row.issue_number,
    totalNumber: row.total_number,
    publishDate: row.publish_date,
    documentCount: row.document_count,
    gazetteId: row.gazette_id,
    state: row.state,
    numberingStyle: row.numbering_style ?? 'year',
    label: formatIssueNumber(row.numbering_style, { year: row.year, issueNumber: row.issue_number, totalNumber: row.total_number }),
  };
}

/** The gazette's own masthead, or none for an issue that has no gazette (the export then uses the settings). */
function mastheadOf(row: GazetteRow): Pick<GazetteDetail, 'masthead' | 'coverColor'> {
  if (row.gazette_id === null) return {};
  return {
    masthead: { sponsor: row.sponsor ?? '', editor: row.editor ?? '', address: row.address ?? '', phone: row.phone ?? '', postcode: row.postcode ?? '' },
    coverColor: row.cover_color ?? 'red',
  };
}

/**
 * TOC titles and document titles differ in spacing and line breaks from the PDF layout, leader dots, and
 * full- versus half-width punctuation (`（2021—2025年）` in the text, `(2021-2025年)` in the contents).
 */
const squash = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s·.…]+/g, '')
    .replace(/[—–―－-]+/g, '-');

/**
 * The table of contents in print order, each line linked to its document. TOC lines are matched to the file's
 * documents in order (a TOC title may be cut short, so a prefix either way counts); documents the TOC does not
 * list are added after it, and without a TOC the documents themselves are the contents.
 */
export function buildEntries(gazette: ParsedGazette, docs: readonly IssueDocument[]) {
  const used = new Set<number>();
  const entries = gazette.toc.map((t) => {
    const key = squash(t.title);
    const i = docs.findIndex((d, k) => {
      if (used.has(k) || !key) return false;
      const dk = squash(d.title);
      return dk === key || (key.length >= 8 && (dk.startsWith(key) || key.startsWith(dk)));
    });
    if (i >= 0) used.add(i);
    return { section: t.section, title: t.title, page: t.page, documentId: i >= 0 ? docs[i].id : null };
  });
  docs.forEach((d, k) => {
    if (!used.has(k)) entries.push({ section: null, title: d.title, page: null, documentId: d.id });
  });
  return entries;
}

/** Gazette issues: the stored issues and their contents in order, linked to the documents. */
export function createGazetteService(ctx: Pick<AppContext, 'db' | 'now'>, audit: AuditService, registry: GazetteRegistry) {
  const db = ctx.db;
  const summarySql = `
    SELECT g.id, g.title, g.year, g.issue_number, g.total_number, g.publish_date, g.gazette_id, g.state,
           z.numbering_style, z.sponsor, z.editor, z.address, z.phone, z.postcode, z.cover_color,
           (SELECT count(document_id) FROM gazette_entries e WHERE e.issue_id = g.id) AS document_count
    FROM gazette_issues g LEFT JOIN gazettes z ON z.id = g.gazette_id`;
  const listStmt = db.prepare<{ gazetteId: string | null; year: number | null }, GazetteRow>(
    `${summarySql} WHERE (@gazetteId IS NULL OR g.gazette_id = @gazetteId) AND (@year IS NULL OR g.year = @year)
     ORDER BY g.year DESC, g.issue_number DESC, g.total_number DESC, g.publish_date DESC, g.created_at DESC`,
  );
  const byId = db.prepare<[string], GazetteRow>(`${summarySql} WHERE g.id = ?`);
  const entriesStmt = db.prepare<
    [string],
    { position: number; section: string | null; title: string; page: number | null; document_id: string | null; doc_number: string | null }
  >(`
    SELECT e.position, e.section, e.title, e.page, e.document_id, d.doc_number
    FROM gazette_entries e LEFT JOIN documents d ON d.id = e.document_id
    WHERE e.issue_id = ? ORDER BY e.position`);
  const sameIssue = db.prepare<[string, number | null, number | null, number | null], { id: string; title: string }>(`
    SELECT id, title FROM gazette_issues
    WHERE title = ? AND year IS ? AND issue_number IS ? AND total_number IS ? LIMIT 1`);
  const insertIssue = db.prepare<[string, string, number | null, number | null, number | null, string | null, string | null, string, string]>(`
    INSERT INTO gazette_issues (id, title, year, issue_number, total_number, publish_date, source_file_id, created_at, gazette_id, state)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'imported')`);
  const insertEntry = db.prepare<[string, number, string | null, string, number | null, string | null]>(
    'INSERT INTO gazette_entries (issue_id, position, section, title, page, document_id) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const forDocument = db.prepare<[string], { id: string; title: string; issue_number: number | null; year: number | null }>(`
    SELECT DISTINCT g.id, g.title, g.issue_number, g.year
    FROM gazette_entries e JOIN gazette_issues g ON g.id = e.issue_id
    WHERE e.document_id = ? ORDER BY g.year, g.issue_number`);

  const printedStmt = db.prepare<
    [string],
    { id: string; title: string; year: number | null; issue_number: number | null; total_number: number | null; numbering_style: NumberingStyle | null }
  >(`
    SELECT DISTINCT g.id, g.title, g.year, g.issue_number, g.total_number, z.numbering_style
    FROM gazette_entries e JOIN gazette_issues g ON g.id = e.issue_id LEFT JOIN gazettes z ON z.id = g.gazette_id
    WHERE e.document_id = ? AND g.state <> 'draft' ORDER BY g.year, g.issue_number`);

  return {
    /** Stored gazette issues (imported and new), newest first; of one gazette or year when asked. */
    list(filter: { gazetteId?: string; year?: number } = {}): GazetteSummary[] {
      return listStmt.all({ gazetteId: filter.gazetteId ?? null, year: filter.year ?? null }).map(toSummary);
    },

    /** One issue with its table of contents in print order (used by the gazette export). */
    get(id: string): GazetteDetail {
      const row = byId.get(id);
      if (!row) throw new AppError('NOT_FOUND', `未找到公报期次 ${id}（可能已删除，可在回收站中查看）`);
      const entries = entriesStmt.all(id).map((e) => ({
        position: e.position,
        section: e.section,
        title: e.title,
        page: e.page,
        documentId: e.document_id,
        docNumber: e.doc_number,
      }));
      return { ...toSummary(row), entries, ...mastheadOf(row) };
    },

    /** The issues a document was published in. */
    forDocument(documentId: string) {
      return forDocument.all(documentId).map((g) => ({ id: g.id, title: g.title, issueNumber: g.issue_number, year: g.year }));
    },

    /** The issues each document was printed in, labelled as printed (for the editor's "already published" flag). */
    printedIn(documentIds: readonly string[]): Record<string, Array<{ id: string; label: string }>> {
      const out: Record<string, Array<{ id: string; label: string }>> = {};
      for (const docId of documentIds) {
        const rows = printedStmt.all(docId);
        if (rows.length) out[docId] = rows.map((r) => ({ id: r.id, label: `${r.title} ${formatIssueNumber(r.numbering_style, { year: r.year, issueNumber: r.issue_number, totalNumber: r.total_number })}` }));
      }
      return out;
    },

    /** The stored issue with the same title and numbers, if this issue was imported before (from any file). */
    findSame(g: ParsedGazette): { id: string; title: string } | null {
      return sameIssue.get(g.title, g.year, g.issueNumber, g.totalNumber) ?? null;
    },

    /** Stores an issue and its contents linked to its documents; call inside the import transaction. */
    create(by: Caller, id: string, g: ParsedGazette, docs: readonly IssueDocument[], sourceFileId: string | null): { id: string; title: string } {
      const gazette = registry.ensureForTitle(by, g.title, g.issueUnit);
      insertIssue.run(id, g.title, g.year, g.issueNumber, g.totalNumber, g.publishDate, sourceFileId, ctx.now().toISOString(), gazette.id);
      const entries = buildEntries(g, docs);
      entries.forEach((e, i) => insertEntry.run(id, i + 1, e.section, e.title, e.page, e.documentId));
      audit.record(by, 'gazette.create', 'gazette', id, null, {
        title: g.title,
        year: g.year,
        issueNumber: g.issueNumber,
        totalNumber: g.totalNumber,
        publishDate: g.publishDate,
        entries: entries.length,
      });
      return { id, title: g.title };
    },
  };
}
export type GazetteService = ReturnType<typeof createGazetteService>;

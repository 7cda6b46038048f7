import type { z } from 'zod';
import type { DocumentQuery } from '../../../../shared/contract/documents';
import { parseDocNumber } from '../../../../shared/domain/docnumber';
import { DOCUMENT_STATUSES, type DocumentStatus, type DocumentSummary } from '../../../../shared/domain/document';
import type { Db } from '../../db/open';
import type { DocumentRow } from './document-row';
import type { StatusIndex } from '../validity/status-index';
import { libraryVersion } from '../../db/library-version';

type Query = z.output<typeof DocumentQuery>;

/** The columns the table reads (no body: 20,000 bodies would be most of the database). */
type SqlRow = Pick<
  DocumentRow,
  | 'id' | 'title' | 'doc_number' | 'doc_number_raw' | 'doc_agency' | 'doc_year' | 'doc_serial' | 'registration_number' | 'issuers'
  | 'date_signed' | 'effective_date' | 'valid_until' | 'declared_invalid_on' | 'kind' | 'is_normative' | 'validity_clause'
>;

/** A library row as the table needs it, parsed once per library version. */
interface TableRow {
  sql: SqlRow;
  issuers: string[];
  /** year for the year filter: of the 成文日期, else of the 文号 */
  year: number | null;
  hasValidity: boolean;
}

/** Everything about the library that does not depend on the query, rebuilt only after a write. */
interface Snapshot {
  key: string;
  rows: TableRow[];
  options: { issuers: string[]; years: number[]; kinds: string[] };
  /** collation ranks per row position, computed on first use (pinyin order is costly to compare) */
  ranks: Partial<Record<'title' | 'issuer' | 'docNumber', Float64Array>>;
}

const collator = new Intl.Collator('zh-CN');
const STATUS_ORDER = new Map<DocumentStatus, number>(DOCUMENT_STATUSES.map((s, i) => [s, i]));

/** Spellings of a quick-filter text as a 文号 might be stored: any bracket, no spaces, no leading zeros. */
export function docNumberVariants(q: string): string[] {
  const squeezed = q.replace(/\s+/g, '');
  const variants = new Set([squeezed]);
  variants.add(squeezed.replace(/[[（(【［﹝〖]/g, '〔').replace(/[\]）)】］﹞〗]/g, '〕').replace(/〕0+(\d)/, '〕$1'));
  const parsed = parseDocNumber(squeezed);
  if (parsed) variants.add(parsed.normalized);
  return [...variants];
}

/** Positions ordered by a collation, as ranks; rows without a value get NaN (sorted last by the caller). */
function rankBy(rows: TableRow[], value: (r: TableRow) => string | null, tie?: (a: TableRow, b: TableRow) => number): Float64Array {
  const idx = rows.map((_, i) => i).filter((i) => value(rows[i]) !== null);
  idx.sort((a, b) => collator.compare(value(rows[a])!, value(rows[b])!) || (tie ? tie(rows[a], rows[b]) : 0));
  const rank = new Float64Array(rows.length).fill(NaN);
  idx.forEach((row, k) => (rank[row] = k));
  return rank;
}

/**
 * The library table over 20,000 documents: one read of the table per library version (a change of a document or
 * a relation, here or by another process: db/library-version.ts), then filters, statuses for the asked day (from the
 * status index), sort and page in memory.
 */
export function createLibraryTable(db: Db, statusIndex: Pick<StatusIndex, 'onDay'>) {
  const rowsStmt = db.prepare<[], SqlRow>(`
    SELECT id, title, doc_number, doc_number_raw, doc_agency, doc_year, doc_serial, registration_number, issuers, date_signed,
           effective_date, valid_until, declared_invalid_on, kind, is_normative, validity_clause
    FROM documents`);
  const version = libraryVersion(db);
  let snapshot: Snapshot | null = null;

  function current(): Snapshot {
    const key = String(version());
    if (snapshot?.key === key) return snapshot;
    const issuers = new Set<string>();
    const years = new Set<number>();
    const kinds = new Set<string>();
    const rows = rowsStmt.all().map((sql): TableRow => {
      const list: string[] = JSON.parse(sql.issuers);
      const year = sql.date_signed ? Number(sql.date_signed.slice(0, 4)) : sql.doc_year;
      list.forEach((i) => issuers.add(i));
      if (year !== null) years.add(year);
      if (sql.kind) kinds.add(sql.kind);
      return { sql, issuers: list, year, hasValidity: Boolean(sql.validity_clause) || sql.valid_until !== null };
    });
    snapshot = {
      key,
      rows,
      options: {
        issuers: [...issuers].sort(collator.compare),
        years: [...years].sort((a, b) => b - a),
        kinds: [...kinds].sort(collator.compare),
      },
      ranks: {},
    };
    return snapshot;
  }

  function matcher(query: Query): (r: TableRow) => boolean {
    const tests: Array<(r: TableRow) => boolean> = [];
    const q = query.q?.trim();
    if (q) {
      const variants = docNumberVariants(q);
      tests.push(
        (r) =>
          r.sql.title.includes(q) ||
          (r.sql.doc_number_raw?.includes(q) ?? false) ||
          (r.sql.registration_number?.includes(q) ?? false) ||
          r.issuers.some((i) => i.includes(q)) ||
          (r.sql.doc_number !== null && variants.some((v) => r.sql.doc_number!.includes(v))),
      );
    }
    if (query.issuer) tests.push((r) => r.issuers.includes(query.issuer!));
    if (query.year !== undefined) tests.push((r) => r.year === query.year);
    if (query.kind) tests.push((r) => r.sql.kind === query.kind);
    if (query.normative !== undefined) tests.push((r) => (r.sql.is_normative === 1) === query.normative);
    if (query.hasValidity !== undefined) tests.push((r) => r.hasValidity === query.hasValidity);
    if (query.validFrom) tests.push((r) => r.sql.valid_until !== null && r.sql.valid_until >= query.validFrom!);
    if (query.validTo) tests.push((r) => r.sql.valid_until !== null && r.sql.valid_until <= query.validTo!);
    return (r) => tests.every((t) => t(r));
  }

  /** A sort key per row position; null values sort last in both directions. */
  function sortKey(snap: Snapshot, sort: Query['sort'], statuses: Map<number, DocumentStatus>): (i: number) => number | string | null {
    const rows = snap.rows;
    switch (sort) {
      case 'title':
        snap.ranks.title ??= rankBy(rows, (r) => r.sql.title);
        return (i) => snap.ranks.title![i];
      case 'issuer':
        snap.ranks.issuer ??= rankBy(rows, (r) => r.issuers[0] ?? null);
        return (i) => (Number.isNaN(snap.ranks.issuer![i]) ? null : snap.ranks.issuer![i]);
      case 'docNumber':
        snap.ranks.docNumber ??= rankBy(
          rows,
          (r) => (r.sql.doc_number ? (r.sql.doc_agency ?? r.sql.doc_number) : null),
          (a, b) => (a.sql.doc_year ?? 0) - (b.sql.doc_year ?? 0) || (a.sql.doc_serial ?? 0) - (b.sql.doc_serial ?? 0),
        );
        return (i) => (Number.isNaN(snap.ranks.docNumber![i]) ? null : snap.ranks.docNumber![i]);
      case 'status':
        return (i) => STATUS_ORDER.get(statuses.get(i)!)!;
      case 'validUntil':
        return (i) => rows[i].sql.valid_until;
      case 'dateSigned':
      default:
        return (i) => rows[i].sql.date_signed;
    }
  }

  return {
    /** Filtered, sorted rows with statuses as of `asOf`, the total before paging, and the filter menu values. */
    list(query: Query, asOf: string) {
      const snap = current();
      const statusOn = statusIndex.onDay(asOf);
      const match = matcher(query);
      const wanted = query.status?.length ? new Set(query.status) : null;
      const picked: number[] = [];
      const statuses = new Map<number, DocumentStatus>();
      snap.rows.forEach((r, i) => {
        if (!match(r)) return;
        const status = statusOn(r.sql.id);
        if (wanted && !wanted.has(status)) return;
        statuses.set(i, status);
        picked.push(i);
      });
      const key = sortKey(snap, query.sort, statuses);
      const keys = new Map(picked.map((i) => [i, key(i)]));
      const sign = query.dir === 'asc' ? 1 : -1;
      const rows = snap.rows;
      picked.sort((a, b) => {
        const ka = keys.get(a)!;
        const kb = keys.get(b)!;
        if (ka !== kb) {
          if (ka === null) return 1;
          if (kb === null) return -1;
          return sign * (ka < kb ? -1 : 1);
        }
        // Ties: newest first, then by id, so pages are stable.
        const da = rows[a].sql.date_signed ?? '';
        const dbs = rows[b].sql.date_signed ?? '';
        if (da !== dbs) return da < dbs ? 1 : -1;
        return rows[a].sql.id < rows[b].sql.id ? -1 : 1;
      });
      const page = picked.slice(query.offset, query.offset + query.limit).map((i): DocumentSummary => {
        const r = rows[i];
        return {
          id: r.sql.id,
          title: r.sql.title,
          docNumber: r.sql.doc_number,
          issuers: [...r.issuers],
          dateSigned: r.sql.date_signed,
          effectiveDate: r.sql.effective_date,
          validUntil: r.sql.valid_until,
          kind: r.sql.kind,
          isNormative: r.sql.is_normative === 1,
          hasValidityClause: r.hasValidity,
          status: statuses.get(i)!,
        };
      });
      return { total: picked.length, rows: page, options: snap.options };
    },
  };
}

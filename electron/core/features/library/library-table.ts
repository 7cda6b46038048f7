import type { z } from 'zod';
import type { DocumentQuery } from '../../../../shared/contract/documents';
import { parseDocNumber } from '../../../../shared/domain/docnumber';
import { DOCUMENT_STATUSES, type DocumentStatus, type DocumentSummary } from '../../../../shared/domain/document';
import type { Db } from '../../db/open';
import type { DocumentRow } from './document-row';
import type { StatusIndex } from '../validity/status-index';
import { followDocuments } from '../../db/library-version';

type Query = z.output<typeof DocumentQuery>;
type SortField = Query['sort'];

/** The columns the table reads (no body: the bodies are most of the database). */
type SqlRow = Pick<
  DocumentRow,
  | 'id' | 'title' | 'doc_number' | 'doc_number_raw' | 'doc_agency' | 'doc_year' | 'doc_serial' | 'registration_number' | 'issuers'
  | 'date_signed' | 'effective_date' | 'valid_until' | 'declared_invalid_on' | 'kind' | 'is_normative' | 'validity_clause'
>;

/** A library row as the table needs it, parsed once when the row is read. */
interface TableRow {
  sql: SqlRow;
  issuers: string[];
  /** year for the year filter: of the 成文日期, else of the 文号 */
  year: number | null;
  hasValidity: boolean;
}

const collator = new Intl.Collator('zh-CN');
const STATUS_ORDER = new Map<DocumentStatus, number>(DOCUMENT_STATUSES.map((s, i) => [s, i]));
const COLUMNS = [
  'id', 'title', 'doc_number', 'doc_number_raw', 'doc_agency', 'doc_year', 'doc_serial', 'registration_number', 'issuers', 'date_signed',
  'effective_date', 'valid_until', 'declared_invalid_on', 'kind', 'is_normative', 'validity_clause',
] as const;
/** Changed rows up to which the kept sort orders are patched in place; more (an import) and they are rebuilt on use. */
const PATCH_LIMIT = 2_000;

/** Spellings of a quick-filter text as a 文号 might be stored: any bracket, no spaces, no leading zeros. */
export function docNumberVariants(q: string): string[] {
  const squeezed = q.replace(/\s+/g, '');
  const variants = new Set([squeezed]);
  variants.add(squeezed.replace(/[[（(【［﹝〖]/g, '〔').replace(/[\]）)】］﹞〗]/g, '〕').replace(/〕0+(\d)/, '〕$1'));
  const parsed = parseDocNumber(squeezed);
  if (parsed) variants.add(parsed.normalized);
  return [...variants];
}

/** Ties of every sort: newest 成文日期 first, then by id, so pages are stable. */
function tie(a: TableRow, b: TableRow): number {
  const da = a.sql.date_signed ?? '';
  const db = b.sql.date_signed ?? '';
  if (da !== db) return da < db ? 1 : -1;
  return a.sql.id < b.sql.id ? -1 : a.sql.id > b.sql.id ? 1 : 0;
}

/** The value a row is sorted by in a field (null: sorted last in both directions), compared by `primary`. */
const FIELDS: Record<Exclude<SortField, 'status'>, { value: (r: TableRow) => string | null; primary: (a: TableRow, b: TableRow) => number }> = {
  title: { value: (r) => r.sql.title, primary: (a, b) => collator.compare(a.sql.title, b.sql.title) },
  issuer: { value: (r) => r.issuers[0] ?? null, primary: (a, b) => collator.compare(a.issuers[0], b.issuers[0]) },
  docNumber: {
    value: (r) => (r.sql.doc_number ? (r.sql.doc_agency ?? r.sql.doc_number) : null),
    primary: (a, b) =>
      collator.compare(a.sql.doc_agency ?? a.sql.doc_number!, b.sql.doc_agency ?? b.sql.doc_number!) ||
      (a.sql.doc_year ?? 0) - (b.sql.doc_year ?? 0) ||
      (a.sql.doc_serial ?? 0) - (b.sql.doc_serial ?? 0),
  },
  dateSigned: { value: (r) => r.sql.date_signed, primary: (a, b) => plain(a.sql.date_signed!, b.sql.date_signed!) },
  validUntil: { value: (r) => r.sql.valid_until, primary: (a, b) => plain(a.sql.valid_until!, b.sql.valid_until!) },
};
const plain = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The full order of a sort: field and direction, rows without a value last, ties newest first. */
function comparator(sort: Exclude<SortField, 'status'>, dir: 'asc' | 'desc'): (a: TableRow, b: TableRow) => number {
  const { value, primary } = FIELDS[sort];
  const sign = dir === 'asc' ? 1 : -1;
  return (a, b) => {
    const va = value(a) === null;
    const vb = value(b) === null;
    if (va || vb) return va === vb ? tie(a, b) : va ? 1 : -1;
    return sign * primary(a, b) || tie(a, b);
  };
}

/** Binary search: the first position in `order` whose row does not sort before `r`. */
function lowerBound(order: TableRow[], r: TableRow, cmp: (a: TableRow, b: TableRow) => number): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(order[mid], r) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function toRow(sql: SqlRow): TableRow {
  const year = sql.date_signed ? Number(sql.date_signed.slice(0, 4)) : sql.doc_year;
  return { sql, issuers: JSON.parse(sql.issuers), year, hasValidity: Boolean(sql.validity_clause) || sql.valid_until !== null };
}

/** Counts of the values the filter menus offer, kept as rows come and go. */
class Counts<T> {
  private counts = new Map<T, number>();
  private sorted: T[] | null = null;
  constructor(private readonly order: (a: T, b: T) => number) {}
  add(v: T, by: 1 | -1): void {
    const n = (this.counts.get(v) ?? 0) + by;
    if (n > 0) {
      if (!this.counts.has(v)) this.sorted = null;
      this.counts.set(v, n);
    } else {
      this.counts.delete(v);
      this.sorted = null;
    }
  }
  values(): T[] {
    return (this.sorted ??= [...this.counts.keys()].sort(this.order));
  }
}

/**
 * The library table over 100,000 documents, served a page at a time. The rows (no bodies) are read once, then
 * only the rows that changed since (search_map.ver, moved by the triggers for this process's writes and another
 * process's alike; deletions by search_state.deleted_version). Each sort keeps its full order of the library,
 * patched in place when a few rows change, so a query is one walk along that order — filters and statuses for
 * the asked day (from the status index) — and a page is a slice of it: no sort per request, no whole-table read
 * per write.
 */
export function createLibraryTable(db: Db, statusIndex: Pick<StatusIndex, 'onDay'>) {
  const changes = followDocuments<SqlRow>(db, COLUMNS);
  const byId = new Map<string, TableRow>();
  const issuers = new Counts<string>(collator.compare);
  const years = new Counts<number>((a, b) => b - a);
  const kinds = new Counts<string>(collator.compare);
  /** full orders of the library per `sort|dir`, built on first use */
  const orders = new Map<string, TableRow[]>();

  const count = (r: TableRow, by: 1 | -1) => {
    r.issuers.forEach((i) => issuers.add(i, by));
    if (r.year !== null) years.add(r.year, by);
    if (r.sql.kind) kinds.add(r.sql.kind, by);
  };
  const put = (r: TableRow) => {
    const old = byId.get(r.sql.id);
    if (old) count(old, -1);
    byId.set(r.sql.id, r);
    count(r, 1);
  };
  const drop = (id: string) => {
    const old = byId.get(id);
    if (!old) return;
    count(old, -1);
    byId.delete(id);
  };

  /** Takes the old versions of changed rows out of the kept orders and puts the new ones in their places. */
  function patchOrders(old: TableRow[], added: TableRow[]): void {
    if (old.length + added.length > PATCH_LIMIT) return orders.clear();
    for (const [key, order] of orders) {
      const [sort, dir] = key.split('|') as [Exclude<SortField, 'status'>, 'asc' | 'desc'];
      const cmp = comparator(sort, dir);
      for (const r of old) {
        // ties are broken by id, so the old row's place is exact; a linear look only if it was not there
        let at = lowerBound(order, r, cmp);
        if (order[at] !== r) at = order.indexOf(r);
        if (at >= 0) order.splice(at, 1);
      }
      for (const r of added) order.splice(lowerBound(order, r, cmp), 0, r);
    }
  }

  /** Takes in what moved since the last look; one row read when nothing did. */
  function refresh(): void {
    const moved = changes();
    if (!moved) return;
    const old: TableRow[] = [];
    for (const id of moved.gone) {
      const r = byId.get(id);
      if (r) old.push(r);
      drop(id);
    }
    const added = moved.changed.map(toRow);
    for (const r of added) {
      const before = byId.get(r.sql.id);
      if (before) old.push(before);
      put(r);
    }
    if (!moved.first && (old.length || added.length)) patchOrders(old, added);
    stored = null;
  }
  /** the stored rows as read, rebuilt after a change */
  let stored: SqlRow[] | null = null;

  function order(sort: Exclude<SortField, 'status'>, dir: 'asc' | 'desc'): TableRow[] {
    const key = `${sort}|${dir}`;
    let o = orders.get(key);
    if (!o) {
      o = [...byId.values()].sort(comparator(sort, dir));
      orders.set(key, o);
    }
    return o;
  }

  function matcher(query: Query): ((r: TableRow) => boolean) | null {
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
    if (!tests.length) return null;
    return (r) => tests.every((t) => t(r));
  }

  return {
    /** Every document's row (no body) as it stands now: one copy of the library for the start page too. */
    rows(): readonly SqlRow[] {
      refresh();
      return (stored ??= [...byId.values()].map((r) => r.sql));
    },
    /**
     * Filtered rows in the asked order with statuses as of `asOf`, the page `offset … offset + limit` of them, the
     * total before paging, and the filter menu values of the whole library.
     */
    list(query: Query, asOf: string) {
      refresh();
      const statusOn = statusIndex.onDay(asOf);
      const match = matcher(query);
      const wanted = query.status?.length ? new Set(query.status) : null;
      const end = query.offset + query.limit;
      const page: TableRow[] = [];
      let total = 0;
      const take = (r: TableRow) => {
        if (total >= query.offset && total < end) page.push(r);
        total++;
      };
      if (query.sort === 'status') {
        // statuses depend on the day: buckets per status along the tie order, in the asked direction
        const buckets: TableRow[][] = DOCUMENT_STATUSES.map(() => []);
        for (const r of order('dateSigned', 'desc')) {
          if (match && !match(r)) continue;
          const status = statusOn(r.sql.id);
          if (wanted && !wanted.has(status)) continue;
          buckets[STATUS_ORDER.get(status)!].push(r);
        }
        if (query.dir === 'desc') buckets.reverse();
        for (const b of buckets) b.forEach(take);
      } else {
        for (const r of order(query.sort, query.dir)) {
          if (match && !match(r)) continue;
          if (wanted && !wanted.has(statusOn(r.sql.id))) continue;
          take(r);
        }
      }
      const rows = page.map(
        (r): DocumentSummary => ({
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
          status: statusOn(r.sql.id),
        }),
      );
      return { total, rows, options: { issuers: [...issuers.values()], years: [...years.values()], kinds: [...kinds.values()] } };
    },
  };
}

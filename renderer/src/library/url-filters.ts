import type { Req } from '../../../shared/contract';
import { SORT_FIELDS } from '../../../shared/contract/documents';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../../../shared/domain/document';

export type SortField = (typeof SORT_FIELDS)[number];

/** The library's filter bar, sort and 状态日期: everything the URL keeps. */
export interface Filters {
  q: string;
  status: DocumentStatus[];
  issuer: string | null;
  year: string | null;
  kind: string | null;
  normative: string | null;
  hasValidity: string | null;
  asOf: string | null;
  /** 有效期截止日期 range (from the start page's monthly bars) */
  validFrom: string | null;
  validTo: string | null;
  sort: SortField;
  dir: 'asc' | 'desc';
}

export const INITIAL: Filters = {
  q: '',
  status: [],
  issuer: null,
  year: null,
  kind: null,
  normative: null,
  hasValidity: null,
  asOf: null,
  validFrom: null,
  validTo: null,
  sort: 'dateSigned',
  dir: 'desc',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TEXT_KEYS = ['issuer', 'kind'] as const;

/** Filters from a query string (`status=即将到期&asOf=2026-11-22`); anything malformed is left at its default. */
export function filtersFromParams(query: string): Filters {
  const p = new URLSearchParams(query);
  const f: Filters = { ...INITIAL, status: [] };
  f.q = p.get('q') ?? '';
  f.status = (p.get('status') ?? '').split(',').filter((s): s is DocumentStatus => (DOCUMENT_STATUSES as readonly string[]).includes(s));
  for (const k of TEXT_KEYS) f[k] = p.get(k) || null;
  const year = p.get('year');
  if (year && /^\d{4}$/.test(year)) f.year = year;
  for (const k of ['normative', 'hasValidity'] as const) {
    const v = p.get(k);
    if (v === 'yes' || v === 'no') f[k] = v;
  }
  for (const k of ['asOf', 'validFrom', 'validTo'] as const) {
    const v = p.get(k);
    if (v && DAY.test(v)) f[k] = v;
  }
  const sort = p.get('sort');
  if (sort && (SORT_FIELDS as readonly string[]).includes(sort)) f.sort = sort as SortField;
  if (p.get('dir') === 'asc' || p.get('dir') === 'desc') f.dir = p.get('dir') as 'asc' | 'desc';
  return f;
}

/** The query string for filters; defaults are left out so links stay short. */
export function filtersToParams(f: Partial<Filters>): string {
  const p = new URLSearchParams();
  if (f.q?.trim()) p.set('q', f.q.trim());
  if (f.status?.length) p.set('status', f.status.join(','));
  for (const k of ['issuer', 'year', 'kind', 'normative', 'hasValidity', 'asOf', 'validFrom', 'validTo'] as const) {
    const v = f[k];
    if (v) p.set(k, v);
  }
  if (f.sort && f.sort !== INITIAL.sort) p.set('sort', f.sort);
  if (f.dir && f.dir !== INITIAL.dir) p.set('dir', f.dir);
  return p.toString();
}

/** A link to the library filtered to exactly these documents. */
export function libraryHref(f: Partial<Filters>): string {
  const qs = filtersToParams(f);
  return `#/library${qs ? '?' + qs : ''}`;
}

/** Turns the filter bar into the service's query; unset filters are left out rather than sent empty. */
export function toQuery(f: Filters, q: string): Req<'documents:list'> {
  const req: Req<'documents:list'> = { sort: f.sort, dir: f.dir };
  if (q.trim()) req.q = q.trim();
  if (f.status.length) req.status = f.status;
  if (f.issuer) req.issuer = f.issuer;
  if (f.year) req.year = Number(f.year);
  if (f.kind) req.kind = f.kind;
  if (f.normative) req.normative = f.normative === 'yes';
  if (f.hasValidity) req.hasValidity = f.hasValidity === 'yes';
  if (f.asOf) req.asOf = f.asOf;
  if (f.validFrom) req.validFrom = f.validFrom;
  if (f.validTo) req.validTo = f.validTo;
  return req;
}

export const isFiltered = (f: Filters) =>
  !!(f.q.trim() || f.status.length || f.issuer || f.year || f.kind || f.normative || f.hasValidity || f.validFrom || f.validTo);

const LAST_LIBRARY = 'normdesk.library.params';

/** Remembers the library's filters and sort for this tab, so “← 返回文件库” from a document finds them again. */
export function rememberLibraryParams(qs: string): void {
  try {
    window.sessionStorage.setItem(LAST_LIBRARY, qs);
  } catch {
    // storage refused (private mode): the link falls back to the plain library
  }
}

/** The library as the person last left it in this tab (filters, sort, 状态日期). */
export function backToLibraryHref(): string {
  let qs: string | null = null;
  try {
    qs = window.sessionStorage.getItem(LAST_LIBRARY);
  } catch {
    // storage refused: the plain library
  }
  return `#/library${qs ? '?' + qs : ''}`;
}

/** The query part of the current hash when it is the library's (`#/library?…`), else null. */
export function libraryParamsOfHash(hash: string): string | null {
  const m = /^#\/library(?:\?(.*))?$/.exec(hash);
  return m ? (m[1] ?? '') : null;
}

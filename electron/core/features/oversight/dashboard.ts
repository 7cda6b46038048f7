import type { Dashboard } from '../../../../shared/contract/oversight';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../../../../shared/domain/document';
import { addMonths, IN_FORCE_STATUSES } from '../../../../shared/domain/status';
import type { StatusesOnDay } from '../validity/status-index';
import type { OversightRow } from './library-rows';

/** How many months the expiry and lapse charts span. */
export const CHART_MONTHS = 24;
const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both ISO days). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** `count` consecutive months `YYYY-MM` starting `offset` months from the month of `asOf`. */
function months(asOf: string, offset: number, count: number): string[] {
  const first = addMonths(`${asOf.slice(0, 7)}-01`, offset);
  return Array.from({ length: count }, (_, i) => addMonths(first, i).slice(0, 7));
}

/** Year for the year chart, the same as the library's year filter: of the 成文日期, else of the 文号. */
export function yearOf(r: Pick<OversightRow, 'date_signed' | 'doc_year'>): number | null {
  return r.date_signed ? Number(r.date_signed.slice(0, 4)) : r.doc_year;
}

/** Issuers of a row, parsed once per row read (the rows outlive a version: only changed rows are read again). */
const parsedIssuers = new WeakMap<OversightRow, string[]>();
function issuersOf(r: OversightRow): string[] {
  let list = parsedIssuers.get(r);
  if (!list) parsedIssuers.set(r, (list = JSON.parse(r.issuers) as string[]));
  return list;
}

/** The start page's numbers from one pass over the library; statuses come from the status index. */
export function buildDashboard(rows: OversightRow[], statusOn: StatusesOnDay, asOf: string, windowMonths: number): Omit<Dashboard, 'recent'> {
  const byStatus = new Map<DocumentStatus, number>(DOCUMENT_STATUSES.map((s) => [s, 0]));
  const future = months(asOf, 0, CHART_MONTHS);
  const past = months(asOf, -CHART_MONTHS, CHART_MONTHS);
  const expiries = new Map(future.map((m) => [m, 0]));
  const lapses = new Map(past.map((m) => [m, 0]));
  const issuers = new Map<string, number>();
  const years = new Map<number, number>();
  const expiring: Dashboard['expiring'] = [];
  for (const r of rows) {
    const status = statusOn(r.id);
    byStatus.set(status, byStatus.get(status)! + 1);
    if (r.valid_until) {
      const month = r.valid_until.slice(0, 7);
      if (r.valid_until >= asOf && expiries.has(month) && IN_FORCE_STATUSES.includes(status)) expiries.set(month, expiries.get(month)! + 1);
      if (status === '已失效' && lapses.has(month)) lapses.set(month, lapses.get(month)! + 1);
      if (status === '即将到期') {
        expiring.push({ id: r.id, title: r.title, docNumber: r.doc_number, validUntil: r.valid_until, daysLeft: daysBetween(asOf, r.valid_until) });
      }
    }
    for (const issuer of issuersOf(r)) issuers.set(issuer, (issuers.get(issuer) ?? 0) + 1);
    const year = yearOf(r);
    if (year !== null) years.set(year, (years.get(year) ?? 0) + 1);
  }
  expiring.sort((a, b) => a.daysLeft - b.daysLeft || (a.docNumber ?? '').localeCompare(b.docNumber ?? ''));
  return {
    asOf,
    windowMonths,
    total: rows.length,
    byStatus: [...byStatus].map(([status, count]) => ({ status, count })),
    expiring,
    expiriesByMonth: future.map((month) => ({ month, count: expiries.get(month)! })),
    lapsesByMonth: past.map((month) => ({ month, count: lapses.get(month)! })),
    byIssuer: [...issuers].map(([issuer, count]) => ({ issuer, count })).sort((a, b) => b.count - a.count || a.issuer.localeCompare(b.issuer, 'zh-CN')),
    byYear: [...years].map(([year, count]) => ({ year, count })).sort((a, b) => a.year - b.year),
  };
}

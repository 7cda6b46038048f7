import { IN_FORCE_STATUSES } from '../../../shared/domain/status';
import type { DocumentStatus } from '../../../shared/domain/document';
import { libraryHref } from '../library/url-filters';

/** Last day of a `YYYY-MM` month. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

/** `2027-01` → `2027年1月`. */
export function cnMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
}

/** Each start-page number as the library filter that lists exactly its documents. */
export const dashboardLinks = {
  status: (asOf: string, status: DocumentStatus) => libraryHref({ status: [status], asOf }),
  all: (asOf: string) => libraryHref({ asOf }),
  /** in-force documents whose validity ends in the month (not before the day asked) */
  expiries: (asOf: string, month: string) =>
    libraryHref({ status: [...IN_FORCE_STATUSES], asOf, validFrom: `${month}-01` < asOf ? asOf : `${month}-01`, validTo: monthEnd(month), sort: 'validUntil', dir: 'asc' }),
  /** documents lapsed on the day asked whose validity ended in the month */
  lapses: (asOf: string, month: string) => libraryHref({ status: ['已失效'], asOf, validFrom: `${month}-01`, validTo: monthEnd(month), sort: 'validUntil', dir: 'asc' }),
  issuer: (asOf: string, issuer: string) => libraryHref({ issuer, asOf }),
  year: (asOf: string, year: number) => libraryHref({ year: String(year), asOf }),
};

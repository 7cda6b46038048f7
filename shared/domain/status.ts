import type { DocumentStatus, RelationType } from './document';

/** The fields of a document that decide its status. */
export interface StatusInput {
  dateSigned: string | null;
  effectiveDate: string | null;
  validUntil: string | null;
  declaredInvalidOn: string | null;
}

/** An incoming relation (another document abolishes/amends/replaces this one) and when that took effect. */
export interface IncomingChange {
  type: RelationType;
  /** the acting document's effective date, or its signing date when it has none */
  effectiveOn: string | null;
}

/** Shifts an ISO date by whole months, clamping the day to the month's end (2025-08-31 − 6 months → 2025-02-28). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  const lastDay = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** Today's date in local time as YYYY-MM-DD. */
export function isoDay(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/**
 * The status of a document as of a day. Precedence: not yet issued (before its signing date); not yet in force; abolished or replaced; declared invalid;
 * lapsed (validity ended); amended; inside the evaluation window before expiry; in force.
 * A document with no dates at all counts as in force (nothing says otherwise).
 */
export function computeStatus(
  doc: StatusInput,
  incoming: readonly IncomingChange[],
  asOf: string,
  expiryWindowMonths: number,
): DocumentStatus {
  if (doc.dateSigned && asOf < doc.dateSigned) return '未发布';
  const start = doc.effectiveDate ?? doc.dateSigned;
  if (start && asOf < start) return '尚未生效';
  const acted = (types: RelationType[]) =>
    incoming.some((c) => types.includes(c.type) && (c.effectiveOn === null || c.effectiveOn <= asOf));
  if (acted(['abolishes', 'replaces'])) return '已废止';
  if (doc.declaredInvalidOn && doc.declaredInvalidOn <= asOf) return '宣布失效';
  if (doc.validUntil && asOf > doc.validUntil) return '已失效';
  if (acted(['amends'])) return '已修改';
  if (doc.validUntil && expiryWindowMonths > 0 && asOf > addMonths(doc.validUntil, -expiryWindowMonths)) return '即将到期';
  return '现行有效';
}

/** Statuses under which a document may still be used as a basis for administration. */
export const IN_FORCE_STATUSES: readonly DocumentStatus[] = ['现行有效', '即将到期', '已修改'];

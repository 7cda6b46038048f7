import { DOCUMENT_STATUSES, type DocumentStatus } from '../../../../shared/domain/document';
import { IN_FORCE_STATUSES } from '../../../../shared/domain/status';
import type { Db } from '../../db/open';
import type { StatusesOnDay } from '../validity/status-index';

/** A status as its position in DOCUMENT_STATUSES (what the status facet counts by). */
export const STATUS_CODE = Object.fromEntries(DOCUMENT_STATUSES.map((s, i) => [s, i])) as Record<DocumentStatus, number>;
/** 1 for the codes of the in-force statuses (the ranking's in-force tier). */
export const IN_FORCE_CODE = Uint8Array.from(DOCUMENT_STATUSES, (s) => (IN_FORCE_STATUSES.includes(s) ? 1 : 0));

/** Not asked yet for this day and library version. */
export const UNKNOWN_STATUS = 255;
/** Days kept at once (today, a picked 状态日期, a few more). */
const KEPT_DAYS = 4;

/** Status codes by rid on one day: `codes[rid]` is UNKNOWN_STATUS until `fill(rid)` asks the status index once. */
export interface StatusCodes {
  codes: Uint8Array;
  fill(rid: number): number;
}

/**
 * The statuses a search filters, counts and ranks by, as one byte per document by rid, kept between searches:
 * a search over most of the library reads an array instead of asking the status index by id for every match
 * (a string-keyed lookup that was a fifth of such a search's time). A day's column is filled as searches need
 * rows and dropped whole when anything a status depends on moves — the counters the database triggers keep for
 * documents, deletions and status-changing relations (search_state), the day and the evaluation window — so it
 * only ever repeats what the status index answered.
 */
export function createStatusColumn(db: Db) {
  const stateStmt = db
    .prepare<[], [number, number, number]>('SELECT meta_version, deleted_version, relations_version FROM search_state WHERE id = 1')
    .raw();
  const days = new Map<string, Uint8Array>();
  let version = '';

  /**
   * Status codes on a day for documents by rid (`rows`: rids below `size`, a document's id by `idOf`, read when
   * first asked in a process that holds few ids). `statusOn` is the status index's answer for that day and `day`
   * names it with everything else it depends on (the day, the evaluation window).
   */
  return function statusCodes(statusOn: StatusesOnDay, day: string, rows: { size: number; idOf(rid: number): string }): StatusCodes {
    const v = stateStmt.get()!.join('|');
    if (v !== version) {
      days.clear();
      version = v;
    }
    let codes = days.get(day);
    if (!codes || codes.length < rows.size) {
      const grown = new Uint8Array(Math.max(rows.size, Math.ceil((codes?.length ?? 0) * 1.25))).fill(UNKNOWN_STATUS);
      if (codes) grown.set(codes);
      else if (days.size >= KEPT_DAYS) days.delete(days.keys().next().value!);
      days.set(day, grown);
      codes = grown;
    }
    const column = codes;
    return {
      codes: column,
      fill: (rid) => (column[rid] = STATUS_CODE[statusOn(rows.idOf(rid))]),
    };
  }
}

import { DOCUMENT_STATUSES, type DocumentStatus } from '../../../../shared/domain/document';
import { IN_FORCE_STATUSES } from '../../../../shared/domain/status';
import type { Db } from '../../db/open';
import type { StatusesOnDay, StatusIndex, StatusMark } from '../validity/status-index';

/** A status as its position in DOCUMENT_STATUSES (what the status facet counts by). */
export const STATUS_CODE = Object.fromEntries(DOCUMENT_STATUSES.map((s, i) => [s, i])) as Record<DocumentStatus, number>;
/** 1 for the codes of the in-force statuses (the ranking's in-force tier). */
export const IN_FORCE_CODE = Uint8Array.from(DOCUMENT_STATUSES, (s) => (IN_FORCE_STATUSES.includes(s) ? 1 : 0));

/** Not asked yet for this day and library version. */
export const UNKNOWN_STATUS = 255;
/** Forgotten rows patched one by one; more (an import, a relation moving many) and the column starts again. */
const PATCHED_MAX = 2_000;
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
 * rows; the rows whose statuses the status index forgot since the last search (an edit, an import, a relation
 * moving its target) are asked again, and the whole column after a deletion or when the index started again; the
 * day and the evaluation window name the column — so it only ever repeats what the status index answered. (Dropping
 * the whole column at every write made each search after an edit re-ask every match: with ten people editing, most
 * searches.)
 */
export function createStatusColumn(db: Db, changes: Pick<StatusIndex, 'mark' | 'forgottenSince' | 'takeCodes'>) {
  const ridOf = db.prepare<[string], number>('SELECT rid FROM search_map WHERE doc_id = ?').pluck();
  const deletedStmt = db.prepare<[], number>('SELECT deleted_version FROM search_state WHERE id = 1').pluck();
  const days = new Map<string, Uint8Array>();
  let mark: StatusMark | null = null;
  let deletedVersion = -1;

  /**
   * Forgets what the status index forgot since the last look: the rows of the documents it re-read (an edit, an
   * import, a relation moving a target) — or everything, when it started again, a document was deleted (its rid
   * may come back) or more moved than patching one by one is worth.
   */
  function follow(): void {
    // A server's first look starts from the codes the status index's loading computed, as of its mark: what was
    // forgotten since is asked again below, as after any earlier look.
    const start = mark ? null : changes.takeCodes();
    if (start) {
      days.set(start.key, start.codes);
      mark = start.mark;
      deletedVersion = start.deletedVersion;
    }
    const deleted = deletedStmt.get()!;
    const since = mark && deleted === deletedVersion ? changes.forgottenSince(mark) : null;
    mark = changes.mark();
    deletedVersion = deleted;
    if (!since || since.length > PATCHED_MAX) {
      days.clear();
      return;
    }
    for (const id of since) {
      const rid = ridOf.get(id);
      if (rid === undefined) continue;
      for (const codes of days.values()) if (rid < codes.length) codes[rid] = UNKNOWN_STATUS;
    }
  }

  return function statusCodes(statusOn: StatusesOnDay, day: string, rows: { size: number; idOf(rid: number): string }): StatusCodes {
    follow();
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

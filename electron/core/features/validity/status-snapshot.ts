import type { Database } from 'better-sqlite3';
import { DOCUMENT_STATUSES, type RelationType } from '../../../../shared/domain/document';
import { computeStatus, type IncomingChange, type StatusInput } from '../../../../shared/domain/status';

/** Relation types that change the status of their target (citations do not). */
export const STATUS_RELATIONS = `('abolishes', 'amends', 'replaces')`;

/** Between the fields of a packed snapshot (no date, id or relation type holds it; a count check falls back if one did). */
export const FIELD = '\u0001';
/** A NULL in a packed snapshot. */
export const NULL_FIELD = '\u0002';

/** Search_state's change counters, which name the version of the library a snapshot was read at. */
export interface LibraryVersions {
  meta_version: number;
  deleted_version: number;
  relations_version: number;
}

/**
 * Every document's status inputs and every status-changing relation, read in one transaction, each as one string
 * (fields joined by FIELD, NULL as NULL_FIELD): 6 fields a document (rid, id, 成文日期, 施行日期, 有效期至, 宣布失效日期),
 * 3 a relation (target, type, when its source took effect). One string crosses from SQLite — and from a worker
 * thread — where 100,000 rows would be 100,000 arrays.
 */
export interface StatusSnapshot {
  versions: LibraryVersions;
  inputs: string;
  incoming: string;
}

const orNull = (column: string) => `ifnull(${column}, char(2))`;
const packed = (...columns: string[]) => columns.join(' || char(1) || ');

/** Reads a snapshot (on any connection: the status index's own, or a read-only one in a worker thread). */
export function readStatusSnapshot(db: Database): StatusSnapshot {
  const read = db.transaction(() => ({
    versions: db.prepare<[], LibraryVersions>('SELECT meta_version, deleted_version, relations_version FROM search_state WHERE id = 1').get()!,
    inputs:
      (db
        .prepare<[], string | null>(
          `SELECT group_concat(${packed('rid', 'doc_id', orNull('date_signed'), orNull('effective_date'), orNull('valid_until'), orNull('declared_invalid_on'))}, char(1)) FROM search_map`,
        )
        .pluck()
        .get() ?? '') as string,
    incoming:
      (db
        .prepare<[], string | null>(
          `SELECT group_concat(${packed('r.target_id', 'r.type', orNull('coalesce(s.effective_date, s.date_signed)'))}, char(1))
           FROM relations r JOIN search_map s ON s.doc_id = r.source_id
           WHERE r.target_id IS NOT NULL AND r.type IN ${STATUS_RELATIONS}`,
        )
        .pluck()
        .get() ?? '') as string,
  }));
  return read.deferred();
}

const INPUT_WIDTH = 6;
const CHANGE_WIDTH = 3;
const fieldOf = (s: string): string | null => (s === NULL_FIELD ? null : s);

/** A snapshot's inputs by id (with each document's rid) and incoming changes by target. */
export interface UnpackedSnapshot {
  inputs: Map<string, StatusInput>;
  rids: Int32Array;
  ids: string[];
  incoming: Map<string, IncomingChange[]>;
}

/** A snapshot's rows; null when its strings do not split into whole rows (a field holding FIELD). */
export function unpackSnapshot(snapshot: StatusSnapshot): UnpackedSnapshot | null {
  const f = snapshot.inputs ? snapshot.inputs.split(FIELD) : [];
  const g = snapshot.incoming ? snapshot.incoming.split(FIELD) : [];
  if (f.length % INPUT_WIDTH || g.length % CHANGE_WIDTH) return null;
  const inputs = new Map<string, StatusInput>();
  const rids = new Int32Array(f.length / INPUT_WIDTH);
  const ids = new Array<string>(rids.length);
  for (let i = 0, k = 0; i < f.length; i += INPUT_WIDTH, k++) {
    rids[k] = Number(f[i]);
    ids[k] = f[i + 1];
    inputs.set(f[i + 1], { dateSigned: fieldOf(f[i + 2]), effectiveDate: fieldOf(f[i + 3]), validUntil: fieldOf(f[i + 4]), declaredInvalidOn: fieldOf(f[i + 5]) });
  }
  const incoming = new Map<string, IncomingChange[]>();
  for (let i = 0; i < g.length; i += CHANGE_WIDTH) {
    const change = { type: g[i + 1] as RelationType, effectiveOn: fieldOf(g[i + 2]) };
    const list = incoming.get(g[i]);
    if (list) list.push(change);
    else incoming.set(g[i], [change]);
  }
  return { inputs, rids, ids, incoming };
}

/** Not computed (a rid with no document in the snapshot). */
export const NO_STATUS = 255;

/**
 * Every document's status on `asOf` under an evaluation window of `months`, as its position in DOCUMENT_STATUSES,
 * by rid (NO_STATUS where no document): what the status index computes for each, all at once (in the worker that
 * read the snapshot, so the server's first search has its status column without asking document by document).
 */
export function statusCodesOf(rows: UnpackedSnapshot, asOf: string, months: number): Uint8Array {
  let size = 0;
  for (let k = 0; k < rows.rids.length; k++) size = Math.max(size, rows.rids[k] + 1);
  const codes = new Uint8Array(size).fill(NO_STATUS);
  const codeOf = new Map(DOCUMENT_STATUSES.map((s, i) => [s, i]));
  for (let k = 0; k < rows.rids.length; k++) {
    const id = rows.ids[k];
    codes[rows.rids[k]] = codeOf.get(computeStatus(rows.inputs.get(id)!, rows.incoming.get(id) ?? [], asOf, months))!;
  }
  return codes;
}

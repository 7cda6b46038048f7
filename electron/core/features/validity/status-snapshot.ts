import type { Database } from 'better-sqlite3';
import type { DocumentStatus, RelationType } from '../../../../shared/domain/document';
import { computeStatus, type IncomingChange, type StatusInput } from '../../../../shared/domain/status';

/** Relation types that change the status of their target (citations do not). */
export const STATUS_RELATIONS = `('abolishes', 'amends', 'replaces')`;

/** Between the fields of a packed snapshot (no date, id or relation type holds it; a count check falls back if one did). */
const FIELD = '\u0001';
/** A NULL in a packed snapshot. */
const NULL_FIELD = '\u0002';
const INPUT_WIDTH = 5;
const CHANGE_WIDTH = 3;

/** Search_state's change counters, which name the version of the library a snapshot was read at. */
export interface LibraryVersions {
  meta_version: number;
  deleted_version: number;
  relations_version: number;
}

/**
 * Every document's status inputs and every status-changing relation, read in one transaction, as strings (fields
 * joined by FIELD, NULL as NULL_FIELD): 5 fields a document (rid, 成文日期, 施行日期, 有效期至, 宣布失效日期), their
 * ids in the same order in a string of their own (the ids kept are parts of it, which keep it alive), 3 a relation (target, type, its source's rid: the index on doc_id answers it alone, where the
 * source's dates would cost a visit to its row; they are among the documents'). One string crosses from SQLite — and
 * from a worker thread — where 100,000 rows would be 100,000 arrays.
 */
export interface StatusSnapshot {
  versions: LibraryVersions;
  inputs: string;
  ids: string;
  incoming: string;
}

const orNull = (column: string) => `ifnull(${column}, char(2))`;
const packed = (...columns: string[]) => `group_concat(concat_ws(char(1), ${columns.join(', ')}), char(1))`;

/** Reads a snapshot (on any connection: the status index's own, or a read-only one in a worker thread). */
export function readStatusSnapshot(db: Database): StatusSnapshot {
  const text = (sql: string) => db.prepare<[], string | null>(sql).pluck().get() ?? '';
  const read = db.transaction(() => ({
    versions: db.prepare<[], LibraryVersions>('SELECT meta_version, deleted_version, relations_version FROM search_state WHERE id = 1').get()!,
    ...db
      .prepare<[], { inputs: string | null; ids: string | null }>(
        `SELECT ${packed('rid', orNull('date_signed'), orNull('effective_date'), orNull('valid_until'), orNull('declared_invalid_on'))} AS inputs,
        group_concat(doc_id, char(1)) AS ids FROM search_map`,
      )
      .get(),
    incoming: text(`SELECT ${packed('r.target_id', 'r.type', 's.rid')}
      FROM relations r JOIN search_map s ON s.doc_id = r.source_id WHERE r.target_id IS NOT NULL AND r.type IN ${STATUS_RELATIONS}`),
  }));
  const snapshot = read.deferred();
  return { ...snapshot, inputs: snapshot.inputs ?? '', ids: snapshot.ids ?? '' };
}

const fieldOf = (s: string): string | null => (s === NULL_FIELD ? null : s);

/** A snapshot split into its fields; null when its strings do not split into whole rows (a field holding FIELD). */
function split(snapshot: StatusSnapshot): { f: string[]; ids: string[]; g: string[] } | null {
  const f = snapshot.inputs ? snapshot.inputs.split(FIELD) : [];
  const ids = snapshot.ids ? snapshot.ids.split(FIELD) : [];
  const g = snapshot.incoming ? snapshot.incoming.split(FIELD) : [];
  return f.length % INPUT_WIDTH || g.length % CHANGE_WIDTH || ids.length * INPUT_WIDTH !== f.length ? null : { f, ids, g };
}

/** One past the highest rid among a snapshot's documents: the length of an array indexed by rid. */
function ridSpan(f: string[]): number {
  let size = 0;
  for (let i = 0; i < f.length; i += INPUT_WIDTH) size = Math.max(size, Number(f[i]) + 1);
  return size;
}

/**
 * Incoming changes by target, each with when its source took effect (its 施行日期, else its 成文日期: what the
 * status index's join reads), the source found by its rid among the documents.
 */
function incomingOf(f: string[], g: string[]): Map<string, IncomingChange[]> {
  const at = new Int32Array(ridSpan(f));
  for (let i = 0; i < f.length; i += INPUT_WIDTH) at[Number(f[i])] = i;
  const incoming = new Map<string, IncomingChange[]>();
  for (let i = 0; i < g.length; i += CHANGE_WIDTH) {
    const source = at[Number(g[i + 2])];
    const change = { type: g[i + 1] as RelationType, effectiveOn: fieldOf(f[source + 2]) ?? fieldOf(f[source + 1]) };
    const list = incoming.get(g[i]);
    if (list) list.push(change);
    else incoming.set(g[i], [change]);
  }
  return incoming;
}

const inputAt = (f: string[], i: number): StatusInput => ({
  dateSigned: fieldOf(f[i + 1]),
  effectiveDate: fieldOf(f[i + 2]),
  validUntil: fieldOf(f[i + 3]),
  declaredInvalidOn: fieldOf(f[i + 4]),
});

/** A snapshot's inputs by id and incoming changes by target; null when it does not split into whole rows. */
export function unpackSnapshot(snapshot: StatusSnapshot): { inputs: Map<string, StatusInput>; incoming: Map<string, IncomingChange[]> } | null {
  const fields = split(snapshot);
  if (!fields) return null;
  const { f, ids, g } = fields;
  const inputs = new Map<string, StatusInput>();
  for (let i = 0, k = 0; i < f.length; i += INPUT_WIDTH, k++) inputs.set(ids[k], inputAt(f, i));
  return { inputs, incoming: incomingOf(f, g) };
}

/** Not computed (a rid with no document in the snapshot). */
export const NO_STATUS = 255;

/**
 * Every document's status on `asOf` under an evaluation window of `months`, as its position in `order` (the
 * statuses in DOCUMENT_STATUSES order), by rid (NO_STATUS where no document): what the status index computes for
 * each, all at once — in the worker that read the snapshot, so a server's first search has its status column
 * without asking document by document. Null when the snapshot does not split into whole rows.
 */
export function statusCodesOf(snapshot: StatusSnapshot, asOf: string, months: number, order: readonly DocumentStatus[]): Uint8Array | null {
  const fields = split(snapshot);
  if (!fields) return null;
  const { f, ids, g } = fields;
  const incoming = incomingOf(f, g);
  const codes = new Uint8Array(ridSpan(f)).fill(NO_STATUS);
  const codeOf = new Map(order.map((s, i) => [s, i]));
  const none: IncomingChange[] = [];
  for (let i = 0, k = 0; i < f.length; i += INPUT_WIDTH, k++) {
    codes[Number(f[i])] = codeOf.get(computeStatus(inputAt(f, i), incoming.get(ids[k]) ?? none, asOf, months))!;
  }
  return codes;
}

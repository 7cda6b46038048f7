import type { Database, Statement } from 'better-sqlite3';
import { rememberBodies, type BodyForms } from './search-functions';

/**
 * Runs `write` (inside an open transaction) with the full-text part of the document insert trigger deferred, then
 * indexes every document it inserted with one statement per full-text index (migration 0016). FTS5 flushes its
 * pending terms at the start of every statement that opens a statement journal; one document at a time that made a
 * segment per document, and merging them cost more as the library grew. Search stays complete: the rows are indexed
 * before the transaction commits, and a rolled-back part (a refused file's savepoint) leaves nothing to index.
 * `known`: bodies' search forms computed ahead (see rememberBodies).
 */
export function withDeferredSearchIndex<T>(db: Database, write: () => T, known?: ReadonlyMap<string, BodyForms>): T {
  if (!db.inTransaction) throw new Error('withDeferredSearchIndex: call inside a transaction');
  // each body is normalized once (by the insert trigger, or ahead: `known`) and found again by the index statements
  return rememberBodies(db, () => deferred(db, write), known);
}

/**
 * The large full-text indexes, whose automatic merging waits while a batch indexes its documents (see deferred). The
 * titles' index (search_meta) is small and keeps merging as it does.
 */
const MERGE_AFTER_BATCH = ['search_body', 'search_grams'] as const;

interface BatchStatements {
  lastRid: Statement<[], number>;
  defer: Statement<[number]>;
  index: Statement[];
  /** per index of MERGE_AFTER_BATCH: its stored automerge setting, and a statement that sets it */
  automerge: Array<{ get: Statement<[], number | undefined>; set: Statement<[number]> }>;
}
const prepared = new WeakMap<Database, BatchStatements>();

/** The batch's statements, prepared once per connection (preparing those over the full-text tables costs ~7 ms a batch). */
function statementsOf(db: Database): BatchStatements {
  const ready = prepared.get(db);
  if (ready) return ready;
  // Rows an edit in the same batch has already indexed (its own triggers are not deferred) are skipped.
  const fresh = (fts: string) => `FROM search_map m WHERE m.rid > @from AND m.rid NOT IN (SELECT rowid FROM ${fts} WHERE rowid > @from)`;
  const withBody = (fts: string) => `FROM search_map m JOIN documents d ON d.id = m.doc_id WHERE m.rid > @from AND m.rid NOT IN (SELECT rowid FROM ${fts} WHERE rowid > @from)`;
  const made = {
    lastRid: db.prepare<[], number>('SELECT coalesce(max(rid), 0) FROM search_map').pluck(),
    defer: db.prepare<[number]>('UPDATE search_state SET defer_fts = ? WHERE id = 1'),
    index: [
      db.prepare(`INSERT INTO search_meta (rowid, title, docnum, issuers) SELECT m.rid, m.title, m.docnum, m.issuers ${fresh('search_meta')}`),
      db.prepare(`INSERT INTO search_body (rowid, body) SELECT m.rid, nd_search_body(d.body) ${withBody('search_body')}`),
      db.prepare(`INSERT INTO search_grams (rowid, body) SELECT m.rid, nd_search_body_grams(d.body) ${withBody('search_grams')}`),
    ],
    // FTS5 takes a setting only as an integer (a bound JS number is a real)
    automerge: MERGE_AFTER_BATCH.map((fts) => ({
      get: db.prepare<[], number | undefined>(`SELECT v FROM ${fts}_config WHERE k = 'automerge'`).pluck(),
      set: db.prepare<[number]>(`INSERT INTO ${fts} (${fts}, rank) VALUES ('automerge', CAST(? AS INTEGER))`),
    })),
  };
  prepared.set(db, made);
  return made;
}

/** FTS5's automerge when its table stores none. */
const DEFAULT_AUTOMERGE = 4;

/**
 * The batch's writes with the full-text part deferred, then its indexing. While the batch indexes, the large indexes
 * do not merge: each flush of a batch's terms (one new segment) otherwise did incremental merge work of its own size
 * times the number of levels (3 at 100,000 documents), about a third of an import's storing (issue 25). The setting
 * is put back within the same transaction, so no other connection and no crash ever sees it off; restoring it is a
 * statement on the index, which first flushes the batch's terms (FTS5 writes its pending terms when a statement
 * journal opens), so the batch's segments are written while merging is still off. Segments stay bounded: FTS5's
 * crisis merge still merges any level that reaches 16, and later writes merge as before.
 */
function deferred<T>(db: Database, write: () => T): T {
  const st = statementsOf(db);
  const from = st.lastRid.get()!;
  st.defer.run(1);
  const result = write();
  st.defer.run(0);
  const before = st.automerge.map((a) => a.get.get() ?? DEFAULT_AUTOMERGE);
  st.automerge.forEach((a, i) => before[i] !== 0 && a.set.run(0));
  for (const index of st.index) index.run({ from });
  st.automerge.forEach((a, i) => before[i] !== 0 && a.set.run(before[i]));
  return result;
}

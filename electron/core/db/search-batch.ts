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

interface BatchStatements {
  lastRid: Statement<[], number>;
  defer: Statement<[number]>;
  index: Statement[];
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
  };
  prepared.set(db, made);
  return made;
}

function deferred<T>(db: Database, write: () => T): T {
  const st = statementsOf(db);
  const from = st.lastRid.get()!;
  st.defer.run(1);
  const result = write();
  st.defer.run(0);
  for (const index of st.index) index.run({ from });
  return result;
}

import type { Database } from 'better-sqlite3';

/**
 * A reader of the library's version: search_state.meta_version, which the triggers of migration 0002 move on every
 * insert, update and delete of a document or a relation — on this connection or by another process. Caches of
 * documents and relations are keyed on it rather than on `total_changes()`, which every write moves (a login, an
 * audit row, a cleanup decision), so under many users they were read again from the whole table after every such
 * write (issue 25).
 */
export function libraryVersion(db: Database): () => number {
  const stmt = db.prepare<[], number>('SELECT meta_version FROM search_state WHERE id = 1').pluck();
  return () => stmt.get() ?? -1;
}

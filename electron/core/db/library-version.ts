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

/** What moved among the documents since the last look: rows read again (new or changed), ids no longer stored. */
export interface DocumentChanges<R> {
  /** true on the first look: `changed` is then every document */
  first: boolean;
  changed: R[];
  gone: string[];
}

/**
 * Follows the documents table by row version, for caches that keep a copy of some columns of every document
 * (the library list, the start page): the first look reads every row, later looks only the rows whose
 * search_map.ver moved since (the triggers move it on every insert and update, by this process or another) and
 * the ids that left (search_state.deleted_version tells when to look). A look when nothing moved reads one row.
 * `columns` are of `documents` and must include `id`.
 */
export function followDocuments<R extends { id: string }>(db: Database, columns: readonly string[]): () => DocumentChanges<R> | null {
  const state = db.prepare<[], { meta_version: number; deleted_version: number }>('SELECT meta_version, deleted_version FROM search_state WHERE id = 1');
  const all = db.prepare<[], R>(`SELECT ${columns.join(', ')} FROM documents`);
  const since = db.prepare<[number], R>(
    `SELECT ${columns.map((c) => `d.${c}`).join(', ')} FROM search_map m JOIN documents d ON d.id = m.doc_id WHERE m.ver > ?`,
  );
  const liveIds = db.prepare<[], string>('SELECT doc_id FROM search_map').pluck();
  const known = new Set<string>();
  let metaVersion = -1;
  let deletedVersion = -1;
  return db.transaction((): DocumentChanges<R> | null => {
    const st = state.get()!;
    if (st.meta_version === metaVersion && st.deleted_version === deletedVersion) return null;
    const first = metaVersion < 0;
    const gone: string[] = [];
    if (!first && st.deleted_version !== deletedVersion) {
      const live = new Set(liveIds.all());
      for (const id of known) if (!live.has(id)) gone.push(id);
      gone.forEach((id) => known.delete(id));
    }
    const changed = first ? all.all() : since.all(metaVersion);
    changed.forEach((r) => known.add(r.id));
    metaVersion = st.meta_version;
    deletedVersion = st.deleted_version;
    return { first, changed, gone };
  }) as unknown as () => DocumentChanges<R> | null;
}

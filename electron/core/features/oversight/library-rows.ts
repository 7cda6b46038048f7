import type { Db } from '../../db/open';
import { followDocuments, libraryVersion } from '../../db/library-version';

/** What the dashboard and the checks read of each document (no body). */
export interface OversightRow {
  id: string;
  title: string;
  doc_number: string | null;
  doc_year: number | null;
  registration_number: string | null;
  is_normative: number;
  issuers: string;
  date_signed: string | null;
  effective_date: string | null;
  valid_until: string | null;
  validity_clause: string | null;
}

/** A relation between two stored documents or to a reference not yet stored. */
export interface OversightRelation {
  type: 'abolishes' | 'amends' | 'replaces' | 'cites';
  source_id: string;
  target_id: string | null;
  target_doc_number: string | null;
  target_title: string | null;
}

/** What was read of the library at one version, and what was computed from it (kept until the next write). */
export interface LibrarySnapshot {
  /** changes on this connection and by other processes: a new value means the library moved */
  key: string;
  rows: OversightRow[];
  relations: OversightRelation[];
  /** results computed from this version (dashboard per day, checks per day), dropped with the snapshot */
  memo: Map<string, unknown>;
}

const COLUMNS = [
  'id', 'title', 'doc_number', 'doc_year', 'registration_number', 'is_normative', 'issuers', 'date_signed', 'effective_date',
  'valid_until', 'validity_clause',
] as const;

/**
 * The library as the dashboard and the checks read it, per version (a change of a document or relation, here or
 * by another process): the rows are read whole once, then only the rows that changed (db/library-version.ts), so
 * a start page opened again costs nothing until something changes and a write costs its own rows, not the library.
 */
export function createLibraryRows(db: Db, shared?: () => readonly OversightRow[]) {
  const version = libraryVersion(db);
  const changes = followDocuments<OversightRow>(db, COLUMNS);
  const byId = new Map<string, OversightRow>();
  /** the rows of this version: the library table's copy when given (one copy of the library), else read here */
  const read = (): OversightRow[] => {
    if (shared) return shared() as OversightRow[];
    const moved = changes();
    moved?.gone.forEach((id) => byId.delete(id));
    moved?.changed.forEach((r) => byId.set(r.id, r));
    return [...byId.values()];
  };
  let snapshot: LibrarySnapshot | null = null;
  const relationsStmt = db.prepare<[], OversightRelation>(
    'SELECT type, source_id, target_id, target_doc_number, target_title FROM relations ORDER BY id',
  );
  return {
    /** The library as it stands now: rows that moved read again after a write. */
    current(): LibrarySnapshot {
      const key = String(version());
      if (snapshot?.key !== key) {
        // relations are read on first use: the checks need them, the start page does not
        let relations: OversightRelation[] | null = null;
        snapshot = {
          key,
          rows: read(),
          get relations() {
            return (relations ??= relationsStmt.all());
          },
          memo: new Map(),
        };
      }
      return snapshot;
    },
  };
}

import type { Db } from '../../db/open';
import { libraryVersion } from '../../db/library-version';

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

/**
 * Reads the library once per version (a change of a document or relation, here or by another process), so a
 * start page opened again, or the checks after the dashboard, cost nothing until something changes.
 */
export function createLibraryRows(db: Db) {
  const version = libraryVersion(db);
  let snapshot: LibrarySnapshot | null = null;
  const rowsStmt = db.prepare<[], OversightRow>(`
    SELECT id, title, doc_number, doc_year, registration_number, is_normative, issuers, date_signed, effective_date,
           valid_until, validity_clause
    FROM documents`);
  const relationsStmt = db.prepare<[], OversightRelation>(
    'SELECT type, source_id, target_id, target_doc_number, target_title FROM relations ORDER BY id',
  );
  return {
    /** The library as it stands now: read again only after a write. */
    current(): LibrarySnapshot {
      const key = String(version());
      if (snapshot?.key !== key) {
        // relations are read on first use: the checks need them, the start page does not
        let relations: OversightRelation[] | null = null;
        snapshot = {
          key,
          rows: rowsStmt.all(),
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

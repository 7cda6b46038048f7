import type { Db } from '../../db/open';

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

/** Reads the library once per question: 20,000 rows without bodies take a few tens of milliseconds. */
export function createLibraryRows(db: Db) {
  const rowsStmt = db.prepare<[], OversightRow>(`
    SELECT id, title, doc_number, doc_year, registration_number, is_normative, issuers, date_signed, effective_date,
           valid_until, validity_clause
    FROM documents ORDER BY date_signed, created_at, id`);
  const relationsStmt = db.prepare<[], OversightRelation>(
    'SELECT type, source_id, target_id, target_doc_number, target_title FROM relations ORDER BY id',
  );
  return {
    documents: () => rowsStmt.all(),
    relations: () => relationsStmt.all(),
  };
}

import type { Document } from '../../../../shared/domain/document';

/** A row of the documents table as SQLite returns it. */
export interface DocumentRow {
  id: string;
  title: string;
  doc_number_raw: string | null;
  doc_number: string | null;
  doc_agency: string | null;
  doc_year: number | null;
  doc_serial: number | null;
  registration_number: string | null;
  issuers: string;
  date_signed: string | null;
  kind: string | null;
  is_normative: number;
  effective_clause: string | null;
  effective_date: string | null;
  validity_clause: string | null;
  valid_until: string | null;
  declared_invalid_on: string | null;
  appointments: string;
  body: string;
  source_file_id: string | null;
  content_hash: string;
  created_at: string;
  updated_at: string;
}


/** A stored row as the domain's Document (JSON columns parsed, 文号 parts put together). */
export function toDocument(row: DocumentRow): Document {
  return {
    id: row.id,
    title: row.title,
    docNumber:
      row.doc_number && row.doc_agency && row.doc_serial !== null
        ? { raw: row.doc_number_raw ?? row.doc_number, normalized: row.doc_number, agency: row.doc_agency, year: row.doc_year, serial: row.doc_serial }
        : null,
    registrationNumber: row.registration_number,
    issuers: JSON.parse(row.issuers),
    dateSigned: row.date_signed,
    kind: row.kind,
    isNormative: row.is_normative === 1,
    effectiveClause: row.effective_clause,
    effectiveDate: row.effective_date,
    validityClause: row.validity_clause,
    validUntil: row.valid_until,
    declaredInvalidOn: row.declared_invalid_on,
    appointments: JSON.parse(row.appointments),
    body: JSON.parse(row.body),
    sourceFileId: row.source_file_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}


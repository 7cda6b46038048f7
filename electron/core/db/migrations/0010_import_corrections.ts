import type { Migration } from '../migrate';

/**
 * What a person corrected at import review, kept with the file it came from (issue 16: NormDesk learns nothing
 * silently): a field changed from what extraction found, or a boundary between documents moved (split, merge).
 * `document_id` has no foreign key on purpose: a document moved to the trash and restored keeps its id, and its
 * corrections must still be found under it.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'import-corrections',
  up: `
CREATE TABLE import_corrections (
  id               INTEGER PRIMARY KEY,
  source_file_id   TEXT NOT NULL REFERENCES source_files(id) ON DELETE CASCADE,
  document_id      TEXT,
  kind             TEXT NOT NULL CHECK (kind IN ('field', 'split', 'merge')),
  field            TEXT,                -- the document field (title, docNumber …) for kind 'field'
  extracted_value  TEXT,                -- as extraction found it (for split/merge: the documents before)
  corrected_value  TEXT,                -- as the person set it (for split/merge: the documents after)
  created_at       TEXT NOT NULL,
  created_by       TEXT NOT NULL,
  CHECK ((kind = 'field') = (field IS NOT NULL))
) STRICT;
CREATE INDEX import_corrections_document ON import_corrections(document_id);
CREATE INDEX import_corrections_source ON import_corrections(source_file_id);
`,
};

import type { Migration } from '../migrate';

/**
 * Scanned pages read by OCR (issue 21): each page image of a source file, kept so a person can look at the
 * paper beside the text later, and which pages each document's text came from with the engine that read it.
 * `document_id` has no foreign key, as in import_corrections: a document moved to the trash and restored keeps
 * its id and its pages.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'scans',
  up: `
CREATE TABLE scan_pages (
  source_file_id  TEXT NOT NULL REFERENCES source_files(id) ON DELETE CASCADE,
  page            INTEGER NOT NULL CHECK (page >= 0),   -- 0-based, in the order the pages were read
  width           INTEGER NOT NULL,                     -- of the scan as read (straightened), in pixels
  height          INTEGER NOT NULL,
  image           BLOB NOT NULL,                        -- JPEG, downscaled for viewing
  blank           INTEGER NOT NULL DEFAULT 0 CHECK (blank IN (0, 1)),
  PRIMARY KEY (source_file_id, page)
) STRICT, WITHOUT ROWID;
CREATE TABLE document_scans (
  document_id     TEXT NOT NULL,
  source_file_id  TEXT NOT NULL REFERENCES source_files(id) ON DELETE CASCADE,
  pages           TEXT NOT NULL,                        -- JSON array of 0-based page numbers, in order
  engine          TEXT NOT NULL,
  low_confidence  INTEGER NOT NULL DEFAULT 0,           -- characters the recogniser was unsure of and nobody corrected
  PRIMARY KEY (document_id, source_file_id)
) STRICT, WITHOUT ROWID;
`,
};

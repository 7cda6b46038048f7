import type { Migration } from '../migrate';

/**
 * Lookups the library does on every import and edit: duplicates by exact title, unresolved references by
 * title (a reference without 文号), documents by source file (re-import), and gazette issues by number.
 * Without these, importing into a library of 20,000 documents scans the whole table once per document.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'library-lookups',
  up: `
CREATE INDEX IF NOT EXISTS documents_title ON documents(title);
CREATE INDEX IF NOT EXISTS documents_source_file ON documents(source_file_id);
CREATE INDEX IF NOT EXISTS relations_unresolved_title ON relations(target_title) WHERE target_id IS NULL;
CREATE INDEX IF NOT EXISTS gazette_issues_number ON gazette_issues(title, year, issue_number);
CREATE INDEX IF NOT EXISTS gazette_entries_document ON gazette_entries(document_id);
`,
};

import type { Migration } from '../migrate';

/**
 * The trash: a deleted document leaves the documents table (so the library, search and statuses no longer see it)
 * and is kept here whole — its row, its own relations, which relations pointed at it and which gazette entries
 * listed it — until it is restored or the trash is emptied.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'trash',
  up: `
CREATE TABLE trash (
  id               TEXT PRIMARY KEY,     -- the document's id, kept for the restore
  title            TEXT NOT NULL,
  doc_number       TEXT,
  deleted_at       TEXT NOT NULL,
  deleted_by       TEXT NOT NULL,
  document         TEXT NOT NULL,        -- JSON: the documents row as it was
  relations        TEXT NOT NULL,        -- JSON: { outgoing: relation rows, incoming: ids of relations that pointed here }
  gazette_entries  TEXT NOT NULL         -- JSON: [{ issueId, position }] entries that listed it
) STRICT;
CREATE INDEX trash_deleted_at ON trash(deleted_at);
`,
};

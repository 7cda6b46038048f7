import type { Migration } from '../migrate';

/**
 * Gazette issues get a trash of their own, like documents (0007): deleting an issue moves its row and its entries
 * here, so the archive, the editor and the documents' "printed in" no longer see it, until it is restored or the
 * trash is emptied. Documents are never deleted with an issue.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'issue-trash',
  up: `
CREATE TABLE issue_trash (
  id          TEXT PRIMARY KEY,      -- the issue's id, kept for the restore
  title       TEXT NOT NULL,         -- the gazette's title, e.g. 高青县人民政府公报
  label       TEXT,                  -- the issue line as printed, e.g. 2021年第3期 or 第2号（总第20号）
  deleted_at  TEXT NOT NULL,
  deleted_by  TEXT NOT NULL,
  issue       TEXT NOT NULL,         -- JSON: the gazette_issues row as it was
  entries     TEXT NOT NULL          -- JSON: its gazette_entries rows, in order
) STRICT;
CREATE INDEX issue_trash_deleted_at ON issue_trash(deleted_at);
`,
};

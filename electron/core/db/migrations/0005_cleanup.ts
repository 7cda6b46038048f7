import type { Migration } from '../migrate';

/**
 * Cleanup campaigns (清理): a campaign with its frozen scope (one item per document with the legal office's
 * decision and the drafting office's opinion kept apart), the scope changes made after it started (with reasons),
 * what publishing applied to the library (so a revert restores it exactly), and the standard reasons list.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'cleanup-campaigns',
  up: `
CREATE TABLE cleanup_campaigns (
  id                  TEXT PRIMARY KEY,
  name                TEXT NOT NULL,
  basis_doc_number    TEXT NOT NULL DEFAULT '',
  basis_title         TEXT NOT NULL DEFAULT '',
  cutoff              TEXT NOT NULL,
  scope               TEXT NOT NULL,            -- JSON: the filters the scope was taken with
  state               TEXT NOT NULL DEFAULT 'reviewing' CHECK (state IN ('reviewing', 'published')),
  notice_doc_number   TEXT,
  notice_date         TEXT,
  notice_document_id  TEXT REFERENCES documents(id) ON DELETE SET NULL,
  applied             TEXT,                     -- JSON: what publishing changed, for the revert
  created_at          TEXT NOT NULL,
  created_by          TEXT NOT NULL,
  published_at        TEXT
) STRICT;

CREATE TABLE cleanup_items (
  campaign_id     TEXT NOT NULL REFERENCES cleanup_campaigns(id) ON DELETE CASCADE,
  document_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position        INTEGER NOT NULL,
  decision        TEXT CHECK (decision IS NULL OR decision IN ('继续有效', '修改', '废止', '宣布失效')),
  reason          TEXT NOT NULL DEFAULT '',
  note            TEXT NOT NULL DEFAULT '',
  opinion         TEXT CHECK (opinion IS NULL OR opinion IN ('继续有效', '修改', '废止', '宣布失效')),
  opinion_reason  TEXT NOT NULL DEFAULT '',
  amended_by      TEXT REFERENCES documents(id) ON DELETE SET NULL,
  decided_by      TEXT,
  decided_at      TEXT,
  PRIMARY KEY (campaign_id, document_id)
) STRICT;
CREATE INDEX cleanup_items_document ON cleanup_items(document_id);
CREATE INDEX cleanup_items_position ON cleanup_items(campaign_id, position);

CREATE TABLE cleanup_scope_changes (
  id           INTEGER PRIMARY KEY,
  campaign_id  TEXT NOT NULL REFERENCES cleanup_campaigns(id) ON DELETE CASCADE,
  document_id  TEXT NOT NULL,
  title        TEXT NOT NULL,
  doc_number   TEXT,
  change       TEXT NOT NULL CHECK (change IN ('add', 'remove')),
  reason       TEXT NOT NULL,
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL
) STRICT;

CREATE TABLE cleanup_reasons (
  position  INTEGER PRIMARY KEY,
  text      TEXT NOT NULL
) STRICT;
`,
};

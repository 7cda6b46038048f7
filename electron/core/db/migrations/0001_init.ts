import type { Migration } from '../migrate';

/**
 * The first schema: documents with 文号 parts, dates, validity and status inputs; relations between documents
 * (resolved or not yet); gazette issues and their entries; source files; settings; the audit log.
 * Status itself is never stored: it is computed for a date from these columns and the relations.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'init',
  up: `
CREATE TABLE source_files (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  sha256       TEXT NOT NULL UNIQUE,
  size         INTEGER NOT NULL,
  encoding     TEXT NOT NULL,
  imported_at  TEXT NOT NULL
) STRICT;

CREATE TABLE documents (
  id                   TEXT PRIMARY KEY,
  title                TEXT NOT NULL,
  doc_number_raw       TEXT,
  doc_number           TEXT,            -- normalized 文号, e.g. 招政发〔2018〕27号
  doc_agency           TEXT,
  doc_year             INTEGER,
  doc_serial           INTEGER,
  registration_number  TEXT,
  issuers              TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings
  date_signed          TEXT,
  kind                 TEXT,
  is_normative         INTEGER NOT NULL DEFAULT 0 CHECK (is_normative IN (0, 1)),
  effective_clause     TEXT,
  effective_date       TEXT,
  validity_clause      TEXT,
  valid_until          TEXT,
  declared_invalid_on  TEXT,
  appointments         TEXT NOT NULL DEFAULT '[]',   -- JSON array of {name, action, position}
  body                 TEXT NOT NULL DEFAULT '[]',   -- JSON array of paragraphs
  source_file_id       TEXT REFERENCES source_files(id) ON DELETE SET NULL,
  content_hash         TEXT NOT NULL,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL
) STRICT;
CREATE INDEX documents_doc_number ON documents(doc_number);
CREATE INDEX documents_content_hash ON documents(content_hash);
CREATE INDEX documents_date_signed ON documents(date_signed);

CREATE TABLE relations (
  id                 INTEGER PRIMARY KEY,
  type               TEXT NOT NULL CHECK (type IN ('abolishes', 'amends', 'replaces', 'cites')),
  source_id          TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  target_id          TEXT REFERENCES documents(id) ON DELETE SET NULL,
  target_doc_number  TEXT,              -- normalized 文号 of the target as referenced
  target_title       TEXT,
  created_at         TEXT NOT NULL
) STRICT;
CREATE INDEX relations_source ON relations(source_id);
CREATE INDEX relations_target ON relations(target_id);
CREATE INDEX relations_unresolved ON relations(target_doc_number) WHERE target_id IS NULL;

CREATE TABLE gazette_issues (
  id              TEXT PRIMARY KEY,
  title           TEXT NOT NULL,
  year            INTEGER,
  issue_number    INTEGER,
  total_number    INTEGER,
  publish_date    TEXT,
  source_file_id  TEXT REFERENCES source_files(id) ON DELETE SET NULL,
  created_at      TEXT NOT NULL
) STRICT;

CREATE TABLE gazette_entries (
  issue_id     TEXT NOT NULL REFERENCES gazette_issues(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  section      TEXT,
  title        TEXT NOT NULL,
  page         INTEGER,
  document_id  TEXT REFERENCES documents(id) ON DELETE SET NULL,
  PRIMARY KEY (issue_id, position)
) STRICT;

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL               -- JSON
) STRICT;

CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  action     TEXT NOT NULL,          -- e.g. document.create, document.update, relation.create
  entity     TEXT NOT NULL,          -- document | relation | gazette
  entity_id  TEXT NOT NULL,
  before     TEXT,                   -- JSON or NULL
  after      TEXT                    -- JSON or NULL
) STRICT;
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
`,
};

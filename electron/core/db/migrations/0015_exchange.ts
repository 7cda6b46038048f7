import type { Migration } from '../migrate';

/**
 * Between offices on isolated networks (issue 23): this office's identity (the name packages carry and the
 * Ed25519 key they are signed with, made on first use), the senders seen before, the packages already imported
 * (so the same package twice changes nothing), what each document looked like when it was last exchanged (to tell
 * an edit on one side from an edit on both), and 备案: the filing state of each own normative document with the
 * materials attached to it (sending side), and the 备案审查 queue of documents filed by lower offices (receiving side).
 * `document_id` columns have no foreign key on purpose (as in import_corrections): a document moved to the trash and
 * restored keeps its id, and its filing state, materials and review entry must still be found under it.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'exchange-and-filing',
  up: `
CREATE TABLE exchange_office (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  name         TEXT NOT NULL DEFAULT '',
  issuers      TEXT NOT NULL DEFAULT '[]',        -- JSON: the 制定机关 whose normative documents this office files
  filing_rule  TEXT NOT NULL DEFAULT '30d' CHECK (filing_rule IN ('30d', '15d', '3wd')),
  review_days  INTEGER NOT NULL DEFAULT 30 CHECK (review_days BETWEEN 1 AND 365),
  filing_receiver TEXT NOT NULL DEFAULT '',       -- to whom filings go (the 备案报告's addressee), e.g. 烟台市人民政府
  public_key   TEXT,                              -- Ed25519, SPKI DER as base64; NULL until first use
  private_key  TEXT,                              -- PKCS#8 DER as base64
  fingerprint  TEXT,
  key_created_at TEXT
) STRICT;
INSERT INTO exchange_office (id) VALUES (1);

CREATE TABLE exchange_peers (
  fingerprint  TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  public_key   TEXT NOT NULL,
  first_seen   TEXT NOT NULL,
  last_seen    TEXT NOT NULL
) STRICT;

CREATE TABLE exchange_imports (
  package_id          TEXT PRIMARY KEY,
  kind                TEXT NOT NULL,
  file_name           TEXT NOT NULL,
  sender_name         TEXT NOT NULL,
  sender_fingerprint  TEXT NOT NULL,
  imported_at         TEXT NOT NULL,
  imported_by         TEXT NOT NULL,
  summary             TEXT NOT NULL               -- JSON: what the import did
) STRICT;

CREATE TABLE exchange_documents (
  document_id  TEXT NOT NULL,
  peer         TEXT NOT NULL,                     -- the other office's key fingerprint
  facts_hash   TEXT NOT NULL,                     -- the document's facts as last exchanged with that office
  at           TEXT NOT NULL,
  PRIMARY KEY (document_id, peer)
) STRICT;

CREATE TABLE filings (
  document_id          TEXT PRIMARY KEY,
  state                TEXT NOT NULL CHECK (state IN ('sent', 'registered', 'correction', 'refused', 'reviewed')),
  decision             TEXT CHECK (decision IS NULL OR decision IN ('无异议', '需修改', '撤销')),
  round                INTEGER NOT NULL DEFAULT 1,
  first_sent_on        TEXT NOT NULL,             -- YYYY-MM-DD: what 报备及时率 compares with the deadline
  last_sent_at         TEXT NOT NULL,
  package_id           TEXT NOT NULL,
  registration_number  TEXT,
  correction_due       TEXT,
  answer_note          TEXT NOT NULL DEFAULT '',  -- the receiver's words: what to correct, or its review opinion
  receiver             TEXT,
  answered_at          TEXT,
  updated_at           TEXT NOT NULL
) STRICT;
CREATE INDEX filings_state ON filings(state);

CREATE TABLE filing_materials (
  id           TEXT PRIMARY KEY,
  document_id  TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('制定说明', '合法性审核意见', '其他材料')),
  name         TEXT NOT NULL,
  sha256       TEXT NOT NULL,
  size         INTEGER NOT NULL,
  data         BLOB NOT NULL,
  origin       TEXT,                              -- NULL: added here; else the sender's key fingerprint
  added_at     TEXT NOT NULL,
  added_by     TEXT NOT NULL,
  UNIQUE (document_id, sha256)
) STRICT;

CREATE TABLE filing_reviews (
  id                   TEXT PRIMARY KEY,
  sender_fingerprint   TEXT NOT NULL,
  sender_name          TEXT NOT NULL,
  remote_document_id   TEXT NOT NULL,
  document_id          TEXT,
  title                TEXT NOT NULL,
  doc_number           TEXT,
  published_on         TEXT,
  round                INTEGER NOT NULL,
  received_on          TEXT NOT NULL,
  state                TEXT NOT NULL CHECK (state IN ('received', 'registered', 'correction', 'refused', 'reviewed')),
  registration_number  TEXT,
  registered_on        TEXT,
  correction_due       TEXT,
  correction_reason    TEXT NOT NULL DEFAULT '',
  review_due           TEXT,
  basis                TEXT NOT NULL DEFAULT '',
  problems             TEXT NOT NULL DEFAULT '',
  suggestions          TEXT NOT NULL DEFAULT '',
  decision             TEXT CHECK (decision IS NULL OR decision IN ('无异议', '需修改', '撤销')),
  decided_on           TEXT,
  answered_state       TEXT,                      -- the state the last answer package told the sender
  updated_at           TEXT NOT NULL,
  UNIQUE (sender_fingerprint, remote_document_id)
) STRICT;
CREATE INDEX filing_reviews_state ON filing_reviews(state);
CREATE INDEX filing_reviews_registered ON filing_reviews(registered_on);
`,
};

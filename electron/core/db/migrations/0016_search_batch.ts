import type { Migration } from '../migrate';

// The trigger of migration 0007, as stored then, but its three full-text inserts skip while search_state.defer_fts is
// set: a batch import sets it in its transaction and indexes its new rows in one statement per index at the end
// (db/search-batch.ts), so FTS5 writes one segment per batch instead of one per document.
const DEFERRED = 'NOT (SELECT defer_fts FROM search_state WHERE id = 1)';
const DOCNUM = `trim(nd_search_docnum(new.doc_number_raw, new.doc_number) || ' ' || nd_search_text(coalesce(new.registration_number, '')))`;
const FIELDS = 'd_title, doc_number, doc_number_raw, doc_year, d_issuers, date_signed, kind, is_normative, effective_date, valid_until, declared_invalid_on';
const FIELD_VALUES =
  'new.title, new.doc_number, new.doc_number_raw, new.doc_year, new.issuers, new.date_signed, new.kind, new.is_normative, new.effective_date, new.valid_until, new.declared_invalid_on';

/**
 * Import in batches (issue 25): FTS5 flushes its pending terms whenever a statement with a statement journal begins
 * in a transaction that wrote to it, so a 1,000-document import made 1,000 tiny segments (and their merges, which
 * grow with the library). The insert trigger now lets a batch writer defer the full-text part.
 * And a document's history found the audit rows of its relations by reading every relation row's JSON (30 ms a
 * document opened at 20,000 documents, growing with the library): indexes on the four ends it looks up.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'search-batch',
  up: `
ALTER TABLE search_state ADD COLUMN defer_fts INTEGER NOT NULL DEFAULT 0;
DROP TRIGGER search_documents_ai;
CREATE TRIGGER search_documents_ai AFTER INSERT ON documents BEGIN
  UPDATE search_state SET docs_version = docs_version + 1, meta_version = meta_version + 1;
  INSERT INTO search_map (doc_id, title, docnum, issuers, blen, ver, ${FIELDS})
    VALUES (new.id, nd_search_text(new.title), ${DOCNUM}, nd_search_issuers(new.issuers), length(nd_search_body(new.body)),
      (SELECT meta_version FROM search_state WHERE id = 1), ${FIELD_VALUES});
  INSERT INTO search_meta (rowid, title, docnum, issuers) SELECT rid, title, docnum, issuers FROM search_map WHERE doc_id = new.id AND ${DEFERRED};
  INSERT INTO search_body (rowid, body) SELECT rid, nd_search_body(new.body) FROM search_map WHERE doc_id = new.id AND ${DEFERRED};
  INSERT INTO search_grams (rowid, body) SELECT rid, nd_search_body_grams(new.body) FROM search_map WHERE doc_id = new.id AND ${DEFERRED};
END;
CREATE INDEX audit_relation_after_source ON audit_log(json_extract(after, '$.sourceId')) WHERE entity = 'relation';
CREATE INDEX audit_relation_after_target ON audit_log(json_extract(after, '$.targetId')) WHERE entity = 'relation';
CREATE INDEX audit_relation_before_source ON audit_log(json_extract(before, '$.sourceId')) WHERE entity = 'relation';
CREATE INDEX audit_relation_before_target ON audit_log(json_extract(before, '$.targetId')) WHERE entity = 'relation';
`,
};

import type { Migration } from '../migrate';

// The 文号 column of the search index also carries the 登记号 (GQDR-2021-0020002), normalized like any text.
const DOCNUM = (d: 'new') =>
  `trim(nd_search_docnum(${d}.doc_number_raw, ${d}.doc_number) || ' ' || nd_search_text(coalesce(${d}.registration_number, '')))`;
const MAP_VALUES = (d: 'new') => `nd_search_text(${d}.title), ${DOCNUM(d)}, nd_search_issuers(${d}.issuers)`;
const FIELDS = 'd_title, doc_number, doc_number_raw, doc_year, d_issuers, date_signed, kind, is_normative, effective_date, valid_until, declared_invalid_on';
const FIELD_VALUES = (d: 'new') =>
  `${d}.title, ${d}.doc_number, ${d}.doc_number_raw, ${d}.doc_year, ${d}.issuers, ${d}.date_signed, ${d}.kind, ${d}.is_normative, ${d}.effective_date, ${d}.valid_until, ${d}.declared_invalid_on`;
const RID = (d: 'new' | 'old') => `(SELECT rid FROM search_map WHERE doc_id = ${d}.id)`;
const VERSION = '(SELECT meta_version FROM search_state WHERE id = 1)';
const BUMP_DOCS = 'UPDATE search_state SET docs_version = docs_version + 1, meta_version = meta_version + 1;';
const BUMP_DELETED = 'UPDATE search_state SET docs_version = docs_version + 1, meta_version = meta_version + 1, deleted_version = deleted_version + 1;';
const INDEX_META = `
  INSERT INTO search_meta (rowid, title, docnum, issuers) SELECT rid, title, docnum, issuers FROM search_map WHERE doc_id = new.id;`;
const INDEX_BODY = `
  INSERT INTO search_body (rowid, body) VALUES (${RID('new')}, nd_search_body(new.body));
  INSERT INTO search_grams (rowid, body) VALUES (${RID('new')}, nd_search_body_grams(new.body));`;
const INSERT_DOC = `
  ${BUMP_DOCS}
  INSERT INTO search_map (doc_id, title, docnum, issuers, blen, ver, ${FIELDS})
    VALUES (new.id, ${MAP_VALUES('new')}, length(nd_search_body(new.body)), ${VERSION}, ${FIELD_VALUES('new')});
  ${INDEX_META}
  ${INDEX_BODY}`;
const DELETE_DOC = `
  DELETE FROM search_meta WHERE rowid = ${RID('old')};
  DELETE FROM search_body WHERE rowid = ${RID('old')};
  DELETE FROM search_grams WHERE rowid = ${RID('old')};
  DELETE FROM search_map WHERE doc_id = old.id;
  ${BUMP_DELETED}`;

/**
 * 登记号 in full-text search: the triggers of migration 0002 that write the 文号 column are re-created so that
 * column also holds the registration number (and re-index when it changes); documents already stored with one
 * are re-indexed here.
 */
const SEARCH_REGISTRATION = `
DROP TRIGGER search_documents_ai;
DROP TRIGGER search_documents_au_id;
DROP TRIGGER search_documents_au_text;
CREATE TRIGGER search_documents_ai AFTER INSERT ON documents BEGIN
  ${INSERT_DOC}
END;
CREATE TRIGGER search_documents_au_id AFTER UPDATE OF id ON documents WHEN old.id IS NOT new.id BEGIN
  ${DELETE_DOC}
  ${INSERT_DOC}
END;
CREATE TRIGGER search_documents_au_text AFTER UPDATE OF title, doc_number_raw, doc_number, registration_number, issuers, kind ON documents
  WHEN old.id = new.id AND (old.title IS NOT new.title OR old.doc_number_raw IS NOT new.doc_number_raw
    OR old.doc_number IS NOT new.doc_number OR old.registration_number IS NOT new.registration_number
    OR old.issuers IS NOT new.issuers OR old.kind IS NOT new.kind) BEGIN
  DELETE FROM search_meta WHERE rowid = ${RID('new')};
  ${BUMP_DOCS}
  UPDATE search_map SET (title, docnum, issuers) = (SELECT ${MAP_VALUES('new')}), ver = ${VERSION} WHERE doc_id = new.id;
  ${INDEX_META}
END;
DELETE FROM search_meta WHERE rowid IN (SELECT m.rid FROM search_map m JOIN documents d ON d.id = m.doc_id WHERE d.registration_number IS NOT NULL);
${BUMP_DOCS}
UPDATE search_map SET docnum = (SELECT ${DOCNUM('new').replace(/new\./g, 'd.')} FROM documents d WHERE d.id = search_map.doc_id), ver = ${VERSION}
  WHERE doc_id IN (SELECT id FROM documents WHERE registration_number IS NOT NULL);
INSERT INTO search_meta (rowid, title, docnum, issuers)
  SELECT m.rid, m.title, m.docnum, m.issuers FROM search_map m JOIN documents d ON d.id = m.doc_id WHERE d.registration_number IS NOT NULL;
`;

/**
 * The trash: a deleted document leaves the documents table (so the library, search and statuses no longer see it)
 * and is kept here whole — its row, its own relations, which relations pointed at it and which gazette entries
 * listed it — until it is restored or the trash is emptied.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'trash-and-registration-search',
  up: `
CREATE TABLE trash (
  id               TEXT PRIMARY KEY,     -- the document's id, kept for the restore
  title            TEXT NOT NULL,
  doc_number       TEXT,
  deleted_at       TEXT NOT NULL,
  deleted_by       TEXT NOT NULL,
  document         TEXT NOT NULL,        -- JSON: the documents row as it was
  relations        TEXT NOT NULL,        -- JSON: { outgoing: relation rows, incoming: ids of relations that pointed here, flags: review flags }
  gazette_entries  TEXT NOT NULL         -- JSON: [{ issueId, position }] entries that listed it
) STRICT;
CREATE INDEX trash_deleted_at ON trash(deleted_at);
${SEARCH_REGISTRATION}`,
};

import type { Migration } from '../migrate';

// Normalized title, 文号 (every spelling) and issuers of the row `d`, in search_map's column order.
const MAP_VALUES = (d: 'new') =>
  `nd_search_text(${d}.title), nd_search_docnum(${d}.doc_number_raw, ${d}.doc_number), nd_search_issuers(${d}.issuers)`;

// The fields statuses, facets and result rows need, copied so the search service never reads `documents`
// (whose rows carry the long bodies) to load or refresh them.
const FIELDS = 'd_title, doc_number, doc_number_raw, doc_year, d_issuers, date_signed, kind, is_normative, effective_date, valid_until, declared_invalid_on';
const FIELD_VALUES = (d: 'new') =>
  `${d}.title, ${d}.doc_number, ${d}.doc_number_raw, ${d}.doc_year, ${d}.issuers, ${d}.date_signed, ${d}.kind, ${d}.is_normative, ${d}.effective_date, ${d}.valid_until, ${d}.declared_invalid_on`;

const RID = (d: 'new' | 'old') => `(SELECT rid FROM search_map WHERE doc_id = ${d}.id)`;
const VERSION = '(SELECT meta_version FROM search_state WHERE id = 1)';

/** Body of the row `new` into the trigram and gram indexes, under its rid. */
const INDEX_BODY = `
  INSERT INTO search_body (rowid, body) VALUES (${RID('new')}, nd_search_body(new.body));
  INSERT INTO search_grams (rowid, body) VALUES (${RID('new')}, nd_search_body_grams(new.body));`;
const INDEX_META = `
  INSERT INTO search_meta (rowid, title, docnum, issuers) SELECT rid, title, docnum, issuers FROM search_map WHERE doc_id = new.id;`;
const UNINDEX_BODY = (d: 'new' | 'old') => `
  DELETE FROM search_body WHERE rowid = ${RID(d)};
  DELETE FROM search_grams WHERE rowid = ${RID(d)};`;
const UNINDEX_META = (d: 'new' | 'old') => `
  DELETE FROM search_meta WHERE rowid = ${RID(d)};`;

const BUMP_DOCS = 'UPDATE search_state SET docs_version = docs_version + 1, meta_version = meta_version + 1;';
const BUMP_META = 'UPDATE search_state SET meta_version = meta_version + 1;';
const BUMP_DELETED = 'UPDATE search_state SET docs_version = docs_version + 1, meta_version = meta_version + 1, deleted_version = deleted_version + 1;';

const INSERT_DOC = `
  ${BUMP_DOCS}
  INSERT INTO search_map (doc_id, title, docnum, issuers, blen, ver, ${FIELDS})
    VALUES (new.id, ${MAP_VALUES('new')}, length(nd_search_body(new.body)), ${VERSION}, ${FIELD_VALUES('new')});
  ${INDEX_META}
  ${INDEX_BODY}`;
const DELETE_DOC = `
  ${UNINDEX_META('old')}
  ${UNINDEX_BODY('old')}
  DELETE FROM search_map WHERE doc_id = old.id;
  ${BUMP_DELETED}`;

/**
 * Full-text search, every text stored once. The body lives only in `documents.body`; FTS5 keeps indexes of its
 * normalized form and no copy (contentless, rows deleted by rowid):
 * - `search_body`: trigram index with positions (exact substring and phrase matching for 3+ characters, bm25);
 * - `search_grams`: the distinct 1- and 2-character grams of each body, rowids only (detail=none), so short
 *   queries are one index lookup, exact because a gram is either in a body or not;
 * - `search_meta`: trigram index over normalized title, 文号 and issuers (short queries on those are answered
 *   from search_map, which the search service keeps in memory).
 * Triggers keep them in the writing transaction, re-indexing only what an update changed; `ver` and the version
 * counters tell the search service's caches which rows moved (and the lunr index whether it must rebuild).
 * Snippets are cut from the original body, mapped through the normalization, so they show what was written.
 * The triggers call the nd_search_* SQL functions of ../search-functions.ts, which openDatabase registers on
 * every connection before migrating: this file imports no application code.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'search',
  up: (db) => {
    db.exec(`
CREATE TABLE search_map (
  rid      INTEGER PRIMARY KEY,
  doc_id   TEXT NOT NULL UNIQUE,
  title    TEXT NOT NULL,          -- normalized, also used for ranking and suggestions
  docnum   TEXT NOT NULL,
  issuers  TEXT NOT NULL,
  blen     INTEGER NOT NULL,       -- characters in the normalized body (relevance of short queries)
  ver      INTEGER NOT NULL,       -- meta_version when the row or its document last changed
  -- copies of the document's fields for statuses, facets and result rows (kept by the triggers)
  d_title              TEXT NOT NULL,
  doc_number           TEXT,
  doc_number_raw       TEXT,
  doc_year             INTEGER,
  d_issuers            TEXT NOT NULL,
  date_signed          TEXT,
  kind                 TEXT,
  is_normative         INTEGER NOT NULL,
  effective_date       TEXT,
  valid_until          TEXT,
  declared_invalid_on  TEXT
) STRICT;
CREATE INDEX search_map_ver ON search_map(ver);

CREATE TABLE search_state (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  docs_version     INTEGER NOT NULL,  -- what lunr indexes (title, 文号, issuers, kind, the set of documents) changed
  meta_version     INTEGER NOT NULL,  -- anything that changes statuses, facets or matches changed
  deleted_version  INTEGER NOT NULL   -- a document was deleted (caches drop rows they can no longer see)
) STRICT;
INSERT INTO search_state (id, docs_version, meta_version, deleted_version) VALUES (1, 0, 0, 0);

CREATE VIRTUAL TABLE search_body USING fts5(body, content = '', contentless_delete = 1, tokenize = 'trigram');
CREATE VIRTUAL TABLE search_meta USING fts5(title, docnum, issuers, content = '', contentless_delete = 1, tokenize = 'trigram');
CREATE VIRTUAL TABLE search_grams USING fts5(
  body, content = '', contentless_delete = 1, detail = none,
  tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M* P* S*'"
);

-- Merge segments less eagerly than the default (4): imports of thousands of long bodies spend most of their
-- time in incremental merges otherwise; crisismerge still bounds the number of segments a query reads.
INSERT INTO search_body (search_body, rank) VALUES ('automerge', 8);
INSERT INTO search_grams (search_grams, rank) VALUES ('automerge', 8);
-- Pending terms are flushed to a new segment when they pass this size (default 1 MB, a few long bodies):
-- bigger, fewer segments mean less merging during an import, for a bounded 8 MB per index while writing.
INSERT INTO search_body (search_body, rank) VALUES ('hashsize', 8388608);
INSERT INTO search_grams (search_grams, rank) VALUES ('hashsize', 8388608);

CREATE TRIGGER search_documents_ai AFTER INSERT ON documents BEGIN
  ${INSERT_DOC}
END;
CREATE TRIGGER search_documents_ad AFTER DELETE ON documents BEGIN
  ${DELETE_DOC}
END;
-- A changed id: the document is indexed afresh under its new id.
CREATE TRIGGER search_documents_au_id AFTER UPDATE OF id ON documents WHEN old.id IS NOT new.id BEGIN
  ${DELETE_DOC}
  ${INSERT_DOC}
END;
CREATE TRIGGER search_documents_au_body AFTER UPDATE OF body ON documents WHEN old.id = new.id AND old.body IS NOT new.body BEGIN
  ${UNINDEX_BODY('new')}
  ${BUMP_META}
  UPDATE search_map SET blen = length(nd_search_body(new.body)), ver = ${VERSION} WHERE doc_id = new.id;
  ${INDEX_BODY}
END;
CREATE TRIGGER search_documents_au_text AFTER UPDATE OF title, doc_number_raw, doc_number, issuers, kind ON documents
  WHEN old.id = new.id AND (old.title IS NOT new.title OR old.doc_number_raw IS NOT new.doc_number_raw
    OR old.doc_number IS NOT new.doc_number OR old.issuers IS NOT new.issuers OR old.kind IS NOT new.kind) BEGIN
  ${UNINDEX_META('new')}
  ${BUMP_DOCS}
  UPDATE search_map SET (title, docnum, issuers) = (SELECT ${MAP_VALUES('new')}), ver = ${VERSION} WHERE doc_id = new.id;
  ${INDEX_META}
END;
CREATE TRIGGER search_documents_au_meta AFTER UPDATE ON documents WHEN old.id = new.id BEGIN
  ${BUMP_META}
  UPDATE search_map SET (${FIELDS}) = (${FIELD_VALUES('new')}), ver = ${VERSION} WHERE doc_id = new.id;
END;
CREATE TRIGGER search_relations_ai AFTER INSERT ON relations BEGIN ${BUMP_META} END;
CREATE TRIGGER search_relations_au AFTER UPDATE ON relations BEGIN ${BUMP_META} END;
CREATE TRIGGER search_relations_ad AFTER DELETE ON relations BEGIN ${BUMP_META} END;
`);
    // Documents stored before this version, in set-wise statements (one normalization per body and index).
    db.exec(`
INSERT INTO search_map (doc_id, title, docnum, issuers, blen, ver, ${FIELDS})
  SELECT id, nd_search_text(title), nd_search_docnum(doc_number_raw, doc_number), nd_search_issuers(issuers), 0, 0,
    ${FIELD_VALUES('new').replace(/new\./g, '')}
  FROM documents ORDER BY rowid;
INSERT INTO search_meta (rowid, title, docnum, issuers) SELECT rid, title, docnum, issuers FROM search_map;
INSERT INTO search_body (rowid, body) SELECT m.rid, nd_search_body(d.body) FROM search_map m JOIN documents d ON d.id = m.doc_id;
INSERT INTO search_grams (rowid, body) SELECT m.rid, nd_search_body_grams(d.body) FROM search_map m JOIN documents d ON d.id = m.doc_id;
UPDATE search_map SET blen = (SELECT length(nd_search_body(d.body)) FROM documents d WHERE d.id = search_map.doc_id);
`);
  },
};

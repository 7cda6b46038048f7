import type { Database } from 'better-sqlite3';
import { normalizeDocNumber } from '../../../../shared/domain/docnumber';
import { gramsOf, normalizeBodyJson, normalizeIssuersJson, normalizeText } from '../../search/normalize';
import type { Migration } from '../migrate';

/**
 * SQL functions the search triggers call. They must exist on every connection that writes documents, so
 * openDatabase registers them before migrating, and the migration registers them for itself.
 */
export function registerSearchFunctions(db: Database): void {
  const opts = { deterministic: true, varargs: false } as const;
  db.function('nd_search_text', opts, (s: unknown) => normalizeText(typeof s === 'string' ? s : ''));
  db.function('nd_search_issuers', opts, (s: unknown) => normalizeIssuersJson(typeof s === 'string' ? s : null));
  db.function('nd_search_docnum', opts, (raw: unknown, normalized: unknown) => {
    const parts = new Set<string>();
    for (const v of [normalized, raw]) {
      if (typeof v !== 'string' || !v) continue;
      parts.add(normalizeDocNumber(v) ?? normalizeText(v));
    }
    return [...parts].join(' ');
  });
  // The trigger calls this twice with the same body (content + grams): remember the last one.
  let lastIn: string | null = null;
  let lastOut = '';
  db.function('nd_search_body', opts, (s: unknown) => {
    const json = typeof s === 'string' ? s : null;
    if (json !== lastIn) {
      lastOut = normalizeBodyJson(json);
      lastIn = json;
    }
    return lastOut;
  });
  db.function('nd_search_grams', opts, (s: unknown) => gramsOf(typeof s === 'string' ? s : ''));
}

/** Indexes one document (by id) in the map, the trigram index and the short-query gram index. */
const INDEX_DOC = (d: 'new') => `
  INSERT INTO search_map (doc_id, title, docnum, issuers)
    VALUES (${d}.id, nd_search_text(${d}.title), nd_search_docnum(${d}.doc_number_raw, ${d}.doc_number), nd_search_issuers(${d}.issuers));
  INSERT INTO search_fts (rowid, title, docnum, issuers, body)
    SELECT rid, title, docnum, issuers, nd_search_body(${d}.body) FROM search_map WHERE doc_id = ${d}.id;
  INSERT INTO search_grams (rowid, title, docnum, issuers, body)
    SELECT rid, nd_search_grams(title), nd_search_grams(docnum), nd_search_grams(issuers), nd_search_grams(nd_search_body(${d}.body))
    FROM search_map WHERE doc_id = ${d}.id;`;

const UNINDEX_DOC = (d: 'old') => `
  DELETE FROM search_fts WHERE rowid = (SELECT rid FROM search_map WHERE doc_id = ${d}.id);
  DELETE FROM search_grams WHERE rowid = (SELECT rid FROM search_map WHERE doc_id = ${d}.id);
  DELETE FROM search_map WHERE doc_id = ${d}.id;`;

const BUMP_ALL = 'UPDATE search_state SET docs_version = docs_version + 1, meta_version = meta_version + 1;';
const BUMP_META = 'UPDATE search_state SET meta_version = meta_version + 1;';

/**
 * Full-text search. A normalized copy of title, 文号, issuers and body is kept in an FTS5 trigram index (exact
 * substring matching for 3+ characters) and a contentless gram index of distinct 1–2-character grams (so short
 * queries are index lookups, not scans). Triggers on `documents` keep both in the same transaction as the write;
 * version counters tell the search service's caches and the lunr index what changed.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'search',
  up: (db) => {
    registerSearchFunctions(db);
    db.exec(`
CREATE TABLE search_map (
  rid      INTEGER PRIMARY KEY,
  doc_id   TEXT NOT NULL UNIQUE,
  title    TEXT NOT NULL,          -- normalized, also used for ranking and suggestions
  docnum   TEXT NOT NULL,
  issuers  TEXT NOT NULL
) STRICT;

CREATE TABLE search_state (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  docs_version  INTEGER NOT NULL,  -- searchable text changed (the lunr index follows it)
  meta_version  INTEGER NOT NULL   -- anything that changes statuses or facets changed
) STRICT;
INSERT INTO search_state (id, docs_version, meta_version) VALUES (1, 0, 0);

CREATE VIRTUAL TABLE search_fts USING fts5(title, docnum, issuers, body, tokenize = 'trigram');
CREATE VIRTUAL TABLE search_grams USING fts5(
  title, docnum, issuers, body,
  content = '', contentless_delete = 1, detail = column,
  tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M* P* S*'"
);

-- Merge segments less eagerly than the default (4): imports of thousands of long bodies spend most of their
-- time in incremental merges otherwise; crisismerge still bounds the number of segments a query reads.
INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 8);
INSERT INTO search_grams (search_grams, rank) VALUES ('automerge', 8);

CREATE TRIGGER search_documents_ai AFTER INSERT ON documents BEGIN
  ${INDEX_DOC('new')}
  ${BUMP_ALL}
END;
CREATE TRIGGER search_documents_ad AFTER DELETE ON documents BEGIN
  ${UNINDEX_DOC('old')}
  ${BUMP_ALL}
END;
CREATE TRIGGER search_documents_au AFTER UPDATE OF id, title, doc_number_raw, doc_number, issuers, body, kind ON documents BEGIN
  ${UNINDEX_DOC('old')}
  ${INDEX_DOC('new')}
  ${BUMP_ALL}
END;
CREATE TRIGGER search_documents_au_meta AFTER UPDATE ON documents BEGIN
  ${BUMP_META}
END;
CREATE TRIGGER search_relations_ai AFTER INSERT ON relations BEGIN ${BUMP_META} END;
CREATE TRIGGER search_relations_au AFTER UPDATE ON relations BEGIN ${BUMP_META} END;
CREATE TRIGGER search_relations_ad AFTER DELETE ON relations BEGIN ${BUMP_META} END;
`);
    // Documents stored before this version.
    const ids = db.prepare<[], { id: string }>('SELECT id FROM documents ORDER BY rowid').pluck(false).all();
    const one = db.prepare<[string]>(`
      INSERT INTO search_map (doc_id, title, docnum, issuers)
        SELECT id, nd_search_text(title), nd_search_docnum(doc_number_raw, doc_number), nd_search_issuers(issuers) FROM documents WHERE id = ?`);
    const fts = db.prepare<[string]>(`
      INSERT INTO search_fts (rowid, title, docnum, issuers, body)
        SELECT m.rid, m.title, m.docnum, m.issuers, nd_search_body(d.body) FROM search_map m JOIN documents d ON d.id = m.doc_id WHERE m.doc_id = ?`);
    const grams = db.prepare<[string]>(`
      INSERT INTO search_grams (rowid, title, docnum, issuers, body)
        SELECT m.rid, nd_search_grams(m.title), nd_search_grams(m.docnum), nd_search_grams(m.issuers), nd_search_grams(nd_search_body(d.body))
        FROM search_map m JOIN documents d ON d.id = m.doc_id WHERE m.doc_id = ?`);
    for (const { id } of ids) {
      one.run(id);
      fts.run(id);
      grams.run(id);
    }
  },
};

import type { Db } from '../../db/open';
import { charLength } from '../../../../shared/search/normalize';
import type { MetaCache, TextField } from './meta-cache';
import type { Clause } from './query';

// bm25 constants FTS5 uses, for short queries whose gram index stores no frequencies (every gram counts once).
const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** Above this many matching bodies a phrase is ranked without bm25 (see matchClause). */
const BM25_MAX_DOCS = 2000;

/** Escapes a term as an FTS5 string (only `"` is special inside one). */
function ftsString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Rowids from a `group_concat(rowid)` (NULL: none), decimal and comma-separated. */
function parseRowids(list: string | null | undefined): Int32Array {
  if (!list) return new Int32Array(0);
  const out = new Int32Array((list.length >> 1) + 1);
  let n = 0;
  let v = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list.charCodeAt(i);
    if (c === 44) {
      out[n++] = v;
      v = 0;
    } else v = v * 10 + c - 48;
  }
  out[n++] = v;
  return out.subarray(0, n);
}

/** The documents (by rid) whose normalized `field` contains a term (normalized, lower-cased). */
export type FieldSearch = (field: TextField, term: string) => Int32Array;

/**
 * meta.containing with each field and term walked once per search: for a short term over many matches, matching
 * and the title tier ask for the same titles and 文号. The rids are kept in a typed array (outside the JS heap: a
 * common character is in most titles, and arrays of that size made collections more frequent).
 */
export function fieldSearchOnce(meta: MetaCache): FieldSearch {
  const seen = new Map<string, Int32Array>();
  return (field, term) => {
    const key = `${field}|${term}`;
    let rids = seen.get(key);
    if (!rids) {
      let found = new Int32Array(256);
      let n = 0;
      meta.containing(field, term, (rid) => {
        if (n === found.length) {
          const wider = new Int32Array(n * 4);
          wider.set(found);
          found = wider;
        }
        found[n++] = rid;
      });
      seen.set(key, (rids = found.subarray(0, n)));
    }
    return rids;
  };
}

/**
 * Which documents contain a query's clauses, exactly, from the indexes: FTS5 trigram for 3+ characters, the gram
 * index for 1–2 in bodies, the in-memory copies for short terms in titles, 文号 and issuers. Relevance comes along
 * (bm25, or a one-occurrence score where the index keeps no frequencies).
 */
export function createMatcher(db: Db, meta: MetaCache) {
  // The rowids of a match cross into JS as one string (group_concat) rather than a value per row: over 20,000
  // rows (a character in nearly every body) that halves the cost of reading them.
  const ridsOf = (table: 'search_body' | 'search_meta' | 'search_grams') => {
    const stmt = db.prepare<[string], string | null>(`SELECT group_concat(rowid) FROM ${table} WHERE ${table} MATCH ?`).pluck();
    return (expr: string) => parseRowids(stmt.get(expr));
  };
  const bodyRids = ridsOf('search_body');
  const bodyBm25Stmt = db.prepare<[string], [number, number]>('SELECT rowid, bm25(search_body) FROM search_body WHERE search_body MATCH ?').raw();
  // Whether more than BM25_MAX_DOCS bodies hold a phrase: rowids only, stopping there (≈ 1 ms, where bm25 of as
  // many costs 40–80 ms at 100,000 documents).
  const commonStmt = db.prepare<[string], number>(`SELECT count(*) FROM (SELECT rowid FROM search_body WHERE search_body MATCH ? LIMIT ${BM25_MAX_DOCS + 1})`).pluck();
  const metaRids = ridsOf('search_meta');
  const gramRids = ridsOf('search_grams');

  // Match sets are dense arrays by rid (NaN: no match): intersecting, excluding and walking 20,000 matches
  // costs array reads, not hash lookups.
  const newHits = () => new Float64Array(meta.size).fill(NaN);

  /** bm25 with one occurrence (FTS5's constants): for indexes that keep no frequencies, longer bodies lower. */
  function flatScores(rids: Int32Array, out: Float64Array, bodyHits: Uint8Array | null): void {
    meta.ensure(rids);
    const totals = meta.totals();
    const n = totals.n || 1;
    const idf = Math.max(1e-6, Math.log((n - rids.length + 0.5) / (rids.length + 0.5) + 1));
    const avg = totals.blen / n || 1;
    const { live, blen } = meta;
    // Indexed loops over the typed arrays of rids here and below: `for … of` allocated an iterator result per rid.
    for (let i = 0; i < rids.length; i++) {
      const rid = rids[i];
      if (!live[rid]) continue;
      if (bodyHits) bodyHits[rid] = 1;
      out[rid] = (idf * (BM25_K1 + 1)) / (1 + BM25_K1 * (1 - BM25_B + (BM25_B * blen[rid]) / avg));
    }
  }

  /** bm25 of every body matching a phrase into `out`; false (stopped) when more than BM25_MAX_DOCS match. */
  function bm25Scores(phrase: string, out: Float64Array, bodyHits: Uint8Array | null): boolean {
    let seen = 0;
    for (const [rid, rank] of bodyBm25Stmt.iterate(phrase)) {
      if (++seen > BM25_MAX_DOCS) return false; // ends the statement
      if (rid >= out.length) continue;
      out[rid] = -rank;
      if (bodyHits) bodyHits[rid] = 1;
    }
    return true;
  }

  /**
   * Documents (by rid: relevance, NaN when not matched) whose normalized text contains the clause; exact, from
   * the indexes. Those found in a body index are marked in `bodyHits` (only their bodies are read for snippets).
   */
  function matchClause(c: Clause, bodyHits: Uint8Array | null, inField: FieldSearch): Float64Array {
    const out = newHits();
    const field = c.field;
    const phrase = ftsString(c.text);
    if (charLength(c.text) <= 2) {
      // Body: the gram index (rowids only).
      const inBodies = !field || field === 'body' ? gramRids(phrase) : new Int32Array(0);
      flatScores(inBodies, out, bodyHits);
      // Title, 文号, issuers: the in-memory columns (meta-cache: containing) — unless every body has it (的, 市).
      if (field !== 'body' && !(field === null && inBodies.length === meta.totals().n)) {
        const t = c.text.toLowerCase();
        const fields: TextField[] = field === 'title' ? ['nTitle'] : field === 'docnum' ? ['nDocnum'] : field === 'issuers' ? ['nIssuers'] : ['nTitle', 'nDocnum', 'nIssuers'];
        for (const f of fields) {
          const rids = inField(f, t);
          for (let i = 0; i < rids.length; i++) if (Number.isNaN(out[rids[i]])) out[rids[i]] = 0;
        }
      }
      return out;
    }
    if (!field || field === 'body') {
      // bm25 reads every occurrence of every matching document: ~3 µs a document, 60 ms for a phrase found in
      // 19,000 bodies. Beyond BM25_MAX_DOCS the phrase is so common that the one-occurrence score (shorter
      // bodies first) ranks it instead; the set of matches is the same either way. Terms of 3–4 characters
      // are often that common: their rowids are read first (one pass), and bm25 only when few. Longer phrases
      // rarely are: bm25 goes first, once a count stopping past BM25_MAX_DOCS says the phrase is not common.
      if (charLength(c.text) <= 4) {
        const rids = bodyRids(phrase);
        if (rids.length > BM25_MAX_DOCS) flatScores(rids, out, bodyHits);
        else if (rids.length > 0) bm25Scores(phrase, out, bodyHits);
      } else if (commonStmt.get(phrase)! > BM25_MAX_DOCS || !bm25Scores(phrase, out, bodyHits)) flatScores(bodyRids(phrase), out, bodyHits);
    }
    if (field !== 'body') {
      const expr = field ? `{${field}} : ${phrase}` : phrase;
      const rids = metaRids(expr);
      for (let i = 0; i < rids.length; i++) if (rids[i] < out.length && Number.isNaN(out[rids[i]])) out[rids[i]] = 0;
    }
    return out;
  }

  /**
   * Relevance by rid (NaN: not matched) for all positive clauses and none of the excluded ones, summed. `inField`
   * finds short terms in titles, 文号 and issuers (a search passes the one its ranking uses too).
   */
  function matchAllClauses(clauses: Clause[], bodyHits: Uint8Array | null, inField = fieldSearchOnce(meta)): Float64Array {
    const positive = clauses.filter((c) => !c.exclude);
    if (positive.length === 0) return newHits();
    const result = matchClause(positive[0], bodyHits, inField);
    for (const c of positive.slice(1)) {
      const other = matchClause(c, bodyHits, inField);
      for (let rid = 0; rid < result.length; rid++) result[rid] += other[rid]; // NaN stays NaN
    }
    for (const c of clauses) {
      if (!c.exclude) continue;
      const other = matchClause(c, null, inField);
      for (let rid = 0; rid < result.length; rid++) if (!Number.isNaN(other[rid])) result[rid] = NaN;
    }
    return result;
  }

  return { matchAllClauses };
}
export type Matcher = ReturnType<typeof createMatcher>;

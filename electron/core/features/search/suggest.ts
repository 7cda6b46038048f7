import type { Db } from '../../db/open';
import { buildLunrIndex, lunrTerms, queryLunr, toLunrDoc } from './lunr-engine';
import { topK } from './facets';
import { hasDocNumber, type MetaCache } from './meta-cache';

/** lunr ranks at most this many candidates a request (an index of 50 titles is built in ~10 ms, then dropped). */
export const SUGGEST_CANDIDATES = 50;
/** Candidates are found by the last this many lunr terms (bigrams) of what is being typed. */
const SUGGEST_TERMS = 10;

export interface Suggestion {
  id: string;
  title: string;
  docNumber: string | null;
}

/**
 * Suggestions as a person types: titles and 文号 containing every term first (exact 文号, then newest), then lunr's
 * ranked guesses. lunr's role is bounded: it never indexes the library. The candidates are the documents whose
 * title or 文号 share a bigram with the end of what is typed (the ones lunr could score at all), at most
 * SUGGEST_CANDIDATES of them (most shared bigrams, then newest); a lunr index is built over just those for this
 * request and ranks them (fielded, boosted title and 文号 parts, a half-remembered title with a wrong character).
 */
export function createSuggester(db: Db, meta: MetaCache) {
  const rowStmt = db.prepare<[number], [string, string | null, string | null]>('SELECT d_title, doc_number_raw, doc_number FROM search_map WHERE rid = ?').raw();
  const kindOf = (rid: number) => (meta.kindId[rid] >= 0 ? meta.facetValues.kind.values[meta.kindId[rid]] : null);
  const newestFirst = (a: number, b: number) => meta.day[b] - meta.day[a] || b - a;

  function toSuggestion(rid: number): Suggestion | null {
    const row = rowStmt.get(rid);
    const id = meta.ids[rid];
    return row && id ? { id, title: row[0], docNumber: row[1] ?? row[2] } : null;
  }

  /** How many of `terms` each document's title or 文号 contains (by rid), and the documents containing any. */
  function termsContained(terms: string[]): { count: Int32Array; rids: number[] } {
    const count = new Int32Array(meta.size);
    const last = new Int32Array(meta.size).fill(-1);
    const rids: number[] = [];
    terms.forEach((t, ti) => {
      const hit = (rid: number) => {
        if (last[rid] === ti) return;
        last[rid] = ti;
        if (count[rid]++ === 0) rids.push(rid);
      };
      meta.containing('nTitle', t, hit);
      meta.containing('nDocnum', t, hit);
    });
    return { count, rids };
  }

  /** Documents whose title or 文号 contains every term. */
  function literal(terms: string[], limit: number): number[] {
    const { count, rids } = termsContained(terms);
    const found = rids.filter((rid) => count[rid] === terms.length);
    const exact = Uint8Array.from(found, (rid) => Number(terms.some((t) => hasDocNumber(meta.nDocnum[rid], t))));
    return topK(found.length, limit, (a, b) => exact[b] - exact[a] || newestFirst(found[a], found[b])).map((i) => found[i]);
  }

  /** lunr's ranking of the documents sharing most bigrams with `text`. */
  async function guesses(text: string, limit: number): Promise<number[]> {
    const grams = [...new Set(lunrTerms(text))].slice(-SUGGEST_TERMS);
    if (grams.length === 0) return [];
    const { nTitle, nDocnum } = meta;
    const { count, rids } = termsContained(grams);
    const candidates = topK(rids.length, SUGGEST_CANDIDATES, (a, b) => count[rids[b]] - count[rids[a]] || newestFirst(rids[a], rids[b])).map((i) => rids[i]);
    if (candidates.length === 0) return [];
    const docs = candidates.map((rid) =>
      toLunrDoc({ id: String(rid), title: nTitle[rid], docnum: nDocnum[rid], issuers: meta.nIssuers[rid], kind: kindOf(rid) }),
    );
    const index = await buildLunrIndex(docs);
    return queryLunr([index], grams.join(' '), limit).map((h) => Number(h.ref));
  }

  return async function suggest(text: string, terms: string[], limit: number): Promise<Suggestion[]> {
    // Suggestions test titles and 文号 of many documents as a person types: every row's texts, read once.
    meta.loadAll();
    const rids = literal(terms, limit);
    if (rids.length < limit) {
      const seen = new Set(rids);
      for (const rid of await guesses(text, limit + rids.length)) {
        if (rids.length >= limit) break;
        if (!seen.has(rid)) rids.push(rid);
      }
    }
    return rids.map(toSuggestion).filter((s): s is Suggestion => s !== null);
  };
}

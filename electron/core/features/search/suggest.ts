import type { Db } from '../../db/open';
import { buildLunrIndex, lunrTerms, queryLunr, toLunrDoc } from './lunr-engine';
import { topK } from './facets';
import { hasDocNumber, type MetaCache } from './meta-cache';

/** lunr ranks at most this many candidates a request (built in a few ms, then dropped). */
export const SUGGEST_CANDIDATES = 400;
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

  /** Documents whose title or 文号 contains every term. */
  function literal(terms: string[], limit: number): number[] {
    const { live, nTitle, nDocnum } = meta;
    const found: number[] = [];
    for (let rid = 0; rid < meta.size; rid++) {
      if (live[rid] && terms.every((t) => nTitle[rid].includes(t) || nDocnum[rid].includes(t))) found.push(rid);
    }
    const exact = Uint8Array.from(found, (rid) => Number(terms.some((t) => hasDocNumber(nDocnum[rid], t))));
    return topK(found.length, limit, (a, b) => exact[b] - exact[a] || newestFirst(found[a], found[b])).map((i) => found[i]);
  }

  /** lunr's ranking of the documents sharing most bigrams with `text`. */
  async function guesses(text: string, limit: number): Promise<number[]> {
    const grams = [...new Set(lunrTerms(text))].slice(-SUGGEST_TERMS);
    if (grams.length === 0) return [];
    const { live, nTitle, nDocnum } = meta;
    const rids: number[] = [];
    const shared: number[] = [];
    for (let rid = 0; rid < meta.size; rid++) {
      if (!live[rid]) continue;
      let n = 0;
      for (const g of grams) if (nTitle[rid].includes(g) || nDocnum[rid].includes(g)) n++;
      if (n > 0) {
        rids.push(rid);
        shared.push(n);
      }
    }
    const candidates = topK(rids.length, SUGGEST_CANDIDATES, (a, b) => shared[b] - shared[a] || newestFirst(rids[a], rids[b])).map((i) => rids[i]);
    if (candidates.length === 0) return [];
    const docs = candidates.map((rid) =>
      toLunrDoc({ id: String(rid), title: nTitle[rid], docnum: nDocnum[rid], issuers: meta.nIssuers[rid], kind: kindOf(rid) }),
    );
    const index = await buildLunrIndex(docs);
    return queryLunr([index], grams.join(' '), limit).map((h) => Number(h.ref));
  }

  return async function suggest(text: string, terms: string[], limit: number): Promise<Suggestion[]> {
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

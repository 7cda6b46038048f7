import type { SearchHit, SearchRequest, SearchResults } from '../../../../shared/contract/search';
import { isoDay } from '../../../../shared/domain/status';
import type { AppContext } from '../../kernel/context';
import type { StatusIndex } from '../validity/status-index';
import { filterAndCount, rankPage } from './facets';
import { createLunrRanking, type LunrOptions } from './lunr-ranking';
import { createMatcher } from './matching';
import { createMetaCache } from './meta-cache';
import { parseQuery } from './query';
import { createSnippetPage } from './snippets';

export { NORMATIVE_LABELS } from './facets';

export interface SearchServiceOptions extends LunrOptions {
  /** how long a query waits for lunr's ranking before answering without it, in ms */
  lunrBudgetMs?: number;
}

/** Suggestions look at the last this many characters typed. */
const SUGGEST_CHARS = 200;

/**
 * Full-text search over the library, in sections: the metadata cache (meta-cache), exact matching from the
 * indexes (matching: FTS5 trigram for 3+ characters, the gram index for 1–2), filters and facets over every
 * match and the ranked page (facets), lunr for ranking and suggestions only (lunr-ranking), snippets cut from
 * the original text (snippets). Every document containing the query is found; statuses come from the status index.
 */
export function createSearchService(
  ctx: Pick<AppContext, 'db' | 'dataDir' | 'log' | 'events' | 'onClose' | 'now' | 'settings'>,
  deps: { statuses: Pick<StatusIndex, 'onDay'> },
  opts: SearchServiceOptions = {},
) {
  const db = ctx.db;
  // Index pages are read on every query; SQLite's default 2 MB page cache makes a 20,000-document library
  // re-read them from the OS for each one. 32 MB holds the hot part of the indexes and stays well inside the
  // memory budget.
  if ((db.pragma('cache_size', { simple: true }) as number) > -32768 && !db.memory) db.pragma('cache_size = -32768');
  // The whole value: SQLite reads a long text's every page even for substr(), so one read beats head-then-rest.
  const bodyStmt = db.prepare<[string], string>('SELECT body FROM documents WHERE id = ?').pluck();
  const meta = createMetaCache(db);
  const matcher = createMatcher(db, meta);
  const lunr = createLunrRanking(ctx, opts);

  async function query(req: SearchRequest): Promise<SearchResults> {
    const t0 = performance.now();
    const tookMs = () => Math.round((performance.now() - t0) * 10) / 10;
    const asOf = req.asOf ?? isoDay(ctx.now());
    const parsed = parseQuery(req.text);
    const notices = [...parsed.notices];
    const positive = parsed.clauses.filter((c) => !c.exclude);
    const terms = [...new Set(positive.map((c) => c.text.toLowerCase()))];
    if (positive.length === 0) {
      const facets = { status: [], issuer: [], year: [], kind: [], normative: [] };
      return { total: 0, tookMs: tookMs(), results: [], facets, terms, notice: notices.length ? notices.join('；') : '请输入要查找的内容' };
    }
    meta.refresh();
    // A submitted search: no prefix expansion, and terms in over 5 % of documents left to the title tier and bm25.
    const lunrPromise =
      req.sort === 'relevance' ? lunr.scores(positive.map((c) => c.text).join(' '), opts.lunrBudgetMs ?? 25, { prefix: false, maxDocShare: 0.05 }) : null;
    const bodyHits = new Uint8Array(meta.byRid.length);
    const matched = matcher.matchAllClauses(parsed.clauses, bodyHits);
    const filtered = filterAndCount(matched, meta, req.filters, deps.statuses.onDay(asOf));
    const lunrMap = lunrPromise ? await lunrPromise : new Map<string, number>();
    const { page, score } = rankPage(
      filtered,
      { positive, terms, sort: req.sort, offset: req.offset, limit: req.limit, inForceFirst: ctx.settings.get().inForceFirst },
      lunrMap,
    );
    const snippetsOf = createSnippetPage((id) => bodyStmt.get(id), terms);
    const results: SearchHit[] = page.map((i) => {
      const m = filtered.fMs[i];
      const sn = snippetsOf(m, bodyHits[m.rid] === 1);
      const matchedIn: SearchHit['matchedIn'] = [];
      if (terms.some((t) => m.nDocnum.includes(t))) matchedIn.push('docNumber');
      if (terms.some((t) => m.nTitle.includes(t))) matchedIn.push('title');
      if (terms.some((t) => m.nIssuers.includes(t))) matchedIn.push('issuer');
      if (sn.inBody) matchedIn.push('body');
      return {
        id: m.id,
        title: m.title,
        docNumber: m.docNumber,
        issuers: m.issuers,
        dateSigned: m.dateSigned,
        status: filtered.fStatus[i],
        score: Math.round(score[i] * 1000) / 1000,
        snippets: sn.snippets,
        snippetMatches: sn.ranges,
        matchedIn,
      };
    });
    return { total: filtered.fMs.length, tookMs: tookMs(), results, facets: filtered.facets, terms, notice: notices.length ? notices.join('；') : null };
  }

  return {
    /** Ranked, filtered, faceted results with snippets for our query language; never throws on what is typed. */
    query,

    /** Ids of every document matching a query, unranked (the benchmark's and tests' recall check). */
    matchIds(text: string): string[] {
      meta.refresh();
      const matched = matcher.matchAllClauses(parseQuery(text).clauses, null);
      const ids: string[] = [];
      matched.forEach((score, rid) => {
        const m = meta.byRid[rid];
        if (!Number.isNaN(score) && m) ids.push(m.id);
      });
      return ids;
    },

    /** Titles and 文号 for what is being typed: literal matches first (newest first), then lunr's ranked guesses. */
    async suggest(text: string, limit: number): Promise<Array<{ id: string; title: string; docNumber: string | null }>> {
      // What is being typed is at the end: a pasted page suggests from its last words.
      const parsed = parseQuery(text.slice(-SUGGEST_CHARS).replace(/"/g, ' '));
      const terms = parsed.clauses.filter((c) => !c.exclude).map((c) => c.text.toLowerCase());
      if (terms.length === 0) return [];
      meta.refresh();
      const all = [...meta.metas.values()];
      const exactNumber = (m: (typeof all)[number]) => Number(terms.some((t) => m.nDocnums.includes(t)));
      const literal = all
        .filter((m) => terms.every((t) => m.nTitle.includes(t) || m.nDocnum.includes(t)))
        .sort((a, b) => exactNumber(b) - exactNumber(a) || ((b.dateSigned ?? '') < (a.dateSigned ?? '') ? -1 : 1))
        .slice(0, limit);
      const out = literal.map((m) => ({ id: m.id, title: m.title, docNumber: m.docNumber }));
      if (out.length < limit) {
        const byId = new Map(all.map((m) => [m.id, m]));
        const scores = await lunr.scores(terms.join(' '), opts.lunrBudgetMs ?? 150);
        const seen = new Set(out.map((o) => o.id));
        for (const [id] of [...scores].sort((a, b) => b[1] - a[1])) {
          if (out.length >= limit) break;
          const m = byId.get(id);
          if (m && !seen.has(id)) out.push({ id, title: m.title, docNumber: m.docNumber });
        }
      }
      return out;
    },

    /** Resolves once the lunr ranking index reflects every stored document (benchmark, tests). */
    whenIndexed: lunr.whenIndexed,
  };
}

export type SearchService = ReturnType<typeof createSearchService>;

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchHit, SearchRequest, SearchResults } from '../../../../shared/contract/search';
import { DOCUMENT_STATUSES } from '../../../../shared/domain/document';
import { isoDay } from '../../../../shared/domain/status';
import type { AppContext } from '../../kernel/context';
import type { StatusIndex } from '../validity/status-index';
import { filterAndCount, rankPage } from './facets';
import { createMatcher, fieldSearchOnce } from './matching';
import { createMetaCache } from './meta-cache';
import { parseQuery } from './query';
import { createSnippetPage } from './snippets';
import { createStatusColumn } from './status-column';
import { createSuggester, type Suggestion } from './suggest';

export { NORMATIVE_LABELS } from './facets';

/** The rids a match set holds (relevance not NaN). */
function matchedRids(matched: Float64Array): number[] {
  const rids: number[] = [];
  for (let rid = 0; rid < matched.length; rid++) if (!Number.isNaN(matched[rid])) rids.push(rid);
  return rids;
}

/** The rids a match set holds that the meta cache does not hold yet (none in a server, which holds every row). */
function unheldRids(matched: Float64Array, live: Uint8Array): number[] {
  const rids: number[] = [];
  for (let rid = 0; rid < matched.length; rid++) if (!Number.isNaN(matched[rid]) && !live[rid]) rids.push(rid);
  return rids;
}

/** Rows the server's start loads between looks at what else arrived (≈ 30 ms each on a 2-core VM). */
const PRIME_STEP = 10_000;

/** Suggestions look at the last this many characters typed. */
const SUGGEST_CHARS = 200;

/**
 * Full-text search over the library, in sections: the metadata cache (meta-cache), exact matching from the
 * indexes (matching: FTS5 trigram for 3+ characters, the gram index for 1–2), filters and facets over every
 * match and the page ranked by tiers and bm25 (facets), suggestions ranked by lunr over a bounded set of
 * candidates (suggest), snippets cut from the original text (snippets). Every document containing the query is
 * found; statuses come from the status index. Nothing waits for an index to be built: a fresh process answers
 * from the database and the meta columns it reads once.
 */
export function createSearchService(
  ctx: Pick<AppContext, 'db' | 'dataDir' | 'now' | 'settings'>,
  deps: { statuses: Pick<StatusIndex, 'onDay' | 'mark' | 'forgottenSince' | 'loading' | 'takeCodes'> },
) {
  const db = ctx.db;
  // Index pages are read on every query; SQLite's default 2 MB page cache makes a 20,000-document library
  // re-read them from the OS for each one. 32 MB holds the hot part of the indexes and stays well inside the
  // memory budget.
  if ((db.pragma('cache_size', { simple: true }) as number) > -32768 && !db.memory) db.pragma('cache_size = -32768');
  // The whole value: SQLite reads a long text's every page even for substr(), so one read beats head-then-rest.
  const bodyStmt = db.prepare<[string], string>('SELECT body FROM documents WHERE id = ?').pluck();
  // What a result row shows, read for the page only.
  const rowStmt = db.prepare<[number], [string, string | null, string | null, string | null]>(
    'SELECT d_title, doc_number_raw, doc_number, date_signed FROM search_map WHERE rid = ?',
  ).raw();
  const meta = createMetaCache(db);
  const matcher = createMatcher(db, meta);
  const suggester = createSuggester(db, meta);
  const statusColumn = createStatusColumn(db, deps.statuses);
  // The lunr ranking index of earlier versions (shards in the data directory): no longer read, removed once.
  if (ctx.dataDir !== ':memory:') {
    for (const old of ['search-lunr', 'search-lunr.json']) rmSync(join(ctx.dataDir, old), { recursive: true, force: true });
  }

  /** The load of the search columns under way (`prime`), or null. */
  let priming: Promise<void> | null = null;

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
    // A server loading the search columns: answered once they are loaded (a search over most of the library asked
    // before would read them row by row, slower than waiting for the rest of the load).
    if (priming) await priming.catch(() => undefined);
    // Facet counts and a status filter need every match's status (every document's inputs read at once); a page
    // shown without them asks its own only, by id (read as asked: a fresh process holds few).
    const counts = req.facets !== false;
    const many = counts || !!req.filters.status?.length;
    // While every status is being read in a worker (a server's start), such a search waits for it rather than read
    // them again here — before it looks at the library, which may move meanwhile.
    const loading = many ? deps.statuses.loading() : null;
    if (loading) await loading;
    meta.refresh();
    const bodyHits = new Uint8Array(meta.size);
    const inField = fieldSearchOnce(meta);
    const matched = matcher.matchAllClauses(parsed.clauses, bodyHits, inField);
    meta.ensure(unheldRids(matched, meta.live));
    const statuses = statusColumn(deps.statuses.onDay(asOf, many), `${asOf}|${ctx.settings.get().expiryWindowMonths}`, meta);
    const filtered = filterAndCount(matched, meta, req.filters, statuses, counts);
    const { page, score } = rankPage(filtered, meta, {
      positive,
      terms,
      sort: req.sort,
      offset: req.offset,
      limit: req.limit,
      inForceFirst: ctx.settings.get().inForceFirst,
      inField,
    });
    const snippetsOf = createSnippetPage((id) => bodyStmt.get(id), terms);
    meta.ensureWhole(page.map((i) => filtered.rids[i]));
    const results: SearchHit[] = page.map((i) => {
      const rid = filtered.rids[i];
      const id = meta.idOf(rid);
      const [title, docNumberRaw, docNumber, dateSigned] = rowStmt.get(rid) ?? ['', null, null, null];
      const sn = snippetsOf({ id, title, nTitle: meta.nTitle[rid] }, bodyHits[rid] === 1);
      const matchedIn: SearchHit['matchedIn'] = [];
      if (terms.some((t) => meta.nDocnum[rid].includes(t))) matchedIn.push('docNumber');
      if (terms.some((t) => meta.nTitle[rid].includes(t))) matchedIn.push('title');
      if (terms.some((t) => meta.nIssuers[rid].includes(t))) matchedIn.push('issuer');
      if (sn.inBody) matchedIn.push('body');
      return {
        id,
        title,
        docNumber: docNumberRaw ?? docNumber,
        issuers: meta.issuerSets[meta.issuerSet[rid]].list,
        dateSigned,
        status: DOCUMENT_STATUSES[filtered.statusAt(i)],
        score: Math.round(score[i] * 1000) / 1000,
        snippets: sn.snippets,
        snippetMatches: sn.ranges,
        matchedIn,
      };
    });
    return { total: filtered.count, tookMs: tookMs(), results, facets: filtered.facets, terms, notice: notices.length ? notices.join('；') : null };
  }

  return {
    /** Ranked, filtered, faceted results with snippets for our query language; never throws on what is typed. */
    query,

    /**
     * Loads what every search needs, without answering one: the search columns of every document. The server calls
     * it after start (with the statuses of today), so the first person waits for neither — a search that matches
     * every document would also rank them all (≈ 0.7 s more at 100,000 documents). It reads a step of rows at a
     * time and lets what arrived meanwhile in between (a login: its password check then runs beside the load);
     * searches asked meanwhile wait for the end.
     */
    prime(): Promise<void> {
      priming ??= (async () => {
        meta.refresh();
        for (let from = 0; from < meta.size; from += PRIME_STEP) {
          meta.loadWhole(from, from + PRIME_STEP);
          await new Promise((resolve) => setImmediate(resolve));
        }
        meta.refresh();
        meta.loadAll();
      })().finally(() => (priming = null));
      return priming;
    },

    /** Ids of every document matching a query, unranked (the benchmark's and tests' recall check). */
    matchIds(text: string): string[] {
      meta.refresh();
      const matched = matcher.matchAllClauses(parseQuery(text).clauses, null);
      const rids = matchedRids(matched);
      meta.ensure(rids);
      meta.ensureIds(rids);
      const ids: string[] = [];
      for (const rid of rids) if (meta.live[rid]) ids.push(meta.idOf(rid));
      return ids;
    },

    /** Titles and 文号 for what is being typed: literal matches first (exact 文号, newest), then lunr's ranked guesses. */
    async suggest(text: string, limit: number): Promise<Suggestion[]> {
      // What is being typed is at the end: a pasted page suggests from its last words.
      const parsed = parseQuery(text.slice(-SUGGEST_CHARS).replace(/"/g, ' '));
      const terms = parsed.clauses.filter((c) => !c.exclude).map((c) => c.text.toLowerCase());
      if (terms.length === 0) return [];
      if (priming) await priming.catch(() => undefined);
      meta.refresh();
      return suggester(terms.join(' '), terms, limit);
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;

import { join } from 'node:path';
import type { SearchHit, SearchRequest, SearchResults } from '../../../shared/contract/search';
import { DOCUMENT_STATUSES, type DocumentStatus, type RelationType } from '../../../shared/domain/document';
import { computeStatus, IN_FORCE_STATUSES, isoDay, type IncomingChange } from '../../../shared/domain/status';
import type { AppContext } from '../context';
import { registerSearchFunctions } from '../db/migrations/0002_search';
import { createLunrClient, type LunrClient } from './lunr-client';
import { toLunrDoc } from './lunr-engine';
import { charLength } from './normalize';
import { parseQuery, type Clause } from './query';

/** Facet value labels for the normative facet (the filter itself is a boolean). */
export const NORMATIVE_LABELS = { yes: '规范性文件', no: '非规范性文件' } as const;

export interface SearchServiceOptions {
  /** where lunr runs: a worker thread for large libraries ('auto', default), always, or never (in-process) */
  lunrWorker?: 'auto' | 'always' | 'never';
  /** libraries with at least this many documents use the worker under 'auto' */
  workerThreshold?: number;
  /** how long a query waits for lunr's ranking before answering without it, in ms */
  lunrBudgetMs?: number;
}

interface Meta {
  rid: number;
  id: string;
  title: string;
  docNumber: string | null;
  issuers: string[];
  dateSigned: string | null;
  year: number | null;
  kind: string | null;
  normative: boolean;
  effectiveDate: string | null;
  validUntil: string | null;
  declaredInvalidOn: string | null;
  /** normalized, lower-cased: what the query terms are tested against for tiers and matchedIn */
  nTitle: string;
  nDocnums: string[];
  nDocnum: string;
  nIssuers: string;
}

interface MetaRow {
  rid: number;
  id: string;
  ntitle: string;
  ndocnum: string;
  nissuers: string;
  title: string;
  doc_number: string | null;
  doc_number_raw: string | null;
  doc_year: number | null;
  issuers: string;
  date_signed: string | null;
  kind: string | null;
  is_normative: number;
  effective_date: string | null;
  valid_until: string | null;
  declared_invalid_on: string | null;
}

const SNIPPETS_PER_DOC = 3;
const collator = new Intl.Collator('zh-CN');
const SNIPPET_BEFORE = 30;
const SNIPPET_AFTER = 60;

function parseList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

/** Escapes a term as an FTS5 string (only `"` is special inside one). */
function ftsString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
    );
  });
}

/**
 * Full-text search over the library. Matching is exact on normalized text (FTS5 trigram for 3+ characters, the
 * gram index for 1–2), so every document containing the query is found; lunr only adds ranking and
 * suggestions. Statuses and facets come from an in-memory copy of the few fields they need, reloaded when the
 * version counters kept by the search triggers move.
 */
export function createSearchService(ctx: AppContext, opts: SearchServiceOptions = {}) {
  const db = ctx.db;
  registerSearchFunctions(db);
  // FTS5 index pages are read on every query and written on every document write; SQLite's default 2 MB
  // page cache makes both thrash at 20,000 long documents.
  if ((db.pragma('cache_size', { simple: true }) as number) > -65536 && !db.memory) db.pragma('cache_size = -65536');
  const stateStmt = db.prepare<[], { docs_version: number; meta_version: number }>(
    'SELECT docs_version, meta_version FROM search_state WHERE id = 1',
  );
  const metaStmt = db.prepare<[], MetaRow>(`
    SELECT m.rid, m.doc_id AS id, m.title AS ntitle, m.docnum AS ndocnum, m.issuers AS nissuers,
           d.title, d.doc_number, d.doc_number_raw, d.doc_year, d.issuers, d.date_signed, d.kind, d.is_normative,
           d.effective_date, d.valid_until, d.declared_invalid_on
    FROM search_map m JOIN documents d ON d.id = m.doc_id`);
  const incomingStmt = db.prepare<[], { target: string; type: RelationType; effective_on: string | null }>(`
    SELECT r.target_id AS target, r.type, coalesce(s.effective_date, s.date_signed) AS effective_on
    FROM relations r JOIN documents s ON s.id = r.source_id
    WHERE r.target_id IS NOT NULL AND r.type IN ('abolishes', 'amends', 'replaces')`);
  const trigramStmt = db.prepare<[string], { rid: number; rank: number }>(
    'SELECT rowid AS rid, bm25(search_fts) AS rank FROM search_fts WHERE search_fts MATCH ?',
  );
  const gramStmt = db.prepare<[string], { rid: number; rank: number }>(
    'SELECT rowid AS rid, bm25(search_grams) AS rank FROM search_grams WHERE search_grams MATCH ?',
  );
  const bodyStmt = db.prepare<[number], { body: string }>('SELECT body FROM search_fts WHERE rowid = ?');
  const lunrDocsStmt = db.prepare<[], { id: string; title: string; docnum: string; issuers: string; kind: string | null }>(
    'SELECT m.doc_id AS id, m.title, m.docnum, m.issuers, d.kind FROM search_map m JOIN documents d ON d.id = m.doc_id',
  );

  // ---- metadata cache (statuses, facets, tiers) ----
  let metaVersion = -1;
  let metas = new Map<number, Meta>();
  let incoming = new Map<string, IncomingChange[]>();
  let statusCache = new Map<string, Map<number, DocumentStatus>>();

  function refreshMeta(): void {
    const v = stateStmt.get()!.meta_version;
    if (v === metaVersion) return;
    const next = new Map<number, Meta>();
    for (const r of metaStmt.iterate()) {
      const nDocnums = r.ndocnum ? r.ndocnum.toLowerCase().split(' ') : [];
      next.set(r.rid, {
        rid: r.rid,
        id: r.id,
        title: r.title,
        docNumber: r.doc_number_raw ?? r.doc_number,
        issuers: parseList(r.issuers),
        dateSigned: r.date_signed,
        year: r.date_signed ? Number(r.date_signed.slice(0, 4)) : r.doc_year,
        kind: r.kind,
        normative: r.is_normative === 1,
        effectiveDate: r.effective_date,
        validUntil: r.valid_until,
        declaredInvalidOn: r.declared_invalid_on,
        nTitle: r.ntitle.toLowerCase(),
        nDocnums,
        nDocnum: r.ndocnum.toLowerCase(),
        nIssuers: r.nissuers.toLowerCase(),
      });
    }
    const inc = new Map<string, IncomingChange[]>();
    for (const r of incomingStmt.iterate()) {
      const list = inc.get(r.target) ?? [];
      list.push({ type: r.type, effectiveOn: r.effective_on });
      inc.set(r.target, list);
    }
    metas = next;
    incoming = inc;
    statusCache = new Map();
    metaVersion = v;
  }

  function statusOf(m: Meta, asOf: string): DocumentStatus {
    let byDay = statusCache.get(asOf);
    if (!byDay) {
      if (statusCache.size > 8) statusCache.clear();
      byDay = new Map();
      statusCache.set(asOf, byDay);
    }
    let s = byDay.get(m.rid);
    if (!s) {
      s = computeStatus(m, incoming.get(m.id) ?? [], asOf, ctx.settings.get().expiryWindowMonths);
      byDay.set(m.rid, s);
    }
    return s;
  }

  // ---- lunr (ranking and suggestions; never needed for completeness) ----
  const lunrFile = ctx.dataDir === ':memory:' ? null : join(ctx.dataDir, 'search-lunr.json');
  let lunr: LunrClient | null = null;
  let lunrStamp = -1; // docs_version the loaded index reflects
  let lunrTriedLoad = false;
  let building: Promise<void> | null = null;
  let rebuildTimer: NodeJS.Timeout | null = null;
  let closed = false;

  function lunrClient(): LunrClient {
    if (!lunr) {
      const mode = opts.lunrWorker ?? 'auto';
      const count = (db.prepare('SELECT count(*) AS n FROM search_map').get() as { n: number }).n;
      const useWorker = mode === 'always' || (mode === 'auto' && count >= (opts.workerThreshold ?? 1000));
      lunr = createLunrClient({ useWorker, log: ctx.log });
    }
    return lunr;
  }

  /** Brings the lunr index up to the current documents, without blocking the caller. */
  function ensureLunr(): Promise<void> {
    if (closed) return Promise.resolve();
    if (building) return building;
    const stamp = stateStmt.get()!.docs_version;
    if (stamp === lunrStamp) return Promise.resolve();
    const client = lunrClient();
    building = (async () => {
      try {
        if (!lunrTriedLoad && lunrFile) {
          lunrTriedLoad = true;
          const r = await client.request({ op: 'load', file: lunrFile, stamp });
          if (r.op === 'load' && r.ok) {
            lunrStamp = stamp;
            return;
          }
        }
        const docs = lunrDocsStmt.all().map(toLunrDoc);
        await client.request({ op: 'build', docs, file: lunrFile, stamp });
        lunrStamp = stamp;
      } catch (err) {
        if (!closed) ctx.log.error('建立检索排序索引失败（不影响查全）', err);
      } finally {
        building = null;
      }
    })();
    return building;
  }

  function scheduleRebuild(): void {
    if (closed) return;
    if (rebuildTimer) clearTimeout(rebuildTimer);
    // Edits come in bursts (an import): rebuild once they settle. Search stays complete meanwhile (FTS5).
    rebuildTimer = setTimeout(() => {
      rebuildTimer = null;
      void ensureLunr().then(() => {
        if (!closed && stateStmt.get()!.docs_version !== lunrStamp) scheduleRebuild();
      });
    }, 300);
    rebuildTimer.unref();
  }
  const unsubscribe = ctx.events.on('documents:changed', scheduleRebuild);

  ctx.onClose(async () => {
    closed = true;
    unsubscribe();
    if (rebuildTimer) clearTimeout(rebuildTimer);
    // Let a running build finish (so it is persisted) but never hold closing for long.
    if (building) await withTimeout(building, 15_000);
    await lunr?.close();
  });

  async function lunrScores(text: string, budgetMs: number): Promise<Map<string, number>> {
    const ready = ensureLunr();
    const scores = new Map<string, number>();
    // Never built yet (first query after start): give it the budget, then answer without it.
    if (lunrStamp < 0) await withTimeout(ready, budgetMs);
    if (lunrStamp < 0 || !lunr) return scores;
    const reply = await withTimeout(lunr.request({ op: 'query', text, limit: 500 }), budgetMs);
    if (reply && reply.op === 'query') for (const h of reply.hits) scores.set(h.ref, h.score);
    return scores;
  }

  // ---- matching ----
  /** Documents (rid → relevance) whose normalized text contains the clause; exact, from the indexes. */
  function matchClause(c: Clause): Map<number, number> {
    const short = charLength(c.text) <= 2;
    const expr = c.field ? `{${c.field}} : ${ftsString(c.text)}` : ftsString(c.text);
    const out = new Map<number, number>();
    for (const r of (short ? gramStmt : trigramStmt).iterate(expr)) out.set(r.rid, -r.rank);
    return out;
  }

  /** rids matching all positive clauses and none of the excluded ones, with summed relevance. */
  function matchAllClauses(clauses: Clause[]): Map<number, number> {
    const positive = clauses.filter((c) => !c.exclude);
    if (positive.length === 0) return new Map();
    const sets = positive.map(matchClause).sort((a, b) => a.size - b.size);
    const result = new Map<number, number>();
    outer: for (const [rid, score] of sets[0]) {
      let total = score;
      for (let i = 1; i < sets.length; i++) {
        const s = sets[i].get(rid);
        if (s === undefined) continue outer;
        total += s;
      }
      result.set(rid, total);
    }
    for (const c of clauses) {
      if (!c.exclude || result.size === 0) continue;
      for (const rid of matchClause(c).keys()) result.delete(rid);
    }
    return result;
  }

  // ---- snippets ----
  function findAll(haystack: string, needle: string, max: number): number[] {
    const out: number[] = [];
    if (!needle) return out;
    for (let i = haystack.indexOf(needle); i >= 0 && out.length < max; i = haystack.indexOf(needle, i + needle.length)) out.push(i);
    return out;
  }

  /** Several windows of the normalized body around the matches, each with the ranges of every term inside. */
  function snippetsFor(m: Meta, terms: string[]): { snippets: string[]; ranges: Array<Array<[number, number]>>; inBody: boolean } {
    const body = bodyStmt.get(m.rid)?.body ?? '';
    const lower = body.toLowerCase();
    const text = lower.length === body.length ? body : lower;
    const windows: Array<[number, number]> = [];
    // Round-robin over terms so several different terms get their own snippet.
    const occurrences = terms.map((t) => findAll(lower, t, 20));
    const inBody = occurrences.some((o) => o.length > 0);
    for (let round = 0; round < 20 && windows.length < SNIPPETS_PER_DOC; round++) {
      let added = false;
      terms.forEach((t, ti) => {
        const pos = occurrences[ti][round];
        if (pos === undefined || windows.length >= SNIPPETS_PER_DOC) return;
        if (windows.some(([s, e]) => pos >= s && pos + t.length <= e)) return;
        windows.push([Math.max(0, pos - SNIPPET_BEFORE), Math.min(text.length, pos + t.length + SNIPPET_AFTER)]);
        added = true;
      });
      if (!added && round > 0) break;
    }
    windows.sort((a, b) => a[0] - b[0]);
    const snippets: string[] = [];
    const ranges: Array<Array<[number, number]>> = [];
    const source = windows.length > 0 ? { text, lower } : { text: m.nTitle, lower: m.nTitle };
    const spans: Array<[number, number]> = windows.length > 0 ? windows : [[0, source.text.length]];
    for (const [s, e] of spans) {
      const pre = s > 0 ? '…' : '';
      const post = e < source.text.length ? '…' : '';
      const piece = source.text.slice(s, e);
      const lowPiece = source.lower.slice(s, e);
      const r: Array<[number, number]> = [];
      for (const t of terms) for (const p of findAll(lowPiece, t, 50)) r.push([p + pre.length, p + pre.length + t.length]);
      r.sort((a, b) => a[0] - b[0]);
      snippets.push(pre + piece + post);
      ranges.push(r);
    }
    return { snippets, ranges, inBody };
  }

  // ---- the query ----
  async function query(req: SearchRequest): Promise<SearchResults> {
    const t0 = performance.now();
    const asOf = req.asOf ?? isoDay(ctx.now());
    const parsed = parseQuery(req.text);
    const notices = [...parsed.notices];
    const positive = parsed.clauses.filter((c) => !c.exclude);
    const terms = [...new Set(positive.map((c) => c.text.toLowerCase()))];
    const empty = (notice: string | null): SearchResults => ({
      total: 0,
      tookMs: Math.round((performance.now() - t0) * 10) / 10,
      results: [],
      facets: { status: [], issuer: [], year: [], kind: [], normative: [] },
      terms,
      notice,
    });
    if (positive.length === 0) {
      return empty(notices.length ? notices.join('；') : '请输入要查找的内容');
    }
    refreshMeta();
    const matched = matchAllClauses(parsed.clauses);
    const lunrPromise = req.sort === 'relevance' ? lunrScores(positive.map((c) => c.text).join(' '), opts.lunrBudgetMs ?? 25) : null;

    // Filters and facets (each facet counts with every filter but its own, so its other values stay visible).
    const f = req.filters;
    const rows: Array<{ m: Meta; status: DocumentStatus; bm: number }> = [];
    for (const [rid, bm] of matched) {
      const m = metas.get(rid);
      if (m) rows.push({ m, status: statusOf(m, asOf), bm });
    }
    const pass = {
      status: (r: (typeof rows)[number]) => !f.status?.length || f.status.includes(r.status),
      issuer: (r: (typeof rows)[number]) => !f.issuer || r.m.issuers.includes(f.issuer),
      year: (r: (typeof rows)[number]) => f.year === undefined || r.m.year === f.year,
      kind: (r: (typeof rows)[number]) => !f.kind || r.m.kind === f.kind,
      normative: (r: (typeof rows)[number]) => f.normative === undefined || r.m.normative === f.normative,
    };
    const keys = Object.keys(pass) as Array<keyof typeof pass>;
    const counters = { status: new Map<string, number>(), issuer: new Map<string, number>(), year: new Map<string, number>(), kind: new Map<string, number>(), normative: new Map<string, number>() };
    const bump = (map: Map<string, number>, v: string) => map.set(v, (map.get(v) ?? 0) + 1);
    const filtered: typeof rows = [];
    for (const r of rows) {
      const ok = keys.map((k) => pass[k](r));
      const failures = ok.filter((x) => !x).length;
      if (failures === 0) filtered.push(r);
      if (failures > 1) continue;
      keys.forEach((k, i) => {
        if (failures === 1 && ok[i]) return; // only the failing facet's own filter may be ignored
        if (k === 'status') bump(counters.status, r.status);
        else if (k === 'issuer') for (const is of new Set(r.m.issuers)) bump(counters.issuer, is);
        else if (k === 'year') {
          if (r.m.year !== null) bump(counters.year, String(r.m.year));
        } else if (k === 'kind') {
          if (r.m.kind) bump(counters.kind, r.m.kind);
        } else bump(counters.normative, r.m.normative ? NORMATIVE_LABELS.yes : NORMATIVE_LABELS.no);
      });
    }
    const facetList = (map: Map<string, number>, order: (a: [string, number], b: [string, number]) => number, max = 50) =>
      [...map].sort(order).slice(0, max).map(([value, count]) => ({ value, count }));
    const byCount = (a: [string, number], b: [string, number]) => b[1] - a[1] || collator.compare(a[0], b[0]);
    const facets = {
      status: facetList(counters.status, (a, b) => DOCUMENT_STATUSES.indexOf(a[0] as DocumentStatus) - DOCUMENT_STATUSES.indexOf(b[0] as DocumentStatus)),
      issuer: facetList(counters.issuer, byCount),
      year: facetList(counters.year, (a, b) => Number(b[0]) - Number(a[0])),
      kind: facetList(counters.kind, byCount),
      normative: facetList(counters.normative, byCount),
    };

    // Ranking: exact 文号, (in force first), title/文号 matches, relevance, newest first.
    const lunrMap = lunrPromise ? await lunrPromise : new Map<string, number>();
    const docNumbers = positive.map((c) => c.docNumber?.toLowerCase()).filter((x): x is string => !!x);
    const inForceFirst = ctx.settings.get().inForceFirst;
    const ranked = filtered.map((r) => {
      const exact = docNumbers.some((d) => r.m.nDocnums.includes(d));
      const titleTier = terms.some((t) => r.m.nTitle.includes(t) || r.m.nDocnum.includes(t));
      const inForce = IN_FORCE_STATUSES.includes(r.status);
      const relevance = r.bm + (lunrMap.get(r.m.id) ?? 0);
      const score = (exact ? 1000 : 0) + (titleTier ? 100 : 0) + relevance;
      return { ...r, exact, titleTier, inForce, score };
    });
    // Plain code-unit comparison: ISO dates and ids need no collation, and localeCompare costs ~10 µs a call.
    const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    const byDate = (a: (typeof ranked)[number], b: (typeof ranked)[number]) =>
      cmp(b.m.dateSigned ?? '', a.m.dateSigned ?? '') || cmp(a.m.id, b.m.id);
    ranked.sort((a, b) => {
      if (req.sort === 'date') return byDate(a, b) || b.score - a.score;
      if (a.exact !== b.exact) return a.exact ? -1 : 1;
      if (inForceFirst && a.inForce !== b.inForce) return a.inForce ? -1 : 1;
      if (a.titleTier !== b.titleTier) return a.titleTier ? -1 : 1;
      return b.score - a.score || byDate(a, b);
    });

    const page = ranked.slice(req.offset, req.offset + req.limit);
    const results: SearchHit[] = page.map((r) => {
      const sn = snippetsFor(r.m, terms);
      const matchedIn: SearchHit['matchedIn'] = [];
      if (terms.some((t) => r.m.nDocnum.includes(t))) matchedIn.push('docNumber');
      if (terms.some((t) => r.m.nTitle.includes(t))) matchedIn.push('title');
      if (terms.some((t) => r.m.nIssuers.includes(t))) matchedIn.push('issuer');
      if (sn.inBody) matchedIn.push('body');
      return {
        id: r.m.id,
        title: r.m.title,
        docNumber: r.m.docNumber,
        issuers: r.m.issuers,
        dateSigned: r.m.dateSigned,
        status: r.status,
        score: Math.round(r.score * 1000) / 1000,
        snippets: sn.snippets,
        snippetMatches: sn.ranges,
        matchedIn,
      };
    });
    return {
      total: ranked.length,
      tookMs: Math.round((performance.now() - t0) * 10) / 10,
      results,
      facets,
      terms,
      notice: notices.length ? notices.join('；') : null,
    };
  }

  return {
    /** Ranked, filtered, faceted results with snippets for our query language; never throws on what is typed. */
    query,

    /** Ids of every document matching a query, unranked (the benchmark's and tests' recall check). */
    matchIds(text: string): string[] {
      refreshMeta();
      const parsed = parseQuery(text);
      return [...matchAllClauses(parsed.clauses).keys()].map((rid) => metas.get(rid)?.id).filter((x): x is string => !!x);
    },

    /** Titles and 文号 for what is being typed: literal matches first (newest first), then lunr's ranked guesses. */
    async suggest(text: string, limit: number): Promise<Array<{ id: string; title: string; docNumber: string | null }>> {
      const parsed = parseQuery(text.replace(/"/g, ' '));
      const terms = parsed.clauses.filter((c) => !c.exclude).map((c) => c.text.toLowerCase());
      if (terms.length === 0) return [];
      refreshMeta();
      const literal = [...metas.values()]
        .filter((m) => terms.every((t) => m.nTitle.includes(t) || m.nDocnum.includes(t)))
        .sort((a, b) => Number(terms.some((t) => b.nDocnums.includes(t))) - Number(terms.some((t) => a.nDocnums.includes(t))) || ((b.dateSigned ?? '') < (a.dateSigned ?? '') ? -1 : 1))
        .slice(0, limit);
      const out = literal.map((m) => ({ id: m.id, title: m.title, docNumber: m.docNumber }));
      if (out.length < limit) {
        const byId = new Map([...metas.values()].map((m) => [m.id, m]));
        const scores = await lunrScores(terms.join(' '), opts.lunrBudgetMs ?? 150);
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
    async whenIndexed(): Promise<{ mode: 'worker' | 'in-process' }> {
      for (let i = 0; i < 5 && stateStmt.get()!.docs_version !== lunrStamp; i++) await ensureLunr();
      return { mode: lunrClient().mode };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchHit, SearchRequest, SearchResults } from '../../../../shared/contract/search';
import { DOCUMENT_STATUSES, type DocumentStatus, type RelationType } from '../../../../shared/domain/document';
import { computeStatus, IN_FORCE_STATUSES, isoDay, type IncomingChange } from '../../../../shared/domain/status';
import type { AppContext } from '../../kernel/context';
import { registerSearchFunctions } from '../../db/migrations/0002_search';
import { createLunrClient, type LunrClient } from './lunr-client';
import { shardFile } from './lunr-host';
import { toLunrDoc, type LunrQueryOptions } from './lunr-engine';
import { charLength } from '../../../../shared/search/normalize';
import { parseQuery, type Clause } from './query';
import { createSnippetPage } from './snippets';

/** Facet value labels for the normative facet (the filter itself is a boolean). */
export const NORMATIVE_LABELS = { yes: '规范性文件', no: '非规范性文件' } as const;

export interface SearchServiceOptions {
  /** where lunr runs: a worker thread for large libraries ('auto', default), always, or never (in-process) */
  lunrWorker?: 'auto' | 'always' | 'never';
  /** libraries with at least this many documents use the worker under 'auto' */
  workerThreshold?: number;
  /** how long a query waits for lunr's ranking before answering without it, in ms */
  lunrBudgetMs?: number;
  /** documents per lunr shard (default LUNR_SHARD) */
  lunrShardSize?: number;
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
  /** characters in the normalized body */
  blen: number;
  /** facet values as small integers (see Interner): distinct issuers, kind, year; -1 for none */
  issuerIds: number[];
  kindId: number;
  yearId: number;
}

/** Facet values as small integers, so counting them over 20,000 matches indexes typed arrays, not maps. */
class Interner {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
}
type FacetValues = { issuer: Interner; kind: Interner; year: Interner };

/** A search_map row as an array (20,000 arrays load markedly faster than 20,000 objects), in META_SELECT order. */
type MetaRow = [
  rid: number,
  id: string,
  ntitle: string,
  ndocnum: string,
  nissuers: string,
  blen: number,
  title: string,
  doc_number: string | null,
  doc_number_raw: string | null,
  doc_year: number | null,
  issuers: string,
  date_signed: string | null,
  kind: string | null,
  is_normative: number,
  effective_date: string | null,
  valid_until: string | null,
  declared_invalid_on: string | null,
];

const STATUS_INDEX = Object.fromEntries(DOCUMENT_STATUSES.map((s, i) => [s, i])) as Record<DocumentStatus, number>;
const collator = new Intl.Collator('zh-CN');
// bm25 constants FTS5 uses, for short queries whose gram index stores no frequencies (every gram counts once).
const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** Suggestions look at the last this many characters typed. */
const SUGGEST_CHARS = 200;
/** Documents per lunr shard (see ensureLunr). */
const LUNR_SHARD = 2500;
/** Above this many matching bodies a phrase is ranked without bm25 (see matchClause). */
const BM25_MAX_DOCS = 2000;

function parseList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

function toMeta(r: MetaRow, facetValues: FacetValues): Meta {
  const [rid, id, ntitle, ndocnum, nissuers, blen, title, docNumber, docNumberRaw, docYear, issuers, dateSigned, kind, isNormative] = r;
  const nDocnum = ndocnum.toLowerCase();
  const issuerList = parseList(issuers);
  const year = dateSigned ? Number(dateSigned.slice(0, 4)) : docYear;
  return {
    rid,
    id,
    title,
    docNumber: docNumberRaw ?? docNumber,
    issuers: issuerList,
    dateSigned,
    year,
    kind,
    normative: isNormative === 1,
    effectiveDate: r[14],
    validUntil: r[15],
    declaredInvalidOn: r[16],
    nTitle: ntitle.toLowerCase(),
    nDocnums: nDocnum ? nDocnum.split(' ') : [],
    nDocnum,
    nIssuers: nissuers.toLowerCase(),
    blen,
    issuerIds: [...new Set(issuerList)].map((x) => facetValues.issuer.id(x)),
    kindId: kind ? facetValues.kind.id(kind) : -1,
    yearId: year !== null && Number.isFinite(year) ? facetValues.year.id(String(year)) : -1,
  };
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
 * suggestions. Statuses and facets come from an in-memory copy of the few fields they need; after a write only
 * the rows whose version moved are re-read. Every match is counted (total, facets), only the page is ranked
 * in full order and given snippets, cut from the original text.
 */
export function createSearchService(ctx: AppContext, opts: SearchServiceOptions = {}) {
  const db = ctx.db;
  registerSearchFunctions(db);
  // Index pages are read on every query; SQLite's default 2 MB page cache makes a 20,000-document library
  // re-read them from the OS for each one. 32 MB holds the hot part of the indexes and stays well inside the
  // memory budget.
  if ((db.pragma('cache_size', { simple: true }) as number) > -32768 && !db.memory) db.pragma('cache_size = -32768');
  const stateStmt = db.prepare<[], { docs_version: number; meta_version: number; deleted_version: number }>(
    'SELECT docs_version, meta_version, deleted_version FROM search_state WHERE id = 1',
  );
  // search_map carries copies of the fields needed here: loading 20,000 rows never touches `documents`.
  const META_SELECT = `
    SELECT rid, doc_id AS id, title AS ntitle, docnum AS ndocnum, issuers AS nissuers, blen,
           d_title AS title, doc_number, doc_number_raw, doc_year, d_issuers AS issuers, date_signed, kind, is_normative,
           effective_date, valid_until, declared_invalid_on
    FROM search_map`;
  const metaStmt = db.prepare<[], MetaRow>(META_SELECT).raw();
  const metaSinceStmt = db.prepare<[number], MetaRow>(`${META_SELECT} WHERE ver > ?`).raw();
  const ridsStmt = db.prepare<[], number>('SELECT rid FROM search_map').pluck();
  const incomingStmt = db.prepare<[], { target: string; type: RelationType; effective_on: string | null }>(`
    SELECT r.target_id AS target, r.type, coalesce(s.effective_date, s.date_signed) AS effective_on
    FROM relations r JOIN search_map s ON s.doc_id = r.source_id
    WHERE r.target_id IS NOT NULL AND r.type IN ('abolishes', 'amends', 'replaces')`);
  const bodyRidsStmt = db.prepare<[string], number>('SELECT rowid FROM search_body WHERE search_body MATCH ?').pluck();
  const bodyBm25Stmt = db.prepare<[string], [number, number]>('SELECT rowid, bm25(search_body) FROM search_body WHERE search_body MATCH ?').raw();
  const metaMatchStmt = db.prepare<[string], number>('SELECT rowid FROM search_meta WHERE search_meta MATCH ?').pluck();
  const gramStmt = db.prepare<[string], number>('SELECT rowid FROM search_grams WHERE search_grams MATCH ?').pluck();
  // The whole value: SQLite reads a long text's every page even for substr(), so one read beats head-then-rest.
  const bodyStmt = db.prepare<[string], string>('SELECT body FROM documents WHERE id = ?').pluck();

  // ---- metadata cache (statuses, facets, tiers) ----
  let metaVersion = -1;
  let deletedVersion = -1;
  const metas = new Map<number, Meta>();
  /** the same, indexed by rid, for the loops over every match */
  let metaArr: Array<Meta | undefined> = [];
  const facetValues: FacetValues = { issuer: new Interner(), kind: new Interner(), year: new Interner() };
  const ridById = new Map<string, number>();
  let blenTotal = 0;
  let incoming = new Map<string, IncomingChange[]>();
  let incomingKeys = new Map<string, string>();
  /** status per rid, per `asOf|expiry window` */
  const statusCache = new Map<string, Array<DocumentStatus | undefined>>();

  function putMeta(m: Meta): void {
    const old = metas.get(m.rid);
    if (old) {
      blenTotal -= old.blen;
      if (ridById.get(old.id) === old.rid) ridById.delete(old.id);
    }
    metas.set(m.rid, m);
    metaArr[m.rid] = m;
    ridById.set(m.id, m.rid);
    blenTotal += m.blen;
  }

  function forgetStatus(rid: number): void {
    for (const byDay of statusCache.values()) byDay[rid] = undefined;
  }

  function refreshMeta(): void {
    const st = stateStmt.get()!;
    if (st.meta_version === metaVersion && st.deleted_version === deletedVersion) return;
    if (metaVersion < 0) {
      metaArr = [];
      for (const r of metaStmt.all()) putMeta(toMeta(r, facetValues));
    } else {
      if (st.deleted_version !== deletedVersion) {
        const live = new Set(ridsStmt.all());
        for (const [rid, m] of metas) {
          if (live.has(rid)) continue;
          metas.delete(rid);
          metaArr[rid] = undefined;
          if (ridById.get(m.id) === rid) ridById.delete(m.id);
          blenTotal -= m.blen;
          forgetStatus(rid);
        }
      }
      for (const r of metaSinceStmt.iterate(metaVersion)) {
        putMeta(toMeta(r, facetValues));
        forgetStatus(r[0]);
      }
    }
    // Relations (and their sources' dates) decide statuses too: re-read them, forget the statuses they moved.
    const inc = new Map<string, IncomingChange[]>();
    for (const r of incomingStmt.iterate()) {
      const list = inc.get(r.target) ?? [];
      list.push({ type: r.type, effectiveOn: r.effective_on });
      inc.set(r.target, list);
    }
    const keys = new Map<string, string>();
    for (const [target, list] of inc) keys.set(target, JSON.stringify(list));
    if (metaVersion >= 0) {
      for (const target of new Set([...keys.keys(), ...incomingKeys.keys()])) {
        if (keys.get(target) === incomingKeys.get(target)) continue;
        const rid = ridById.get(target);
        if (rid !== undefined) forgetStatus(rid);
      }
    }
    incoming = inc;
    incomingKeys = keys;
    metaVersion = st.meta_version;
    deletedVersion = st.deleted_version;
  }

  function statusDay(asOf: string): { months: number; byDay: Array<DocumentStatus | undefined> } {
    const months = ctx.settings.get().expiryWindowMonths;
    const key = `${asOf}|${months}`;
    let byDay = statusCache.get(key);
    if (!byDay) {
      if (statusCache.size > 8) statusCache.clear();
      byDay = [];
      statusCache.set(key, byDay);
    }
    return { months, byDay };
  }

  function statusOf(m: Meta, asOf: string, day: { months: number; byDay: Array<DocumentStatus | undefined> }): DocumentStatus {
    let s = day.byDay[m.rid];
    if (!s) {
      s = computeStatus(m, incoming.get(m.id) ?? [], asOf, day.months);
      day.byDay[m.rid] = s;
    }
    return s;
  }

  // ---- lunr (ranking and suggestions; never needed for completeness) ----
  // Shards of LUNR_SHARD documents by rid, each stamped with its row count and newest row version: a write
  // moves the stamp of the shard it touches only, and only that shard is rebuilt (under a second at 2,500).
  const lunrDir = ctx.dataDir === ':memory:' ? null : join(ctx.dataDir, 'search-lunr');
  const shardSize = Math.max(1, Math.floor(opts.lunrShardSize ?? LUNR_SHARD));
  const shardStampsStmt = db.prepare<[], { shard: number; n: number; v: number }>(
    `SELECT rid / ${shardSize} AS shard, count(*) AS n, max(ver) AS v FROM search_map GROUP BY shard`,
  );
  const shardStampStmt = db.prepare<[number, number], { n: number; v: number | null }>('SELECT count(*) AS n, max(ver) AS v FROM search_map WHERE rid >= ? AND rid < ?');
  const shardDocsStmt = db.prepare<[number, number], { id: string; title: string; docnum: string; issuers: string; kind: string | null }>(
    'SELECT doc_id AS id, title, docnum, issuers, kind FROM search_map WHERE rid >= ? AND rid < ?',
  );
  const shardStampOf = (r: { n: number; v: number | null }) => `${r.n}:${r.v ?? 0}`;
  let lunr: LunrClient | null = null;
  let lunrStamp = -1; // docs_version every shard reflects (-1: not all loaded or built yet)
  /** stamp of each shard the lunr host holds */
  const shardStamps = new Map<number, string>();
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

  /** Brings every lunr shard up to the current documents, without blocking the caller. */
  function ensureLunr(): Promise<void> {
    if (closed) return Promise.resolve();
    if (building) return building;
    const stamp = stateStmt.get()!.docs_version;
    if (stamp === lunrStamp) return Promise.resolve();
    const client = lunrClient();
    building = (async () => {
      try {
        const stamps = new Map(shardStampsStmt.all().map((r) => [r.shard, shardStampOf(r)]));
        const first = !lunrTriedLoad;
        lunrTriedLoad = true;
        const gone = [...shardStamps.keys()].filter((k) => !stamps.has(k));
        if (first || gone.length) {
          // Shards whose documents are all deleted, and files from before: forgotten and removed.
          await client.request({ op: 'keep', shards: [...stamps.keys()], dir: lunrDir });
          for (const k of gone) shardStamps.delete(k);
          if (first && lunrDir) rmSync(join(ctx.dataDir, 'search-lunr.json'), { force: true }); // one-file index of 0.1
        }
        for (const [k, seen] of stamps) {
          if (closed) return;
          if (shardStamps.get(k) === seen) continue;
          const file = lunrDir ? shardFile(lunrDir, k) : null;
          if (first && file) {
            // Saved by an earlier run: loaded when its stamp is this one (a write since only means another pass).
            const r = await client.request({ op: 'load', shard: k, file, stamp: seen });
            if (r.op === 'load' && r.ok) {
              shardStamps.set(k, seen);
              continue;
            }
          }
          // Stamp and documents read together (no write comes between): what is built is what is stamped.
          const from = k * shardSize;
          const stampNow = shardStampOf(shardStampStmt.get(from, from + shardSize)!);
          const docs = shardDocsStmt.all(from, from + shardSize).map(toLunrDoc);
          await client.request({ op: 'build', shard: k, docs, file, stamp: stampNow });
          shardStamps.set(k, stampNow);
        }
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

  async function lunrScores(text: string, budgetMs: number, options?: LunrQueryOptions): Promise<Map<string, number>> {
    const ready = ensureLunr();
    const scores = new Map<string, number>();
    // Never built yet (first query after start): give it the budget, then answer without it.
    if (lunrStamp < 0) await withTimeout(ready, budgetMs);
    if (lunrStamp < 0 || !lunr) return scores;
    const reply = await withTimeout(lunr.request({ op: 'query', text, limit: 500, options }), budgetMs);
    if (reply && reply.op === 'query') for (const h of reply.hits) scores.set(h.ref, h.score);
    return scores;
  }

  // ---- matching ----
  // Match sets are dense arrays by rid (NaN: no match): intersecting, excluding and walking 20,000 matches
  // costs array reads, not hash lookups.
  const newHits = () => new Float64Array(metaArr.length).fill(NaN);

  /** bm25 with one occurrence (FTS5's constants): for indexes that keep no frequencies, longer bodies lower. */
  function flatScores(rids: number[], out: Float64Array, bodyHits: Uint8Array | null): void {
    const n = metas.size || 1;
    const idf = Math.max(1e-6, Math.log((n - rids.length + 0.5) / (rids.length + 0.5) + 1));
    const avg = blenTotal / n || 1;
    for (const rid of rids) {
      const m = metaArr[rid];
      if (!m) continue;
      if (bodyHits) bodyHits[rid] = 1;
      out[rid] = (idf * (BM25_K1 + 1)) / (1 + BM25_K1 * (1 - BM25_B + (BM25_B * m.blen) / avg));
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
  function matchClause(c: Clause, bodyHits: Uint8Array | null): Float64Array {
    const out = newHits();
    const field = c.field;
    const phrase = ftsString(c.text);
    if (charLength(c.text) <= 2) {
      // Body: the gram index (rowids only).
      if (!field || field === 'body') flatScores(gramStmt.all(phrase), out, bodyHits);
      // Title, 文号, issuers: short strings already in memory.
      if (field !== 'body') {
        const t = c.text.toLowerCase();
        for (const m of metaArr) {
          if (!m || !Number.isNaN(out[m.rid])) continue;
          const hit =
            field === 'title' ? m.nTitle.includes(t)
            : field === 'docnum' ? m.nDocnum.includes(t)
            : field === 'issuers' ? m.nIssuers.includes(t)
            : m.nTitle.includes(t) || m.nDocnum.includes(t) || m.nIssuers.includes(t);
          if (hit) out[m.rid] = 0;
        }
      }
      return out;
    }
    if (!field || field === 'body') {
      // bm25 reads every occurrence of every matching document: ~3 µs a document, 60 ms for a phrase found in
      // 19,000 bodies. Beyond BM25_MAX_DOCS the phrase is so common that the one-occurrence score (shorter
      // bodies first) ranks it instead; the set of matches is the same either way. Terms of 3–4 characters
      // are often that common: their rowids are read first (one pass), and bm25 only when few. Longer phrases
      // rarely are: bm25 goes first, and gives up for the rowids when the phrase is common after all.
      if (charLength(c.text) <= 4) {
        const rids = bodyRidsStmt.all(phrase);
        if (rids.length > BM25_MAX_DOCS) flatScores(rids, out, bodyHits);
        else if (rids.length > 0) bm25Scores(phrase, out, bodyHits);
      } else if (!bm25Scores(phrase, out, bodyHits)) flatScores(bodyRidsStmt.all(phrase), out, bodyHits);
    }
    if (field !== 'body') {
      const expr = field ? `{${field}} : ${phrase}` : phrase;
      for (const rid of metaMatchStmt.all(expr)) if (rid < out.length && Number.isNaN(out[rid])) out[rid] = 0;
    }
    return out;
  }

  /** Relevance by rid (NaN: not matched) for all positive clauses and none of the excluded ones, summed. */
  function matchAllClauses(clauses: Clause[], bodyHits: Uint8Array | null): Float64Array {
    const positive = clauses.filter((c) => !c.exclude);
    if (positive.length === 0) return newHits();
    const result = matchClause(positive[0], bodyHits);
    for (const c of positive.slice(1)) {
      const other = matchClause(c, bodyHits);
      for (let rid = 0; rid < result.length; rid++) result[rid] += other[rid]; // NaN stays NaN
    }
    for (const c of clauses) {
      if (!c.exclude) continue;
      const other = matchClause(c, null);
      for (let rid = 0; rid < result.length; rid++) if (!Number.isNaN(other[rid])) result[rid] = NaN;
    }
    return result;
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
    // A submitted search: no prefix expansion, and terms in over 5 % of documents left to the title tier and bm25.
    const lunrPromise =
      req.sort === 'relevance' ? lunrScores(positive.map((c) => c.text).join(' '), opts.lunrBudgetMs ?? 25, { prefix: false, maxDocShare: 0.05 }) : null;
    const bodyHits = new Uint8Array(metaArr.length);
    const matched = matchAllClauses(parsed.clauses, bodyHits);

    // Filters and facets over every match (each facet counts with every filter but its own, so its other
    // values stay visible). One pass, no per-row allocations: this runs over up to every document.
    const f = req.filters;
    const day = statusDay(asOf);
    const statusSet = f.status?.length ? new Set<string>(f.status) : null;
    // Counters indexed by status (DOCUMENT_STATUSES order) and by interned facet value.
    const statusCounts = new Int32Array(DOCUMENT_STATUSES.length);
    const issuerCounts = new Int32Array(facetValues.issuer.values.length);
    const kindCounts = new Int32Array(facetValues.kind.values.length);
    const yearCounts = new Int32Array(facetValues.year.values.length);
    let normativeYes = 0;
    let normativeNo = 0;
    const fMs: Meta[] = [];
    const fStatus: DocumentStatus[] = [];
    const fBm: number[] = [];
    for (let rid = 0; rid < matched.length; rid++) {
      const bm = matched[rid];
      if (Number.isNaN(bm)) continue;
      const m = metaArr[rid];
      if (!m) continue;
      const status = statusOf(m, asOf, day);
      const okStatus = !statusSet || statusSet.has(status);
      const okIssuer = !f.issuer || m.issuers.includes(f.issuer);
      const okYear = f.year === undefined || m.year === f.year;
      const okKind = !f.kind || m.kind === f.kind;
      const okNormative = f.normative === undefined || m.normative === f.normative;
      const failures = +!okStatus + +!okIssuer + +!okYear + +!okKind + +!okNormative;
      if (failures > 1) continue;
      if (failures === 0) {
        fMs.push(m);
        fStatus.push(status);
        fBm.push(bm);
      }
      // With one failing filter, only that facet counts the row (its own filter is the one ignored).
      if (okIssuer && okYear && okKind && okNormative) statusCounts[STATUS_INDEX[status]]++;
      if (okStatus && okYear && okKind && okNormative) for (const id of m.issuerIds) issuerCounts[id]++;
      if (okStatus && okIssuer && okKind && okNormative && m.yearId >= 0) yearCounts[m.yearId]++;
      if (okStatus && okIssuer && okYear && okNormative && m.kindId >= 0) kindCounts[m.kindId]++;
      if (okStatus && okIssuer && okYear && okKind) {
        if (m.normative) normativeYes++;
        else normativeNo++;
      }
    }
    const counted = (counts: Int32Array, values: readonly string[]) => {
      const out: Array<[string, number]> = [];
      counts.forEach((n, i) => n > 0 && out.push([values[i], n]));
      return out;
    };
    const normative: Array<[string, number]> = [];
    if (normativeYes) normative.push([NORMATIVE_LABELS.yes, normativeYes]);
    if (normativeNo) normative.push([NORMATIVE_LABELS.no, normativeNo]);
    const facetList = (list: Array<[string, number]>, order: (a: [string, number], b: [string, number]) => number, max = 50) =>
      list.sort(order).slice(0, max).map(([value, count]) => ({ value, count }));
    const byCount = (a: [string, number], b: [string, number]) => b[1] - a[1] || collator.compare(a[0], b[0]);
    const facets = {
      status: facetList(counted(statusCounts, DOCUMENT_STATUSES), () => 0),
      issuer: facetList(counted(issuerCounts, facetValues.issuer.values), byCount),
      year: facetList(counted(yearCounts, facetValues.year.values), (a, b) => Number(b[0]) - Number(a[0])),
      kind: facetList(counted(kindCounts, facetValues.kind.values), byCount),
      normative: facetList(normative, byCount),
    };

    // Ranking: exact 文号, (in force first), title/文号 matches, relevance, newest first. Every match gets a
    // tier and a score (cheap numbers); only the page is put in full order.
    const lunrMap = lunrPromise ? await lunrPromise : new Map<string, number>();
    const docNumbers = positive.map((c) => c.docNumber?.toLowerCase()).filter((x): x is string => !!x);
    const inForceFirst = ctx.settings.get().inForceFirst;
    const n = fMs.length;
    const tier = new Int8Array(n);
    const score = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const m = fMs[i];
      const exact = docNumbers.length > 0 && docNumbers.some((d) => m.nDocnums.includes(d));
      let titleTier = false;
      for (const t of terms) {
        if (m.nTitle.includes(t) || m.nDocnum.includes(t)) {
          titleTier = true;
          break;
        }
      }
      const inForce = IN_FORCE_STATUSES.includes(fStatus[i]);
      tier[i] = (exact ? 4 : 0) + (inForceFirst && inForce ? 2 : 0) + (titleTier ? 1 : 0);
      score[i] = (exact ? 1000 : 0) + (titleTier ? 100 : 0) + fBm[i] + (lunrMap.get(m.id) ?? 0);
    }
    // Plain code-unit comparison: ISO dates and ids need no collation, and localeCompare costs ~10 µs a call.
    const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    const byDate = (a: number, b: number) => cmp(fMs[b].dateSigned ?? '', fMs[a].dateSigned ?? '') || cmp(fMs[a].id, fMs[b].id);
    const order =
      req.sort === 'date'
        ? (a: number, b: number) => byDate(a, b) || score[b] - score[a]
        : (a: number, b: number) => tier[b] - tier[a] || score[b] - score[a] || byDate(a, b);
    const page = topK(n, req.offset + req.limit, order).slice(req.offset);

    const snippetsOf = createSnippetPage((id) => bodyStmt.get(id), terms);
    const results: SearchHit[] = page.map((i) => {
      const m = fMs[i];
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
        status: fStatus[i],
        score: Math.round(score[i] * 1000) / 1000,
        snippets: sn.snippets,
        snippetMatches: sn.ranges,
        matchedIn,
      };
    });
    return {
      total: n,
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
      const matched = matchAllClauses(parsed.clauses, null);
      const ids: string[] = [];
      matched.forEach((score, rid) => {
        const m = metaArr[rid];
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

/** The first k of 0..n-1 in `order`, sorted: a bounded heap, so ranking 20,000 matches costs no full sort. */
function topK(n: number, k: number, order: (a: number, b: number) => number): number[] {
  if (k <= 0) return [];
  if (n <= k * 4) return Array.from({ length: n }, (_, i) => i).sort(order).slice(0, k);
  // Max-heap (by `order`) of the best k seen so far: its root is the worst of them.
  const heap: number[] = [];
  const worse = (a: number, b: number) => order(a, b) > 0;
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!worse(heap[i], heap[p])) break;
      [heap[i], heap[p]] = [heap[p], heap[i]];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < heap.length && worse(heap[l], heap[w])) w = l;
      if (r < heap.length && worse(heap[r], heap[w])) w = r;
      if (w === i) return;
      [heap[i], heap[w]] = [heap[w], heap[i]];
      i = w;
    }
  };
  for (let i = 0; i < n; i++) {
    if (heap.length < k) {
      heap.push(i);
      up(heap.length - 1);
    } else if (order(i, heap[0]) < 0) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort(order);
}

export type SearchService = ReturnType<typeof createSearchService>;

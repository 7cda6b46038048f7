import type { SearchResults } from '../../../../shared/contract/search';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../../../../shared/domain/document';
import { hasDocNumber, type MetaCache } from './meta-cache';
import type { FieldSearch } from './matching';
import type { Clause } from './query';
import { IN_FORCE_CODE, STATUS_CODE, UNKNOWN_STATUS, type StatusCodes } from './status-column';

/** Facet value labels for the normative facet (the filter itself is a boolean). */
export const NORMATIVE_LABELS = { yes: '规范性文件', no: '非规范性文件' } as const;

const collator = new Intl.Collator('zh-CN');

export interface SearchFilters {
  status?: DocumentStatus[];
  issuer?: string;
  year?: number;
  kind?: string;
  normative?: boolean;
}

/**
 * The matches that pass every filter, in rid order: the first `count` entries of `rids`, their status codes
 * (positions in DOCUMENT_STATUSES) and relevance — typed arrays, so the ranking that follows reads numbers.
 */
export interface Filtered {
  count: number;
  rids: Int32Array;
  /** status codes (UNKNOWN_STATUS where not asked yet: read them through `statusAt`) */
  status: Uint8Array;
  /**
   * The status code of the i-th match. Statuses are all known where facets or a status filter needed them; else
   * (`lazyStatus`) each is asked when first read — the ranking asks only for those its page needs.
   */
  statusAt: (i: number) => number;
  lazyStatus: boolean;
  bm: Float64Array;
  facets: SearchResults['facets'];
}

/**
 * Filters and facets over every match (each facet counts with every filter but its own, so its other values stay
 * visible). One pass over the columns of the meta cache and the status column, no per-row allocations: this runs
 * over up to every document. Issuers are counted by distinct issuers value (a few hundred) and spread to the
 * issuers once at the end. Without `counts` (a caller that shows no facets, like the CLI) and without a status
 * filter, no status is looked up here: a status costs more than everything else a match needs (in a fresh
 * process, a read of the document's inputs), and a page needs few of them.
 */
export function filterAndCount(matched: Float64Array, meta: MetaCache, f: SearchFilters, statuses: StatusCodes, counts = true): Filtered {
  if (!counts && !f.status?.length) return filterOnly(matched, meta, f, statuses);
  meta.loadFacets();
  const { live, issuerSet, issuerSets, yearId, kindId, normative, year } = meta;
  const { codes, fill } = statuses;
  const n = Math.min(matched.length, meta.size);
  const matches = countMatches(matched, live, n);
  // Which status codes pass the status filter (null: no filter).
  let statusOk: Uint8Array | null = null;
  if (f.status?.length) {
    statusOk = new Uint8Array(DOCUMENT_STATUSES.length);
    for (const s of f.status) if (s in STATUS_CODE) statusOk[STATUS_CODE[s]] = 1;
  }
  const { kindFilter, issuerOk } = facetFilters(meta, f);
  const yearFilter = f.year;
  const normativeFilter = f.normative === undefined ? -1 : f.normative ? 1 : 0;
  // Counters indexed by status code, issuer set and interned facet value.
  const statusCounts = new Int32Array(DOCUMENT_STATUSES.length);
  const setCounts = new Int32Array(issuerSets.length);
  const kindCounts = new Int32Array(meta.facetValues.kind.values.length);
  const yearCounts = new Int32Array(meta.facetValues.year.values.length);
  let normativeYes = 0;
  let normativeNo = 0;
  const rids = new Int32Array(matches);
  const status = new Uint8Array(matches);
  const bms = new Float64Array(matches);
  let count = 0;
  for (let rid = 0; rid < n; rid++) {
    const bm = matched[rid];
    if (Number.isNaN(bm) || !live[rid]) continue;
    let s = codes[rid];
    if (s === UNKNOWN_STATUS) s = fill(rid);
    const isNormative = normative[rid];
    const okStatus = statusOk === null || statusOk[s] === 1;
    const okIssuer = issuerOk === null || issuerOk[issuerSet[rid]] === 1;
    const okYear = yearFilter === undefined || year[rid] === yearFilter;
    const okKind = !f.kind || (kindFilter >= 0 && kindId[rid] === kindFilter);
    const okNormative = normativeFilter < 0 || isNormative === normativeFilter;
    const failures = +!okStatus + +!okIssuer + +!okYear + +!okKind + +!okNormative;
    if (failures > 1) continue;
    if (failures === 0) {
      rids[count] = rid;
      status[count] = s;
      bms[count++] = bm;
    }
    // With one failing filter, only that facet counts the row (its own filter is the one ignored).
    if (okIssuer && okYear && okKind && okNormative) statusCounts[s]++;
    if (okStatus && okYear && okKind && okNormative) setCounts[issuerSet[rid]]++;
    if (okStatus && okIssuer && okKind && okNormative && yearId[rid] >= 0) yearCounts[yearId[rid]]++;
    if (okStatus && okIssuer && okYear && okNormative && kindId[rid] >= 0) kindCounts[kindId[rid]]++;
    if (okStatus && okIssuer && okYear && okKind) {
      if (isNormative === 1) normativeYes++;
      else normativeNo++;
    }
  }
  const issuerCounts = new Int32Array(meta.facetValues.issuer.values.length);
  setCounts.forEach((c, set) => {
    if (c > 0) for (const id of issuerSets[set].ids) issuerCounts[id] += c;
  });
  const counted = (counts: Int32Array, values: readonly string[]) => {
    const out: Array<[string, number]> = [];
    counts.forEach((c, i) => c > 0 && out.push([values[i], c]));
    return out;
  };
  const normativeList: Array<[string, number]> = [];
  if (normativeYes) normativeList.push([NORMATIVE_LABELS.yes, normativeYes]);
  if (normativeNo) normativeList.push([NORMATIVE_LABELS.no, normativeNo]);
  const facetList = (list: Array<[string, number]>, order: (a: [string, number], b: [string, number]) => number, max = 50) =>
    list.sort(order).slice(0, max).map(([value, count]) => ({ value, count }));
  const byCount = (a: [string, number], b: [string, number]) => b[1] - a[1] || collator.compare(a[0], b[0]);
  const facets = {
    status: facetList(counted(statusCounts, DOCUMENT_STATUSES), () => 0),
    issuer: facetList(counted(issuerCounts, meta.facetValues.issuer.values), byCount),
    year: facetList(counted(yearCounts, meta.facetValues.year.values), (a, b) => Number(b[0]) - Number(a[0])),
    kind: facetList(counted(kindCounts, meta.facetValues.kind.values), byCount),
    normative: facetList(normativeList, byCount),
  };
  return { count, rids, status, statusAt: (i) => status[i], lazyStatus: false, bm: bms, facets };
}

/**
 * The kind filter as its interned value (-1: none, or a kind no document has), and whether each distinct issuer set
 * passes the issuer filter, decided once per set (null: no filter).
 */
function facetFilters(meta: MetaCache, f: SearchFilters): { kindFilter: number; issuerOk: Uint8Array | null } {
  return {
    kindFilter: f.kind ? meta.facetValues.kind.values.indexOf(f.kind) : -1,
    issuerOk: f.issuer ? Uint8Array.from(meta.issuerSets, (s) => (s.list.includes(f.issuer!) ? 1 : 0)) : null,
  };
}

/** Matches held (relevance not NaN, row live) among the first `n` rids. */
function countMatches(matched: Float64Array, live: Uint8Array, n: number): number {
  let matches = 0;
  for (let rid = 0; rid < n; rid++) if (!Number.isNaN(matched[rid]) && live[rid]) matches++;
  return matches;
}

/** filterAndCount without facets or a status filter: the matches passing the other filters, statuses as asked. */
function filterOnly(matched: Float64Array, meta: MetaCache, f: SearchFilters, statuses: StatusCodes): Filtered {
  if (f.issuer || f.year !== undefined || f.kind || f.normative !== undefined) meta.loadFacets();
  const { live, issuerSet, kindId, normative, year } = meta;
  const { kindFilter, issuerOk } = facetFilters(meta, f);
  const n = Math.min(matched.length, meta.size);
  const matches = countMatches(matched, live, n);
  const rids = new Int32Array(matches);
  const bms = new Float64Array(matches);
  let count = 0;
  for (let rid = 0; rid < n; rid++) {
    const bm = matched[rid];
    if (Number.isNaN(bm) || !live[rid]) continue;
    if (issuerOk !== null && issuerOk[issuerSet[rid]] !== 1) continue;
    if (f.year !== undefined && year[rid] !== f.year) continue;
    if (f.kind && (kindFilter < 0 || kindId[rid] !== kindFilter)) continue;
    if (f.normative !== undefined && (normative[rid] === 1) !== f.normative) continue;
    rids[count] = rid;
    bms[count++] = bm;
  }
  const { codes, fill } = statuses;
  const status = new Uint8Array(count).fill(UNKNOWN_STATUS);
  const statusAt = (i: number) => {
    if (status[i] === UNKNOWN_STATUS) {
      const rid = rids[i];
      status[i] = codes[rid] === UNKNOWN_STATUS ? fill(rid) : codes[rid];
    }
    return status[i];
  };
  const facets = { status: [], issuer: [], year: [], kind: [], normative: [] };
  return { count, rids, status, statusAt, lazyStatus: true, bm: bms, facets };
}

/** From this many matches on, the title tier is found from the joined columns rather than per match. */
const TITLE_MARK_FROM = 2000;

/**
 * Ranking: exact 文号, (in force first), title/文号 matches, relevance (bm25 from the indexes), newest first. Every
 * match gets a tier and a score (cheap numbers); only the page is put in full order. Returns positions in `f` for
 * the page.
 */
export function rankPage(
  f: Filtered,
  meta: MetaCache,
  q: { positive: Clause[]; terms: string[]; sort: 'relevance' | 'date'; offset: number; limit: number; inForceFirst: boolean; inField: FieldSearch },
): { page: number[]; score: Float64Array } {
  const { rids: fRids, status, bm } = f;
  const { positive, terms, inForceFirst } = q;
  // With statuses looked up as asked, the in-force tier is left out of `tier` and decided for the page alone. (The
  // tier orders by relevance only: sorted by date, no status is needed to rank.)
  const lazyInForce = inForceFirst && f.lazyStatus && q.sort === 'relevance';
  const tierInForce = inForceFirst && !f.lazyStatus && q.sort === 'relevance';
  const inForce = (i: number) => IN_FORCE_CODE[f.statusAt(i)] === 1;
  const docNumbers = positive.map((c) => c.docNumber?.toLowerCase()).filter((x): x is string => !!x);
  const n = f.count;
  // Over many matches, the documents whose title or 文号 holds a term are found once from the joined columns.
  let inTitle: Uint8Array | null = null;
  if (n > TITLE_MARK_FROM) {
    const mark = new Uint8Array(meta.size);
    for (const t of terms) {
      for (const field of ['nTitle', 'nDocnum'] as const) {
        const rids = q.inField(field, t);
        for (let i = 0; i < rids.length; i++) mark[rids[i]] = 1;
      }
    }
    inTitle = mark;
  }
  // The texts of every match are tested one by one: those not held yet are read (the meta cache may hold few).
  if (!inTitle || docNumbers.length) meta.ensureWhole(fRids.subarray(0, n));
  const { nTitle, nDocnum, day, idOf } = meta;
  const tier = new Int8Array(n);
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const rid = fRids[i];
    const exact = docNumbers.length > 0 && docNumbers.some((d) => hasDocNumber(nDocnum[rid], d));
    let titleTier = false;
    if (inTitle) titleTier = inTitle[rid] === 1;
    else {
      for (const t of terms) {
        if (nTitle[rid].includes(t) || nDocnum[rid].includes(t)) {
          titleTier = true;
          break;
        }
      }
    }
    // (all statuses known: read from the typed array; asked as needed: the in-force tier is decided below)
    tier[i] = (exact ? 4 : 0) + (tierInForce && IN_FORCE_CODE[status[i]] === 1 ? 2 : 0) + (titleTier ? 1 : 0);
    score[i] = (exact ? 1000 : 0) + (titleTier ? 100 : 0) + bm[i];
  }
  // Plain code-unit comparison for ids: they need no collation, and localeCompare costs ~10 µs a call. (An id
  // may be read only now: a fresh process holds few, and a tie of date and score is rare.)
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const byDate = (a: number, b: number) => day[fRids[b]] - day[fRids[a]] || cmp(idOf(fRids[a]), idOf(fRids[b]));
  const order =
    q.sort === 'date'
      ? (a: number, b: number) => byDate(a, b) || score[b] - score[a]
      : (a: number, b: number) => tier[b] - tier[a] || score[b] - score[a] || byDate(a, b);
  const k = q.offset + q.limit;
  const page = (lazyInForce ? topKInForceFirst(n, k, order, (i) => tier[i] >= 4, inForce) : topK(n, k, order)).slice(q.offset);
  return { page, score };
}

/**
 * The first k of 0..n-1 when in-force matches come first within the exact-文号 tier and within the rest, `order`
 * deciding otherwise (it knows the exact tier, which comes first, not which are in force). The status is asked
 * along a prefix of `order`, and only as far as the answer needs: the exact matches (all of them, unless k of
 * them are in force), then the others until enough of them are in force. Whatever comes after that point in
 * `order` cannot come before what is returned; a prefix too short for it is lengthened.
 */
function topKInForceFirst(n: number, k: number, order: (a: number, b: number) => number, exact: (i: number) => boolean, inForce: (i: number) => boolean): number[] {
  // (8k: statuses are asked of the first ones only; a library with few in force still needs a longer prefix)
  for (let m = Math.min(n, 8 * k); ; m = Math.min(n, 4 * m)) {
    const prefix = topK(n, m, order);
    const complete = m >= n;
    const exactIn: number[] = [];
    const exactOut: number[] = [];
    const restIn: number[] = [];
    const restOut: number[] = [];
    let at = 0;
    for (; at < prefix.length && exact(prefix[at]) && exactIn.length < k; at++) (inForce(prefix[at]) ? exactIn : exactOut).push(prefix[at]);
    if (exactIn.length >= k) return exactIn;
    // Every exact match is in the prefix unless it ends in one.
    if (!complete && at === prefix.length) continue;
    const need = k - exactIn.length - exactOut.length;
    for (; at < prefix.length && restIn.length < need; at++) (inForce(prefix[at]) ? restIn : restOut).push(prefix[at]);
    if (restIn.length >= need || complete) return [...exactIn, ...exactOut, ...restIn, ...restOut].slice(0, k);
  }
}

/** The first k of 0..n-1 in `order`, sorted: a bounded heap, so ranking 20,000 matches costs no full sort. */
export function topK(n: number, k: number, order: (a: number, b: number) => number): number[] {
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


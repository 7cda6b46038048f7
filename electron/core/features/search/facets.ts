import type { SearchResults } from '../../../../shared/contract/search';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../../../../shared/domain/document';
import { IN_FORCE_STATUSES } from '../../../../shared/domain/status';
import type { StatusesOnDay } from '../validity/status-index';
import { hasDocNumber, type MetaCache } from './meta-cache';
import type { Clause } from './query';

/** Facet value labels for the normative facet (the filter itself is a boolean). */
export const NORMATIVE_LABELS = { yes: '规范性文件', no: '非规范性文件' } as const;

const STATUS_INDEX = Object.fromEntries(DOCUMENT_STATUSES.map((s, i) => [s, i])) as Record<DocumentStatus, number>;
const collator = new Intl.Collator('zh-CN');

export interface SearchFilters {
  status?: DocumentStatus[];
  issuer?: string;
  year?: number;
  kind?: string;
  normative?: boolean;
}

/** The matches that pass every filter (rid, status, relevance), and the facet counts. */
export interface Filtered {
  fRids: number[];
  /** the status of the i-th match (looked up when first asked where no facet or filter needed them all) */
  statusOf: (i: number) => DocumentStatus;
  /** statuses are looked up as asked: ranking asks only for those it needs */
  lazyStatus: boolean;
  fBm: number[];
  facets: SearchResults['facets'];
}

/**
 * Filters and facets over every match (each facet counts with every filter but its own, so its other values stay
 * visible). One pass over the columns of the meta cache, no per-row allocations: this runs over up to every document.
 * Without `counts` (a caller that shows no facets, like the CLI) and without a status filter, no status is looked
 * up here: a status costs more than everything else a match needs, and a page needs few of them.
 */
export function filterAndCount(matched: Float64Array, meta: MetaCache, f: SearchFilters, statusOn: StatusesOnDay, counts = true): Filtered {
  if (!counts && !f.status?.length) return filterOnly(matched, meta, f, statusOn);
  meta.loadFacets();
  const { live, ids, issuerSet, issuerSets, yearId, kindId, normative, year } = meta;
  const statusSet = f.status?.length ? new Set<string>(f.status) : null;
  const kindFilter = f.kind ? meta.facetValues.kind.values.indexOf(f.kind) : -1;
  // Counters indexed by status (DOCUMENT_STATUSES order) and by interned facet value.
  const statusCounts = new Int32Array(DOCUMENT_STATUSES.length);
  const issuerCounts = new Int32Array(meta.facetValues.issuer.values.length);
  const kindCounts = new Int32Array(meta.facetValues.kind.values.length);
  const yearCounts = new Int32Array(meta.facetValues.year.values.length);
  // Whether each distinct issuer set passes the issuer filter, decided once per set.
  const issuerOk = f.issuer ? issuerSets.map((s) => s.list.includes(f.issuer!)) : null;
  let normativeYes = 0;
  let normativeNo = 0;
  const fRids: number[] = [];
  const fStatus: DocumentStatus[] = [];
  const fBm: number[] = [];
  const n = Math.min(matched.length, meta.size);
  for (let rid = 0; rid < n; rid++) {
    const bm = matched[rid];
    if (Number.isNaN(bm) || !live[rid]) continue;
    const status = statusOn(ids[rid]!);
    const isNormative = normative[rid] === 1;
    const okStatus = !statusSet || statusSet.has(status);
    const okIssuer = !issuerOk || issuerOk[issuerSet[rid]];
    const okYear = f.year === undefined || year[rid] === f.year;
    const okKind = !f.kind || (kindFilter >= 0 && kindId[rid] === kindFilter);
    const okNormative = f.normative === undefined || isNormative === f.normative;
    const failures = +!okStatus + +!okIssuer + +!okYear + +!okKind + +!okNormative;
    if (failures > 1) continue;
    if (failures === 0) {
      fRids.push(rid);
      fStatus.push(status);
      fBm.push(bm);
    }
    // With one failing filter, only that facet counts the row (its own filter is the one ignored).
    if (okIssuer && okYear && okKind && okNormative) statusCounts[STATUS_INDEX[status]]++;
    if (okStatus && okYear && okKind && okNormative) for (const id of issuerSets[issuerSet[rid]].ids) issuerCounts[id]++;
    if (okStatus && okIssuer && okKind && okNormative && yearId[rid] >= 0) yearCounts[yearId[rid]]++;
    if (okStatus && okIssuer && okYear && okNormative && kindId[rid] >= 0) kindCounts[kindId[rid]]++;
    if (okStatus && okIssuer && okYear && okKind) {
      if (isNormative) normativeYes++;
      else normativeNo++;
    }
  }
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
  return { fRids, statusOf: (i) => fStatus[i], lazyStatus: false, fBm, facets };
}

/** filterAndCount without facets or a status filter: the matches passing the other filters, statuses as asked. */
function filterOnly(matched: Float64Array, meta: MetaCache, f: SearchFilters, statusOn: StatusesOnDay): Filtered {
  if (f.issuer || f.year !== undefined || f.kind || f.normative !== undefined) meta.loadFacets();
  const { live, issuerSets, issuerSet, kindId, normative, year } = meta;
  const kindFilter = f.kind ? meta.facetValues.kind.values.indexOf(f.kind) : -1;
  const issuerOk = f.issuer ? issuerSets.map((s) => s.list.includes(f.issuer!)) : null;
  const fRids: number[] = [];
  const fBm: number[] = [];
  const n = Math.min(matched.length, meta.size);
  for (let rid = 0; rid < n; rid++) {
    const bm = matched[rid];
    if (Number.isNaN(bm) || !live[rid]) continue;
    if (issuerOk && !issuerOk[issuerSet[rid]]) continue;
    if (f.year !== undefined && year[rid] !== f.year) continue;
    if (f.kind && (kindFilter < 0 || kindId[rid] !== kindFilter)) continue;
    if (f.normative !== undefined && (normative[rid] === 1) !== f.normative) continue;
    fRids.push(rid);
    fBm.push(bm);
  }
  const fStatus: Array<DocumentStatus | undefined> = [];
  const statusOf = (i: number) => (fStatus[i] ??= statusOn(meta.idOf(fRids[i])));
  const facets = { status: [], issuer: [], year: [], kind: [], normative: [] };
  return { fRids, statusOf, lazyStatus: true, fBm, facets };
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
  q: { positive: Clause[]; terms: string[]; sort: 'relevance' | 'date'; offset: number; limit: number; inForceFirst: boolean },
): { page: number[]; score: Float64Array } {
  const { fRids, fBm } = f;
  const { positive, terms, inForceFirst } = q;
  // With statuses looked up as asked, the in-force tier is left out of `tier` and decided for the page alone.
  const lazyInForce = inForceFirst && f.lazyStatus && q.sort === 'relevance';
  const inForce = (i: number) => IN_FORCE_STATUSES.includes(f.statusOf(i));
  const docNumbers = positive.map((c) => c.docNumber?.toLowerCase()).filter((x): x is string => !!x);
  const n = fRids.length;
  // Over many matches, the documents whose title or 文号 holds a term are found once from the joined columns.
  let inTitle: Uint8Array | null = null;
  if (n > TITLE_MARK_FROM) {
    const mark = new Uint8Array(meta.size);
    const hit = (rid: number) => (mark[rid] = 1);
    for (const t of terms) {
      meta.containing('nTitle', t, hit);
      meta.containing('nDocnum', t, hit);
    }
    inTitle = mark;
  }
  // The texts of every match are tested one by one: those not held yet are read (the meta cache may hold few).
  if (!inTitle || docNumbers.length) meta.ensureWhole(fRids);
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
    tier[i] = (exact ? 4 : 0) + (inForceFirst && !lazyInForce && inForce(i) ? 2 : 0) + (titleTier ? 1 : 0);
    score[i] = (exact ? 1000 : 0) + (titleTier ? 100 : 0) + fBm[i];
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


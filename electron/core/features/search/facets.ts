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
  status: Uint8Array;
  bm: Float64Array;
  facets: SearchResults['facets'];
}

/**
 * Filters and facets over every match (each facet counts with every filter but its own, so its other values stay
 * visible). One pass over the columns of the meta cache and the status column, no per-row allocations: this runs
 * over up to every document. Issuers are counted by distinct issuers value (a few hundred) and spread to the
 * issuers once at the end.
 */
export function filterAndCount(matched: Float64Array, meta: MetaCache, f: SearchFilters, statuses: StatusCodes): Filtered {
  const { live, issuerSet, issuerSets, yearId, kindId, normative, year } = meta;
  const { codes, fill } = statuses;
  const n = Math.min(matched.length, meta.size);
  let matches = 0;
  for (let rid = 0; rid < n; rid++) if (!Number.isNaN(matched[rid]) && live[rid]) matches++;
  // Which status codes pass the status filter (null: no filter).
  let statusOk: Uint8Array | null = null;
  if (f.status?.length) {
    statusOk = new Uint8Array(DOCUMENT_STATUSES.length);
    for (const s of f.status) if (s in STATUS_CODE) statusOk[STATUS_CODE[s]] = 1;
  }
  const kindFilter = f.kind ? meta.facetValues.kind.values.indexOf(f.kind) : -1;
  const yearFilter = f.year;
  const normativeFilter = f.normative === undefined ? -1 : f.normative ? 1 : 0;
  // Whether each distinct issuer set passes the issuer filter, decided once per set.
  const issuerOk = f.issuer ? Uint8Array.from(issuerSets, (s) => (s.list.includes(f.issuer!) ? 1 : 0)) : null;
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
  return { count, rids, status, bm: bms, facets };
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
  const { nTitle, nDocnum, day, ids } = meta;
  const { positive, terms, inForceFirst } = q;
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
    const inForce = IN_FORCE_CODE[status[i]] === 1;
    tier[i] = (exact ? 4 : 0) + (inForceFirst && inForce ? 2 : 0) + (titleTier ? 1 : 0);
    score[i] = (exact ? 1000 : 0) + (titleTier ? 100 : 0) + bm[i];
  }
  // Plain code-unit comparison for ids: they need no collation, and localeCompare costs ~10 µs a call.
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const byDate = (a: number, b: number) => day[fRids[b]] - day[fRids[a]] || cmp(ids[fRids[a]]!, ids[fRids[b]]!);
  const order =
    q.sort === 'date'
      ? (a: number, b: number) => byDate(a, b) || score[b] - score[a]
      : (a: number, b: number) => tier[b] - tier[a] || score[b] - score[a] || byDate(a, b);
  const page = topK(n, q.offset + q.limit, order).slice(q.offset);
  return { page, score };
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


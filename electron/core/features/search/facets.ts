import type { SearchResults } from '../../../../shared/contract/search';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../../../../shared/domain/document';
import { IN_FORCE_STATUSES } from '../../../../shared/domain/status';
import type { StatusesOnDay } from '../validity/status-index';
import type { Meta, MetaCache } from './meta-cache';
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

/** The matches that pass every filter (document, status, relevance), and the facet counts. */
export interface Filtered {
  fMs: Meta[];
  fStatus: DocumentStatus[];
  fBm: number[];
  facets: SearchResults['facets'];
}

/**
 * Filters and facets over every match (each facet counts with every filter but its own, so its other values stay
 * visible). One pass, no per-row allocations: this runs over up to every document.
 */
export function filterAndCount(matched: Float64Array, meta: MetaCache, f: SearchFilters, statusOn: StatusesOnDay): Filtered {
  const byRid = meta.byRid;
  const statusSet = f.status?.length ? new Set<string>(f.status) : null;
  // Counters indexed by status (DOCUMENT_STATUSES order) and by interned facet value.
  const statusCounts = new Int32Array(DOCUMENT_STATUSES.length);
  const issuerCounts = new Int32Array(meta.facetValues.issuer.values.length);
  const kindCounts = new Int32Array(meta.facetValues.kind.values.length);
  const yearCounts = new Int32Array(meta.facetValues.year.values.length);
  let normativeYes = 0;
  let normativeNo = 0;
  const fMs: Meta[] = [];
  const fStatus: DocumentStatus[] = [];
  const fBm: number[] = [];
  for (let rid = 0; rid < matched.length; rid++) {
    const bm = matched[rid];
    if (Number.isNaN(bm)) continue;
    const m = byRid[rid];
    if (!m) continue;
    const status = statusOn(m.id);
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
    issuer: facetList(counted(issuerCounts, meta.facetValues.issuer.values), byCount),
    year: facetList(counted(yearCounts, meta.facetValues.year.values), (a, b) => Number(b[0]) - Number(a[0])),
    kind: facetList(counted(kindCounts, meta.facetValues.kind.values), byCount),
    normative: facetList(normative, byCount),
  };
  return { fMs, fStatus, fBm, facets };
}

/**
 * Ranking: exact 文号, (in force first), title/文号 matches, relevance, newest first. Every match gets a tier and
 * a score (cheap numbers); only the page is put in full order. Returns positions in `f` for the page.
 */
export function rankPage(
  f: Filtered,
  q: { positive: Clause[]; terms: string[]; sort: 'relevance' | 'date'; offset: number; limit: number; inForceFirst: boolean },
  lunrMap: Map<string, number>,
): { page: number[]; score: Float64Array } {
  const { fMs, fStatus, fBm } = f;
  const { positive, terms, inForceFirst } = q;
  const docNumbers = positive.map((c) => c.docNumber?.toLowerCase()).filter((x): x is string => !!x);
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


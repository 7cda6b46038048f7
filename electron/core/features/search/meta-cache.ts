import { withPragma, type Db } from '../../db/open';

/** Facet values as small integers, so counting them over 100,000 matches indexes typed arrays, not maps. */
export class Interner {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      const kept = ownCopy(value);
      this.values.push(kept);
      this.ids.set(kept, id);
    }
    return id;
  }
}

/**
 * A string of its own: a part split from a larger one (the packed reads) keeps all of that one alive, which a value
 * kept for the process's life (a facet value) must not.
 */
export const ownCopy = (s: string): string => JSON.parse(JSON.stringify(s)) as string;
export type FacetValues = { issuer: Interner; kind: Interner; year: Interner };

/** A distinct issuers value (the JSON as stored): its issuers, and their facet ids without repeats. */
export interface IssuerSet {
  list: string[];
  ids: number[];
}

/** What every match needs of a search_map row, as an array (arrays load markedly faster than objects). */
type CoreRow = [rid: number, id: string, blen: number, date_signed: string | null];
/** What filters and facets need (the year is the date signed's, else the 文号's). */
type FacetValuesOf = [doc_year: number | null, issuers: string, kind: string | null, is_normative: number];
type TextsOf = [ntitle: string, ndocnum: string, nissuers: string];
/** A whole row, in META_SELECT order. */
type MetaRow = [...CoreRow, ...FacetValuesOf, ...TextsOf];

// search_map carries copies of the fields needed here: loading it never touches `documents`. Only what matching,
// filters, facets and ranking read over every match is kept; what a result row shows is read for the page only.
// A row is read in up to three parts: the core, the facet values, the normalized texts (see `parts`).
const CORE_COLUMNS = 'rid, doc_id, blen, date_signed';
const FACET_COLUMNS = 'doc_year, d_issuers, kind, is_normative';
const WHOLE_COLUMNS = `${CORE_COLUMNS}, ${FACET_COLUMNS}, title, docnum, issuers`;
const META_SELECT = `SELECT ${WHOLE_COLUMNS} FROM search_map`;
const FACETS = 1;
const TEXTS = 2;
const WHOLE = FACETS | TEXTS;
/**
 * Terms the trigram index finds in titles, 文号 and issuers exactly as a lower-cased substring test would: at least
 * three characters, none with a case (CJK, digits, punctuation). Shorter ones SQLite's instr() finds exactly so.
 */
const TRIGRAM_EXACT = /^[\u3000-\u9fff\uf900-\ufaff0-9!#-/:-@[-`{-~]{3,}$/;
const SHORT_CASELESS = /^[\u3000-\u9fff\uf900-\ufaff0-9!#-/:-@[-`{-~]{1,2}$/;
/** Which of the three texts hold a short term (bits 1, 2, 4 of the second column), rows holding it only. */
const SHORT_HITS_SELECT = `SELECT rid, (instr(title, @t) > 0) + 2 * (instr(docnum, @t) > 0) + 4 * (instr(issuers, @t) > 0) FROM search_map
  WHERE instr(title, @t) > 0 OR instr(docnum, @t) > 0 OR instr(issuers, @t) > 0`;
const FIELD_BIT: Record<TextField, number> = { nTitle: 1, nDocnum: 2, nIssuers: 4 };

function parseList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

/**
 * Characters that may have a lower-case form: ASCII capitals and everything outside the caseless CJK and
 * punctuation ranges. Most titles hold none, and lower-casing 100,000 of them costs ~50 ms at start.
 */
const MAY_HAVE_CASE = /[A-Z\u00c0-\u2fff\ua000-\uffff]/;
const lower = (s: string) => (MAY_HAVE_CASE.test(s) ? s.toLowerCase() : s);

/** The normalized text fields kept for every document. */
export type TextField = 'nTitle' | 'nDocnum' | 'nIssuers';
/** Between documents in a joined field: normalization removes it from every text and term. */
const SEPARATOR = '\u0000';

/** yyyymmdd of an ISO day (0 for none): dates compare as numbers. */
function dayNumber(iso: string | null): number {
  if (!iso || iso.length < 10) return 0;
  const n = Number(iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10));
  return Number.isFinite(n) ? n : 0;
}

/** A date signed in ISO form, and its yyyymmdd as SQL computes it (exactly `dayNumber` of it). */
const IS_ISO_DAY = "coalesce(date_signed GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*', 0)";
const ISO_DAY = `CASE WHEN ${IS_ISO_DAY} THEN CAST(substr(date_signed, 1, 4) || substr(date_signed, 6, 2) || substr(date_signed, 9, 2) AS INTEGER) END`;

/**
 * A chunk of whole rows as five strings, for a full load (`loadPacked`), fields and rows joined by char(1), NULL as
 * char(2): first per row its rid, body length, the date signed as yyyymmdd when it is an ISO day (else NULL, and the
 * date signed itself in the next field, else ''), the 文号's year, is_normative, issuers and kind; then the ids and
 * each normalized text in a string of their own — the parts split from a string keep it alive, so each holds only
 * what is kept. Split, they cost far less than an array per row from SQLite.
 */
const PACKED_FIELD = '\u0001';
const PACKED_NULL = '\u0002';
const PACKED_WIDTH = 8;
const PACKED_SELECT = `SELECT group_concat(concat_ws(char(1), ${[
  'rid',
  'blen',
  `ifnull(${ISO_DAY}, char(2))`,
  `CASE WHEN ${IS_ISO_DAY} THEN '' ELSE ifnull(date_signed, char(2)) END`,
  'ifnull(doc_year, char(2))',
  'is_normative',
  'd_issuers',
  'ifnull(kind, char(2))',
].join(', ')}), char(1)), ${['doc_id', 'title', 'docnum', 'issuers'].map((c) => `group_concat(${c}, char(1))`).join(', ')}
  FROM search_map WHERE rid >= ? AND rid < ?`;

/** Rows read per statement on a full load: arrays in bulk are faster than stepping row by row, and bounded. */
const LOAD_CHUNK = 10_000;

/** Facet values as small integers: issuers (by distinct stored issuers value), kinds and years. */
function createFacetInterning() {
  const facetValues: FacetValues = { issuer: new Interner(), kind: new Interner(), year: new Interner() };
  const issuerSets: IssuerSet[] = [];
  const issuerSetIds = new Map<string, number>();
  const yearIds = new Map<number, number>();
  return {
    facetValues,
    issuerSets,
    issuerSetOf(json: string): number {
      let id = issuerSetIds.get(json);
      if (id === undefined) {
        const list = parseList(json);
        id = issuerSets.length;
        issuerSets.push({ list, ids: [...new Set(list)].map((x) => facetValues.issuer.id(x)) });
        issuerSetIds.set(ownCopy(json), id);
      }
      return id;
    },
    yearIdOf(year: number): number {
      let id = yearIds.get(year);
      if (id === undefined) {
        id = facetValues.year.id(String(year));
        yearIds.set(year, id);
      }
      return id;
    },
  };
}

type Columns = { size: number; count: number; live: Uint8Array } & Record<TextField, string[]>;
const FTS_COLUMN: Record<TextField, string> = { nTitle: 'title', nDocnum: 'docnum', nIssuers: 'issuers' };

/**
 * The normalized fields of every document joined into one string each (built when first needed after a change):
 * the documents holding a short term are found by hopping from occurrence to occurrence with indexOf, instead of a
 * test of every document's string (100,000 of them).
 */
function createJoinedFields(cols: Columns, changes: () => number) {
  const joined = new Map<TextField, { changes: number; text: string; starts: Int32Array; rids: Int32Array }>();
  function joinedOf(field: TextField) {
    let j = joined.get(field);
    if (j && j.changes === changes()) return j;
    const values = cols[field];
    const rids = new Int32Array(cols.count);
    const starts = new Int32Array(cols.count + 1);
    const parts: string[] = [];
    let n = 0;
    let at = 0;
    for (let rid = 0; rid < cols.size; rid++) {
      if (!cols.live[rid]) continue;
      rids[n] = rid;
      starts[n++] = at;
      parts.push(values[rid]);
      at += values[rid].length + 1;
    }
    starts[n] = at;
    j = { changes: changes(), text: parts.join(SEPARATOR), starts, rids };
    joined.set(field, j);
    return j;
  }
  return {
    containing(field: TextField, term: string, fn: (rid: number) => void): void {
      if (!term) return;
      const { text, starts, rids } = joinedOf(field);
      const last = rids.length - 1;
      let k = 0;
      for (let at = text.indexOf(term); at >= 0; ) {
        // The document this occurrence is in (the last start at or before it): gallop from the previous one,
        // then halve — occurrences are often in the next few documents.
        let step = 1;
        let hi = k;
        while (hi < last && starts[hi + 1] <= at) {
          k = hi + 1;
          hi = Math.min(last, k + step);
          step *= 2;
        }
        while (k < hi) {
          const mid = (k + hi + 1) >> 1;
          if (starts[mid] <= at) k = mid;
          else hi = mid - 1;
        }
        fn(rids[k]);
        if (++k > last) return;
        at = text.indexOf(term, starts[k]);
      }
    },
  };
}

/** The columns of the meta cache, empty (each grows to one entry per rid). */
function emptyColumns() {
  return {
    /** one past the largest rid: the length of every column */
    size: 0,
    /** documents held (all of them once every row is loaded) */
    count: 0,
    /** total characters of the normalized bodies held */
    blenTotal: 0,
    /** 1 where a document with this rid is held */
    live: new Uint8Array(0),
    /** document ids (undefined: no document) */
    ids: [] as Array<string | undefined>,
    /** normalized, lower-cased: what query terms are tested against for short terms, tiers and matchedIn */
    nTitle: [] as string[],
    /** every spelling of the 文号, normalized and lower-cased, space-separated */
    nDocnum: [] as string[],
    nIssuers: [] as string[],
    /** characters in the normalized body */
    blen: new Int32Array(0),
    /** date signed as yyyymmdd (0: none) */
    day: new Int32Array(0),
    /** facet values as ids (see Interner; -1 for none) and the document's issuer set (see issuerSets) */
    yearId: new Int32Array(0),
    kindId: new Int32Array(0),
    issuerSet: new Int32Array(0),
    normative: new Uint8Array(0),
    /** year of the document (date signed, else the 文号's year; NaN for none), for the year filter */
    year: new Float64Array(0),
  };
}

/** What the meta cache asks of search_map and search_meta. */
function metaStatements(db: Db) {
  const stateStmt = db.prepare<[], { meta_version: number; deleted_version: number }>(
    'SELECT meta_version, deleted_version FROM search_state WHERE id = 1',
  );
  const metaSinceStmt = db.prepare<[number], MetaRow>(`${META_SELECT} WHERE ver > ?`).raw();
  // One part of the rows in a range of rids, or several parts at once (one pass over the table instead of several).
  const range = <R>(columns: string) => db.prepare<[number, number], R>(`SELECT ${columns} FROM search_map WHERE rid >= ? AND rid < ?`).raw();
  const textsRangeStmt = range<[number, ...TextsOf]>('rid, title, docnum, issuers');
  const coreFacetsRangeStmt = range<[...CoreRow, ...FacetValuesOf]>(`${CORE_COLUMNS}, ${FACET_COLUMNS}`);
  const wholeRangeStmt = range<MetaRow>(WHOLE_COLUMNS);
  const packedRangeStmt = db.prepare<[number, number], Array<string | null>>(PACKED_SELECT).raw();
  const fieldMatchStmt = db.prepare<[string], number>('SELECT rowid FROM search_meta WHERE search_meta MATCH ?').pluck();
  const shortHitsStmt = db.prepare<[{ t: string }], [number, number]>(SHORT_HITS_SELECT).raw();
  const metaOfStmt = db.prepare<[string], MetaRow>(`${META_SELECT} WHERE rid IN (SELECT value FROM json_each(?))`).raw();
  const ridsStmt = db.prepare<[], number>('SELECT rid FROM search_map').pluck();
  const idOfStmt = db.prepare<[number], string>('SELECT doc_id FROM search_map WHERE rid = ?').pluck();
  // (from the index on doc_id: a tenth of the pages of the table)
  const allIdsStmt = db.prepare<[], [number, string]>('SELECT rid, doc_id FROM search_map').raw();
  const maxRidStmt = db.prepare<[], number | null>('SELECT max(rid) FROM search_map').pluck();
  const statsStmt = db.prepare<[], { n: number; blen: number }>('SELECT count(*) AS n, total(blen) AS blen FROM search_map');
  return { stateStmt, metaSinceStmt, textsRangeStmt, coreFacetsRangeStmt, wholeRangeStmt, packedRangeStmt, fieldMatchStmt, shortHitsStmt, metaOfStmt, ridsStmt, idOfStmt, allIdsStmt, maxRidStmt, statsStmt };
}

/** A copy of a column, `cap` long, `fill` beyond what it held. */
function widen<T extends Uint8Array | Int32Array | Float64Array>(a: T, make: (n: number) => T, cap: number, fill?: number): T {
  const b = make(cap);
  if (fill !== undefined) b.fill(fill);
  b.set(a);
  return b;
}

/**
 * The rows of the meta cache's columns: a row is held with its core (`live`), and its facet values and texts held
 * too or not (`parts`).
 */
function createRowStore(cache: ReturnType<typeof emptyColumns>, interning: ReturnType<typeof createFacetInterning>) {
  const { facetValues, issuerSetOf, yearIdOf } = interning;
  /** by rid, the parts held beyond the core (FACETS, TEXTS); how many rows are whole; changes to what is held */
  let parts = new Uint8Array(0);
  let wholeCount = 0;
  let changes = 0;

  function grow(size: number): void {
    if (size <= cache.size) return;
    if (size > cache.live.length) {
      const cap = Math.max(size, Math.ceil(cache.live.length * 1.25), 64);
      cache.live = widen(cache.live, (n) => new Uint8Array(n), cap);
      parts = widen(parts, (n) => new Uint8Array(n), cap);
      cache.blen = widen(cache.blen, (n) => new Int32Array(n), cap);
      cache.day = widen(cache.day, (n) => new Int32Array(n), cap);
      cache.yearId = widen(cache.yearId, (n) => new Int32Array(n), cap, -1);
      cache.kindId = widen(cache.kindId, (n) => new Int32Array(n), cap, -1);
      cache.issuerSet = widen(cache.issuerSet, (n) => new Int32Array(n), cap);
      cache.normative = widen(cache.normative, (n) => new Uint8Array(n), cap);
      cache.year = widen(cache.year, (n) => new Float64Array(n), cap, NaN);
    }
    if (cache.size === 0) {
      // The first look: whole arrays at once (pushing 100,000 entries to four arrays costs ~20 ms).
      cache.ids = new Array<string | undefined>(size).fill(undefined);
      cache.nTitle = new Array<string>(size).fill('');
      cache.nDocnum = new Array<string>(size).fill('');
      cache.nIssuers = new Array<string>(size).fill('');
    }
    for (let rid = cache.ids.length; rid < size; rid++) {
      cache.ids.push(undefined);
      cache.nTitle.push('');
      cache.nDocnum.push('');
      cache.nIssuers.push('');
    }
    cache.size = size;
  }

  function drop(rid: number): void {
    if (!cache.live[rid]) return;
    changes++;
    cache.live[rid] = 0;
    cache.count--;
    cache.blenTotal -= cache.blen[rid];
    cache.ids[rid] = undefined;
    cache.nTitle[rid] = cache.nDocnum[rid] = cache.nIssuers[rid] = '';
    if (parts[rid] === WHOLE) wholeCount--;
    parts[rid] = 0;
  }

  /** Marks a part of a held row as held. */
  function hold(rid: number, part: number): void {
    if (parts[rid] === WHOLE) return;
    parts[rid] |= part;
    if (parts[rid] === WHOLE) wholeCount++;
  }

  function putTexts(rid: number, ntitle: string, ndocnum: string, nissuers: string): void {
    changes++;
    hold(rid, TEXTS);
    cache.nTitle[rid] = lower(ntitle);
    cache.nDocnum[rid] = lower(ndocnum);
    cache.nIssuers[rid] = lower(nissuers);
  }

  function put(r: MetaRow): void {
    putCore(r[0], r[1], r[2], r[3]);
    putFacets(r[0], r[3], r[4], r[5], r[6], r[7]);
    putTexts(r[0], r[8], r[9], r[10]);
  }

  function putCore(rid: number, id: string, blen: number, dateSigned: string | null): void {
    putNumbers(rid, blen, dayNumber(dateSigned));
    cache.ids[rid] = id;
  }

  /** A row held by its numbers alone: its id is read when asked (`idOf`). */
  function putNumbers(rid: number, blen: number, day: number): void {
    grow(rid + 1);
    drop(rid);
    cache.live[rid] = 1;
    cache.count++;
    changes++;
    cache.blen[rid] = blen;
    cache.blenTotal += blen;
    cache.day[rid] = day;
  }

  function putFacets(rid: number, dateSigned: string | null, docYear: number | null, issuers: string, kind: string | null, isNormative: number): void {
    putFacetValues(rid, dateSigned ? Number(dateSigned.slice(0, 4)) : docYear, issuers, kind, isNormative);
  }

  /** The facet values of a row; `y`: the year of its date signed, else its 文号's (null, NaN: none). */
  function putFacetValues(rid: number, y: number | null, issuers: string, kind: string | null, isNormative: number): void {
    hold(rid, FACETS);
    const year = y !== null && Number.isFinite(y) ? y : null;
    cache.year[rid] = year ?? NaN;
    cache.yearId[rid] = year === null ? -1 : yearIdOf(year);
    cache.kindId[rid] = kind ? facetValues.kind.id(kind) : -1;
    cache.issuerSet[rid] = issuerSetOf(issuers);
    cache.normative[rid] = isNormative === 1 ? 1 : 0;
  }

  return {
    grow,
    drop,
    put,
    putCore,
    putNumbers,
    putFacets,
    putFacetValues,
    putTexts,
    holds: (rid: number, part: number) => (parts[rid] & part) === part,
    wholeCount: () => wholeCount,
    changes: () => changes,
  };
}

/**
 * Reads every row not held yet, whole, a chunk of rows as one string (PACKED_FIELDS); what `put` would hold of
 * them, without an array per row. False when a chunk does not split into whole rows (a text holding the
 * separator): the rows read so far are held, and the rest is left to be read as arrays.
 */
function loadPacked(
  stmt: { get(from: number, to: number): Array<string | null> | undefined },
  cache: { size: number; live: Uint8Array; ids: Array<string | undefined> },
  store: Pick<ReturnType<typeof createRowStore>, 'putNumbers' | 'putFacetValues' | 'putTexts'>,
  start = 0,
  end = cache.size,
): boolean {
  const nul = (v: string) => (v === PACKED_NULL ? null : v);
  for (let from = start; from < end; from += LOAD_CHUNK) {
    const packed = stmt.get(from, Math.min(end, from + LOAD_CHUNK));
    if (!packed?.[0]) continue;
    const [f, ids, titles, docnums, issuers] = packed.map((p) => (p ?? '').split(PACKED_FIELD));
    const n = f.length / PACKED_WIDTH;
    if (f.length % PACKED_WIDTH || [ids, titles, docnums, issuers].some((c) => c.length !== n)) return false;
    for (let i = 0, k = 0; i < f.length; i += PACKED_WIDTH, k++) {
      const rid = Number(f[i]);
      if (cache.live[rid]) continue;
      const iso = f[i + 2] !== PACKED_NULL;
      const dateSigned = iso ? null : nul(f[i + 3]);
      const day = iso ? Number(f[i + 2]) : dayNumber(dateSigned);
      store.putNumbers(rid, Number(f[i + 1]), day);
      cache.ids[rid] = ids[k];
      const docYear = f[i + 4] === PACKED_NULL ? null : Number(f[i + 4]);
      // an ISO day's year is its first four digits, as putFacets takes them from the date signed
      const year = iso ? Math.floor(day / 10_000) : dateSigned ? Number(dateSigned.slice(0, 4)) : docYear;
      store.putFacetValues(rid, year, f[i + 6], nul(f[i + 7]), Number(f[i + 5]));
      store.putTexts(rid, titles[k], docnums[k], issuers[k]);
    }
  }
  return true;
}

/**
 * What search keeps in memory of the library: one column per field, indexed by rid (search_map's row id), in
 * typed arrays where the value is a number — ids and the normalized title, 文号 and issuers that short terms are
 * tested against, about 400 bytes a document with their joined copies, instead of an object per document. It
 * follows the library through the change counters the triggers keep (search_state) and re-reads only rows whose
 * version moved. A process that searches once (the CLI) reads only the rows its matches need: many matches read
 * every row's numbers (body length, date: what ranks every match), ids only of the rows it shows or whose order
 * it must break, the facet values when filters or facet counts need them, and the normalized texts only of the
 * rows that are shown or tested one by one; a short term or a suggestion reads them all, once.
 */
export function createMetaCache(db: Db) {
  const { stateStmt, metaSinceStmt, textsRangeStmt, coreFacetsRangeStmt, wholeRangeStmt, packedRangeStmt, fieldMatchStmt, shortHitsStmt, metaOfStmt, ridsStmt, idOfStmt, allIdsStmt, maxRidStmt, statsStmt } = metaStatements(db);

  let metaVersion = -1;
  let deletedVersion = -1;
  const interning = createFacetInterning();
  const { facetValues, issuerSets } = interning;
  /** every row is loaded (else only those asked for through `ensure`: a one-off search in a CLI process) */
  let full = false;
  /** every row's numbers are held (ids maybe not); every row's id and facet values */
  let numbersFull = false;
  let facetsFull = false;
  let stats: { version: number; n: number; blen: number } | null = null;
  /** rows below it were read whole by `loadWhole` (those changed since, `refresh` read again whole) */
  let wholeUpTo = 0;

  const cache = {
    ...emptyColumns(),
    issuerSets,
    facetValues,
    /** Re-reads what moved since the last look among the rows held; one small query when nothing did. */
    refresh,
    /** Holds these documents (by rid), reading those not held yet — or every row's numbers, when many are missing. */
    ensure,
    /** Holds these documents (by rid) whole: id, facet values and normalized title, 文号 and issuers too. */
    ensureWhole,
    /** Holds every document's facet values (filters and facet counts). */
    loadFacets,
    /** Holds every document. */
    loadAll,
    /**
     * Holds the documents of rids [from, to) whole, as `loadAll` will (a server's start reads the library in such
     * steps, answering what arrives between them); nothing once part of every row is held.
     */
    loadWhole(from: number, to: number): void {
      if (full || numbersFull || facetsFull) return;
      const end = Math.min(to, cache.size);
      if (!loadPacked(packedRangeStmt, cache, rowStore, from, end)) return;
      if (from <= wholeUpTo) wholeUpTo = Math.max(wholeUpTo, end);
    },
    /** The id of a document held (read now when only its numbers are). */
    idOf: (rid: number): string => cache.ids[rid] ?? (cache.ids[rid] = idOfStmt.get(rid) ?? ''),
    /** Holds the ids of these documents. */
    ensureIds,
    /** Documents in the library and characters in all their normalized bodies (bm25's average length). */
    totals(): { n: number; blen: number } {
      if (numbersFull) return { n: cache.count, blen: cache.blenTotal };
      if (!stats || stats.version !== metaVersion) stats = { version: metaVersion, ...statsStmt.get()! };
      return stats;
    },
    /** Calls `fn` once for each document whose `field` contains `term` (normalized, lower-cased), by rid order. */
    containing: (field: TextField, term: string, fn: (rid: number) => void): void => {
      // While the texts are not all held, a term the trigram index answers exactly is asked of it instead.
      if (!full && TRIGRAM_EXACT.test(term)) {
        for (const rid of fieldMatchStmt.all(`{${FTS_COLUMN[field]}} : "${term}"`)) if (rid < cache.size && cache.live[rid]) fn(rid);
        return;
      }
      // … and a shorter one is tested by SQLite over the stored texts (rows maybe not held yet: `ensure` reads them).
      if (!full && SHORT_CASELESS.test(term)) {
        const { rids, fields } = shortHits(term);
        const bit = FIELD_BIT[field];
        for (let i = 0; i < rids.length; i++) if (fields[i] & bit && rids[i] < cache.size) fn(rids[i]);
        return;
      }
      loadAll();
      containing(field, term, fn);
    },
  };

  const rowStore = createRowStore(cache, interning);
  const { grow, drop, put, putCore, putNumbers, putFacets, putTexts, holds, wholeCount, changes } = rowStore;
  const { containing } = createJoinedFields(cache, changes);

  function refresh(): void {
    const st = stateStmt.get()!;
    if (st.meta_version === metaVersion && st.deleted_version === deletedVersion) return;
    if (metaVersion >= 0) {
      if (st.deleted_version !== deletedVersion) {
        const live = new Uint8Array(cache.size);
        for (const rid of ridsStmt.iterate()) if (rid < live.length) live[rid] = 1;
        for (let rid = 0; rid < cache.size; rid++) if (cache.live[rid] && !live[rid]) drop(rid);
      }
      for (const r of metaSinceStmt.iterate(metaVersion)) put(r);
    }
    grow((maxRidStmt.get() ?? 0) + 1);
    metaVersion = st.meta_version;
    deletedVersion = st.deleted_version;
  }

  /**
   * Reads a part of every row up to `size`, in chunks (rows held are kept: `refresh` keeps them current; rows
   * beyond `size` came after the last refresh, which will read them).
   */
  function loadRange<R extends [number, ...unknown[]]>(stmt: { all(from: number, to: number): R[] }, put: (r: R) => void): void {
    const end = cache.size;
    for (let from = 0; from < end; from += LOAD_CHUNK) for (const r of stmt.all(from, Math.min(end, from + LOAD_CHUNK))) put(r);
  }

  /**
   * Every row's numbers, handed by SQLite to a function of ours row by row: no array and no string a row (the
   * date comes as yyyymmdd from SQL), which costs half of reading the same rows as arrays with their ids.
   */
  function loadNumbers(): void {
    if (numbersFull) return;
    const end = cache.size;
    db.function('nd_meta_numbers', { directOnly: true }, (rid: unknown, blen: unknown, day: unknown, dateSigned: unknown) => {
      const r = rid as number;
      if (r < end && !cache.live[r]) putNumbers(r, blen as number, (day as number | null) ?? dayNumber(dateSigned as string | null));
      return null;
    });
    const scan = db.prepare(`SELECT count(nd_meta_numbers(rid, blen, ${ISO_DAY}, CASE WHEN NOT ${IS_ISO_DAY} THEN date_signed END)) FROM search_map WHERE rid < ?`).pluck();
    throughSmallCache(() => scan.get(end));
    numbersFull = true;
  }

  /**
   * Runs a scan of the whole table through a page cache of SQLite's default size: it reads each page once, and a
   * larger cache would give each a buffer of its own (40 MB at 100,000 documents: twice the scan's time).
   */
  function throughSmallCache<T>(scan: () => T): T {
    return withPragma(db, 'cache_size', -2000, (pages) => db.memory || (pages >= -2000 && pages <= 500), scan);
  }

  /** The rows whose texts hold a short term, with which texts (FIELD_BIT); kept for the other fields asked. */
  let shortHitsOf = { version: '', terms: new Map<string, { rids: Int32Array; fields: Uint8Array }>() };
  function shortHits(term: string): { rids: Int32Array; fields: Uint8Array } {
    const version = `${metaVersion}|${deletedVersion}`;
    if (shortHitsOf.version !== version || shortHitsOf.terms.size > 16) shortHitsOf = { version, terms: new Map() };
    let hits = shortHitsOf.terms.get(term);
    if (!hits) {
      const rows = throughSmallCache(() => shortHitsStmt.all({ t: term }));
      hits = { rids: Int32Array.from(rows, (r) => r[0]), fields: Uint8Array.from(rows, (r) => r[1]) };
      shortHitsOf.terms.set(term, hits);
    }
    return hits;
  }

  // Rows held before every row's numbers are loaded are whole (read by rid, or by `refresh`): the first bulk read
  // of facets or of everything reads the parts it needs in one pass.
  function loadFacets(): void {
    if (facetsFull) return;
    loadRange(coreFacetsRangeStmt, (r) => {
      if (!cache.live[r[0]]) putCore(r[0], r[1], r[2], r[3]);
      else if (cache.ids[r[0]] === undefined) cache.ids[r[0]] = r[1];
      if (!holds(r[0], FACETS)) putFacets(r[0], r[3], r[4], r[5], r[6], r[7]);
    });
    numbersFull = facetsFull = true;
  }

  function loadAll(): void {
    if (full) return;
    if (numbersFull || facetsFull) {
      loadFacets();
      loadRange(textsRangeStmt, (r) => cache.live[r[0]] && !holds(r[0], TEXTS) && putTexts(...r));
    } else if (!loadPacked(packedRangeStmt, cache, rowStore, wholeUpTo)) loadRange(wholeRangeStmt, (r) => cache.live[r[0]] || put(r));
    full = numbersFull = facetsFull = true;
  }

  /** Reads these rows whole. */
  function readRows(rids: number[]): void {
    for (let i = 0; i < rids.length; i += LOAD_CHUNK) for (const r of metaOfStmt.all(JSON.stringify(rids.slice(i, i + LOAD_CHUNK)))) put(r);
  }

  // Reading rows by id costs about four times a bulk read: beyond a few, read them all.
  function ensure(rids: ArrayLike<number>): void {
    if (numbersFull) return;
    const missing: number[] = [];
    for (let i = 0; i < rids.length; i++) if (!cache.live[rids[i]]) missing.push(rids[i]);
    if (missing.length * 4 > cache.size - cache.count) loadNumbers();
    else readRows(missing);
  }

  function ensureWhole(rids: ArrayLike<number>): void {
    if (full) return;
    const missing: number[] = [];
    for (let i = 0; i < rids.length; i++) if (!holds(rids[i], WHOLE)) missing.push(rids[i]);
    if (missing.length * 4 > cache.size - wholeCount()) loadAll();
    else readRows(missing);
  }

  function ensureIds(rids: ArrayLike<number>): void {
    if (facetsFull) return;
    let missing = 0;
    for (let i = 0; i < rids.length; i++) if (cache.live[rids[i]] && cache.ids[rids[i]] === undefined) missing++;
    // Few: by rid; many: every id, from the index on doc_id.
    if (missing <= LOAD_CHUNK / 10) {
      for (let i = 0; i < rids.length; i++) if (cache.live[rids[i]]) cache.idOf(rids[i]);
    }
    else for (const [rid, id] of allIdsStmt.iterate()) if (rid < cache.size && cache.live[rid] && cache.ids[rid] === undefined) cache.ids[rid] = id;
  }

  return cache;
}
export type MetaCache = ReturnType<typeof createMetaCache>;

/** Whether `docNumber` (normalized, lower-cased) is one of the spellings in a space-separated nDocnum. */
export function hasDocNumber(nDocnum: string, docNumber: string): boolean {
  if (!nDocnum) return false;
  const at = nDocnum.indexOf(docNumber);
  if (at < 0) return false;
  return ` ${nDocnum} `.includes(` ${docNumber} `);
}

import type { Db } from '../../db/open';

/** What search keeps in memory of one document: result fields, facet values and normalized match fields. */
export interface Meta {
  rid: number;
  id: string;
  title: string;
  docNumber: string | null;
  issuers: string[];
  dateSigned: string | null;
  year: number | null;
  kind: string | null;
  normative: boolean;
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
export class Interner {
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
export type FacetValues = { issuer: Interner; kind: Interner; year: Interner };

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
];

// search_map carries copies of the fields needed here: loading 20,000 rows never touches `documents`.
const META_SELECT = `
  SELECT rid, doc_id AS id, title AS ntitle, docnum AS ndocnum, issuers AS nissuers, blen,
         d_title AS title, doc_number, doc_number_raw, doc_year, d_issuers AS issuers, date_signed, kind, is_normative
  FROM search_map`;

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

/**
 * The in-memory copy of search_map that matching, facets and result rows read. It follows the library through
 * the change counters the triggers keep (search_state) and re-reads only rows whose version moved.
 */
export function createMetaCache(db: Db) {
  const stateStmt = db.prepare<[], { meta_version: number; deleted_version: number }>(
    'SELECT meta_version, deleted_version FROM search_state WHERE id = 1',
  );
  const metaStmt = db.prepare<[], MetaRow>(META_SELECT).raw();
  const metaSinceStmt = db.prepare<[number], MetaRow>(`${META_SELECT} WHERE ver > ?`).raw();
  const ridsStmt = db.prepare<[], number>('SELECT rid FROM search_map').pluck();

  let metaVersion = -1;
  let deletedVersion = -1;
  const metas = new Map<number, Meta>();
  const facetValues: FacetValues = { issuer: new Interner(), kind: new Interner(), year: new Interner() };
  const ridById = new Map<string, number>();
  const cache = {
    /** every document by rid (holes where rows were deleted), for the loops over every match */
    byRid: [] as Array<Meta | undefined>,
    metas,
    facetValues,
    /** total characters of all normalized bodies (average length for relevance) */
    blenTotal: 0,
    /** Re-reads what moved since the last look; one small query when nothing did. */
    refresh,
  };

  function put(m: Meta): void {
    const old = metas.get(m.rid);
    if (old) {
      cache.blenTotal -= old.blen;
      if (ridById.get(old.id) === old.rid) ridById.delete(old.id);
    }
    metas.set(m.rid, m);
    cache.byRid[m.rid] = m;
    ridById.set(m.id, m.rid);
    cache.blenTotal += m.blen;
  }

  function refresh(): void {
    const st = stateStmt.get()!;
    if (st.meta_version === metaVersion && st.deleted_version === deletedVersion) return;
    if (metaVersion < 0) {
      cache.byRid = [];
      for (const r of metaStmt.all()) put(toMeta(r, facetValues));
    } else {
      if (st.deleted_version !== deletedVersion) {
        const live = new Set(ridsStmt.all());
        for (const [rid, m] of metas) {
          if (live.has(rid)) continue;
          metas.delete(rid);
          cache.byRid[rid] = undefined;
          if (ridById.get(m.id) === rid) ridById.delete(m.id);
          cache.blenTotal -= m.blen;
        }
      }
      for (const r of metaSinceStmt.iterate(metaVersion)) put(toMeta(r, facetValues));
    }
    metaVersion = st.meta_version;
    deletedVersion = st.deleted_version;
  }

  return cache;
}
export type MetaCache = ReturnType<typeof createMetaCache>;

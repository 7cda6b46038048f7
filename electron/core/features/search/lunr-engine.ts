import lunr from 'lunr';

/**
 * The lunr side of search: a small ranked, fielded index over what identifies a document (title, 文号 and its
 * parts, issuer, kind, keywords) — never bodies, which live in SQLite FTS5. lunr's default pipeline (trimmer,
 * stop words, stemmer) deletes CJK text, so it is replaced by a CJK bigram tokenizer and empty pipelines; user
 * text never reaches lunr's query parser (it throws on `:` `~` `^`), queries are built with `index.query`.
 * Used both inside the worker and in-process (fallback), so it has no I/O.
 */

export interface LunrDoc {
  id: string;
  title: string;
  docnum: string;
  issuer: string;
  kind: string;
  keywords: string;
}

export interface LunrHit {
  ref: string;
  score: number;
}

/** Bumped when the tokenizer, fields or file layout change, so an old persisted index is rebuilt instead of loaded. */
export const LUNR_FORMAT = 2;

const WORD = /[\p{Script=Han}\u3005\u3007]+|[\p{L}\p{N}]+/gu;
const HAN = /^[\p{Script=Han}\u3005\u3007]/u;

/** Terms of a text: Han runs as overlapping bigrams (a lone character as itself), other words lower-cased. */
export function lunrTerms(text: string): string[] {
  const out: string[] = [];
  for (const m of (text ?? '').normalize('NFKC').matchAll(WORD)) {
    const w = m[0];
    if (HAN.test(w)) {
      const chars = Array.from(w);
      if (chars.length === 1) out.push(w);
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    } else {
      out.push(w.toLowerCase());
    }
  }
  return out;
}

function tokenizer(obj: unknown, metadata?: object): lunr.Token[] {
  if (obj == null) return [];
  const text = Array.isArray(obj) ? obj.join(' ') : String(obj);
  return lunrTerms(text).map((t, i) => new lunr.Token(t, { ...(metadata ?? {}), position: [i, 1] }));
}

const FIELDS: Array<[keyof LunrDoc, number]> = [
  ['title', 10],
  ['docnum', 8],
  ['keywords', 4],
  ['issuer', 2],
  ['kind', 1],
];

/** What identifies a document, as lunr fields: 文号 with its parts, 《…》 names inside the title as keywords. */
export function toLunrDoc(row: { id: string; title: string; docnum: string; issuers: string; kind: string | null }): LunrDoc {
  const parts = /^(.+?)〔(\d{4})〕(\d+)号/.exec(row.docnum);
  const names = [...row.title.matchAll(/《([^》]{1,80})》/g)].map((m) => m[1]);
  return {
    id: row.id,
    title: row.title,
    docnum: parts ? `${row.docnum} ${parts[1]} ${parts[2]} ${parts[3]}` : row.docnum,
    issuer: row.issuers,
    kind: row.kind ?? '',
    keywords: names.join(' '),
  };
}

function newBuilder(): lunr.Builder {
  const b = new lunr.Builder();
  b.pipeline.reset();
  b.searchPipeline.reset();
  b.tokenizer = tokenizer as unknown as typeof lunr.tokenizer;
  b.ref('id');
  for (const [name, boost] of FIELDS) b.field(name, { boost });
  return b;
}

/** Builds an index, yielding between chunks when `yieldFn` is given (so queries are answered meanwhile). */
export async function buildLunrIndex(docs: LunrDoc[], yieldFn?: () => Promise<void>): Promise<lunr.Index> {
  const b = newBuilder();
  for (let i = 0; i < docs.length; i++) {
    b.add(docs[i]);
    if (yieldFn && i % 100 === 99) await yieldFn();
  }
  return b.build();
}

/** Loads a serialized index; null when it is unreadable. */
export function loadLunrIndex(json: unknown): lunr.Index | null {
  try {
    return lunr.Index.load(json as object);
  } catch {
    return null;
  }
}

/** How a query is run: suggestions (typing in progress) or a submitted search. */
export interface LunrQueryOptions {
  /** also try the last term as a prefix (the word being typed); default true */
  prefix?: boolean;
  /**
   * leave out terms found in more than this share of the documents. Such terms weigh almost nothing in the
   * score (idf ≈ 0) and cost the most: a bigram in every title makes lunr score every document (~1 s at
   * 20,000), for no change in the order.
   */
  maxDocShare?: number;
}

const dfCache = new WeakMap<lunr.Index, { docs: number; df: Map<string, number> }>();

/** Documents a term occurs in (the largest count over fields) and documents in all, cached per index. */
function documentFrequency(index: lunr.Index, term: string): { df: number; docs: number } {
  let entry = dfCache.get(index);
  if (!entry) {
    entry = { docs: Object.keys((index as unknown as { fieldVectors: object }).fieldVectors).length / FIELDS.length, df: new Map() };
    dfCache.set(index, entry);
  }
  let df = entry.df.get(term);
  if (df === undefined) {
    const posting = (index as unknown as { invertedIndex: Record<string, Record<string, object> | undefined> }).invertedIndex[term];
    df = 0;
    if (posting) for (const [name] of FIELDS) df = Math.max(df, Object.keys(posting[name] ?? {}).length);
    entry.df.set(term, df);
  }
  return { df, docs: entry.docs };
}

/**
 * Ranked refs for a text over the shards of the library's index (each a lunr index over part of the
 * documents; their scores are comparable, the documents being spread alike). Every term is optional (more
 * matching terms rank higher); the last term is also tried as a prefix (typing in progress), and Latin words
 * of 4+ letters tolerate one typo. Never throws.
 */
export function queryLunr(indexes: lunr.Index[], text: string, limit: number, fields?: Array<keyof LunrDoc>, opts: LunrQueryOptions = {}): LunrHit[] {
  let terms = [...new Set(lunrTerms(text))].slice(0, 64);
  if (opts.maxDocShare !== undefined) {
    const share = opts.maxDocShare;
    terms = terms.filter((t) => {
      let df = 0;
      let docs = 0;
      for (const index of indexes) {
        const f = documentFrequency(index, t);
        df += f.df;
        docs += f.docs;
      }
      return df <= Math.max(1, docs * share);
    });
  }
  if (terms.length === 0) return [];
  const prefix = opts.prefix ?? true;
  // lunr takes a present-but-undefined `fields` literally (matching nothing), so only pass it when given.
  const scope = fields ? { fields } : {};
  const hits: LunrHit[] = [];
  for (const index of indexes) {
    try {
      const found = index.query((q) => {
        terms.forEach((t, i) => {
          const latin = !HAN.test(t);
          q.term(t, { ...scope, usePipeline: false, editDistance: latin && t.length >= 4 ? 1 : 0 });
          if (prefix && i === terms.length - 1) {
            q.term(t, { ...scope, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 0.5 });
          }
        });
      });
      for (let i = 0; i < found.length && i < limit; i++) hits.push({ ref: found[i].ref, score: found[i].score });
    } catch {
      // a shard that cannot answer adds nothing
    }
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}

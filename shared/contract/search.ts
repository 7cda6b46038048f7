import { z } from 'zod';
import { DocumentStatus } from '../domain/document';
import { IsoDate } from '../domain/parse-result';
import { defineChannels } from './define';
import { FacetCount } from './documents';

/** What a person typed or pasted into a search box. */
/** The longest query text accepted (a pasted page fits; a pasted book does not). */
/** Results on one page of the search page (what the UI asks for; the benches ask the same). */
export const SEARCH_PAGE_SIZE = 20;

export const MAX_QUERY_CHARS = 100_000;
export const QUERY_TOO_LONG = '查询内容过长（超过 10 万字），请缩短后再查';
const QueryText = z.string().max(MAX_QUERY_CHARS, QUERY_TOO_LONG);

export const SearchRequest = z.object({
  /**
   * our own query language: terms (all must match), "phrases", -excluded, 标题: 文号: 机关: 正文:. Long input
   * is accepted and cut by the query parser (which says so); only absurd sizes are refused.
   */
  text: QueryText,
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
  sort: z.enum(['relevance', 'date']).default('relevance'),
  /** statuses (and the status facet) as of this day; default today */
  asOf: IsoDate.optional(),
  filters: z
    .object({
      status: z.array(DocumentStatus).optional(),
      issuer: z.string().max(100).optional(),
      year: z.number().int().optional(),
      kind: z.string().max(20).optional(),
      normative: z.boolean().optional(),
    })
    .default({}),
  /** false: no facet counts (a caller that shows none, like the CLI, then pays for the statuses of its page only) */
  facets: z.boolean().optional(),
});
export type SearchRequest = z.infer<typeof SearchRequest>;

export const SearchHit = z.object({
  id: z.string(),
  title: z.string(),
  docNumber: z.string().nullable(),
  issuers: z.array(z.string()),
  dateSigned: IsoDate.nullable(),
  status: DocumentStatus,
  score: z.number(),
  /** plain-text snippets around the matches (several per document) */
  snippets: z.array(z.string()),
  /** per snippet, [start, end) ranges of the matched text inside it */
  snippetMatches: z.array(z.array(z.tuple([z.number().int(), z.number().int()]))),
  /** where the query matched: 文号, 标题, 正文 … */
  matchedIn: z.array(z.enum(['docNumber', 'title', 'issuer', 'body'])),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResults = z.object({
  total: z.number().int(),
  tookMs: z.number(),
  results: z.array(SearchHit),
  facets: z.object({
    status: z.array(FacetCount),
    issuer: z.array(FacetCount),
    year: z.array(FacetCount),
    kind: z.array(FacetCount),
    normative: z.array(FacetCount),
  }),
  /** the query as understood (terms and phrases), for highlighting in the document view */
  terms: z.array(z.string()),
  /** a note when part of the query was ignored (e.g. an empty field prefix), in Chinese */
  notice: z.string().nullable(),
});
export type SearchResults = z.infer<typeof SearchResults>;

export const searchChannels = defineChannels({
  /** Full-text search over titles, 文号, issuers and bodies, ranked, with snippets and facets. */
  'search:query': { req: SearchRequest, res: SearchResults, access: 'read' },
  /** Title/文号 suggestions as the person types. */
  'search:suggest': {
    req: z.object({ text: QueryText, limit: z.number().int().min(1).max(20).default(8) }),
    res: z.array(z.object({ id: z.string(), title: z.string(), docNumber: z.string().nullable() })),
    access: 'read',
  },
});

import type { Handlers } from '../../../../shared/contract';
import type { searchChannels } from '../../../../shared/contract/search';
import type { AppContext } from '../../kernel/context';
import type { SearchService } from './search-service';

type SearchHandlers = Pick<Handlers, keyof typeof searchChannels>;

/**
 * Search channels over the search service. Facet values are display strings: statuses, issuer names, years
 * ('2021'), kinds, and 规范性文件 / 非规范性文件 for the `normative` filter (true / false).
 */
export function createSearchHandlers(_ctx: AppContext, search: SearchService): SearchHandlers {
  return {
    'search:query': (req) => search.query(req),
    'search:suggest': (req) => search.suggest(req.text, req.limit),
  };
}

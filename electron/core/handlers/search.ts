import type { Handlers } from '../../../shared/contract';
import type { searchChannels } from '../../../shared/contract/search';
import type { AppContext } from '../context';

type SearchHandlers = Pick<Handlers, keyof typeof searchChannels>;

export function createSearchHandlers(_ctx: AppContext): SearchHandlers {
  return {};
}

import type { Handlers } from '../../../shared/contract';
import type { importChannels } from '../../../shared/contract/import';
import type { AppContext } from '../context';

type ImportHandlers = Pick<Handlers, keyof typeof importChannels>;

export function createImportHandlers(_ctx: AppContext): ImportHandlers {
  return {};
}

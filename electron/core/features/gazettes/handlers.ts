import type { Handlers } from '../../../../shared/contract';
import type { AppContext } from '../../kernel/context';
import type { GazetteService } from './gazette-service';

type GazetteHandlers = Pick<Handlers, 'gazettes:list' | 'gazettes:get'>;

/** Gazette issues in the library. */
export function createGazetteHandlers(_ctx: AppContext, gazettes: GazetteService): GazetteHandlers {
  return {
    'gazettes:list': async () => gazettes.list(),
    'gazettes:get': async ({ id }) => gazettes.get(id),
  };
}

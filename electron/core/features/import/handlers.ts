import type { Handlers } from '../../../../shared/contract';
import type { importChannels } from '../../../../shared/contract/import';
import type { AppContext } from '../../kernel/context';
import type { ImportService } from './import-service';

type ImportHandlers = Pick<Handlers, keyof typeof importChannels>;

/** Import channels: parse for review (staged), commit a reviewed staged batch, load the shipped samples. */
export function createImportHandlers(_ctx: AppContext, imports: ImportService): ImportHandlers {
  return {
    'import:parse': async ({ files }) => imports.parse(files),
    'import:commit': async ({ files }, { caller }) => imports.commit(caller, files),
    'import:samples': async (_req, { caller }) => imports.samples(caller),
  };
}

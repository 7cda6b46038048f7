import type { Handlers } from '../../../../shared/contract';
import type { importChannels } from '../../../../shared/contract/import';
import type { AppContext } from '../../kernel/context';
import { createImportService } from './import-service';

type ImportHandlers = Pick<Handlers, keyof typeof importChannels>;

/** Import channels: parse for review (staged), commit a reviewed staged batch, load the shipped samples. */
export function createImportHandlers(ctx: AppContext): ImportHandlers {
  const imports = createImportService(ctx);
  return {
    'import:parse': async ({ files }) => imports.parse(files),
    'import:commit': async ({ files }) => imports.commit(files),
    'import:samples': async () => imports.samples(),
  };
}

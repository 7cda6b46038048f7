import type { Handlers } from '../../../shared/contract';
import type { exportChannels } from '../../../shared/contract/export';
import type { AppContext } from '../context';
import { createExportService } from '../export/service';

type ExportHandlers = Pick<Handlers, keyof typeof exportChannels>;

export function createExportHandlers(ctx: AppContext): ExportHandlers {
  const service = createExportService(ctx);
  return {
    'export:document': async ({ id, format }) => service.toExported(await service.documentFile(id, format)),
    'export:gazette': async ({ id, format }) => service.toExported(await service.gazetteFile(id, format)),
    'export:cleanup': async ({ input, format }) => service.toExported(await service.cleanupFile(input, format)),
    'export:fonts': async () => service.fonts(),
  };
}

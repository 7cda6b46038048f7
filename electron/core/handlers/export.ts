import type { Handlers } from '../../../shared/contract';
import type { exportChannels } from '../../../shared/contract/export';
import type { AppContext } from '../context';
import type { createExportService } from '../export/service';

type ExportHandlers = Pick<Handlers, keyof typeof exportChannels>;
type ExportService = ReturnType<typeof createExportService>;

export function createExportHandlers(ctx: AppContext): ExportHandlers {
  // The export engine (docx, pdf-lib, fontkit) loads on first use, so start-up to the first answer does not pay for it.
  let service: Promise<ExportService> | null = null;
  const get = () => (service ??= import('../export/service').then((m) => m.createExportService(ctx)));
  return {
    'export:document': async ({ id, format, letterhead }) => {
      const s = await get();
      return s.toExported(await s.documentFile(id, format, { letterhead: letterhead ?? false }));
    },
    'export:gazette': async ({ id, format }) => {
      const s = await get();
      return s.toExported(await s.gazetteFile(id, format));
    },
    'export:cleanup': async ({ input, format }) => {
      const s = await get();
      return s.toExported(await s.cleanupFile(input, format));
    },
    'export:fonts': async () => (await get()).fonts(),
  };
}

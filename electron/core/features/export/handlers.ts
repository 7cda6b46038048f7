import type { Handlers } from '../../../../shared/contract';
import type { exportChannels } from '../../../../shared/contract/export';
import type { AppContext } from '../../kernel/context';
import { AppError } from '../../kernel/errors';
import { createRenderPool } from './render-pool';
import type { createExportService, ExportDeps } from './service';

type ExportHandlers = Pick<Handlers, keyof typeof exportChannels>;
type ExportService = ReturnType<typeof createExportService>;

/**
 * Export channels. The engine (docx, pdf-lib, fontkit) loads on first use, so start-up does not pay for it, and
 * renders in worker threads (render-pool.ts), so an export does not hold up the other requests.
 */
export function createExportHandlers(ctx: AppContext, deps: ExportDeps): ExportHandlers {
  let service: Promise<ExportService> | null = null;
  const pool = createRenderPool(ctx.log, (...args) => import('./service').then((m) => m.renderOfficialText(...args)));
  const get = () => (service ??= import('./service').then((m) => m.createExportService(ctx, deps, pool)));
  return {
    'export:document': async ({ id, format, letterhead }) => {
      const s = await get();
      return s.toExported(await s.documentFile(id, format, { letterhead: letterhead ?? false }));
    },
    'export:gazette': async ({ id, format }) => {
      const s = await get();
      return s.toExported(await s.gazetteFile(id, format));
    },
    'export:cleanup': async ({ input, campaignId, format }) => {
      const s = await get();
      // A campaign exports its notice and annexes from its decisions; the old form passes the list itself.
      const list = campaignId && deps.cleanup ? deps.cleanup.exportInput(campaignId) : input!;
      return s.toExported(await s.cleanupFile(list, format));
    },
    'export:campaign-report': async ({ campaignId, format }) => {
      if (!deps.cleanup) throw new AppError('NOT_FOUND', '清理功能未启用');
      const report = deps.cleanup.report(campaignId);
      const s = await get();
      return s.toExported(await s.campaignReportFile(report, format));
    },
    'export:fonts': async () => (await get()).fonts(),
  };
}

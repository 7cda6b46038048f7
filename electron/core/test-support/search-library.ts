import { createApp, type AppOptions } from '../composition';
import type { Logger } from '../kernel/context';

/**
 * A library for the search tests and the benchmark, built by the composition root like the app (so they
 * measure what users run), with the search service reachable as `search`.
 */
export function openSearchLibrary(opts: { dataDir: string; now?: () => Date; log?: Logger }) {
  const appOpts: AppOptions = {
    dataDir: opts.dataDir,
    shell: 'cli',
    resourcesDir: '',
    now: opts.now,
    log: opts.log ?? { info() {}, error: (m: string, e?: unknown) => console.error(m, e) },
  };
  const app = createApp(appOpts);
  return { ...app, search: app.services.search };
}
export type SearchLibrary = ReturnType<typeof openSearchLibrary>;

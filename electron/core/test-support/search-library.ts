import { createApp, type AppOptions } from '../composition';
import type { Logger } from '../kernel/context';
import type { SearchServiceOptions } from '../features/search/search-service';

/**
 * A library for the search tests and the benchmark, built by the composition root like the app (so they
 * measure what users run), with the search service tuned by `search` and reachable as `search`.
 */
export function openSearchLibrary(opts: { dataDir: string; now?: () => Date; log?: Logger; search?: SearchServiceOptions }) {
  const appOpts: AppOptions = {
    dataDir: opts.dataDir,
    shell: 'cli',
    resourcesDir: '',
    now: opts.now,
    log: opts.log ?? { info() {}, error: (m: string, e?: unknown) => console.error(m, e) },
    search: opts.search,
  };
  const app = createApp(appOpts);
  return { ...app, search: app.services.search };
}
export type SearchLibrary = ReturnType<typeof openSearchLibrary>;

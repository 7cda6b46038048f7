import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Channel, Handlers, Req, Res } from '../../../../shared/contract';
import { AppError } from '../../kernel/errors';
import type { AppContext, Logger } from '../../kernel/context';
import { openDatabase } from '../../db/open';
import { createDispatch } from '../../kernel/dispatch';
import { createEventBus } from '../../kernel/events';
import { createSearchHandlers } from './handlers';
import { createSettingsService } from '../settings/settings-service';
import { createSearchService, type SearchServiceOptions } from './search-service';

/**
 * The search slice of the app (database, settings, search service, dispatcher) without the other handler
 * sections, wired exactly as createApp wires it. For the search tests and the benchmark, so they do not depend
 * on every other section compiling.
 */
export function openSearchLibrary(opts: { dataDir: string; now?: () => Date; log?: Logger; search?: SearchServiceOptions }) {
  const memory = opts.dataDir === ':memory:';
  if (!memory) mkdirSync(opts.dataDir, { recursive: true });
  const db = openDatabase(memory ? ':memory:' : join(opts.dataDir, 'normdesk.db'));
  const log = opts.log ?? { info() {}, error: (m: string, e?: unknown) => console.error(m, e) };
  const closers: Array<() => void | Promise<void>> = [];
  const ctx: AppContext = {
    db,
    dataDir: opts.dataDir,
    resourcesDir: '',
    now: opts.now ?? (() => new Date()),
    version: 'test',
    shell: 'cli',
    events: createEventBus((m, e) => log.error(m, e)),
    settings: createSettingsService(db),
    log,
    integrity: { state: 'ok', message: null },
    onClose: (fn) => closers.push(fn),
  };
  const search = opts.search ? createSearchService(ctx, opts.search) : null;
  const handlers = {
    ...(search
      ? { 'search:query': search.query, 'search:suggest': (r: { text: string; limit: number }) => search.suggest(r.text, r.limit) }
      : createSearchHandlers(ctx)),
    'settings:update': async (patch: Parameters<AppContext['settings']['update']>[0]) => ctx.settings.update(patch),
  } as unknown as Handlers;
  const dispatch = createDispatch(handlers, log);
  return {
    ctx,
    handlers,
    /** the service itself, when created with explicit options */
    search,
    async call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> {
      const r = await dispatch(channel, req);
      if (!r.ok) throw new AppError(r.error.code, r.error.message);
      return r.data as Res<C>;
    },
    async close() {
      for (const fn of closers.reverse()) await fn();
      db.close();
    },
  };
}
export type SearchLibrary = ReturnType<typeof openSearchLibrary>;

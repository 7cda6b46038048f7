import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Channel, Handlers, Req, Res } from '../../shared/contract';
import { AppError } from './kernel/errors';
import pkg from '../../package.json';
import { createContext, type AppContext, type Logger } from './kernel/context';
import { checkInBackground, isLargeDatabase } from './db/integrity';
import { openDatabase } from './db/open';
import { createDispatch, type Dispatch } from './kernel/dispatch';
import { createDocumentsHandlers } from './features/library/handlers';
import { createExportHandlers } from './features/export/handlers';
import { createImportHandlers } from './features/import/handlers';
import { createSearchHandlers } from './features/search/handlers';
import { createSystemHandlers } from './features/system/handlers';
import { defaultResourcesDir } from './kernel/paths';

export interface AppOptions {
  /** data directory, or ':memory:' for a throw-away library (tests) */
  dataDir: string;
  shell: AppContext['shell'];
  resourcesDir?: string;
  now?: () => Date;
  log?: Logger;
}

export interface App {
  ctx: AppContext;
  handlers: Handlers;
  dispatch: Dispatch;
  /** Typed call through the dispatcher (validation included); failures throw AppError. For the CLI and tests. */
  call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>>;
  /** Flushes indexes and closes the database. */
  close(): Promise<void>;
}

export const consoleLogger: Logger = {
  info: (msg) => console.log(msg),
  error: (msg, err) => console.error(msg, err instanceof Error ? err.stack : (err ?? '')),
};

/** Opens the library and wires every service: the one core both shells and the CLI use. */
export function createApp(opts: AppOptions): App {
  const memory = opts.dataDir === ':memory:';
  if (!memory) mkdirSync(opts.dataDir, { recursive: true });
  const file = memory ? ':memory:' : join(opts.dataDir, 'normdesk.db');
  const db = openDatabase(file);
  const log = opts.log ?? consoleLogger;
  const { ctx, closeAll } = createContext(db, {
    dataDir: opts.dataDir,
    resourcesDir: opts.resourcesDir ?? defaultResourcesDir(),
    now: opts.now,
    version: pkg.version,
    shell: opts.shell,
    log,
  });
  if (isLargeDatabase(file)) {
    ctx.integrity = { state: 'checking', message: null };
    const stop = checkInBackground(file, (state) => {
      ctx.integrity = state;
      if (state.state === 'failed') log.error(state.message ?? '数据库完整性检查失败');
    });
    ctx.onClose(stop);
  }
  const handlers: Handlers = {
    ...createSystemHandlers(ctx),
    ...createDocumentsHandlers(ctx),
    ...createImportHandlers(ctx),
    ...createSearchHandlers(ctx),
    ...createExportHandlers(ctx),
  };
  const dispatch = createDispatch(handlers, log);
  return {
    ctx,
    handlers,
    dispatch,
    async call(channel, req) {
      const result = await dispatch(channel, req);
      if (!result.ok) throw new AppError(result.error.code, result.error.message);
      return result.data as Res<typeof channel>;
    },
    async close() {
      await closeAll();
      db.close();
    },
  };
}

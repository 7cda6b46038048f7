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
import { createLiveCore, type Lifecycle } from './kernel/live-core';
import { createBackupHandlers, startDailyBackup } from './features/system/backup-handlers';
import { backupBeforeMigration } from './features/system/backup-files';
import { finishPendingRestore } from './features/system/restore-files';

export interface AppOptions {
  /** data directory, or ':memory:' for a throw-away library (tests) */
  dataDir: string;
  shell: AppContext['shell'];
  resourcesDir?: string;
  now?: () => Date;
  log?: Logger;
  /** a backup on start once a day (default: in the desktop app and browser mode, not for CLI commands) */
  dailyBackup?: boolean;
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

/**
 * Opens the library and wires every service: the one core both shells and the CLI use. The core can be closed
 * and rebuilt over restored files without a restart (see kernel/live-core.ts); `ctx` and `handlers` are those
 * of the core answering now, `dispatch` stays the same function.
 */
export function createApp(opts: AppOptions): App {
  const live = createLiveCore((lifecycle) => buildCore(opts, lifecycle));
  return {
    get ctx() {
      return live.current.ctx;
    },
    get handlers() {
      return live.current.handlers;
    },
    dispatch: live.dispatch,
    async call(channel, req) {
      const result = await live.dispatch(channel, req);
      if (!result.ok) throw new AppError(result.error.code, result.error.message);
      return result.data as Res<typeof channel>;
    },
    close: () => live.close(),
  };
}

function buildCore(opts: AppOptions, lifecycle: Lifecycle): Omit<App, 'call'> {
  const memory = opts.dataDir === ':memory:';
  if (!memory) mkdirSync(opts.dataDir, { recursive: true });
  const file = memory ? ':memory:' : join(opts.dataDir, 'normdesk.db');
  const log = opts.log ?? consoleLogger;
  if (!memory) {
    const finished = finishPendingRestore(opts.dataDir);
    if (finished) log.info(`已完成上次中断的恢复，原文件库保存在 ${finished}`);
    const copy = backupBeforeMigration(opts.dataDir, (opts.now ?? (() => new Date()))());
    if (copy) log.info(`升级数据库前已备份到 ${copy}`);
  }
  const db = openDatabase(file);
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
    ...createBackupHandlers(ctx, lifecycle),
  };
  const dispatch = createDispatch(handlers, log);
  if (!memory && (opts.dailyBackup ?? opts.shell !== 'cli')) startDailyBackup(ctx);
  return {
    ctx,
    handlers,
    dispatch,
    async close() {
      await closeAll();
      db.close();
    },
  };
}

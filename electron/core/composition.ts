import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Caller, Channel, Handlers, Req, Res, RpcResult } from '../../shared/contract';
import pkg from '../../package.json';
import { checkInBackground, isLargeDatabase } from './db/integrity';
import { openDatabase } from './db/open';
import { createAccountService, type AccountOptions } from './features/accounts/account-service';
import { createAccountHandlers } from './features/accounts/handlers';
import { createAuditService } from './features/audit/audit-service';
import { createCleanupService } from './features/cleanup/cleanup-service';
import { createCleanupHandlers } from './features/cleanup/handlers';
import { createPublishService } from './features/cleanup/publish';
import { createExportHandlers } from './features/export/handlers';
import { createGazetteRegistry } from './features/gazettes/gazette-registry';
import { createGazetteService } from './features/gazettes/gazette-service';
import { createGazetteHandlers } from './features/gazettes/handlers';
import { createIssueService } from './features/gazettes/issue-service';
import { createIssueTrash } from './features/gazettes/issue-trash';
import { createImportHandlers } from './features/import/handlers';
import { createImportService } from './features/import/import-service';
import { createDocumentService } from './features/library/document-service';
import { createLibraryHandlers } from './features/library/handlers';
import { createTrashService } from './features/library/trash-service';
import { createOversightHandlers } from './features/oversight/handlers';
import { createOversightService } from './features/oversight/oversight-service';
import { createFilingHandlers, registerFilingPackages } from './features/filing/handlers';
import { createFilingService } from './features/filing/filing-service';
import { createReviewQueue } from './features/filing/review-queue';
import { createPackageHandlers } from './features/packages/handlers';
import { createOfficeService } from './features/packages/office';
import { createPackageService } from './features/packages/package-service';
import { createRelationHandlers } from './features/relations/handlers';
import { createRelationService } from './features/relations/relation-service';
import { createSearchHandlers } from './features/search/handlers';
import { createSearchService } from './features/search/search-service';
import { createSettingsHandlers } from './features/settings/handlers';
import { createSettingsService } from './features/settings/settings-service';
import { createBackupService } from './features/system/backup-service';
import { createSystemHandlers } from './features/system/handlers';
import { createStatusIndex } from './features/validity/status-index';
import { systemCaller } from './kernel/caller';
import type { AppContext, Logger } from './kernel/context';
import { createDispatch } from './kernel/dispatch';
import { AppError } from './kernel/errors';
import { createEventBus } from './kernel/events';
import { defaultResourcesDir } from './kernel/paths';
import { terminalText } from '../../shared/domain/visible-text';
import { createLiveCore, type Lifecycle } from './kernel/live-core';
import { holdLibrary } from './kernel/library-lock';
import { describeFsError } from './kernel/safe-write';
import { createBackupHandlers, startDailyBackup } from './features/system/backup-handlers';
import { backupBeforeMigration } from './features/system/backup-files';
import { finishPendingRestore } from './features/system/restore-files';

/** Restore while no app has the library open (the CLI): see features/system/restore-files.ts. */
export { restoreFromFile } from './features/system/restore-files';

export interface AppOptions {
  /** data directory, or ':memory:' for a throw-away library (tests) */
  dataDir: string;
  shell: AppContext['shell'];
  resourcesDir?: string;
  now?: () => Date;
  log?: Logger;
  /** session lifetimes and login throttling (tests) */
  accounts?: AccountOptions;
  /** a backup on start once a day (default: in the desktop app and browser mode, not for CLI commands) */
  dailyBackup?: boolean;
}

/** The log of the app and the server: stored strings in a message never print as terminal control sequences. */
export const consoleLogger: Logger = {
  info: (msg) => console.log(terminalText(msg)),
  error: (msg, err) => console.error(terminalText(msg), terminalText(err instanceof Error ? (err.stack ?? err.message) : String(err ?? ''))),
};

/** Every service, built once, in the order they depend on each other. */
function buildServices(ctx: AppContext, settings: ReturnType<typeof createSettingsService>, opts: AppOptions) {
  const audit = createAuditService(ctx);
  const relations = createRelationService(ctx, audit);
  const statuses = createStatusIndex(ctx);
  const gazetteRegistry = createGazetteRegistry(ctx, audit);
  const gazettes = createGazetteService(ctx, audit, gazetteRegistry);
  const documents = createDocumentService(ctx, { audit, relations, statuses, gazettes });
  const issues = createIssueService(ctx, { audit, registry: gazetteRegistry, issues: gazettes, documents });
  const issueTrash = createIssueTrash(ctx, { audit, issues: gazettes });
  const imports = createImportService(ctx, { documents, relations, gazettes });
  const search = createSearchService(ctx, { statuses });
  const backup = createBackupService(ctx);
  const cleanup = createCleanupService(ctx, { audit, documents, relations, statuses });
  const publish = createPublishService(ctx, { audit, documents, relations, statuses }, cleanup);
  // A document in a cleanup campaign is part of that campaign's record: it leaves the campaign first, with a reason.
  const inCampaign = (id: string) => {
    const names = cleanup.forDocument(id).map((c) => `《${c.name}》`);
    return names.length ? `它属于清理活动${names.join('、')}，请先在清理活动中将其移出范围（需说明理由）。` : null;
  };
  const trash = createTrashService(ctx, { audit, relations, guards: [inCampaign], issueTrash });
  const accounts = createAccountService(ctx, audit, opts.accounts);
  const oversight = createOversightService(ctx, { statuses, flags: imports.flags, rows: documents.rows });
  const office = createOfficeService(ctx, audit);
  const packages = createPackageService(ctx, { audit, office, documents, relations });
  const filing = createFilingService(ctx, { audit, office, packages });
  const reviews = createReviewQueue(ctx, { audit, office, packages });
  registerFilingPackages({ filing, queue: reviews, packages });
  return { office, packages, filing, reviews, settings, audit, relations, statuses, gazetteRegistry, gazettes, issues, documents, imports, search, backup, accounts, oversight, trash, issueTrash, cleanup, publish };
}
export type Services = ReturnType<typeof buildServices>;

/** Every feature's channels: one line per feature. A missing channel is a compile error (see Handlers). */
function registerHandlers(ctx: AppContext, s: Services, lifecycle: Lifecycle): Handlers {
  return {
    ...createBackupHandlers(ctx, lifecycle),
    ...createSystemHandlers(ctx, s.backup),
    ...createSettingsHandlers(ctx, s.settings),
    ...createLibraryHandlers(ctx, s.documents, s.trash, s.issueTrash),
    ...createRelationHandlers(ctx, s.relations),
    ...createGazetteHandlers(ctx, { gazettes: s.gazettes, registry: s.gazetteRegistry, issues: s.issues, issueTrash: s.issueTrash }),
    ...createImportHandlers(ctx, s.imports),
    ...createSearchHandlers(ctx, s.search),
    ...createExportHandlers(ctx, { documents: s.documents, gazettes: s.gazettes, cleanup: s.cleanup }),
    ...createCleanupHandlers(ctx, { cleanup: s.cleanup, publish: s.publish }),
    ...createAccountHandlers(ctx, s.accounts, s.audit),
    ...createOversightHandlers(ctx, s.oversight),
    ...createPackageHandlers(ctx, s.packages, s.office),
    ...createFilingHandlers(ctx, { filing: s.filing, queue: s.reviews, office: s.office, packages: s.packages, documents: s.documents, issues: s.issues, gazettes: s.gazettes }),
  };
}

/**
 * The composition root: opens the library and builds every store, service and handler exactly once. The shells
 * (Electron IPC, the HTTP server, the CLI) use only what this returns and the contract; nothing else in
 * electron/core builds a service, and importing a module builds nothing.
 *
 * A restore replaces the database under the running app: the whole core (every service, worker and the database
 * handle) is closed and built again over the restored files (kernel/live-core.ts). `ctx`, `services` and
 * `handlers` are those of the core answering now; `dispatch` and `call` stay the same functions.
 */
export function createApp(opts: AppOptions) {
  const live = createLiveCore((lifecycle) => buildCore(opts, lifecycle));
  // the note that this process has the library open: a restore from another process refuses while it is there
  const release = holdLibrary(opts.dataDir, opts.shell);
  const caller = live.current.caller;
  return {
    get ctx() {
      return live.current.ctx;
    },
    get services() {
      return live.current.services;
    },
    get handlers() {
      return live.current.handlers;
    },
    caller,
    /** A request from a transport: validated, permission-checked, answered as { ok, data } or { ok: false, error }. */
    dispatch(channel: string, body: unknown, by: Caller = caller): Promise<RpcResult<unknown>> {
      return live.dispatch(channel, body, by);
    },
    /** Typed call through the dispatcher (validation included); failures throw AppError. For the CLI and tests. */
    async call<C extends Channel>(channel: C, req: Req<C>, by: Caller = caller): Promise<Res<C>> {
      const result = await live.dispatch(channel, req, by);
      if (!result.ok) throw new AppError(result.error.code, result.error.message);
      return result.data as Res<C>;
    },
    /** Flushes indexes, stops workers (newest first) and closes the database. */
    close: (): Promise<void> => live.close().finally(release),
  };
}
export type App = ReturnType<typeof createApp>;

/** One core over one open database (see createApp). */
function buildCore(opts: AppOptions, lifecycle: Lifecycle) {
  const memory = opts.dataDir === ':memory:';
  if (!memory) {
    try {
      mkdirSync(opts.dataDir, { recursive: true });
    } catch (err) {
      throw new AppError('INVALID_INPUT', `无法使用数据目录：${describeFsError(err, opts.dataDir)}`);
    }
  }
  const file = memory ? ':memory:' : join(opts.dataDir, 'normdesk.db');
  const log = opts.log ?? consoleLogger;
  if (!memory) {
    const finished = finishPendingRestore(opts.dataDir);
    if (finished) log.info(`已完成上次中断的恢复，原文件库保存在 ${finished}`);
    const copy = backupBeforeMigration(opts.dataDir, (opts.now ?? (() => new Date()))());
    if (copy) log.info(`升级数据库前已备份到 ${copy}`);
  }
  const db = openDatabase(file);
  const closers: Array<() => void | Promise<void>> = [];
  const settings = createSettingsService(db);
  const ctx: AppContext = {
    db,
    dataDir: opts.dataDir,
    resourcesDir: opts.resourcesDir ?? defaultResourcesDir(),
    now: opts.now ?? (() => new Date()),
    version: pkg.version,
    shell: opts.shell,
    events: createEventBus((msg, err) => log.error(msg, err)),
    settings,
    log,
    integrity: { state: 'ok', message: null },
    onClose: (fn) => closers.push(fn),
  };
  // A command-line run is short and would be killed mid-check; its whole-file read cost as much CPU as importing a
  // thousand documents into a 20,000-document library (issue 25). The app and the server, which run on, check.
  if (opts.shell !== 'cli' && isLargeDatabase(file)) {
    ctx.integrity = { state: 'checking', message: null };
    const stop = checkInBackground(file, (state) => {
      ctx.integrity = state;
      if (state.state === 'failed') log.error(state.message ?? '数据库完整性检查失败');
    });
    ctx.onClose(stop);
  }
  const services = buildServices(ctx, settings, opts);
  const handlers = registerHandlers(ctx, services, lifecycle);
  const dispatch = createDispatch(handlers, log);
  if (!memory && (opts.dailyBackup ?? opts.shell !== 'cli')) startDailyBackup(ctx);
  /** who this installation's own shell acts for: the OS user, until accounts exist */
  const caller: Caller = systemCaller(opts.shell);
  return {
    ctx,
    services,
    handlers,
    caller,
    dispatch,
    async close(): Promise<void> {
      for (const fn of closers.reverse()) await fn();
      db.close();
    },
  };
}

import type { IntegrityState } from '../db/integrity';
import type { Db } from '../db/open';
import { createEventBus, type EventBus } from './events';
import { createSettingsService, type SettingsService } from '../features/settings/settings-service';

/** Everything a service may depend on, injected: no module-level singletons. */
export interface AppContext {
  db: Db;
  /** the data directory (database, index files); ':memory:' in tests */
  dataDir: string;
  /** directory of shipped resources (fonts, samples) */
  resourcesDir: string;
  /** the clock: validity and status depend on "today" */
  now: () => Date;
  version: string;
  shell: 'electron' | 'browser' | 'cli';
  events: EventBus;
  settings: SettingsService;
  log: Logger;
  /** outcome of the database integrity check (large libraries are checked in the background) */
  integrity: IntegrityState;
  /** registers work to do when the app closes (flush an index, stop a worker) */
  onClose(fn: () => void | Promise<void>): void;
}

export interface Logger {
  info(msg: string): void;
  error(msg: string, err?: unknown): void;
}

export interface ContextOptions {
  dataDir: string;
  resourcesDir: string;
  now?: () => Date;
  version: string;
  shell: AppContext['shell'];
  log: Logger;
}

/** Builds the context over an open database; `closeAll` runs what services registered with onClose, newest first. */
export function createContext(db: Db, opts: ContextOptions): { ctx: AppContext; closeAll(): Promise<void> } {
  const closers: Array<() => void | Promise<void>> = [];
  const ctx: AppContext = {
    db,
    dataDir: opts.dataDir,
    resourcesDir: opts.resourcesDir,
    now: opts.now ?? (() => new Date()),
    version: opts.version,
    shell: opts.shell,
    events: createEventBus((msg, err) => opts.log.error(msg, err)),
    settings: createSettingsService(db),
    log: opts.log,
    integrity: { state: 'ok', message: null },
    onClose: (fn) => closers.push(fn),
  };
  return {
    ctx,
    async closeAll() {
      for (const fn of closers.reverse()) await fn();
    },
  };
}

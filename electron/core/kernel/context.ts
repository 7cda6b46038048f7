import type { Settings } from '../../../shared/contract/system';
import type { Database } from 'better-sqlite3';
import type { EventBus } from './events';

/** Reading the settings is all the kernel knows of them; the settings feature stores and edits them. */
export interface SettingsReader {
  get(): Settings;
}

/**
 * What every service may depend on, built once by the composition root (composition.ts) and injected: no
 * module-level singletons. Services receive each other as explicit dependencies, never construct one another.
 */
export interface AppContext {
  db: Database;
  /** the data directory (database, index files); ':memory:' in tests */
  dataDir: string;
  /** directory of shipped resources (fonts, samples) */
  resourcesDir: string;
  /** the clock: validity and status depend on "today" */
  now: () => Date;
  version: string;
  shell: 'electron' | 'browser' | 'cli';
  events: EventBus;
  settings: SettingsReader;
  log: Logger;
  /** outcome of the database integrity check (large libraries are checked in the background) */
  integrity: IntegrityState;
  /** registers work to do when the app closes (flush an index, stop a worker) */
  onClose(fn: () => void | Promise<void>): void;
}

/** Result of the integrity check of the library database. */
export interface IntegrityState {
  state: 'ok' | 'checking' | 'failed';
  message: string | null;
}

export interface Logger {
  info(msg: string): void;
  error(msg: string, err?: unknown): void;
}

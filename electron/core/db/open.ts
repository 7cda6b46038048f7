import Database from 'better-sqlite3';
import { AppError } from '../kernel/errors';
import { isLargeDatabase, quickCheck } from './integrity';
import { migrate, refuseNewer } from './migrate';
import { migrations } from './migrations';
import { registerSearchFunctions } from './search-functions';

export type Db = Database.Database;

/** How long a statement waits for another process's write (a CLI import while the app saves) before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 15_000;

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * Runs a write transaction, retrying when another process holds the library (SQLITE_BUSY even after the busy
 * timeout, or a snapshot made stale by another writer). `run` must be a whole transaction (nothing half-done
 * survives a failed attempt). After the last attempt the error says in Chinese that the library is busy.
 */
export function retryBusy<T>(run: () => T, attempts = 4): T {
  for (let i = 1; ; i++) {
    try {
      return run();
    } catch (err) {
      if (!isBusy(err)) throw err;
      if (i >= attempts) throw new AppError('CONFLICT', '文件库正被另一个程序写入（例如另一个导入），等待超时，请稍后重试。未保存任何内容。');
      // A short synchronous pause: better-sqlite3 is synchronous, and the other writer needs the time anyway.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50 * i);
    }
  }
}

/**
 * Runs a write whose loss a person would not notice and could not redo from memory — an import of many files, a
 * campaign's publication — with `synchronous = FULL`: SQLite syncs the WAL at this commit, so once it returns the
 * change survives a power failure too. Every other write runs with NORMAL (durable across a crash of the program,
 * the last commits may be lost when the power fails). Inside an open transaction it just runs (the outer one decides).
 */
export function durably<T>(db: Db, run: () => T): T {
  return withPragma(db, 'synchronous', SYNCHRONOUS_FULL, () => db.inTransaction, run);
}

/** SQLite's value of `synchronous = FULL`. */
const SYNCHRONOUS_FULL = 2;

/**
 * Runs `run` with a connection setting (a pragma) at `value`, restored after — unless `keep` says its current value
 * will do (or that it must not be touched, as inside an open transaction).
 */
export function withPragma<T>(db: Db, name: string, value: number, keep: (current: number) => boolean, run: () => T): T {
  const before = db.pragma(name, { simple: true }) as number;
  if (keep(before)) return run();
  db.pragma(`${name} = ${value}`);
  try {
    return run();
  } finally {
    db.pragma(`${name} = ${before}`);
  }
}

/**
 * Opens (or creates) the library database: checks integrity (small files; see integrity.ts), refuses a newer
 * schema untouched,
 * then migrates. `file` may be ':memory:' for tests.
 */
export function openDatabase(file: string): Db {
  let db: Db;
  try {
    db = new Database(file);
  } catch (err) {
    throw new AppError('INTERNAL', `无法打开数据库文件 ${file}：${(err as Error).message}`);
  }
  try {
    // Another process may be writing (the app while the CLI imports, or creating this very file): wait for it.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // A large library is checked in the background after opening (createApp), so start-up stays fast.
    if (!isLargeDatabase(file)) quickCheck(db);
    // Before WAL is switched on: that alone would write to a newer app's file.
    refuseNewer(db, migrations);
    if (file !== ':memory:') retryBusy(() => db.pragma('journal_mode = WAL'));
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    registerSearchFunctions(db); // the search triggers call these on every document write
    retryBusy(() => migrate(db, migrations));
    return db;
  } catch (err) {
    db.close();
    if (err instanceof AppError) throw err;
    const msg = (err as Error).message;
    if (/not a database|malformed/i.test(msg)) {
      throw new AppError('INTERNAL', `数据库文件已损坏或不是 NormDesk 数据库：${file}`);
    }
    throw err;
  }
}

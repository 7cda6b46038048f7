import type { Database } from 'better-sqlite3';
import { AppError } from '../kernel/errors';

/** One schema step. `up` is SQL, or a function for steps that need to transform data. */
export interface Migration {
  version: number;
  name: string;
  up: string | ((db: Database) => void);
}

/** The schema version recorded in the database file. */
export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every migration above the recorded version, in one transaction, up to `target`.
 * A database newer than the app is refused before anything is written. Two processes opening one library at
 * once (two CLI imports into a new data directory) must not both create the tables: the migration runs under
 * an exclusive lock and the version is read again inside it, so the second finds the work done.
 */
export function migrate(db: Database, migrations: readonly Migration[], target = latestVersion(migrations)): number {
  const pendingAbove = (v: number) =>
    migrations.filter((m) => m.version > v && m.version <= target).sort((a, b) => a.version - b.version);
  const current = refuseNewer(db, migrations);
  if (pendingAbove(current).length === 0) return current;
  return db.transaction(() => {
    const now = refuseNewer(db, migrations);
    const pending = pendingAbove(now);
    for (const m of pending) {
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
    return pending.length ? target : now;
  }).exclusive();
}

/** Throws before anything is written when the database was made by a newer NormDesk; returns its version. */
export function refuseNewer(db: Database, migrations: readonly Migration[]): number {
  const current = schemaVersion(db);
  const latest = latestVersion(migrations);
  if (current > latest) {
    throw new AppError('CONFLICT', `数据库版本（${current}）高于本程序支持的版本（${latest}），请升级 NormDesk 后再打开。数据库未作任何改动。`);
  }
  return current;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../kernel/errors';
import { describeFsError } from '../../kernel/safe-write';
import { latestVersion } from '../../db/migrate';
import { migrations } from '../../db/migrations';

/** The library file and the folder of automatic backups inside the data directory. */
export const DB_FILE = 'normdesk.db';
export const BACKUP_DIR = 'backups';

export type BackupKind = 'auto' | 'manual' | 'pre-migration' | 'other';

export interface VerifiedFile {
  documents: number;
  schemaVersion: number;
}

/** Local date and time as `YYYYMMDD-HHMMSS` (backup names sort by time and read naturally). */
function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

const NAME = /^normdesk-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(auto|manual|pre-migration)(?:-v\d+)?(?:-\d+)?\.db$/;

/** A backup file name for the given time and kind (`-vN` names the schema version a pre-migration copy holds). */
export function backupFileName(at: Date, kind: Exclude<BackupKind, 'other'>, schemaVersion?: number): string {
  return `normdesk-${stamp(at)}-${kind}${kind === 'pre-migration' && schemaVersion !== undefined ? `-v${schemaVersion}` : ''}.db`;
}

/** When and why a backup was made, read from its name (null for files copied in by hand). */
export function parseBackupName(name: string): { at: Date; kind: Exclude<BackupKind, 'other'> } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, kind] = m;
  return { at: new Date(+y, +mo - 1, +d, +h, +mi, +s), kind: kind as Exclude<BackupKind, 'other'> };
}

/** A name in `dir` not taken yet (two backups in the same second get `-2`, `-3`…). */
export function freeName(dir: string, name: string): string {
  if (!existsSync(join(dir, name))) return name;
  for (let i = 2; ; i++) {
    const candidate = name.replace(/\.db$/, `-${i}.db`);
    if (!existsSync(join(dir, candidate))) return candidate;
  }
}

export function backupsDir(dataDir: string): string {
  return join(dataDir, BACKUP_DIR);
}

export function ensureBackupsDir(dataDir: string): string {
  const dir = backupsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Checks that `file` is a usable NormDesk library: SQLite says it is intact (quick_check), its schema is not
 * newer than this program, and it has the documents table (`checked`: quick_check's answer when it already ran). With `standalone`, the file is also switched to a
 * rollback journal so it is complete on its own (a copy never depends on a -wal beside it).
 * Throws AppError with a Chinese message naming the problem.
 */
export function verifyLibraryFile(file: string, opts: { standalone?: boolean; checked?: string } = {}): VerifiedFile {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true, readonly: !opts.standalone });
  } catch (err) {
    throw new AppError('INVALID_INPUT', `无法打开备份文件 ${file}：${(err as Error).message}`);
  }
  try {
    // (`checked`: the quick_check already ran off the request thread, quickCheckOffThread)
    let check: unknown = opts.checked;
    try {
      check ??= db.pragma('quick_check', { simple: true });
    } catch (err) {
      throw new AppError('INVALID_INPUT', `${file} 不是 NormDesk 的数据库或已损坏（${(err as Error).message}）`);
    }
    if (check !== 'ok') throw new AppError('INVALID_INPUT', `备份文件已损坏（quick_check：${String(check).slice(0, 200)}）：${file}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    const latest = latestVersion(migrations);
    if (version > latest) {
      throw new AppError('CONFLICT', `备份文件由更新版本的 NormDesk 创建（数据库版本 ${version}，本程序支持到 ${latest}），请升级后再恢复：${file}`);
    }
    const hasDocs = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'documents'").get();
    if (!hasDocs) throw new AppError('INVALID_INPUT', `${file} 不是 NormDesk 的文件库（没有文件表）`);
    const documents = db.prepare('SELECT count(*) AS n FROM documents').pluck().get() as number;
    if (opts.standalone) db.pragma('journal_mode = DELETE');
    return { documents, schemaVersion: version };
  } finally {
    db.close();
  }
}

export interface BackupEntry {
  name: string;
  kind: BackupKind;
  createdAt: string;
  bytes: number;
  documents: number | null;
  schemaVersion: number | null;
  /** why the file cannot be restored, when it cannot */
  problem: string | null;
}

/** The backups in the data directory, newest first, with size and document count (read from each file). */
export function listBackups(dataDir: string): BackupEntry[] {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  const entries: BackupEntry[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.db')) continue;
    const file = join(dir, name);
    const info = statSync(file, { throwIfNoEntry: false });
    if (!info?.isFile()) continue;
    const parsed = parseBackupName(name);
    let documents: number | null = null;
    let schemaVersion: number | null = null;
    let problem: string | null = null;
    try {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        schemaVersion = db.pragma('user_version', { simple: true }) as number;
        documents = db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
      } finally {
        db.close();
      }
    } catch {
      problem = '无法读取：不是 NormDesk 文件库或已损坏';
    }
    entries.push({
      name,
      kind: parsed?.kind ?? 'other',
      createdAt: (parsed?.at ?? info.mtime).toISOString(),
      bytes: info.size,
      documents,
      schemaVersion,
      problem,
    });
  }
  return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** Deletes NormDesk-made backups older than `days` days; the newest one always stays. Returns the names removed. */
export function pruneBackups(dataDir: string, days: number, now: Date): string[] {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  const ours = readdirSync(dir)
    .map((name) => ({ name, parsed: parseBackupName(name) }))
    .filter((e): e is { name: string; parsed: NonNullable<ReturnType<typeof parseBackupName>> } => e.parsed !== null)
    .sort((a, b) => b.parsed.at.getTime() - a.parsed.at.getTime());
  const limit = now.getTime() - days * 24 * 3600 * 1000;
  const removed: string[] = [];
  for (const e of ours.slice(1)) {
    if (e.parsed.at.getTime() < limit) {
      rmSync(join(dir, e.name), { force: true });
      removed.push(e.name);
    }
  }
  return removed;
}

/** Whether a backup (of any kind) was made on the local day of `now`. */
export function hasBackupOn(dataDir: string, now: Date): boolean {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return false;
  const day = stamp(now).slice(0, 8);
  return readdirSync(dir).some((name) => parseBackupName(name) !== null && name.slice('normdesk-'.length, 'normdesk-'.length + 8) === day);
}

/**
 * Before a migration changes an existing library, copies it to the backups folder (VACUUM INTO: a consistent,
 * self-contained copy, including what is still in the -wal). Does nothing for a new, current or newer library
 * (a newer one is refused later, untouched). A failure stops the start: migrating without a copy is not safe.
 */
export function backupBeforeMigration(dataDir: string, now: Date): string | null {
  const file = join(dataDir, DB_FILE);
  if (!existsSync(file) || statSync(file).size === 0) return null;
  let version: number;
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 15000'); // another process may be opening the same library
    version = db.pragma('user_version', { simple: true }) as number;
  } catch {
    return null; // not readable as a database: opening it reports the damage
  }
  try {
    if (version === 0 || version >= latestVersion(migrations)) return null;
    const dir = ensureBackupsDir(dataDir);
    const name = freeName(dir, backupFileName(now, 'pre-migration', version));
    const tmp = join(dir, `.${name}.tmp`);
    try {
      db.prepare('VACUUM INTO ?').run(tmp);
      db.close();
      verifyLibraryFile(tmp, { standalone: true });
      renameSync(tmp, join(dir, name));
    } catch (err) {
      rmSync(tmp, { force: true });
      const detail = err instanceof AppError ? err.message : describeFsError(err, tmp);
      throw new AppError('INTERNAL', `升级数据库前的备份失败（${detail}），数据库未作改动。请检查磁盘空间后重试。`);
    }
    return join(dir, name);
  } finally {
    if (db.open) db.close();
  }
}

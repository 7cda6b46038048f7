import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { AppError } from '../../kernel/errors';
import { describeFsError, describeReadProblem } from '../../kernel/safe-write';
import { refuseWhileInUse } from '../../kernel/library-lock';
import { DB_FILE, verifyLibraryFile, type VerifiedFile } from './backup-files';

// Restoring replaces files while the library is closed. The order makes a crash at any point recoverable:
// 1. the backup is copied into the data directory as a staging file and verified (nothing else touched yet);
// 2. a marker names the staging file and the folder the current library goes to;
// 3. normdesk.db, its -wal and -shm and the search index files move into that folder together (a -wal left
//    beside the restored file would be replayed into it by SQLite — the corruption this order prevents);
// 4. the staging file is renamed to normdesk.db and the marker removed.
// A start that finds the marker finishes steps 3–4 (finishPendingRestore).

const STAGING = '.restore-staging.db';
const MARKER = 'restore-pending.json';
/** Files and folders that belong to one library and move together. */
const LIBRARY_PARTS = [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, `${DB_FILE}-journal`, 'search-lunr', 'search-lunr.json'];

export interface StagedRestore extends VerifiedFile {
  from: string;
  staging: string;
}

export interface RestoreResult {
  from: string;
  documents: number;
  schemaVersion: number;
  /** where the library that was replaced now lives */
  asideDir: string;
}

function stampNow(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

function removeDb(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

/** Copies the backup into the data directory and verifies the copy (quick_check, schema, documents table). */
export function stageRestore(dataDir: string, from: string): StagedRestore {
  if (dataDir === ':memory:') throw new AppError('INVALID_INPUT', '临时文件库（内存中）不能恢复备份');
  const source = resolve(from);
  let info;
  try {
    info = statSync(source, { throwIfNoEntry: false });
  } catch (err) {
    throw new AppError('INVALID_INPUT', `无法读取备份文件 ${source}：${describeReadProblem(err)}`);
  }
  if (!info) throw new AppError('NOT_FOUND', `备份文件不存在：${source}`);
  if (!info.isFile()) throw new AppError('INVALID_INPUT', `${source} 不是文件，请指定备份文件（.db）`);
  if (source === resolve(dataDir, DB_FILE)) throw new AppError('INVALID_INPUT', '不能用当前文件库恢复它自己，请选择备份文件');
  mkdirSync(dataDir, { recursive: true });
  const staging = join(dataDir, STAGING);
  removeDb(staging);
  try {
    copyFileSync(source, staging);
  } catch (err) {
    removeDb(staging);
    throw new AppError('INVALID_INPUT', describeFsError(err, staging));
  }
  try {
    return { ...verifyLibraryFile(staging, { standalone: true }), from: source, staging };
  } catch (err) {
    removeDb(staging);
    throw err;
  }
}

/** Moves the current library aside (into a timestamped folder) and the staged copy in its place. The library must be closed. */
export function swapInRestore(dataDir: string, staged: StagedRestore, now: Date): RestoreResult {
  let aside = join(dataDir, `before-restore-${stampNow(now)}`);
  for (let i = 2; existsSync(aside); i++) aside = join(dataDir, `before-restore-${stampNow(now)}-${i}`);
  mkdirSync(aside);
  writeFileSync(join(dataDir, MARKER), JSON.stringify({ staging: staged.staging, aside }));
  try {
    completeSwap(dataDir, staged.staging, aside);
  } catch (err) {
    throw new AppError('INTERNAL', `恢复时移动文件失败：${describeFsError(err, dataDir)}（下次启动时将继续完成恢复）`);
  }
  return { from: staged.from, documents: staged.documents, schemaVersion: staged.schemaVersion, asideDir: aside };
}

function completeSwap(dataDir: string, staging: string, aside: string): void {
  for (const part of LIBRARY_PARTS) {
    const p = join(dataDir, part);
    if (existsSync(p)) renameSync(p, join(aside, part));
  }
  renameSync(staging, join(dataDir, DB_FILE));
  rmSync(join(dataDir, MARKER), { force: true });
}

/** Puts the replaced library back (the restored one failed to open); the restored file is kept for inspection. */
export function undoRestore(dataDir: string, result: RestoreResult): void {
  const failed = join(result.asideDir, 'restored-but-failed');
  mkdirSync(failed, { recursive: true });
  for (const part of LIBRARY_PARTS) {
    const p = join(dataDir, part);
    if (existsSync(p)) renameSync(p, join(failed, part));
  }
  for (const part of LIBRARY_PARTS) {
    const p = join(result.asideDir, part);
    if (existsSync(p)) renameSync(p, join(dataDir, part));
  }
}

/** A restore killed between creating its `before-restore-*` folder and writing the marker left the folder empty. */
function removeEmptyAsides(dataDir: string): void {
  let names: string[];
  try {
    names = readdirSync(dataDir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith('before-restore-')) continue;
    const dir = join(dataDir, name);
    try {
      if (statSync(dir).isDirectory() && readdirSync(dir).length === 0) rmdirSync(dir);
    } catch {
      // in use or not ours to remove: leave it
    }
  }
}

/** Called before the library opens: finishes a restore a crash interrupted, or removes a stale staging file. */
export function finishPendingRestore(dataDir: string): string | null {
  if (dataDir === ':memory:') return null;
  const marker = join(dataDir, MARKER);
  if (!existsSync(marker)) {
    removeDb(join(dataDir, STAGING)); // a copy that never got as far as the marker: the library was not touched
    removeEmptyAsides(dataDir);
    return null;
  }
  let plan: { staging: string; aside: string };
  try {
    plan = JSON.parse(readFileSync(marker, 'utf8'));
  } catch {
    rmSync(marker, { force: true });
    return null;
  }
  const staging = join(dataDir, basename(plan.staging));
  const aside = join(dataDir, basename(plan.aside));
  mkdirSync(aside, { recursive: true });
  if (existsSync(staging)) {
    completeSwap(dataDir, staging, aside);
    return aside;
  }
  // the staging file already became normdesk.db: only the marker was left
  rmSync(marker, { force: true });
  return aside;
}

/**
 * Restore with the library closed (the CLI; the current library may be the damaged one): verifies the backup,
 * swaps it in, and returns how to put the old library back if the restored one then fails to open.
 */
export function restoreFromFile(dataDir: string, from: string, now: Date): { result: RestoreResult; undo(): void } {
  // a running app or server would go on acknowledging edits into the library moved aside (issue 26)
  refuseWhileInUse(dataDir, '恢复');
  const staged = stageRestore(dataDir, from);
  const result = swapInRestore(dataDir, staged, now);
  return { result, undo: () => undoRestore(dataDir, result) };
}

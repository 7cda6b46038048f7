import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { AppError } from './errors';
import { trackTemp } from './library-lock';

/** What every writer of a user-chosen file (export, backup) must respect. */
export interface SafeWriteOptions {
  /** the library's data directory: nothing inside it may be written by an export or backup; ':memory:' for none */
  dataDir: string;
  /** replace an existing file (CLI `--force`); without it an existing file is refused */
  force?: boolean;
  /** how to tell the person to overwrite (shown in the refusal) */
  forceHint?: string;
}

/** Real path of `p`, resolving symlinks of the longest existing prefix (the rest may not exist yet). */
function realish(p: string): string {
  const abs = resolve(p);
  let head = abs;
  const tail: string[] = [];
  for (;;) {
    try {
      return join(realpathSync(head), ...tail);
    } catch {
      const up = dirname(head);
      if (up === head) return abs;
      tail.unshift(basename(head));
      head = up;
    }
  }
}

/** Whether `target` is the data directory or anything inside it (symlinks followed). */
export function isInsideDataDir(target: string, dataDir: string): boolean {
  if (!dataDir || dataDir === ':memory:') return false;
  const dir = realish(dataDir);
  const t = realish(target);
  const rel = relative(dir, t);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Why a file could not be read, in Chinese (for a file the person named: import, parse, restore --from). */
export function describeReadProblem(err: unknown): string {
  switch ((err as NodeJS.ErrnoException)?.code) {
    case 'ENOENT':
      return '文件不存在';
    case 'ENOTDIR':
      return '路径中有一段是文件而不是文件夹';
    case 'ENAMETOOLONG':
      return '文件名或路径过长';
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限';
    case 'EISDIR':
      return '这是一个文件夹，不是文件';
    case 'ELOOP':
      return '路径中的链接形成了循环';
    default:
      return `无法读取（${(err as NodeJS.ErrnoException)?.code ?? '未知原因'}）`;
  }
}

/** SQLite reports a full disk or a permission problem in its own words (a backup's copy): the file-system code for them. */
function sqliteAsErrno(code: string | undefined): string | undefined {
  if (code === 'SQLITE_FULL') return 'ENOSPC';
  if (code?.startsWith('SQLITE_CANTOPEN') || code?.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') return 'EACCES';
  return code;
}

/** A Chinese one-liner for a failed file operation (SQLite's codes included), instead of ENOENT/EISDIR/SQLITE_FULL. */
export function describeFsError(err: unknown, target: string): string {
  const code = sqliteAsErrno((err as NodeJS.ErrnoException)?.code);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `磁盘空间不足，无法写入 ${target}。原有文件未改动。`;
    case 'EACCES':
    case 'EPERM':
      return `没有写入权限：${target}。请换一个位置，或检查文件夹权限。`;
    case 'EROFS':
      return `目标位置是只读的：${target}。`;
    case 'EISDIR':
      return `${target} 是一个文件夹，请指定文件名（例如 ${join(target, '导出.pdf')}）。`;
    case 'ENOENT':
      return `目标文件夹不存在：${dirname(target)}。`;
    case 'ENOTDIR':
      return `路径中有一段是文件而不是文件夹：${target}。请另选位置。`;
    case 'ELOOP':
      return `路径中的链接形成了循环：${target}。`;
    case 'ENAMETOOLONG':
      return `文件名过长：${basename(target).slice(0, 60)}…`;
    case 'EBUSY':
      return `文件正被其他程序占用：${target}。请关闭占用它的程序后重试。`;
    default:
      // SQLite's own codes (SQLITE_CANTOPEN, SQLITE_IOERR…) mean nothing to a person: say what failed instead
      if (typeof code === 'string' && code.startsWith('SQLITE_')) return `无法写入 ${target}：文件无法创建或写入（请检查该位置是否可写、磁盘是否已满）。`;
      return `无法写入 ${target}：${code ?? (err as Error)?.message ?? String(err)}`;
  }
}

/**
 * stat that never throws a raw ENOTDIR/ENAMETOOLONG/ELOOP at the person: a missing path is undefined, any other
 * failure becomes a Chinese refusal naming the path.
 */
function statOrRefuse(p: string): Stats | undefined {
  try {
    return statSync(p, { throwIfNoEntry: false });
  } catch (err) {
    throw new AppError('INVALID_INPUT', describeFsError(err, p));
  }
}

/**
 * Where `--out` points: a folder (an existing one, or any path ending in / or \\) gets `defaultName` inside it;
 * anything else is the file itself. A folder path that does not exist is refused.
 */
export function resolveTarget(out: string, defaultName: string): string {
  const abs = resolve(out);
  const folderLike = /[\\/]$/.test(out);
  const info = statOrRefuse(abs);
  if (info?.isDirectory()) return join(abs, defaultName);
  if (folderLike) {
    if (info) throw new AppError('INVALID_INPUT', `${abs} 是一个文件，不是文件夹。`);
    throw new AppError('INVALID_INPUT', `目标文件夹不存在：${abs}。`);
  }
  return abs;
}

/**
 * Checks a target before anything is written: not inside the data directory, not a folder, its folder exists,
 * and an existing file only with `force`. Throws AppError with a Chinese message.
 */
export function checkWriteTarget(target: string, opts: SafeWriteOptions): string {
  const abs = resolve(target);
  if (isInsideDataDir(abs, opts.dataDir)) {
    throw new AppError(
      'FORBIDDEN',
      `不能写入 NormDesk 的数据目录（${opts.dataDir}）：那里的数据库、备份和索引文件会被破坏。请另选位置。`,
    );
  }
  const info = statOrRefuse(abs);
  if (info?.isDirectory()) throw new AppError('INVALID_INPUT', describeFsError({ code: 'EISDIR' }, abs));
  const dir = dirname(abs);
  const dirInfo = statOrRefuse(dir);
  if (!dirInfo?.isDirectory()) throw new AppError('INVALID_INPUT', dirInfo ? `${dir} 是一个文件，不是文件夹，不能在其中写入。` : `目标文件夹不存在：${dir}。`);
  if (info && !opts.force) {
    throw new AppError('CONFLICT', `文件已存在：${abs}。${opts.forceHint ?? '如需覆盖请加 --force'}。`);
  }
  if (!info && lstatSync(abs, { throwIfNoEntry: false })?.isSymbolicLink()) {
    throw new AppError('INVALID_INPUT', `${abs} 是一个指向不存在位置的链接，请另选文件名。`);
  }
  return abs;
}

/** The temporary name beside the target: hidden, unique, ending in .tmp so a leftover is recognisable. */
export function tempNameFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * The one way NormDesk writes a file a person chose: checked (see checkWriteTarget), produced under a temporary
 * name in the target folder by `produce`, flushed, then renamed over the target — so the target is either the
 * old file or the complete new one, and no `.tmp` is left behind on any error.
 */
export async function safeWrite(target: string, produce: (tmp: string) => Promise<void> | void, opts: SafeWriteOptions): Promise<string> {
  const abs = checkWriteTarget(target, opts);
  const tmp = tempNameFor(abs);
  // listed in this process's note in the library: killed half-way, the next start removes it (library-lock.ts)
  const untrack = trackTemp(opts.dataDir, tmp);
  try {
    await produce(tmp);
    flush(tmp);
    // checked again just before the rename: another process may have created the file meanwhile
    if (!opts.force && existsSync(abs)) throw new AppError('CONFLICT', `文件已存在：${abs}。${opts.forceHint ?? '如需覆盖请加 --force'}。`);
    renameSync(tmp, abs);
    return abs;
  } catch (err) {
    rmSync(tmp, { force: true });
    if (err instanceof AppError) throw err;
    throw new AppError('INVALID_INPUT', describeFsError(err, abs));
  } finally {
    untrack();
  }
}

/** Writes bytes to a person-chosen file through safeWrite. */
export function safeWriteFile(target: string, data: Uint8Array, opts: SafeWriteOptions): Promise<string> {
  return safeWrite(
    target,
    (tmp) => {
      const fd = openSync(tmp, 'wx');
      try {
        let off = 0;
        while (off < data.length) off += writeSync(fd, data, off, data.length - off);
      } finally {
        closeSync(fd);
      }
    },
    opts,
  );
}

function flush(file: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r+');
    fsyncSync(fd);
  } catch {
    // fsync is best effort (some file systems refuse it); the rename still replaces atomically
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

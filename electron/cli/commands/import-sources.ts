import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_FILE_LABEL } from '../../../shared/contract/import';
import { ARCHIVE_LIMITS, isArchiveName, isImportable } from '../../../shared/import/supported';
import { archiveItems } from '../../../shared/import/zip-archive';
import { describeReadProblem } from '../../core/kernel/safe-write';
import { resolveFileArg } from '../file-arg';

/** One file to send to the import: how to read it (bytes, or a Chinese reason it cannot be read), or why not. */
export type Source = { name: string; size: number; load(): Promise<Uint8Array> } | { name: string; problem: string };

/** What the paths given to `import` hold: files to read, and what was left out with why (not counted as failures). */
export interface Sources {
  sources: Source[];
  skipped: { name: string; reason: string }[];
}

/** Largest archive the command line opens (it holds the archive while its files are read, one at a time). */
const MAX_ARCHIVE_BYTES = 2 * 1024 * 1024 * 1024 - 1;
/** The contract's limit on a file name: long archive paths keep their end (the name and its extension). */
const fitName = (name: string) => (name.length > 255 ? `…${name.slice(-254)}` : name);

/** Why a path cannot be read, in Chinese (a missing file, no permission, a folder in the way, a name too long …). */
const problemOf = (err: unknown): string => describeReadProblem(err);

const tooLarge = (size: number) => `文件过大（${(size / 1024 / 1024).toFixed(1)} MB）：单个文件不能超过 ${MAX_IMPORT_FILE_LABEL}，请拆分后再导入`;

/** The files of a zip archive, read from it one at a time when sent. */
async function fromArchive(path: string | Buffer, name: string, out: Sources): Promise<void> {
  let bytes: Uint8Array;
  try {
    const s = await stat(path);
    if (s.size > MAX_ARCHIVE_BYTES) {
      out.sources.push({ name, problem: `压缩包过大（${(s.size / 1024 / 1024 / 1024).toFixed(1)} GB），请解压后导入文件夹` });
      return;
    }
    bytes = new Uint8Array(await readFile(path));
  } catch (err) {
    out.sources.push({ name, problem: problemOf(err) });
    return;
  }
  for (const item of archiveItems(name, bytes, isImportable, ARCHIVE_LIMITS)) {
    if ('skipped' in item) out.skipped.push({ name: item.name, reason: item.skipped });
    else out.sources.push({ name: fitName(item.name), size: item.size, load: async () => item.load() });
  }
}

function fromFile(path: string | Buffer, name: string, size: number): Source {
  if (size > MAX_IMPORT_FILE_BYTES) return { name, problem: tooLarge(size) };
  return { name, size, load: async () => new Uint8Array(await readFile(path)) };
}

/** Every importable file under a folder, its subfolders in order; other files listed as skipped. */
async function fromFolder(root: string, dir: string, out: Sources): Promise<void> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort((a, b) => a.localeCompare(b, 'zh-CN'));
  } catch (err) {
    out.sources.push({ name: relative(join(root, '..'), dir) || dir, problem: problemOf(err) });
    return;
  }
  for (const n of names) {
    if (n.startsWith('.') || n.startsWith('~$')) continue; // hidden files and Office lock files
    const path = join(dir, n);
    const name = fitName(relative(join(root, '..'), path));
    let s;
    try {
      s = await lstat(path);
    } catch (err) {
      out.sources.push({ name, problem: problemOf(err) });
      continue;
    }
    if (s.isSymbolicLink()) out.skipped.push({ name, reason: '符号链接，未跟随' });
    else if (s.isDirectory()) await fromFolder(root, path, out);
    else if (!s.isFile()) continue;
    else if (isArchiveName(n)) await fromArchive(path, name, out);
    else if (isImportable(n)) out.sources.push(fromFile(path, name, s.size));
    else out.skipped.push({ name, reason: '不支持的文件类型' });
  }
}

/**
 * What the paths given on the command line hold: a file as itself (its type checked by the service), a
 * folder with everything importable under it, a .zip archive as its files (a zip under another name is found
 * by the service from its content).
 */
export async function collectSources(paths: readonly string[]): Promise<Sources> {
  const out: Sources = { sources: [], skipped: [] };
  for (const given of paths) {
    // a file name that is not UTF-8 (a GBK name from a Windows share) is found by its bytes
    const { path: found, name } = await resolveFileArg(given);
    let s;
    try {
      s = await stat(found);
    } catch (err) {
      out.sources.push({ name: given, problem: problemOf(err) });
      continue;
    }
    if (s.isDirectory()) await fromFolder(given, given, out);
    else if (!s.isFile()) out.sources.push({ name: given, problem: '不是文件' });
    else if (isArchiveName(name)) await fromArchive(found, name, out);
    else out.sources.push(fromFile(found, name, s.size));
  }
  return out;
}

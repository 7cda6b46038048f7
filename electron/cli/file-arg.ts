import { readdir } from 'node:fs/promises';
import { basename, dirname, sep } from 'node:path';

/**
 * A file named on the command line, found on disk even when its name is not valid UTF-8 (issue 26): Node
 * decodes the argument as UTF-8, so a GBK name copied from a Windows share arrives with U+FFFD in it and
 * names no file. Such a name is matched against the folder's names as bytes; the file is then opened by its
 * byte path and shown by its name read as GB18030 (when that reads cleanly) or as given.
 */
export interface FileArg {
  /** what to open (a Buffer for a name that is not UTF-8) */
  path: string | Buffer;
  /** the file's name for messages and the import review */
  name: string;
}

/** The file an argument names (see above); as given when nothing better is found. */
export async function resolveFileArg(arg: string): Promise<FileArg> {
  const plain: FileArg = { path: arg, name: basename(arg) };
  if (!arg.includes('\ufffd')) return plain;
  const dir = dirname(arg);
  const wanted = basename(arg);
  const entries = await readdir(dir, { encoding: 'buffer' }).catch(() => [] as Buffer[]);
  const hits = entries.filter((e) => e.toString('utf8') === wanted);
  if (hits.length !== 1) return plain; // none, or several names that read alike: not ours to guess
  const raw = hits[0];
  return { path: Buffer.concat([Buffer.from(dir.endsWith(sep) ? dir : dir + sep), raw]), name: displayName(raw) };
}

function displayName(raw: Buffer): string {
  try {
    return new TextDecoder('gb18030', { fatal: true }).decode(raw);
  } catch {
    return raw.toString('utf8');
  }
}

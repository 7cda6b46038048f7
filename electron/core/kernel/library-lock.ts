import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from './errors';

/**
 * Which processes have a library open. Several may at once (the app and a CLI import wait for each other inside
 * SQLite), but a restore moves the database file away: a process that still holds it would go on acknowledging
 * edits into the moved-away copy. So every process that opens a library leaves a note `<dataDir>/.in-use/<pid>.json`
 * (its pid, what it is, since when) and removes it on close; a restore refuses while another live process has one.
 * A note whose process is gone (killed, crashed) is stale and removed by the next reader.
 */
const FOLDER = '.in-use';

export interface LibraryHolder {
  pid: number;
  host: string;
  shell: 'electron' | 'browser' | 'cli';
  /** the CLI command, when the holder is the CLI */
  command: string | null;
  since: string;
}

/** Whether process `pid` on this machine is alive (EPERM: alive, owned by another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Leaves this process's note in the library; returns the function that removes it (idempotent). */
export function holdLibrary(dataDir: string, shell: LibraryHolder['shell'], now: Date = new Date()): () => void {
  if (dataDir === ':memory:') return () => {};
  const dir = join(dataDir, FOLDER);
  const file = join(dir, `${process.pid}.json`);
  const holder: LibraryHolder = { pid: process.pid, host: hostname(), shell, command: shell === 'cli' ? (process.argv[2] ?? null) : null, since: now.toISOString() };
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify(holder));
  } catch {
    return () => {}; // a read-only data directory: nothing can be restored into it either
  }
  let held = true;
  return () => {
    if (held) rmSync(file, { force: true });
    held = false;
  };
}

/** The other live processes holding the library (stale notes of dead processes on this machine are removed). */
export function otherHolders(dataDir: string): LibraryHolder[] {
  if (dataDir === ':memory:') return [];
  const dir = join(dataDir, FOLDER);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /^\d+\.json$/.test(n));
  } catch {
    return [];
  }
  const me = hostname();
  const live: LibraryHolder[] = [];
  for (const name of names) {
    let h: LibraryHolder;
    try {
      h = JSON.parse(readFileSync(join(dir, name), 'utf8')) as LibraryHolder;
    } catch {
      continue; // being written right now, or unreadable: not a holder we can name
    }
    if (h.pid === process.pid && h.host === me) continue;
    if (h.host === me && !alive(h.pid)) {
      rmSync(join(dir, name), { force: true });
      continue;
    }
    live.push(h);
  }
  return live;
}

/** "浏览器模式（normdesk serve，进程 1234，自 2026-12-07 09:30 起）" */
export function describeHolder(h: LibraryHolder): string {
  const what = h.shell === 'electron' ? 'NormDesk 桌面程序' : h.shell === 'browser' ? '浏览器模式（normdesk serve）' : `命令行 normdesk ${h.command ?? ''}`.trim();
  const where = h.host === hostname() ? '' : `，在计算机 ${h.host} 上`;
  return `${what}（进程 ${h.pid}${where}，自 ${h.since.slice(0, 16).replace('T', ' ')} UTC 起）`;
}

/**
 * Refuses `action` (a restore) while another live process has the library open, naming each: the person closes
 * it and tries again.
 */
export function refuseWhileInUse(dataDir: string, action: string): void {
  const others = otherHolders(dataDir);
  if (others.length === 0) return;
  const foreign = others.some((h) => h.host !== hostname());
  throw new AppError(
    'CONFLICT',
    `无法${action}：文件库正被 ${others.map(describeHolder).join('、')} 使用。请先关闭它再${action}，否则它之后保存的修改会写进被移走的旧文件库而丢失。` +
      (foreign ? `（如确认那台计算机上的程序已关闭，可删除 ${join(dataDir, FOLDER)} 中对应的文件。）` : ''),
  );
}

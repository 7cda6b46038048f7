import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join, resolve } from 'node:path';
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
  /** temporary files this process is writing (a backup's copy beside its target): a killed process's are removed */
  temps?: string[];
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

/** The notes this process holds, by data directory: the temporary files they list change while it runs. */
const held = new Map<string, { file: string; holder: LibraryHolder; count: number }>();

function writeNote(note: { file: string; holder: LibraryHolder }): void {
  try {
    writeFileSync(note.file, JSON.stringify(note.holder));
  } catch {
    // a read-only data directory: nothing can be restored into it, and nothing is written beside it either
  }
}

/** A temporary name as safe-write makes them: `.NAME.PID.8hex.tmp` (and SQLite's -journal/-wal beside it). */
const TEMP = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp(?:-journal|-wal|-shm)?$/;

function removeTemp(path: string): void {
  if (!TEMP.test(basename(path))) return; // only ever what safe-write named
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/** A dead process's note: its temporary files (a backup killed half-way holds the library and password hashes) go with it. */
function removeStale(noteFile: string, h: LibraryHolder): number {
  for (const t of h.temps ?? []) removeTemp(t);
  rmSync(noteFile, { force: true });
  return h.temps?.length ?? 0;
}

/**
 * Leaves this process's note in the library (after clearing what killed processes left: their notes and
 * temporary files, in the backups folder too); returns the function that removes it (idempotent).
 */
export function holdLibrary(dataDir: string, shell: LibraryHolder['shell'], now: Date = new Date()): () => void {
  if (dataDir === ':memory:') return () => {};
  const key = resolve(dataDir);
  let note = held.get(key);
  if (!note) {
    otherHolders(dataDir);
    sweepBackupTemps(dataDir);
    const dir = join(dataDir, FOLDER);
    try {
      mkdirSync(dir, { recursive: true });
    } catch {
      return () => {};
    }
    const holder: LibraryHolder = { pid: process.pid, host: hostname(), shell, command: shell === 'cli' ? (process.argv[2] ?? null) : null, since: now.toISOString(), temps: [] };
    note = { file: join(dir, `${process.pid}.json`), holder, count: 0 };
    writeNote(note);
    held.set(key, note);
  }
  // one process may open the same library twice (a test, a restore that reopens): the note goes with the last
  note.count += 1;
  const mine = note;
  let holding = true;
  return () => {
    if (!holding) return;
    holding = false;
    mine.count -= 1;
    if (mine.count > 0) return;
    rmSync(mine.file, { force: true });
    held.delete(key);
  };
}

/**
 * Records that this process is writing `tmp` for the library in `dataDir` (a backup to a chosen file): if the
 * process is killed, the next start removes it. Returns the function that forgets it once renamed or removed.
 */
export function trackTemp(dataDir: string, tmp: string): () => void {
  const note = held.get(resolve(dataDir));
  if (!note) return () => {};
  note.holder.temps = [...(note.holder.temps ?? []), tmp];
  writeNote(note);
  return () => {
    note.holder.temps = (note.holder.temps ?? []).filter((t) => t !== tmp);
    writeNote(note);
  };
}

/** Temporary copies in the backups folder whose writing process is gone (a daily or 立即备份 copy killed half-way). */
function sweepBackupTemps(dataDir: string): void {
  const dir = join(dataDir, 'backups');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) rmSync(join(dir, name), { force: true });
  }
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
      removeStale(join(dir, name), h);
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

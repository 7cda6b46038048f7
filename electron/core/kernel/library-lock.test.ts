import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../composition';
import { restoreFromFile } from '../features/system/restore-files';
import { holdLibrary, otherHolders } from './library-lock';
import { safeWrite } from './safe-write';

const quiet = { info() {}, error() {} };

/** A note as another process leaves it (the test cannot easily run a second NormDesk, so it plays one). */
function noteOf(dataDir: string, pid: number, shell: 'browser' | 'electron' | 'cli', temps: string[] = []) {
  mkdirSync(join(dataDir, '.in-use'), { recursive: true });
  writeFileSync(join(dataDir, '.in-use', `${pid}.json`), JSON.stringify({ pid, host: hostname(), shell, command: null, since: '2026-12-07T09:30:00.000Z', temps }));
}

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const p = spawn('true');
  await new Promise((r) => p.once('exit', r));
  return p.pid!;
}

describe('a library held by a running app', () => {
  it('refuses restore --from while another live process has the library open, naming it, and allows it once that process is gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-lock-'));
    const app = createApp({ dataDir: dir, shell: 'cli', log: quiet, dailyBackup: false });
    await app.call('import:samples', {});
    const backup = join(mkdtempSync(join(tmpdir(), 'nd-lock-bk-')), 'b.db');
    await app.call('backup:create', { file: backup });
    await app.close();

    const server = spawn('sleep', ['30']);
    await new Promise((r) => server.once('spawn', r));
    noteOf(dir, server.pid!, 'browser');
    expect(() => restoreFromFile(dir, backup, new Date())).toThrow(new RegExp(`正被 浏览器模式（normdesk serve）（进程 ${server.pid}`));
    expect(readdirSync(dir).some((n) => n.startsWith('before-restore-'))).toBe(false); // nothing moved

    server.kill('SIGKILL');
    await new Promise((r) => server.once('exit', r));
    const { result } = restoreFromFile(dir, backup, new Date());
    expect(existsSync(join(result.asideDir, 'normdesk.db'))).toBe(true);
    expect(existsSync(join(dir, '.in-use', `${server.pid}.json`))).toBe(false); // the stale note is gone
  });

  it('leaves a note while open and removes it on close; the process itself never counts as another holder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-lock-'));
    const app = createApp({ dataDir: dir, shell: 'browser', log: quiet, dailyBackup: false });
    expect(readdirSync(join(dir, '.in-use'))).toEqual([`${process.pid}.json`]);
    expect(otherHolders(dir)).toEqual([]);
    await app.call('backup:now', {});
    // the in-app restore refuses too while a second process holds the library
    const other = spawn('sleep', ['30']);
    await new Promise((r) => other.once('spawn', r));
    noteOf(dir, other.pid!, 'cli');
    const [backup] = (await app.call('backup:list', {})).entries;
    await expect(app.call('backup:restore', { name: backup.name })).rejects.toThrow(/无法恢复：文件库正被 命令行 normdesk/);
    other.kill('SIGKILL');
    await new Promise((r) => other.once('exit', r));
    await app.close();
    expect(readdirSync(join(dir, '.in-use'))).not.toContain(`${process.pid}.json`);
    expect(otherHolders(dir)).toEqual([]); // and the killed one's note is stale
    const release = holdLibrary(':memory:', 'cli');
    release();
  });
});

describe('one process opening a library twice', () => {
  it('keeps its note until the last one closes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-lock-'));
    const a = createApp({ dataDir: dir, shell: 'cli', log: quiet, dailyBackup: false });
    const b = createApp({ dataDir: dir, shell: 'cli', log: quiet, dailyBackup: false });
    await a.close();
    expect(existsSync(join(dir, '.in-use', `${process.pid}.json`))).toBe(true);
    await b.close();
    expect(existsSync(join(dir, '.in-use', `${process.pid}.json`))).toBe(false);
  });
});

describe('what a killed process leaves behind', () => {
  it('removes a killed backup\'s temporary copy beside its target and in the backups folder, and an empty before-restore folder, at the next start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-lock-'));
    const outside = mkdtempSync(join(tmpdir(), 'nd-lock-out-'));
    const pid = await deadPid();
    const tmp = join(outside, `.b.db.${pid}.0badc0de.tmp`);
    writeFileSync(tmp, 'half a library with password hashes');
    writeFileSync(`${tmp}-journal`, 'x');
    const mine = join(outside, 'keep.db'); // a person's file beside it is never touched, even if listed
    writeFileSync(mine, 'mine');
    noteOf(dir, pid, 'cli', [tmp, mine]);
    mkdirSync(join(dir, 'backups'), { recursive: true });
    const inFolder = join(dir, 'backups', `.normdesk-20261207-010000-manual.db.${pid}.12345678.tmp`);
    writeFileSync(inFolder, 'x');
    mkdirSync(join(dir, 'before-restore-20261207-010000'));
    mkdirSync(join(dir, 'before-restore-20261206-010000'));
    writeFileSync(join(dir, 'before-restore-20261206-010000', 'normdesk.db'), 'an old library');

    const app = createApp({ dataDir: dir, shell: 'cli', log: quiet, dailyBackup: false });
    expect(existsSync(tmp)).toBe(false);
    expect(existsSync(`${tmp}-journal`)).toBe(false);
    expect(existsSync(mine)).toBe(true);
    expect(existsSync(inFolder)).toBe(false);
    expect(existsSync(join(dir, 'before-restore-20261207-010000'))).toBe(false);
    expect(existsSync(join(dir, 'before-restore-20261206-010000', 'normdesk.db'))).toBe(true);
    expect(existsSync(join(dir, '.in-use', `${pid}.json`))).toBe(false);
    await app.close();
  });

  it('lists a backup\'s temporary file in the note while it is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-lock-'));
    const app = createApp({ dataDir: dir, shell: 'cli', log: quiet, dailyBackup: false });
    const note = () => JSON.parse(readFileSync(join(dir, '.in-use', `${process.pid}.json`), 'utf8')) as { temps: string[] };
    const seen: string[][] = [];
    const target = join(mkdtempSync(join(tmpdir(), 'nd-lock-out-')), 'b.db');
    await safeWrite(target, (t) => { seen.push(note().temps.filter((x) => x === t)); writeFileSync(t, 'copy'); }, { dataDir: dir });
    expect(seen[0]).toHaveLength(1);
    expect(note().temps).toEqual([]);
    await app.close();
  });
});

import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../composition';
import { latestVersion, migrate } from '../../db/migrate';
import { migrations } from '../../db/migrations';
import { registerSearchFunctions } from '../../db/search-functions';
import { backupFileName, backupsDir, hasBackupOn, listBackups, pruneBackups } from './backup-files';
import { diskTooFull, startDailyBackup } from './backup-handlers';
import { localCaller } from '../../../../shared/contract';
import { finishPendingRestore, stageRestore, swapInRestore } from './restore-files';

const quiet = { info() {}, error() {} };
const apps: App[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close().catch(() => {});
});
function open(dataDir: string, shell: 'cli' | 'browser' = 'cli', now?: () => Date) {
  const app = createApp({ dataDir, shell, log: quiet, dailyBackup: false, now });
  apps.push(app);
  return app;
}
const count = async (app: App) => (await app.call('app:info', {})).documentCount;
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));

describe('restore in the running app (backup:restore)', () => {
  it('switches to the backup without a restart, keeps the replaced library aside, and answers every channel after', async () => {
    const dir = tmp('nd-rs-');
    const app = open(dir, 'browser');
    await app.call('import:samples', {});
    const before = await count(app);
    const backup = await app.call('backup:now', {});
    expect(backup).toMatchObject({ kind: 'manual', documents: before, problem: null });
    const list = await app.call('documents:list', {});
    await app.call('documents:delete', { id: list.rows[0].id });
    await app.call('documents:delete', { id: list.rows[1].id });
    expect(await count(app)).toBe(before - 2);

    const result = await app.call('backup:restore', { name: backup.name });
    expect(result.documents).toBe(before);
    expect(await count(app)).toBe(before);
    // every service was rebuilt over the new handle: reads, searches and edits work
    const again = await app.call('documents:list', {});
    expect(again.total).toBe(before);
    const doc = await app.call('documents:get', { id: list.rows[0].id });
    await app.call('documents:update', { id: doc.document.id, patch: { title: `${doc.document.title}（恢复后）` } });
    expect((await app.call('search:query', { text: '恢复后' })).total).toBeGreaterThan(0);
    // the replaced library is kept whole, with the two deletions
    expect(existsSync(join(result.asideDir, 'normdesk.db'))).toBe(true);
    const aside = new Database(join(result.asideDir, 'normdesk.db'), { readonly: true });
    expect(aside.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(before - 2);
    aside.close();
  });

  it('refuses a damaged or foreign backup before closing anything, and the app keeps its library', async () => {
    const dir = tmp('nd-rs-');
    const app = open(dir, 'browser');
    await app.call('import:samples', {});
    const n = await count(app);
    await app.call('backup:now', {});
    const folder = backupsDir(dir);
    writeFileSync(join(folder, 'garbage.db'), 'this is not a database'.repeat(100));
    const foreign = new Database(join(folder, 'foreign.db'));
    foreign.exec('CREATE TABLE t (x)');
    foreign.close();
    const newer = new Database(join(folder, 'newer.db'));
    newer.exec('CREATE TABLE documents (id TEXT)');
    newer.pragma('user_version = 999');
    newer.close();
    await expect(app.call('backup:restore', { name: 'garbage.db' })).rejects.toThrow(/不是 NormDesk 的数据库或已损坏|无法打开/);
    await expect(app.call('backup:restore', { name: 'foreign.db' })).rejects.toThrow(/没有文件表/);
    await expect(app.call('backup:restore', { name: 'newer.db' })).rejects.toThrow(/更新版本/);
    await expect(app.call('backup:restore', { name: '../normdesk.db' })).rejects.toThrow(/备份名称无效/);
    await expect(app.call('backup:restore', { name: 'missing.db' })).rejects.toThrow(/没有 missing.db/);
    expect(await count(app)).toBe(n);
    expect(readdirSync(dir).filter((f) => f.startsWith('before-restore'))).toEqual([]);
    const entries = (await app.call('backup:list', {})).entries;
    expect(entries.find((e) => e.name === 'garbage.db')?.problem).toMatch(/无法读取/);
  });
});

describe('restore from the command line files (stale -wal)', () => {
  it('never replays the old library\'s -wal into the restored file', async () => {
    const dir = tmp('nd-rs-');
    const app = open(dir);
    await app.call('import:samples', {});
    const n = await count(app);
    const backup = join(tmp('nd-bk-'), 'copy.db');
    await app.call('backup:now', {});
    copyFileSync(join(backupsDir(dir), listBackups(dir)[0].name), backup);
    await app.close();
    // a crash: another writer's last transactions are only in the -wal, never checkpointed
    const db = new Database(join(dir, 'normdesk.db'));
    registerSearchFunctions(db);
    db.pragma('wal_autocheckpoint = 0');
    db.prepare('DELETE FROM documents WHERE id IN (SELECT id FROM documents LIMIT 3)').run();
    const wal = readFileSync(join(dir, 'normdesk.db-wal'));
    expect(wal.length).toBeGreaterThan(0);
    const dbBytes = readFileSync(join(dir, 'normdesk.db'));
    db.close();
    writeFileSync(join(dir, 'normdesk.db'), dbBytes);
    writeFileSync(join(dir, 'normdesk.db-wal'), wal);

    const staged = stageRestore(dir, backup);
    const result = swapInRestore(dir, staged, new Date());
    expect(existsSync(join(dir, 'normdesk.db-wal'))).toBe(false);
    const restored = open(dir);
    expect(await count(restored)).toBe(n);
    expect(restored.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // the old library and its -wal were kept together: its last changes are there
    const aside = new Database(join(result.asideDir, 'normdesk.db'));
    expect(aside.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(n - 3);
    aside.close();
  });

  it('a start after a crash in the middle of the swap finishes the restore', async () => {
    const dir = tmp('nd-rs-');
    const app = open(dir);
    await app.call('import:samples', {});
    const n = await count(app);
    const entry = await app.call('backup:now', {});
    await app.call('documents:delete', { id: (await app.call('documents:list', {})).rows[0].id });
    await app.close();
    const staged = stageRestore(dir, join(backupsDir(dir), entry.name));
    // crash after the marker was written, before anything moved
    const aside = join(dir, 'before-restore-crash');
    writeFileSync(join(dir, 'restore-pending.json'), JSON.stringify({ staging: staged.staging, aside }));
    expect(finishPendingRestore(dir)).toBe(aside);
    expect(existsSync(join(aside, 'normdesk.db'))).toBe(true);
    expect(await count(open(dir))).toBe(n);
  });
});

describe('automatic backups', () => {
  it('backs up before a migration changes an existing library, and the copy holds the old version', async () => {
    const dir = tmp('nd-mig-');
    const db = new Database(join(dir, 'normdesk.db'));
    registerSearchFunctions(db);
    migrate(db, migrations, 2);
    db.close();
    const app = open(dir);
    expect((await app.call('app:info', {})).schemaVersion).toBe(latestVersion(migrations));
    const entries = listBackups(dir);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'pre-migration', schemaVersion: 2, problem: null });
    expect(entries[0].name).toMatch(/pre-migration-v2\.db$/);
    await app.close();
    // a current library is not copied again
    open(dir);
    expect(listBackups(dir)).toHaveLength(1);
  });

  it('makes one backup a day at start, listed with date, size and document count', async () => {
    const dir = tmp('nd-daily-');
    const app = open(dir, 'browser', () => new Date(2026, 10, 30, 9, 0, 0));
    await app.call('import:samples', {});
    expect(hasBackupOn(dir, new Date(2026, 10, 30))).toBe(false);
    startDailyBackup(app.ctx, 0);
    await new Promise((r) => setTimeout(r, 50));
    await app.close(); // waits for the backup under way
    const entries = listBackups(dir);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'auto', documents: expect.any(Number), name: 'normdesk-20261130-090000-auto.db' });
    expect(entries[0].documents).toBeGreaterThan(0);
    expect(entries[0].bytes).toBeGreaterThan(0);
    const again = open(dir, 'browser', () => new Date(2026, 10, 30, 18, 0, 0));
    startDailyBackup(again.ctx, 0);
    await new Promise((r) => setTimeout(r, 50));
    await again.close();
    expect(listBackups(dir)).toHaveLength(1);
  });

  it('keeps backups for the configured days (the newest always) and refuses 0 or out-of-range days naming the field', async () => {
    const dir = tmp('nd-prune-');
    const app = open(dir);
    expect((await app.call('settings:get', {})).backupRetentionDays).toBe(30);
    for (const bad of [0, -1, 4000, 1.5]) {
      await expect(app.call('settings:update', { backupRetentionDays: bad }), String(bad)).rejects.toThrow(/备份保留天数：/);
    }
    expect((await app.call('settings:update', { backupRetentionDays: 7 })).backupRetentionDays).toBe(7);
    const folder = backupsDir(dir);
    await app.call('backup:now', {});
    const now = new Date(2026, 10, 30, 12);
    const names = [1, 6, 8, 40].map((days) => backupFileName(new Date(now.getTime() - days * 86400_000), 'auto'));
    for (const n of names) writeFileSync(join(folder, n), 'x');
    writeFileSync(join(folder, 'copied-by-hand.db'), 'x');
    utimesSync(join(folder, 'copied-by-hand.db'), new Date(2000, 0, 1), new Date(2000, 0, 1));
    const removed = pruneBackups(dir, 7, now);
    expect(removed.sort()).toEqual([names[2], names[3]].sort());
    expect(existsSync(join(folder, 'copied-by-hand.db'))).toBe(true);
    // everything is old: the newest stays
    expect(pruneBackups(dir, 1, new Date(2030, 0, 1)).length).toBeGreaterThan(0);
    expect(readdirSync(folder).filter((f) => f.startsWith('normdesk-'))).toHaveLength(1);
  });
});

describe('where backups may be written', () => {
  it('backup:create (a path on the disk) is the command line\'s only; the UI backs up into the backups folder', async () => {
    const dir = tmp('nd-bc-');
    const app = open(dir, 'browser');
    const target = join(tmp('nd-bc-out-'), 'x.db');
    await expect(app.call('backup:create', { file: target }, localCaller('u', 'browser'))).rejects.toThrow(/只有命令行/);
    await expect(app.call('backup:create', { file: target }, localCaller('u', 'electron'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(existsSync(target)).toBe(false);
    expect((await app.call('backup:create', { file: target }, localCaller('u', 'cli'))).file).toBe(target);
    expect((await app.call('backup:now', {})).kind).toBe('manual');
  });

  it('the daily backup is skipped with a message when the disk has no room for another copy', () => {
    const dir = tmp('nd-full-');
    writeFileSync(join(dir, 'normdesk.db'), Buffer.alloc(1024 * 1024));
    expect(diskTooFull(dir, 10 * 1024 * 1024)).toMatch(/磁盘剩余空间（10 MB）不足/);
    expect(diskTooFull(dir, 10 * 1024 * 1024 * 1024)).toBeNull();
  });
});

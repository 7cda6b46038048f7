import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../composition';
import { createBackupService } from './backup-service';

let app: App | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

describe('backup', () => {
  it('copies the library while it is open, and the copy opens with the same documents', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-bak-'));
    app = createApp({ dataDir: join(dir, 'lib'), shell: 'cli', log: { info() {}, error() {} } });
    await app.call('import:samples', {});
    const count = (await app.call('app:info', {})).documentCount;
    const result = await createBackupService(app.ctx).backup(join(dir, 'copy.db'));
    expect(result.documents).toBe(count);
    expect(count).toBeGreaterThan(0);
    // one self-contained file: no -wal or -shm left beside it by the check
    expect(readdirSync(dir).sort()).toEqual(['copy.db', 'lib']);
    const restoredDir = join(dir, 'restored');
    mkdirSync(restoredDir);
    copyFileSync(result.file, join(restoredDir, 'normdesk.db'));
    const restored = createApp({ dataDir: restoredDir, shell: 'cli', log: { info() {}, error() {} } });
    expect((await restored.call('app:info', {})).documentCount).toBe(count);
    await restored.close();
  });

  it('never overwrites an existing file unless asked, and leaves no partial file on failure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-bak-'));
    app = createApp({ dataDir: join(dir, 'lib'), shell: 'cli', log: { info() {}, error() {} } });
    const existing = join(dir, 'keep.db');
    writeFileSync(existing, 'important');
    await expect(createBackupService(app.ctx).backup(existing)).rejects.toThrow(/已存在/);
    await expect(createBackupService(app.ctx).backup(join(dir, 'missing-dir', 'x.db'))).rejects.toThrow(/不存在/);
    expect(existsSync(join(dir, 'missing-dir'))).toBe(false);
  });
});

describe('backup failures in SQLite words', () => {
  it.each([
    ['SQLITE_FULL', /磁盘空间不足/],
    ['SQLITE_CANTOPEN', /没有写入权限/],
    ['SQLITE_IOERR_WRITE', /文件无法创建或写入/],
  ])('%s is said in Chinese, never as the code', async (code, message) => {
    const failing = { backup: () => Promise.reject(Object.assign(new Error(`${code}: failed`), { code })) };
    const service = createBackupService({ db: failing as never, dataDir: ':memory:' });
    const target = join(mkdtempSync(join(tmpdir(), 'nd-bk-sqlite-')), 'b.db');
    const err = await service.backup(target).catch((e: Error) => e);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain('SQLITE');
  });
});

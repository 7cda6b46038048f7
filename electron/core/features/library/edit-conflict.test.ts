import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../composition';
import { localCaller } from '../../../../shared/contract';
import { findAppRoot } from '../../kernel/paths';

// Issue 14: two windows editing one document — the second save of an outdated copy is refused, not silently lost.

function app(dataDir = ':memory:', now = () => new Date('2026-11-22T12:00:00')) {
  const a = createApp({
    dataDir,
    shell: 'cli',
    resourcesDir: join(findAppRoot(), 'resources'),
    now, // by default a fixed clock: versions must still differ
    log: { info: () => {}, error: () => {} },
    dailyBackup: false,
  });
  return a;
}

describe('documents:update version check', () => {
  it('refuses a stale save with CONFLICT naming the fields and who changed them, and keeps the first edit', async () => {
    let t = Date.parse('2026-11-22T12:00:00');
    const a = app(':memory:', () => new Date((t += 1000)));
    const zhang = localCaller('张三', 'electron');
    await a.call('import:samples', {});
    const id = (await a.call('documents:list', {})).rows[0].id;
    const loaded = (await a.call('documents:get', { id })).document;
    // window 1 saves first
    const first = await a.call('documents:update', { id, patch: { title: '窗口一的标题', kind: '意见' }, expectedUpdatedAt: loaded.updatedAt }, zhang);
    expect(first.document.updatedAt > loaded.updatedAt).toBe(true);
    // window 2 still holds the version it loaded
    const stale = a.call('documents:update', { id, patch: { title: '窗口二的标题' }, expectedUpdatedAt: loaded.updatedAt });
    await expect(stale).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(stale).rejects.toThrow(/已被修改.*张三.*标题、文种.*尚未保存.*重新加载/);
    expect((await a.call('documents:get', { id })).document.title).toBe('窗口一的标题');
    // after reloading, window 2 can save
    const fresh = await a.call('documents:update', { id, patch: { title: '窗口二的标题' }, expectedUpdatedAt: first.document.updatedAt });
    expect(fresh.document.title).toBe('窗口二的标题');
    // a caller without a version (older scripts) still saves
    expect((await a.call('documents:update', { id, patch: { title: '脚本' } })).document.title).toBe('脚本');
    await a.close();
  });

  it('another process\'s edit between reading and writing is refused too (the UPDATE is guarded by the version)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-conf-'));
    const a = app(dir);
    await a.call('import:samples', {});
    const b = app(dir);
    const id = (await a.call('documents:list', {})).rows[0].id;
    const v = (await a.call('documents:get', { id })).document.updatedAt;
    await b.call('documents:update', { id, patch: { title: '进程二' }, expectedUpdatedAt: v });
    await expect(a.call('documents:update', { id, patch: { title: '进程一' }, expectedUpdatedAt: v })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await a.call('documents:get', { id })).document.title).toBe('进程二');
    await b.close();
    await a.close();
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../composition';
import { localCaller } from '../../../../shared/contract';
import { findAppRoot } from '../../kernel/paths';
import { staleEditError } from './edit-conflict';

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

describe('the conflict message', () => {
  it('names only the fields the other person changed', () => {
    const e = staleEditError('2026-11-22T10:00:00.000Z', '2026-11-22T11:00:00.000Z', [
      {
        id: 1, at: '2026-11-22T11:00:00.000Z', actor: '李四', action: 'document.update', entity: 'document', entityId: 'd',
        before: { title: '甲', kind: '通知', validUntil: '2025-01-01' }, after: { title: '乙', kind: '通知', validUntil: '2025-01-01' },
      },
      { id: 2, at: '2026-11-22T11:30:00.000Z', actor: '王五', action: 'document.update', entity: 'document', entityId: 'd', before: { kind: '通知' }, after: { kind: '意见' } },
      // before this editor loaded it: not part of the conflict
      { id: 0, at: '2026-11-22T09:00:00.000Z', actor: '赵六', action: 'document.update', entity: 'document', entityId: 'd', before: { issuers: [] }, after: { issuers: ['某'] } },
    ]);
    expect(e.message).toContain('操作人：李四；改动了：标题；操作人：王五；改动了：文种）');
    expect(e.message).not.toMatch(/有效期|赵六|发文机关/);
  });
});

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

  it('while another process holds the write lock, a save waits, then says the library is busy and stores nothing (issue 25)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-busy-'));
    const a = app(dir);
    await a.call('import:samples', {});
    const id = (await a.call('documents:list', {})).rows[0].id;
    const before = (await a.call('documents:get', { id })).document;
    const other = new Database(join(dir, 'normdesk.db'));
    other.prepare('BEGIN IMMEDIATE').run();
    a.ctx.db.pragma('busy_timeout = 50');
    const save = a.call('documents:update', { id, patch: { title: '等待中的修改' }, expectedUpdatedAt: before.updatedAt });
    await expect(save).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(save).rejects.toThrow(/另一个程序写入.*未保存任何内容/);
    other.prepare('ROLLBACK').run();
    other.close();
    expect((await a.call('documents:get', { id })).document.title).toBe(before.title);
    await a.close();
  });
});

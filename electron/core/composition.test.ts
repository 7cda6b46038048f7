import { describe, expect, it, vi } from 'vitest';
import { createApp } from './composition';
import { createAuditService } from './features/audit/audit-service';
import { createRelationService } from './features/relations/relation-service';
import { commitFile, parsedDoc } from './test-support/fixtures';

// Count how often the composition root builds the services others depend on.
vi.mock('./features/audit/audit-service', async (load) => {
  const m = await load<typeof import('./features/audit/audit-service')>();
  return { ...m, createAuditService: vi.fn(m.createAuditService) };
});
vi.mock('./features/relations/relation-service', async (load) => {
  const m = await load<typeof import('./features/relations/relation-service')>();
  return { ...m, createRelationService: vi.fn(m.createRelationService) };
});

const quiet = { info: () => {}, error: () => {} };

describe('the composition root', () => {
  it('builds the audit log and the relation service once for the whole app, and every feature shares them', () => {
    const app = createApp({ dataDir: ':memory:', shell: 'cli', log: quiet });
    expect(createAuditService).toHaveBeenCalledTimes(1);
    expect(createRelationService).toHaveBeenCalledTimes(1);
    void app.close();
  });

  it('enters each document, relation and audit row once per commit, recorded for the caller who made it', async () => {
    const app = createApp({ dataDir: ':memory:', shell: 'cli', log: quiet, now: () => new Date('2026-11-22T12:00:00') });
    const clerk = { ...app.caller, user: '法制科王五' };
    app.services.imports.commitParsed(clerk, [
      commitFile('a.txt', [
        parsedDoc({ title: '旧办法', docNumber: '招政发〔2018〕27号', dateSigned: '2018-06-01' }),
        parsedDoc({
          title: '新办法',
          docNumber: '招政发〔2022〕11号',
          dateSigned: '2022-03-01',
          abolishes: [{ title: null, docNumber: '招政发〔2018〕27号' }],
          cites: ['鲁政办发〔2020〕9号'],
        }),
      ]),
    ]);
    const count = (sql: string) => app.ctx.db.prepare(sql).pluck().get() as number;
    expect(count('SELECT count(*) FROM documents')).toBe(2);
    expect(count('SELECT count(*) FROM relations')).toBe(2);
    const actions = app.ctx.db.prepare<[], { action: string; actor: string }>('SELECT action, actor FROM audit_log ORDER BY id').all();
    expect(actions.map((a) => a.action).sort()).toEqual(['document.create', 'document.create', 'relation.create', 'relation.create']);
    expect(new Set(actions.map((a) => a.actor))).toEqual(new Set(['法制科王五']));
    // Through the contract, the shell's own caller (the OS user) is recorded.
    const list = await app.call('documents:list', { q: '旧办法' });
    await app.call('documents:update', { id: list.rows[0].id, patch: { kind: '办法' } });
    expect(app.ctx.db.prepare('SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get()).toBe(app.caller.user);
    await app.close();
  });

  it('refuses to put a document that belongs to a cleanup campaign in the trash, naming the campaign', async () => {
    const app = createApp({ dataDir: ':memory:', shell: 'cli', log: quiet, now: () => new Date('2026-11-22T12:00:00') });
    app.services.imports.commitParsed(app.caller, [
      commitFile('a.txt', [
        parsedDoc({ title: '甲办法', docNumber: '招政发〔2021〕1号', dateSigned: '2021-01-05', validityClause: '有效期五年', validUntil: '2026-01-04' }),
        parsedDoc({ title: '乙办法', docNumber: '招政发〔2021〕2号', dateSigned: '2021-02-05', validityClause: '有效期五年', validUntil: '2026-02-04' }),
      ]),
    ]);
    const campaign = await app.call('cleanup:create', { name: '2021年行政规范性文件清理', cutoff: '2021-12-31' });
    const list = await app.call('documents:list', { q: '甲办法' });
    await expect(app.call('documents:delete', { id: list.rows[0].id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('2021年行政规范性文件清理'),
    });
    expect((await app.call('documents:get', { id: list.rows[0].id })).document.title).toBe('甲办法');
    expect(campaign.id).toBeTruthy();
    await app.close();
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../composition';
import { findAppRoot } from '../../kernel/paths';

function app() {
  return createApp({
    dataDir: ':memory:',
    shell: 'cli',
    resourcesDir: join(findAppRoot(), 'resources'),
    now: () => new Date('2026-11-22T12:00:00'),
    log: { info: () => {}, error: () => {} },
  });
}

describe('library channels over the shipped sample gazettes', () => {
  it('once 招政发〔2018〕27号 is stored, the abolition in 招政发〔2022〕11号 shows on both pages and the old one is 已废止', async () => {
    const a = app();
    const samples = await a.call('import:samples', {});
    expect(samples.gazettes).toHaveLength(3);
    const newRow = (await a.call('documents:list', { q: '招政发〔2022〕11号' })).rows[0];
    const before = await a.call('documents:get', { id: newRow.id });
    expect(before.outgoing).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'abolishes', targetId: null, targetDocNumber: '招政发〔2018〕27号' })]),
    );
    expect(before.highlights.map((h) => h.kind)).toEqual(expect.arrayContaining(['effective', 'validity', 'abolish']));

    const old = {
      title: '招远市人民政府关于印发全市重点项目建设专项扶持资金补助办法的通知',
      docNumber: { raw: '招政发〔2018〕27号', normalized: '招政发〔2018〕27号', agency: '招政发', year: 2018, serial: 27 },
      registrationNumber: null, issuers: ['招远市人民政府'], dateSigned: '2018-05-01', kind: '通知', isNormative: true,
      effectiveClause: null, effectiveDate: null, validityClause: '有效期五年', validUntil: '2023-04-30',
      abolishes: [], cites: [], appointments: [], lineStart: 1, lineEnd: 30,
    };
    // Stored as already parsed (import:commit takes only staged parses; see the import service tests).
    const summary = a.services.imports.commitParsed(a.caller, [{ name: 'old.txt', sha256: 'a'.repeat(64), size: 10, encoding: 'utf-8', gazette: null, documents: [{ ...old, amends: [], replaces: [], body: [] }] }]);
    expect(summary.resolvedRelations).toBeGreaterThanOrEqual(1);
    const oldId = summary.created[0].id;
    const oldPage = await a.call('documents:get', { id: oldId });
    expect(oldPage.status).toBe('已废止');
    expect(oldPage.incoming).toEqual([expect.objectContaining({ type: 'abolishes', sourceId: newRow.id, sourceDocNumber: '招政发〔2022〕11号' })]);
    expect((await a.call('documents:get', { id: oldId, asOf: '2021-06-30' })).status).toBe('现行有效');
    expect((await a.call('documents:get', { id: newRow.id })).outgoing).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'abolishes', targetId: oldId })]),
    );
    await a.close();
  });

  it('refuses bad requests before the services run, in Chinese', async () => {
    const a = app();
    await expect(a.call('documents:list', { asOf: '2021/06/30' })).rejects.toThrow(/日期格式应为 YYYY-MM-DD/);
    await expect(a.call('documents:update', { id: 'x', patch: { title: '' } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(a.call('relations:add', { sourceId: 'x', type: 'cites' })).rejects.toThrow(/请指定目标文件、文号或标题/);
    await expect(a.call('documents:get', { id: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: '未找到文件 nope' });
    await expect(a.call('gazettes:get', { id: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await a.close();
  });
});

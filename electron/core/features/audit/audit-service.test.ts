import { describe, expect, it } from 'vitest';
import { BY, commitFile, parsedDoc, testLibrary } from '../../test-support/fixtures';

describe('audit log', () => {
  it('records the caller, injected time, before and after; a document history includes relations from and to it', () => {
    const { audit } = testLibrary('2026-03-01T08:30:00');
    audit.record(BY, 'document.update', 'document', 'd1', { title: '旧' }, { title: '新' });
    audit.record(BY, 'relation.create', 'relation', '7', null, { type: 'abolishes', sourceId: 'd2', targetId: 'd1' });
    audit.record(BY, 'relation.create', 'relation', '8', null, { type: 'cites', sourceId: 'd2', targetId: 'd3' });
    const history = audit.documentHistory('d1');
    expect(history.map((h) => [h.action, h.entityId])).toEqual([
      ['document.update', 'd1'],
      ['relation.create', '7'],
    ]);
    expect(history[0]).toMatchObject({ actor: '测试员', at: new Date('2026-03-01T08:30:00').toISOString(), before: { title: '旧' }, after: { title: '新' } });
    expect(audit.documentHistory('d3').map((h) => h.entityId)).toEqual(['8']);
  });

  it('the audit view names a gazette issue by its 期号 (never its id), also after it is gone', async () => {
    const lib = testLibrary('2026-03-01T08:30:00');
    const g = { title: '烟台市莱山区人民政府公报', issueNumber: 2, totalNumber: 20, year: 2021, publishDate: '2021-07-07', toc: [], issueUnit: '号' as const };
    const [issue] = lib.imports.commitParsed(BY, [commitFile('000.txt', [parsedDoc({ title: '某通知', docNumber: null })], g)]).gazettes;
    const rows = lib.audit.list({ limit: 50 }).filter((r) => r.entity === 'gazette' && r.entityId === issue.id);
    expect(rows.map((r) => r.subject)).toEqual(['烟台市莱山区人民政府公报 第2号（总第20号）']);
    lib.app.ctx.db.prepare('DELETE FROM gazette_issues WHERE id = ?').run(issue.id);
    expect(lib.audit.list({ limit: 50 }).find((r) => r.entityId === issue.id)?.subject).toBe('烟台市莱山区人民政府公报');
  });
});

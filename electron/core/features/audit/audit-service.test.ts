import { describe, expect, it } from 'vitest';
import { BY, testLibrary } from '../../test-support/fixtures';

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
});

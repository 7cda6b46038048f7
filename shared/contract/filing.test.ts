import { describe, expect, it } from 'vitest';
import { contract } from './index';

const refusal = (channel: keyof typeof contract, body: unknown) => {
  const r = contract[channel].req.safeParse(body);
  expect(r.success).toBe(false);
  return r.error!.issues[0].message;
};

describe('filing and package channels refuse bad input before a handler runs', () => {
  it('speaks Chinese about what is missing', () => {
    expect(refusal('review:correction', { id: 'r1', reason: '   ', due: '2026-11-20' })).toBe('请写明需要补正的内容');
    expect(refusal('review:refuse', { id: 'r1', reason: '' })).toBe('请写明不予备案的理由');
    expect(refusal('review:correction', { id: 'r1', reason: '缺少制定说明', due: '2026-02-30' })).toMatch(/不是有效的日期/);
    expect(refusal('filing:add-material', { documentId: 'd', kind: '制定说明', fileName: 'a.pdf', dataBase64: 'A'.repeat(30 * 1024 * 1024) })).toMatch(/不能超过 20 MB/);
    expect(contract['review:decide'].req.safeParse({ id: 'r1', decision: '同意' }).success).toBe(false);
    expect(contract['packages:import'].req.safeParse({ fileName: 'a.ndpkg', dataBase64: 'UEs=', resolve: 'overwrite' }).success).toBe(false);
    expect(contract['packages:export'].req.safeParse({ selection: { kind: 'documents', ids: [] } }).success).toBe(false);
    expect(contract['office:update'].req.safeParse({ fingerprint: 'ABCD' }).success).toBe(false);
  });
  it('writing needs the right permission: filing for editors, reviewing for the legal office, the office for administrators', () => {
    expect([contract['filing:send'].access, contract['review:decide'].access, contract['office:update'].access, contract['packages:import'].access]).toEqual(['edit', 'review', 'admin', 'edit']);
  });
});

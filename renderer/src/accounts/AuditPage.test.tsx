import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../../shared/contract/accounts';
import { subject } from './AuditPage';

const row = (over: Partial<AuditRecord>): AuditRecord => ({
  id: 1, at: '2026-11-22T08:00:00.000Z', user: 'wang', action: 'x', entity: 'document', entityId: 'e', documentId: null, documentTitle: null, subject: null, before: null, after: null, ...over,
});

describe('审计日志: what a row is about', () => {
  it('a failed login names the account, the address it came from and why', () => {
    expect(subject(row({ action: 'session.login-failed', entity: 'session', entityId: 'li', after: { from: '192.168.1.23', reason: 'wrong-password' } }))).toBe(
      'li（来自 192.168.1.23，密码错误）',
    );
    expect(subject(row({ action: 'session.login', entity: 'session', entityId: 'wang', after: { from: '127.0.0.1' } }))).toBe('wang（来自 127.0.0.1）');
  });

  it('a gazette issue by its 期号, never its id', () => {
    const r = row({ action: 'gazette.publish', entity: 'gazette', entityId: '0b6e3c1a-uuid', subject: '招远市人民政府公报 第1号' });
    expect(subject(r)).toBe('招远市人民政府公报 第1号');
    expect(subject({ ...r, subject: null })).not.toContain('0b6e3c1a');
  });
});

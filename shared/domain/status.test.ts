import { describe, expect, it } from 'vitest';
import { computeStatus } from './status';

const DOC = { dateSigned: '2022-02-07', effectiveDate: '2022-03-01', validUntil: '2025-02-28', declaredInvalidOn: null };

describe('computeStatus', () => {
  it('before the signing date a document is 未发布, between signing and 施行 尚未生效', () => {
    expect(computeStatus(DOC, [], '2022-02-06', 6)).toBe('未发布');
    expect(computeStatus(DOC, [], '2022-02-07', 6)).toBe('尚未生效');
    expect(computeStatus(DOC, [], '2022-02-28', 6)).toBe('尚未生效');
    expect(computeStatus(DOC, [], '2022-03-01', 6)).toBe('现行有效');
  });
  it('without a signing date only the 施行日期 decides (尚未生效)', () => {
    expect(computeStatus({ ...DOC, dateSigned: null }, [], '2022-02-01', 6)).toBe('尚未生效');
  });
  it('an abolition that acts later does not make a not-yet-issued document abolished', () => {
    expect(computeStatus(DOC, [{ type: 'abolishes', effectiveOn: '2021-01-01' }], '2022-01-01', 6)).toBe('未发布');
  });
});

import { describe, expect, it } from 'vitest';
import { filtersFromParams, filtersToParams, INITIAL, libraryHref, libraryParamsOfHash, toQuery } from './url-filters';

describe('library filters in the URL', () => {
  it('round-trip every filter, sort and 状态日期', () => {
    const f = { ...INITIAL, q: '集体经济', status: ['即将到期' as const, '现行有效' as const], issuer: '招远市人民政府', year: '2022', kind: '通知', normative: 'yes', hasValidity: 'no', asOf: '2026-11-22', validFrom: '2027-01-01', validTo: '2027-01-31', sort: 'validUntil' as const, dir: 'asc' as const };
    expect(filtersFromParams(filtersToParams(f))).toEqual(f);
  });
  it('ignores malformed values instead of failing', () => {
    expect(filtersFromParams('status=坏,已废止&year=20x2&asOf=2026-13&sort=nope&normative=maybe')).toEqual({ ...INITIAL, status: ['已废止'] });
  });
  it('a link lists exactly the filter, and the service query matches it', () => {
    const href = libraryHref({ status: ['已失效'], asOf: '2026-11-22', validFrom: '2025-10-01', validTo: '2025-10-31' });
    expect(href).toBe('#/library?status=%E5%B7%B2%E5%A4%B1%E6%95%88&asOf=2026-11-22&validFrom=2025-10-01&validTo=2025-10-31');
    const f = filtersFromParams(libraryParamsOfHash(href)!);
    expect(toQuery(f, f.q)).toEqual({ sort: 'dateSigned', dir: 'desc', status: ['已失效'], asOf: '2026-11-22', validFrom: '2025-10-01', validTo: '2025-10-31' });
    expect(libraryParamsOfHash('#/documents/x')).toBeNull();
    expect(libraryParamsOfHash('#/library')).toBe('');
  });
});

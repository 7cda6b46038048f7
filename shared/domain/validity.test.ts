import { describe, expect, it } from 'vitest';
import { extractValidity } from './validity';

const v = (text: string, dateSigned: string | null = '2022-02-07', title = '') => extractValidity(text, { dateSigned, title });

describe('extractValidity', () => {
  it('本意见自公布之日起实施，有效期三年 → from 成文日期', () => {
    expect(v('3. 本意见自公布之日起实施，有效期三年。')).toMatchObject({
      effectiveClause: '本意见自公布之日起实施', effectiveDate: '2022-02-07', validityClause: '有效期三年', validUntil: '2025-02-06', validityYears: 3,
    });
  });
  it('有效期3年 / 有效期为2年 / 有效期五年', () => {
    expect(v('本办法自印发之日起施行，有效期3年。').validUntil).toBe('2025-02-06');
    expect(v('本办法自印发之日起施行，有效期为2年。').validUntil).toBe('2024-02-06');
    expect(v('（一）本意见自公布之日起实施，有效期五年。').validUntil).toBe('2027-02-06');
  });
  it('an explicit end date wins', () => {
    expect(v('本实施方案自2021年7月2日起施行，有效期至2025年12月19日。', '2021-06-03')).toMatchObject({
      effectiveDate: '2021-07-02', validityClause: '有效期至2025年12月19日', validUntil: '2025-12-19',
    });
  });
  it('reads clauses broken by spaces and line breaks', () => {
    expect(v('本意见自 2021年 9月 2日起施行，\n有效期至 2023年 12月 31日。', '2021-08-03')).toMatchObject({
      effectiveDate: '2021-09-02', validUntil: '2023-12-31',
    });
  });
  it('explicit 施行 date + N years', () => {
    expect(v('本办法自2021年7月2日起施行，有效期5年。').validUntil).toBe('2026-07-01');
  });
  it('no clause → nulls, no guess', () => {
    expect(v('各单位要认真贯彻执行。')).toMatchObject({ effectiveClause: null, validityClause: null, validUntil: null });
  });
  it('施行 clause without validity', () => {
    expect(v('9.5 本预案自印发之日起实施。', '2021-07-30')).toMatchObject({ effectiveDate: '2021-07-30', validityClause: null });
  });
  it('ignores other regulations coming into force and licence validity', () => {
    const r = v('《条例》已于2021年9月30日经批准，于2022年1月1日起施行。许可证有效期为3年。');
    expect(r.effectiveClause).toBeNull();
    expect(r.validityClause).toBeNull();
  });
  it('warns when too long under the limits given, 2 years for 暂行/试行; never without limits', () => {
    const sd = (text: string, title = '') => extractValidity(text, { dateSigned: '2022-02-07', title, maxYears: 5, maxYearsTemporary: 2 });
    expect(sd('本办法自印发之日起施行，有效期十年。').warnings).toContain('有效期超过5年');
    expect(sd('本办法自印发之日起施行，有效期3年。', '某某暂行办法').warnings).toContain('暂行/试行文件有效期超过2年');
    expect(v('本办法自印发之日起施行，有效期十年。').warnings).toEqual([]);
  });
  it('a lead-in glued on by the whitespace squeeze (addressee line, 附则：, 第N条) does not hide the clause', () => {
    // Paragraphs are joined before the squeeze: `各县区人民政府：` + `本通知有效期…` become one sentence.
    expect(v('各县区人民政府：\n本通知有效期自2021年3月1日起至2026年2月28日止。')).toMatchObject({
      effectiveDate: '2021-03-01', validUntil: '2026-02-28',
    });
    expect(v('第五章 附则\n第二十条 本办法有效期5年。', '2021-06-01').validUntil).toBe('2026-05-31');
    expect(v('附则：有效期3年。').validUntil).toBe('2025-02-06');
  });
  it('有效期 before the 施行 clause in one sentence: counts from the 施行 date, not the 成文日期', () => {
    expect(v('本通知有效期3年，自2022年7月1日起施行。')).toMatchObject({
      effectiveClause: '自2022年7月1日起施行', effectiveDate: '2022-07-01', validUntil: '2025-06-30',
    });
    expect(v('各乡镇人民政府：\n本意见有效期五年，自印发之日起施行。').validUntil).toBe('2027-02-06');
    // …but another subject's 施行 in that position is not the document's
    expect(v('本市有关规定，自2022年7月1日起施行。').effectiveClause).toBeNull();
  });
  it('自印发之日 without a 成文日期 cannot be computed', () => {
    const r = v('本办法自印发之日起施行，有效期3年。', null);
    expect(r.validUntil).toBeNull();
    expect(r.warnings.length).toBeGreaterThan(0);
  });
});

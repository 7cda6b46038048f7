import { describe, expect, it } from 'vitest';
import { addYearsMinusOneDay, cnSmallNumber, findCnDates, isDateOnly, parseCnDate } from './cn-date';

describe('parseCnDate', () => {
  it.each([
    ['2022年2月7日', '2022-02-07'],
    ['2021年 9月 26日', '2021-09-26'],
    ['2022 年 3 月 21 日', '2022-03-21'],
    ['二〇二二年二月七日', '2022-02-07'],
    ['二○二二年十二月三十一日', '2022-12-31'],
    ['二O二一年十月一日', '2021-10-01'],
    ['二0二一年十一月二十日', '2021-11-20'],
    ['二零二一年七月七号出版', '2021-07-07'],
    ['２０２１年７月２日', '2021-07-02'],
    ['自2021年7月2日起施行', '2021-07-02'],
  ])('%s → %s', (s, iso) => expect(parseCnDate(s)).toBe(iso));

  it.each(['2021年2月30日', '2021年13月1日', '二〇二一年二月二十九日', '没有日期', ''])('%s → null', (s) =>
    expect(parseCnDate(s)).toBeNull(),
  );

  it('reports impossible dates with iso null', () => {
    expect(findCnDates('2021年2月30日')).toEqual([{ iso: null, raw: '2021年2月30日', index: 0 }]);
  });
  it('knows a signature line', () => {
    expect(isDateOnly('2021年 9月 26日')).toBe(true);
    expect(isDateOnly('2022年1月19日—2023年1月19日。')).toBe(false);
  });
  it('reads small Chinese numbers', () => {
    expect([cnSmallNumber('十'), cnSmallNumber('十二'), cnSmallNumber('二十'), cnSmallNumber('三十一'), cnSmallNumber('07')]).toEqual([10, 12, 20, 31, 7]);
  });
});

describe('addYearsMinusOneDay', () => {
  it.each([
    ['2022-02-07', 3, '2025-02-06'],
    ['2021-07-02', 5, '2026-07-01'],
    ['2021-01-01', 1, '2021-12-31'],
    ['2020-02-29', 1, '2021-02-28'],
    ['2020-02-29', 4, '2024-02-28'],
    ['2019-03-01', 1, '2020-02-29'],
  ])('%s + %i years − 1 day = %s', (start, n, end) => expect(addYearsMinusOneDay(start, n)).toBe(end));
  it('rejects bad input', () => {
    expect(addYearsMinusOneDay('2021-02-30', 1)).toBeNull();
    expect(addYearsMinusOneDay('x', 1)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { parseTypedDate } from './typed-date';

describe('typed dates', () => {
  it('accepts the ways people write a day', () => {
    for (const t of ['2021-06-30', '2021/6/30', '2021.6.30', '20210630', '2021年6月30日', ' 2021 年 6 月 30 日 ']) expect(parseTypedDate(t)).toBe('2021-06-30');
  });
  it('refuses days that do not exist and other text', () => {
    for (const t of ['2021-02-30', '2021-13-01', '明天', '', '2021-6']) expect(parseTypedDate(t)).toBeNull();
  });
});

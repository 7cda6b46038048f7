import { describe, expect, it } from 'vitest';
import { jurisdictionOf, ruleLimits, SHANDONG_VALIDITY_RULE, validityRuleFor, type ValidityRule } from './validity';

const rules = [SHANDONG_VALIDITY_RULE];
const doc = (issuers: string[], title = '关于印发某某管理办法的通知', docNumber: string | null = null) => ({ issuers, title, docNumber });

describe('the validity rule is the issuer province’s', () => {
  it('knows Shandong issuers by the province, a place of it, or a 鲁 agency code', () => {
    expect(jurisdictionOf(doc(['山东省人民政府办公厅']), rules)).toBe('山东');
    expect(jurisdictionOf(doc(['招远市人民政府']), rules)).toBe('山东');
    expect(jurisdictionOf(doc(['高青县教育和体育局']), rules)).toBe('山东');
    expect(jurisdictionOf(doc(['烟台市莱山区人民政府']), rules)).toBe('山东');
    expect(jurisdictionOf(doc([], '莱山区人民政府关于印发某某办法的通知'), rules)).toBe('山东');
    expect(jurisdictionOf(doc([], '某某办法', '鲁政办发〔2021〕3号'), rules)).toBe('山东');
  });

  it('never gives a Yunnan or unknown issuer Shandong’s rule', () => {
    expect(jurisdictionOf(doc(['云南省人民政府']), rules)).toBe('云南');
    expect(validityRuleFor(doc(['云南省人民政府']), rules)).toBeNull();
    expect(validityRuleFor(doc(['昆明市人民政府']), rules)).toBeNull();
    expect(validityRuleFor(doc([], '某某办法', '云政发〔2021〕3号'), rules)).toBeNull();
    expect(validityRuleFor(doc(['某某县人民政府']), rules)).toBeNull();
    // 牡丹江市 is Heilongjiang's, not 菏泽's 牡丹区; 丹东's 东港市 is not 日照's 东港区
    expect(validityRuleFor(doc(['牡丹江市人民政府']), rules)).toBeNull();
    expect(validityRuleFor(doc(['东港市人民政府']), rules)).toBeNull();
    // a province named in the issuer wins over a place name it contains
    expect(jurisdictionOf(doc(['广西壮族自治区人民政府']), rules)).toBe('广西');
  });

  it('applies a configured rule of another province to its issuers', () => {
    const yunnan: ValidityRule = { province: '云南', basis: '云南省某规定第十条', places: ['昆明市'], minYears: 2, maxYears: 3, minYearsTemporary: 1, maxYearsTemporary: 1 };
    expect(validityRuleFor(doc(['昆明市人民政府']), [...rules, yunnan])?.basis).toBe('云南省某规定第十条');
    expect(validityRuleFor(doc(['云南省人民政府']), [...rules, yunnan])?.maxYears).toBe(3);
  });

  it('names the rule and its range, 暂行/试行 apart', () => {
    expect(ruleLimits(SHANDONG_VALIDITY_RULE, '某某管理办法')).toMatchObject({ max: 5, range: '3至5年', cite: '依山东省行政程序规定第五十三条' });
    expect(ruleLimits(SHANDONG_VALIDITY_RULE, '某某暂行办法')).toMatchObject({ max: 2, range: '暂行、试行文件1至2年', temporary: true });
  });
});

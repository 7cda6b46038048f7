import { describe, expect, it } from 'vitest';
import { gramsOf, normalizeText, normalizeWithMap, originalSpan } from './normalize';

describe('normalizeWithMap', () => {
  it('gives normalizeText with, per unit, the original characters it came from', () => {
    for (const s of ['招政发[2018]027 号，对\n违反 规定', 'ＡＢＣ　公司 x  y', '㈠第一条\u200b内容', '文号（2018）007号', '']) {
      const m = normalizeWithMap(s);
      expect(m?.text).toBe(normalizeText(s));
    }
    const src = '根据（招政发[2018]027 号），';
    const m = normalizeWithMap(src)!;
    expect(m.text).toBe('根据(招政发〔2018〕27号),');
    const at = m.text.indexOf('招');
    const span = originalSpan(src, m, at, at + '招政发〔2018〕27号'.length);
    expect(span.text).toBe('招政发[2018]027号');
    expect(originalSpan(src, m, 0, m.text.length).text).toBe('根据（招政发[2018]027号），');
  });
});

describe('gramsOf', () => {
  it('lists every distinct 1- and 2-character gram once, never across a space', () => {
    expect(new Set(gramsOf('黄金黄金 ab').split(' '))).toEqual(new Set(['黄', '金', '黄金', '金黄', 'a', 'b', 'ab']));
    expect(new Set(gramsOf('𠀀字').split(' '))).toEqual(new Set(['𠀀', '字', '𠀀字']));
  });

  it('gives each gram of a long body exactly once, call after call (its sets are reused between calls)', () => {
    const naive = (s: string) => {
      const out = new Set<string>();
      for (let i = 0; i < s.length; i++) {
        if (s[i] === ' ') continue;
        out.add(s[i]);
        if (i + 1 < s.length && s[i + 1] !== ' ') out.add(s[i] + s[i + 1]);
      }
      return out;
    };
    // long enough to outgrow the first table; characters from across the BMP, spaces, a BOM-like character first
    const chars = '\ufeff规范性文件管理办法第一条为了加强 ab 12 〔2018〕27号，。！\uffff\u0000';
    let long = '';
    for (let i = 0; long.length < 40_000; i++) long += chars[(i * 7919) % chars.length] + (i % 13 === 0 ? chars[i % chars.length] : '');
    for (const text of [long, '黄金黄金 ab', long.slice(0, 5_000), '  ', '']) {
      const grams = gramsOf(text) === '' ? [] : gramsOf(text).split(' ');
      expect(grams.length).toBe(new Set(grams).size);
      expect(new Set(grams)).toEqual(naive(text));
    }
  });
});

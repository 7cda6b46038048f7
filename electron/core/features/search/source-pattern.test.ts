import { describe, expect, it } from 'vitest';
import { NFKC_CHANGING } from '../../../../shared/search/nfkc-table';
import { normalizeText } from '../../../../shared/search/normalize';
import { scanChangingCodePoints, sourcesOf, termPattern } from './source-pattern';

const found = (term: string, text: string) => [...text.matchAll(termPattern(term)!.find)].map((m) => m[0]);

describe('termPattern', () => {
  it('uses a table of changing characters that matches this Node’s Unicode data (else run npm run gen:nfkc-table)', () => {
    expect(NFKC_CHANGING).toBe(scanChangingCodePoints());
  });

  it('finds a term as written: full-width, upper-case, circled digits, Kangxi radicals, across line breaks', () => {
    expect(found('人民政府', '县⼈民\n政府办公室')).toEqual(['⼈民\n政府']);
    expect(found('第1项', '第①项和第１项')).toEqual(['第①项', '第１项']);
    expect(found('abc公司', 'ＡＢＣ公司、Abc 公司')).toEqual(['ＡＢＣ公司', 'Abc 公司']);
    expect(found('阶段(2', '第一阶段（2）')).toEqual(['阶段（2']);
  });

  it('says when a text holds a character it cannot see through, and only then', () => {
    const p = termPattern('阶段(2')!;
    expect(p.danger('第Ⅱ阶段……（3）')).toBe(false); // Ⅱ and … expand, but into nothing of the term
    expect(p.danger('见第⑫条')).toBe(true); // ⑫ → 12
    expect(p.danger('分⑴⑵两个阶段')).toBe(true); // ⑵ → (2)
    expect(termPattern('人民政府')!.danger('㈠⑫㍻⼈民…')).toBe(false); // nothing expands into these characters
    expect(termPattern('i')!.danger('第Ⅱ类')).toBe(true); // Ⅱ → ii
  });

  it('leaves 文号 brackets and composing characters to normalization', () => {
    expect(termPattern('招政发〔2018〕27号')).toBeNull();
    expect(termPattern('한국')).toBeNull();
  });

  it('never misses an occurrence: every term of a normalized text is found, or the text is flagged', () => {
    // Texts of characters that normalization changes, expands, removes or keeps, and terms cut from their
    // normal forms: the pattern must find each, or its danger must say the text has to be normalized.
    const alphabet = ['人', '⼈', '民', 'a', 'A', 'Ａ', '1', '①', '１', '⑫', '2', '(', '（', '⑵', '.', '…', ' ', '\n', '\u200b', '号', 'Ⅱ', 'i'];
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let checked = 0;
    for (let n = 0; n < 400; n++) {
      const text = Array.from({ length: 4 + Math.floor(rand() * 12) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      const normal = Array.from(normalizeText(text).toLowerCase());
      for (let k = 0; k < 4 && normal.length > 0; k++) {
        const start = Math.floor(rand() * normal.length);
        const term = normal.slice(start, start + 1 + Math.floor(rand() * 4)).join('').trim();
        if (!term) continue;
        const p = termPattern(term);
        if (!p || p.danger(text)) continue;
        checked++;
        const hit = [...text.matchAll(p.find)].some((m) => normalizeText(m[0]).toLowerCase().includes(term));
        expect(hit, `${JSON.stringify(term)} in ${JSON.stringify(text)}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(300);
  });
});

describe('sourcesOf', () => {
  it('finds every form a character may have in the original text', () => {
    expect(['1', '１', '①', '⑫', '⑴', '𝟏'].every((c) => sourcesOf('1').test(c))).toBe(true);
    expect(sourcesOf('1').test('2')).toBe(false);
    expect(sourcesOf('人').test('⼈')).toBe(true);
  });
});

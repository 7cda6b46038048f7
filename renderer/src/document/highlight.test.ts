import { describe, expect, it } from 'vitest';
import { findTerms, segment } from './highlight';

describe('highlighting in the document body', () => {
  it('finds a 文号 written with spaces or other brackets, as search does', () => {
    const text = '《办法》(招政发〔2018〕27 号)同时废止；另见招政发[2018]27号。';
    const ranges = findTerms(text, ['招政发〔2018〕27号']);
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['招政发〔2018〕27 号', '招政发[2018]27号']);
  });

  it('nests term marks inside clause marks without losing text', () => {
    const text = '本办法自印发之日起施行，有效期三年。';
    const segs = segment(text, [{ start: 0, end: 11, kind: 'effective' }], findTerms(text, ['印发']));
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.term).map((s) => [s.text, s.clause])).toEqual([['印发', 'effective']]);
  });
});

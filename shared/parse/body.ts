import { isDateOnly } from '../domain/cn-date';
import { HEADING_START, TERMINAL_END, compactText, isWide } from './text';
import { isTitleEnd } from './split';
import type { Unit } from './units';

/**
 * Clean paragraphs from a document's lines. Two layouts occur in PDF text:
 * - "blocks": paragraphs separated by blank lines, with the odd page break inside a paragraph;
 * - "wrapped": hard line breaks every ~17–40 characters (two-column print), blank lines between *every* line,
 *   so blank lines mean nothing and a paragraph ends at sentence-final punctuation or before a heading.
 * The layout is detected per document from how its lines end.
 */

export type Layout = 'blocks' | 'wrapped';

/** Layout of a run of lines, or null when there are too few lines to tell. */
export function detectLayout(units: Unit[]): Layout | null {
  let open = 0;
  const lengths: number[] = [];
  for (const u of units) {
    if (u.blank || u.piece || u.text.includes('\t')) continue;
    const t = u.compact;
    if (t.length < 10) continue;
    lengths.push(t.length);
    if (!TERMINAL_END.test(t)) open++;
  }
  if (lengths.length < 12) return null;
  lengths.sort((a, b) => a - b);
  // Hard-wrapped text: most lines stop mid-sentence and lines are uniformly short.
  const p80 = lengths[Math.floor(lengths.length * 0.8)];
  return open / lengths.length > 0.5 && p80 <= 50 ? 'wrapped' : 'blocks';
}

function joinText(a: string, b: string): string {
  const last = a[a.length - 1];
  const first = b[0];
  return isWide(last) || isWide(first) ? a + b : `${a} ${b}`;
}

/** Typical width of the text column around line i: the upper median of its neighbours' lengths. */
function localWidths(lines: string[]): number[] {
  return lines.map((_, i) => {
    const ws: number[] = [];
    for (let j = Math.max(0, i - 5); j <= Math.min(lines.length - 1, i + 5); j++) ws.push(lines[j].length);
    ws.sort((a, b) => a - b);
    return ws[Math.floor(ws.length * 0.6)] ?? 0;
  });
}

/** Paragraphs of the given units (already cut to one document's body). */
export function paragraphs(units: Unit[], layout: Layout = detectLayout(units) ?? 'blocks'): string[] {
  const items: { text: string; gap: boolean; piece: boolean }[] = [];
  let gap = false;
  for (const u of units) {
    if (u.noise) continue;
    if (u.blank) {
      gap = true;
      continue;
    }
    items.push({ text: u.compact, gap, piece: u.piece });
    gap = false;
  }
  const widths = localWidths(items.map((x) => x.text));
  const out: string[] = [];
  let cur = '';
  let prev = '';
  // A paragraph opened right after a signature date may be an attachment title (`……实施方案`): it ends as
  // soon as it reads like a complete title.
  let titleCandidate = true;
  for (let i = 0; i < items.length; i++) {
    const { text, gap: hadGap, piece } = items[i];
    if (cur === '') {
      cur = text;
      prev = text;
      continue;
    }
    let join = false;
    const prevOpen = !TERMINAL_END.test(prev) && !prev.includes('\t') && !text.includes('\t');
    const startsNew = HEADING_START.test(text) || isDateOnly(text) || isDateOnly(prev);
    const endsTitle = titleCandidate && isTitleEnd(cur) && !/[，、,]/.test(cur);
    if (prevOpen && !startsNew && !endsTitle) {
      const full = prev.length >= Math.max(8, widths[i - 1] * (layout === 'wrapped' ? 0.6 : 0.8));
      if (layout === 'wrapped' || piece) join = full || piece;
      else if (!hadGap) join = full;
      else {
        // After a blank line, only a sentence cut by a page break continues: a line with sentence punctuation
        // (beyond its heading number) or a long one. Short headings (`一、指导思想`) stand alone.
        const bare = prev.replace(HEADING_START, '');
        join = bare.length >= 25 || /[，、,；。]/.test(bare);
      }
    }
    if (join) {
      cur = joinText(cur, text);
    } else {
      out.push(cur);
      titleCandidate = isDateOnly(cur) || HEADING_START.test(cur);
      cur = text;
    }
    prev = text;
  }
  if (cur) out.push(cur);
  return out.map((p) => compactText(p));
}

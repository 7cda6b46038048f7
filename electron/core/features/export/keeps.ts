import { LINE_PITCH, TALL_ROW_LINES } from './geometry';
import type { Block } from './model';
import { paragraphsOf } from './styles';

/**
 * Which blocks stay together across a page break, shared by the PDF layout and the DOCX (keepNext, widow
 * control), so that Word and LibreOffice break pages where the PDF does: a heading, title or 附件 mark keeps with
 * the next two lines; the signature stays whole and takes at least two lines of the text above it; no paragraph
 * leaves one line alone at the foot or the head of a page.
 */

/** Lines a paragraph must have on each side of a page break (widow and orphan control). */
export const MIN_SPLIT_LINES = 2;

/**
 * A table row listing many entries (more lines than TALL_ROW_LINES, as a merged record of companies prints): it may
 * split across pages, in the PDF layout and in the DOCX alike; other rows move whole to the next page.
 */
export function isTallRow(cells: readonly string[]): boolean {
  return Math.max(...cells.map((c) => c.split('\n').length)) > TALL_ROW_LINES;
}

/** A block that must not end a page: headings, titles, the 附件 mark, 文号 and addressee. */
export function keepsWithNext(block: Block): boolean {
  switch (block.type) {
    case 'title':
    case 'chapter':
    case 'attachmentMark':
    case 'docNumber':
    case 'registration':
    case 'addressee':
      return true;
    case 'paragraph':
      return (paragraphsOf(block) ?? []).every((p) => p.style.keepWithNext);
    default:
      return false;
  }
}

export type Heights = (block: Block, firstLines?: number) => number;

/**
 * What must follow block i on the same page: for a keeping block, the blank lines and keeping blocks after it and
 * the first two lines of the next; for the text before a signature, the blank lines, the signature and a note
 * right after it. `carry` is how many of block i's own last lines must go with it.
 */
export function needAfter(blocks: Block[], i: number, heightOf: Heights): { need: number; carry: number } {
  const keep = keepsWithNext(blocks[i]) || blocks[i].type === 'signature';
  let need = 0;
  for (let j = i + 1; j < blocks.length; j++) {
    const b = blocks[j];
    if (b.type === 'pageBreak') break;
    if (b.type === 'blank') {
      need += heightOf(b);
      continue;
    }
    if (b.type === 'signature') return { need: need + heightOf(b) + noteAfter(blocks, j, heightOf), carry: MIN_SPLIT_LINES };
    if (blocks[i].type === 'signature') return { need: b.type === 'note' ? need + heightOf(b) : 0, carry: 0 };
    // a document's one-line last paragraph never stands alone on a page: two lines above it go with it
    if (!keep && isLast(blocks, j) && heightOf(b) <= LINE_PITCH + 0.01) return { need: need + heightOf(b), carry: MIN_SPLIT_LINES };
    if (!keep) break;
    if (keepsWithNext(b)) {
      need += heightOf(b);
      continue;
    }
    return { need: need + heightOf(b, MIN_SPLIT_LINES), carry: 0 };
  }
  return { need: keep ? need : 0, carry: 0 };
}

/** Block j is the last of its document: only blank lines follow it before a page break or the end. */
function isLast(blocks: Block[], j: number): boolean {
  for (let k = j + 1; k < blocks.length; k++) {
    if (blocks[k].type === 'pageBreak') return true;
    if (blocks[k].type !== 'blank') return false;
  }
  return true;
}

function noteAfter(blocks: Block[], j: number, heightOf: Heights): number {
  let h = 0;
  for (let k = j + 1; k < blocks.length; k++) {
    const b = blocks[k];
    if (b.type === 'blank') h += heightOf(b);
    else return b.type === 'note' ? h + heightOf(b) : 0;
  }
  return 0;
}

/**
 * How many of a paragraph's remaining `n` lines go on the current page, where `fit` lines fit: all if they and what
 * must follow fit; none for a keeping block that then fits on a fresh page; otherwise a split that leaves at
 * least two lines on each side and `carry` lines for what follows.
 */
export function linesHere(n: number, fit: number, o: { allFit: boolean; keep: boolean; carry: number; atTop: boolean }): number {
  if (o.allFit) return n;
  if (o.atTop) return Math.max(1, Math.min(fit, n));
  if (o.keep) return 0;
  let here = Math.min(fit, n - Math.min(o.carry, n));
  if (here < n && n - here < MIN_SPLIT_LINES) here = n - MIN_SPLIT_LINES;
  if (here < MIN_SPLIT_LINES) here = 0;
  return here;
}

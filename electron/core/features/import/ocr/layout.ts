import type { Box, RecognisedChar } from './paddle';

/** One recognised box: where it is and what it says. */
export interface Piece {
  box: Box;
  chars: RecognisedChar[];
}

/** A line of the page in reading order; cells of a table row are apart by a tab. */
export interface OcrLine {
  text: string;
  /** per character of `text` (a tab has 1): the recogniser's probability */
  confidence: number[];
  box: Box;
  role: 'body' | 'header' | 'footer';
}

const height = (b: Box) => b.y1 - b.y0;
const midY = (b: Box) => (b.y0 + b.y1) / 2;

/** Pieces on one visual row: each joins the row whose middle is within half its height, sorted left to right. */
function rows(pieces: Piece[]): Piece[][] {
  const sorted = [...pieces].sort((a, b) => midY(a.box) - midY(b.box));
  const out: { mid: number; h: number; items: Piece[] }[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && Math.abs(midY(p.box) - last.mid) < Math.min(last.h, height(p.box)) * 0.5) {
      last.items.push(p);
      last.mid = (last.mid * (last.items.length - 1) + midY(p.box)) / last.items.length;
    } else {
      out.push({ mid: midY(p.box), h: height(p.box), items: [p] });
    }
  }
  return out.map((r) => r.items.sort((a, b) => a.box.x0 - b.box.x0));
}

/**
 * The gutter of a two-column page: an x in the middle third that (almost) no piece crosses while the text on
 * each side covers a good share of the page's text area (by area, not count: a contents page's column of page
 * numbers is not a second column of text); null for a one-column page.
 */
export function columnGutter(pieces: Piece[], pageWidth: number): number | null {
  if (pieces.length < 8) return null;
  let best: { x: number; crossing: number } | null = null;
  for (let x = Math.round(pageWidth * 0.35); x <= pageWidth * 0.65; x += Math.max(1, Math.round(pageWidth / 200))) {
    const crossing = pieces.filter((p) => p.box.x0 < x && p.box.x1 > x).length;
    if (!best || crossing < best.crossing) best = { x, crossing };
  }
  if (!best) return null;
  const area = (ps: Piece[]) => ps.reduce((s, p) => s + (p.box.x1 - p.box.x0) * (p.box.y1 - p.box.y0), 0);
  const total = area(pieces);
  const left = area(pieces.filter((p) => p.box.x1 <= best.x));
  const right = area(pieces.filter((p) => p.box.x0 >= best.x));
  const ok = best.crossing <= pieces.length * 0.15 && left >= total * 0.25 && right >= total * 0.25;
  return ok ? best.x : null;
}

/** Reading order: bands between full-width pieces; within a band the left column, then the right one. */
function readingOrder(pieces: Piece[], pageWidth: number): Piece[][] {
  const gutter = columnGutter(pieces, pageWidth);
  if (gutter === null) return rows(pieces);
  const result: Piece[][] = [];
  let band: Piece[] = [];
  const flush = () => {
    result.push(...rows(band.filter((p) => p.box.x1 <= gutter + 1)), ...rows(band.filter((p) => p.box.x1 > gutter + 1)));
    band = [];
  };
  for (const row of rows(pieces)) {
    if (row.some((p) => p.box.x0 < gutter && p.box.x1 > gutter)) {
      flush();
      result.push(row);
    } else {
      band.push(...row);
    }
  }
  flush();
  return result;
}

/** `—3—` as OCR tends to read it (一3一, -3-, _3_) in the form the parser knows as a page number. */
const PAGE_NUMBER = /^[-—–－一_~～=]{1,3}\s*(\d{1,4})\s*[-—–－一_~～=]{1,3}$/;

/** Lines of one page, in reading order, with header and footer lines named. */
export function layoutPage(pieces: Piece[], pageWidth: number, pageHeight: number): OcrLine[] {
  const lines: OcrLine[] = [];
  for (const row of readingOrder(pieces, pageWidth)) {
    const h = Math.max(...row.map((p) => height(p.box)));
    let text = '';
    const confidence: number[] = [];
    row.forEach((p, i) => {
      const gap = i > 0 ? p.box.x0 - row[i - 1].box.x1 : 0;
      // a cell apart from the one before it, or a page number set apart at the end of a contents line
      const pageNumber = i === row.length - 1 && p.chars.length <= 4 && p.chars.every((c) => /\d/.test(c.ch));
      if (i > 0 && (gap > h * 1.5 || (pageNumber && gap > h * 0.3))) {
        text += '\t';
        confidence.push(1);
      }
      p.chars.forEach((c, k) => {
        // a wide blank inside one box (a contents line's page number, leaders the recogniser dropped): a cell break
        const prev = p.chars[k - 1];
        if (prev && c.x !== undefined && prev.x !== undefined && c.x - prev.x > h * 2.5 && /\d/.test(c.ch) && !/[\d\s]/.test(prev.ch)) {
          text += '\t';
          confidence.push(1);
        }
        text += c.ch;
        confidence.push(c.p);
      });
    });
    const box: Box = {
      x0: Math.min(...row.map((p) => p.box.x0)),
      y0: Math.min(...row.map((p) => p.box.y0)),
      x1: Math.max(...row.map((p) => p.box.x1)),
      y1: Math.max(...row.map((p) => p.box.y1)),
      score: 1,
    };
    const compact = text.replace(/\s+/g, '');
    const page = PAGE_NUMBER.exec(compact);
    const edge = box.y1 < pageHeight * 0.09 ? 'header' : box.y0 > pageHeight * 0.91 ? 'footer' : 'body';
    // GB/T 9704 prints the page number 7 mm under the text block: from about 88 % of the page down.
    if (page && (edge !== 'body' || box.y0 > pageHeight * 0.85)) {
      const n = page[1];
      lines.push({ text: `— ${n} —`, confidence: [...`— ${n} —`].map(() => 1), box, role: edge === 'header' ? 'header' : 'footer' });
      continue;
    }
    lines.push({ text, confidence, box, role: edge === 'body' || compact.length > 40 ? 'body' : edge });
  }
  return lines;
}

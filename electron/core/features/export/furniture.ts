import type { FontSet } from './fonts';
import { BLOCK_BOTTOM, BLOCK_LEFT, BLOCK_TOP, BLOCK_W, PT_PER_MM, SIZE } from './geometry';
import { createMeasure, pageLabel, type Item, type PageLayout } from './layout';

/**
 * Everything a laid-out page draws, its furniture included: the running header over a rule above the text block,
 * and the page number (一字线, odd pages right and even pages left, one character in) 7 mm below it. Every
 * renderer that draws pages (PDF, OFD) takes them from here, so their pages are the same.
 */
export function createPageItems(fonts: FontSet): (pl: PageLayout) => Item[] {
  const furniture = createMeasure(fonts, SIZE.pageNumber, new Set(), new Set());
  const headerMeasure = createMeasure(fonts, SIZE.header, new Set(), new Set());
  return (pl) => {
    const items: Item[] = [...pl.items];
    if (pl.header) {
      const parts = headerMeasure(pl.header, 'song');
      const w = parts.reduce((s, p) => s + p.width, 0);
      let x = BLOCK_LEFT + (BLOCK_W - w) / 2;
      items.push({
        kind: 'text',
        y: BLOCK_TOP + 14,
        size: SIZE.header,
        color: 'black',
        atoms: parts.map((p) => ({ ...p, x: (x += p.width) - p.width })),
      });
      items.push({ kind: 'line', x1: BLOCK_LEFT, y1: BLOCK_TOP + 8, x2: BLOCK_LEFT + BLOCK_W, y2: BLOCK_TOP + 8, width: 0.75, color: 'black' });
    }
    if (pl.number !== null) {
      const parts = furniture(pageLabel(pl.number), 'song');
      const w = parts.reduce((s, p) => s + p.width, 0);
      let x = pl.number % 2 === 1 ? BLOCK_LEFT + BLOCK_W - SIZE.pageNumber - w : BLOCK_LEFT + SIZE.pageNumber;
      items.push({
        kind: 'text',
        y: BLOCK_BOTTOM - 7 * PT_PER_MM - 0.33 * SIZE.pageNumber,
        size: SIZE.pageNumber,
        color: 'black',
        atoms: parts.map((p) => ({ ...p, x: (x += p.width) - p.width })),
      });
    }
    return items;
  };
}

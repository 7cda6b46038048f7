/** A glyph placed on an OFD page, and the runs of text a line's glyphs make. */

export interface Glyph {
  ch: string;
  x: number;
  y: number;
  /** effective font size on the page, mm */
  size: number;
  /** advance to the next glyph where the producer gave it, else an estimate */
  adv: number;
  /** white or fully transparent fill: seen on a coloured background, unseen (a placeholder) under other text */
  hidden?: boolean;
}

/** A line's runs: glyphs split where the gap to the next is wider than a character (table cells, columns). */
export function segments(line: Glyph[]): Glyph[][] {
  const out: Glyph[][] = [];
  for (const g of line) {
    const run = out[out.length - 1];
    const prev = run?.[run.length - 1];
    if (prev && g.x - (prev.x + prev.adv) <= Math.max(prev.size, g.size) * 1.2) run.push(g);
    else out.push([g]);
  }
  return out;
}

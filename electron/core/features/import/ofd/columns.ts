import { segments, type Glyph } from './glyph';

/**
 * Text set in columns (a magazine page, a gazette printed in two columns) reads column by column. A column region
 * is a run of lines split by the same gutters into the same number (2–4) of runs, each run a full line of text: at
 * least a fifth of the text's width and, on most lines, as wide as its column (justified text fills its column).
 * Lines wholly inside one column belong to the region too; a line crossing a gutter (a heading over the columns)
 * ends it. A region reads as its first column's lines, then the second's, and on. Everything else keeps reading
 * line by line, across — a table's cells are narrow or ragged, so its rows stay rows.
 */

const MIN_LINES = 6;

interface Gap {
  from: number;
  to: number;
}

interface Split {
  gaps: Gap[];
  widths: number[];
}

export function inColumns(lines: Glyph[][]): Glyph[][] {
  if (lines.length < MIN_LINES) return lines;
  let minX = Infinity;
  let maxX = -Infinity;
  for (const line of lines) {
    for (const g of line) {
      minX = Math.min(minX, g.x);
      maxX = Math.max(maxX, g.x + g.adv);
    }
  }
  const width = maxX - minX;
  if (!(width > 0)) return lines;
  const splits = lines.map((line) => splitOf(line, width));
  // the regions, each grown back over the lines above its first split line that sit inside its columns
  const regions: Array<{ start: number; end: number; gaps: Gap[] }> = [];
  for (let i = 0; i < lines.length; ) {
    const region = splits[i] ? regionFrom(lines, splits, i) : null;
    if (!region) {
      i++;
      continue;
    }
    let start = i;
    const floor = regions.length ? regions[regions.length - 1].end : 0;
    while (start > floor && !crosses(lines[start - 1], region.gaps)) start--;
    regions.push({ start, end: region.end, gaps: region.gaps });
    i = region.end;
  }
  const out: Glyph[][] = [];
  let next = 0;
  for (const r of regions) {
    out.push(...lines.slice(next, r.start));
    const bounds = r.gaps.map((g) => (g.from + g.to) / 2);
    const columns: Glyph[][][] = [...bounds, 0].map(() => []);
    for (let k = r.start; k < r.end; k++) {
      const parts: Glyph[][] = columns.map(() => []);
      for (const g of lines[k]) parts[bounds.filter((b) => g.x >= b).length].push(g);
      parts.forEach((p, c) => p.length && columns[c].push(p));
    }
    for (const c of columns) out.push(...c);
    next = r.end;
  }
  out.push(...lines.slice(next));
  return out;
}

/** A glyph lies over the middle of a gutter: the line runs across the columns. */
const crosses = (line: Glyph[], gaps: Gap[]) =>
  line.some((g) => gaps.some((gap) => g.x < (gap.from + gap.to) / 2 && g.x + g.adv > (gap.from + gap.to) / 2));

/** A line of 2–4 runs of text, each at least a fifth of the text's width: its gaps and run widths. */
function splitOf(line: Glyph[], width: number): Split | null {
  const runs = segments(line).filter((run) => run.some((g) => g.ch.trim()));
  if (runs.length < 2 || runs.length > 4) return null;
  const widths = runs.map((r) => r[r.length - 1].x + r[r.length - 1].adv - r[0].x);
  if (widths.some((w) => w < width / 5)) return null;
  const gaps = runs.slice(1).map((r, k) => {
    const prev = runs[k][runs[k].length - 1];
    return { from: prev.x + prev.adv, to: r[0].x };
  });
  return { gaps, widths };
}

const overlaps = (a: Gap, b: Gap) => a.from <= b.to && a.to >= b.from;

/**
 * The lines from `start` that share its gutters: split lines of as many runs whose gaps overlap them, and lines
 * wholly inside one column; a region of at least MIN_LINES split lines whose runs are justified, or null.
 */
function regionFrom(lines: Glyph[][], splits: Array<Split | null>, start: number): { end: number; gaps: Gap[] } | null {
  const gaps = splits[start]!.gaps.map((g) => ({ ...g }));
  const widths: number[][] = gaps.map(() => []).concat([[]]);
  let end = start;
  for (; end < lines.length; end++) {
    const s = splits[end];
    if (s && s.gaps.length === gaps.length && s.gaps.every((g, k) => overlaps(g, gaps[k]))) {
      s.gaps.forEach((g, k) => {
        gaps[k].from = Math.max(gaps[k].from, g.from);
        gaps[k].to = Math.min(gaps[k].to, g.to);
      });
      s.widths.forEach((w, k) => widths[k].push(w));
      continue;
    }
    // inside the columns: no glyph reaches over a gutter
    if (crosses(lines[end], gaps)) break;
  }
  if (widths[0].length < MIN_LINES) return null;
  const justified = widths.every((ws) => {
    const full = Math.max(...ws);
    return ws.filter((w) => w >= full * 0.85).length >= ws.length * 0.6;
  });
  return justified ? { end, gaps } : null;
}

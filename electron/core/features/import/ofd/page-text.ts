import { inColumns } from './columns';
import { segments, type Glyph } from './glyph';
import { child, childrenOf, type XmlElement } from './xml';

/**
 * The text drawn on one OFD page, as glyphs placed on the page (mm, origin top left, y down) and then as lines in
 * reading order. TextCode X/Y are the first glyph's origin in the object's space, DeltaX/DeltaY the distances to the
 * next glyph (with the `g N d` repeat form); the object's CTM maps that space into its Boundary, whose corner sits
 * on the page. Text that runs vertically (rotated or ReadDirection) is kept whole at its first glyph.
 */

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

export function numbers(s: string | undefined): number[] {
  if (!s) return [];
  return s.trim().split(/[\s,]+/).filter(Boolean).map(Number).filter((n) => Number.isFinite(n));
}

/** DeltaX/DeltaY: plain numbers, or `g N d` for N repetitions of d; never more than `max` values (the glyphs). */
export function deltas(s: string | undefined, max = Number.POSITIVE_INFINITY): number[] {
  if (!s) return [];
  const tokens = s.trim().split(/[\s,]+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < tokens.length && out.length < max; i++) {
    if (tokens[i] === 'g') {
      const count = Number(tokens[i + 1]);
      const d = Number(tokens[i + 2]);
      if (Number.isFinite(count) && Number.isFinite(d)) for (let k = 0; k < count && out.length < max; k++) out.push(d);
      i += 2;
    } else {
      const d = Number(tokens[i]);
      out.push(Number.isFinite(d) ? d : 0);
    }
  }
  return out;
}

function matrixOf(s: string | undefined): Matrix {
  const m = numbers(s);
  return m.length === 6 ? (m as Matrix) : IDENTITY;
}

/** a × b: apply a, then b */
function multiply(a: Matrix, b: Matrix): Matrix {
  return [
    a[0] * b[0] + a[1] * b[2],
    a[0] * b[1] + a[1] * b[3],
    a[2] * b[0] + a[3] * b[2],
    a[2] * b[1] + a[3] * b[3],
    a[4] * b[0] + a[5] * b[2] + b[4],
    a[4] * b[1] + a[5] * b[3] + b[5],
  ];
}

const apply = (m: Matrix, x: number, y: number) => ({ x: m[0] * x + m[2] * y + m[4], y: m[1] * x + m[3] * y + m[5] });

export interface GlyphSink {
  out: Glyph[];
  maxGlyphs: number;
  /** composite graphic units of the document's resources: ID → the unit */
  units: Map<string, XmlElement>;
}

/**
 * Collects the glyphs of the page objects under `el` (layers, page blocks nested to any depth, text objects, and
 * the composite graphic units a CompositeObject draws through its own CTM) into `sink.out`.
 */
export function collectGlyphs(el: XmlElement, outer: Matrix, sink: GlyphSink, depth = 0): void {
  if (depth > 16) return;
  for (const node of el.children) {
    if (node.name === 'TextObject') textObject(node, outer, sink.out);
    else if (node.name === 'PageBlock' || node.name === 'Layer' || node.name === 'Content') collectGlyphs(node, outer, sink, depth + 1);
    else if (node.name === 'CompositeObject') {
      const unit = sink.units.get(node.attrs.ResourceID ?? '');
      const content = unit && child(unit, 'Content');
      if (content) collectGlyphs(content, objectMatrix(node, outer), sink, depth + 1);
    }
    if (sink.out.length > sink.maxGlyphs) throw new RangeError('glyphs');
  }
}

/** Object space → page: the object's CTM, then its Boundary's corner, then the enclosing transform. */
function objectMatrix(obj: XmlElement, outer: Matrix): Matrix {
  const [bx, by] = numbers(obj.attrs.Boundary);
  return multiply(multiply(matrixOf(obj.attrs.CTM), [1, 0, 0, 1, bx || 0, by || 0]), outer);
}

/** White or fully transparent fill: text that is not seen on the page (placeholders, hidden keywords). */
function invisible(obj: XmlElement): boolean {
  const fill = child(obj, 'FillColor');
  if (!fill) return false;
  return fill.attrs.Alpha === '0' || numbers(fill.attrs.Value).join(' ') === '255 255 255';
}

function textObject(obj: XmlElement, outer: Matrix, out: Glyph[]) {
  const hidden = invisible(obj);
  const m = objectMatrix(obj, outer);
  const size = Number(obj.attrs.Size) || 3.5;
  const scale = Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2])) || 1;
  const eff = size * scale;
  // along the text: reading direction 0 (left to right) and a CTM that keeps x horizontal
  const horizontal = (Number(obj.attrs.ReadDirection) || 0) === 0 && Math.abs(m[1]) <= Math.abs(m[0]) * 0.2 && m[0] > 0;
  let x = 0;
  let y = 0;
  for (const code of childrenOf(obj, 'TextCode')) {
    if (code.attrs.X !== undefined) x = Number(code.attrs.X) || 0;
    if (code.attrs.Y !== undefined) y = Number(code.attrs.Y) || 0;
    const chars = Array.from(code.text);
    if (!chars.length) continue;
    const dx = deltas(code.attrs.DeltaX, chars.length);
    const dy = deltas(code.attrs.DeltaY, chars.length);
    if (!horizontal) {
      const p = apply(m, x, y);
      out.push({ ch: chars.join(''), x: p.x, y: p.y, size: eff, adv: eff * chars.length, hidden });
      continue;
    }
    for (let i = 0; i < chars.length; i++) {
      const p = apply(m, x, y);
      const estimate = (chars[i].charCodeAt(0) < 0x2000 ? 0.5 : 1) * size;
      const step = i < dx.length ? dx[i] : estimate;
      out.push({ ch: chars[i], x: p.x, y: p.y, size: eff, adv: (i < dx.length ? step : estimate) * scale, hidden });
      x += i < chars.length - 1 ? step : 0;
      y += i < dy.length ? dy[i] : 0;
    }
    // the next TextCode without X continues after this one's last glyph
    x += dx.length >= chars.length ? dx[chars.length - 1] : (chars[chars.length - 1].charCodeAt(0) < 0x2000 ? 0.5 : 1) * size;
  }
}

/**
 * Glyphs → lines in reading order: glyphs whose baselines lie within a third of their size join one line, lines
 * run top to bottom, glyphs left to right. A glyph drawn twice at the same place (fake bold) counts once; a gap
 * wider than a character between two glyphs (table cells, tab stops) becomes a space.
 */
export function glyphLines(glyphs: Glyph[]): string[] {
  const sorted = [...glyphs].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Glyph[][] = [];
  let current: Glyph[] = [];
  let refY = Number.NEGATIVE_INFINITY;
  let refSize = 0;
  for (const g of sorted) {
    if (current.length && g.y - refY <= Math.max(refSize, g.size) * 0.35) {
      current.push(g);
      continue;
    }
    if (current.length) lines.push(current);
    current = [g];
    refY = g.y;
    refSize = g.size;
  }
  if (current.length) lines.push(current);
  return inColumns(lines.map(cleanLine)).map(lineText).filter((l) => l.trim().length > 0);
}

/** Drops white text lying over visible text on its line (a hidden keyword under the printed words). */
function dropHidden(line: Glyph[]): Glyph[] {
  if (!line.some((g) => g.hidden)) return line;
  const seen = line.filter((g) => !g.hidden);
  const starts = seen.map((g) => g.x);
  return line.filter((g) => {
    if (!g.hidden) return true;
    // visible glyphs starting within one advance of this one (seen is sorted by x, so a binary search finds them)
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < g.x - g.size) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < seen.length && seen[k].x < g.x + Math.max(g.adv, g.size * 0.3); k++) {
      if (seen[k].x + seen[k].adv > g.x) return false;
    }
    return true;
  });
}

/** A line's glyphs left to right, without hidden placeholders and without the second copy of a glyph drawn twice. */
function cleanLine(glyphs: Glyph[]): Glyph[] {
  glyphs.sort((a, b) => a.x - b.x);
  const out: Glyph[] = [];
  for (const g of dropHidden(glyphs)) {
    const prev = out[out.length - 1];
    if (prev && g.ch === prev.ch && Math.abs(g.x - prev.x) < prev.size * 0.15) continue;
    out.push(g);
  }
  return out;
}

/** A line's text: its runs joined by one space. */
export function lineText(line: Glyph[]): string {
  return segments(line)
    .map((run) => run.map((g) => g.ch).join('').trim())
    .filter(Boolean)
    .join(' ');
}

/**
 * The text lines of one page: its templates (background first) and its own layers. Glyphs whose origin lies off
 * the page's PhysicalBox (the page's own, else the document's default) are not drawn on it and are not read.
 */
export function pageLines(page: XmlElement, templates: XmlElement[], maxGlyphs: number, units: Map<string, XmlElement>, defaultBox: string | undefined): string[] {
  const sink: GlyphSink = { out: [], maxGlyphs, units };
  for (const part of [...templates, page]) {
    const content = child(part, 'Content');
    if (content) collectGlyphs(content, IDENTITY, sink);
  }
  const [bx, by, bw, bh] = numbers(child(child(page, 'Area'), 'PhysicalBox')?.text ?? defaultBox);
  const onPage =
    bw > 0 && bh > 0
      ? sink.out.filter((g) => g.x >= bx - g.size && g.x <= bx + bw && g.y >= by && g.y <= by + bh + g.size)
      : sink.out;
  return glyphLines(onPage);
}

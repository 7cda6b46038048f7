import type { FontRole } from './fonts';
import type { Run } from './model';

/** Characters that may not start a line (closing punctuation) and that may not end one (opening punctuation). */
export const NO_LINE_START = new Set([...'，。、；：？！）》」』〕〉】〗”’．,.;:?!)]}%…—·～'] );
export const NO_LINE_END = new Set([...'（《「『〔〈【〖“‘([{']);

/** One unbreakable piece: a CJK character, a Latin word or number, a dash pair, or a space. */
export interface Atom {
  text: string;
  font: FontRole;
  width: number;
  space: boolean;
}

/** A laid-out line: atoms with x offsets from the line's start, and its natural width. */
export interface LineBox {
  atoms: Array<Atom & { x: number }>;
  width: number;
  /** offset of the line from the paragraph's left edge (indents and alignment applied) */
  indent: number;
}

/** Measures a piece of text set in a role's face: returns the role that draws each character and its width. */
export type Measure = (text: string, font: FontRole) => Array<{ text: string; font: FontRole; width: number }>;

const LATIN = /[A-Za-z0-9\u00C0-\u024F]+(?:[.\-/:_%+@&'][A-Za-z0-9\u00C0-\u024F]+)*%?/y;
const REPEAT = /(—{2,}|…{2,}|·{2,})/y;

/** Splits runs into atoms; Latin words and numbers stay whole, everything CJK breaks per character. */
export function atomize(runs: Run[], defaultFont: FontRole, measure: Measure): Atom[] {
  const atoms: Atom[] = [];
  for (const run of runs) {
    const font = run.font ?? defaultFont;
    const text = run.text;
    let i = 0;
    while (i < text.length) {
      let piece: string;
      LATIN.lastIndex = i;
      REPEAT.lastIndex = i;
      const latin = LATIN.exec(text);
      const rep = latin ? null : REPEAT.exec(text);
      if (latin) piece = latin[0];
      else if (rep) piece = rep[0];
      else piece = String.fromCodePoint(text.codePointAt(i)!);
      i += piece.length;
      // an ideographic space (第一条　) is a full-width character, not a breakable space
      const space = /^[ \t\n\r]$/.test(piece);
      // a piece may need two faces (a character the face lacks): each part is its own atom, glued below
      for (const part of measure(space ? ' ' : piece, font)) atoms.push({ ...part, space });
    }
  }
  return atoms;
}

function canBreakBetween(a: Atom, b: Atom): boolean {
  if (b.space || a.space) return true;
  const last = a.text[a.text.length - 1];
  const first = b.text[0];
  if (NO_LINE_START.has(first)) return false;
  if (NO_LINE_END.has(last)) return false;
  // a character split over two faces or a Latin word followed by its own apostrophe-less continuation
  const latinA = /[A-Za-z0-9]$/.test(a.text);
  const latinB = /^[A-Za-z0-9]/.test(b.text);
  if (latinA && latinB) return false;
  return true;
}

/**
 * Breaks atoms into lines of `width` (first line `firstWidth`), honouring the no-start/no-end rules and keeping
 * Latin words whole; a word longer than a line is the one thing split by character.
 */
export function breakLines(atoms: Atom[], firstWidth: number, width: number): Atom[][] {
  // clusters: maximal sequences with no allowed break inside
  const clusters: Atom[][] = [];
  for (const atom of atoms) {
    const prev = clusters[clusters.length - 1];
    if (prev && !canBreakBetween(prev[prev.length - 1], atom)) prev.push(atom);
    else clusters.push([atom]);
  }
  const lines: Atom[][] = [];
  let line: Atom[] = [];
  let used = 0;
  const avail = () => (lines.length === 0 ? firstWidth : width) + 0.01;
  const flush = () => {
    while (line.length && line[line.length - 1].space) line.pop();
    lines.push(line);
    line = [];
    used = 0;
  };
  for (const cluster of clusters) {
    const w = cluster.reduce((s, a) => s + a.width, 0);
    if (line.length === 0 && cluster.every((a) => a.space)) continue;
    if (used + w <= avail()) {
      line.push(...cluster);
      used += w;
      continue;
    }
    const squeezed = squeezeEnd([...line, ...cluster], avail());
    if (squeezed) {
      line = squeezed;
      flush();
      continue;
    }
    if (line.length) flush();
    if (cluster.every((a) => a.space)) continue;
    if (w <= avail()) {
      line.push(...cluster);
      used = w;
      continue;
    }
    // longer than a whole line: split by character, the only place a word may break
    for (const atom of cluster) {
      const chars = atom.text.length > 1 ? splitAtom(atom) : [atom];
      for (const c of chars) {
        if (used + c.width > avail() && line.length) flush();
        line.push(c);
        used += c.width;
      }
    }
  }
  if (line.length || lines.length === 0) flush();
  return lines;
}

/** Closing punctuation that may be set half-width at the end of a line (行尾标点挤压). */
export const SQUEEZE_AT_END = new Set([...'，。、；：？！']);

/**
 * A line whose last cluster ends in a full-width closing mark and overflows by at most a character: it fits when
 * marks on it are set half-width (标点挤压), from the end back. The line then ends where Word and LibreOffice end it
 * by letting the mark hang past the margin, and the PDF keeps inside the margin.
 */
function squeezeEnd(atoms: Atom[], avail: number): Atom[] | null {
  if (!SQUEEZE_AT_END.has(atoms[atoms.length - 1].text)) return null;
  let over = atoms.reduce((s, a) => s + a.width, 0) - avail;
  if (over > atoms[atoms.length - 1].width + 0.01) return null;
  const out = [...atoms];
  for (let i = out.length - 1; i >= 0 && over > 0.01; i--) {
    if (!SQUEEZE_AT_END.has(out[i].text)) continue;
    out[i] = { ...out[i], width: out[i].width / 2 };
    over -= out[i].width;
  }
  return over > 0.01 ? null : out;
}

function splitAtom(atom: Atom): Atom[] {
  const chars = Array.from(atom.text);
  return chars.map((ch) => ({ ...atom, text: ch, width: atom.width / chars.length }));
}

/**
 * Places a line's atoms: justified lines spread the leftover space over the break opportunities between clusters;
 * other alignments keep natural spacing.
 */
export function placeLine(atoms: Atom[], width: number, justify: boolean): LineBox {
  const natural = atoms.reduce((s, a) => s + a.width, 0);
  const gaps: number[] = [];
  for (let i = 1; i < atoms.length; i++) if (canBreakBetween(atoms[i - 1], atoms[i])) gaps.push(i);
  const extra = justify && gaps.length ? Math.max(0, width - natural) / gaps.length : 0;
  let x = 0;
  let g = 0;
  const placed = atoms.map((a, i) => {
    if (extra && g < gaps.length && gaps[g] === i) {
      x += extra;
      g++;
    }
    const p = { ...a, x };
    x += a.width;
    return p;
  });
  return { atoms: placed, width: justify && extra ? width : natural, indent: 0 };
}

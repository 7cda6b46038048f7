import type { FontRole, FontSet } from './fonts';
import {
  BLOCK_BOTTOM,
  BLOCK_H,
  BLOCK_LEFT,
  BLOCK_TOP,
  BLOCK_W,
  CHAR_PITCH,
  LINE_PITCH,
  SIZE,
  TABLE_LINE,
  TABLE_PAD,
  MIN_ROW_SPLIT,
} from './geometry';
import { atomize, breakLines, placeLine, type Measure } from './linebreak';
import type { Block, OfficialText, Run, TableColumn } from './model';
import { isTallRow, keepsWithNext, linesHere, MIN_SPLIT_LINES, needAfter, type Heights } from './keeps';
import { headerCells } from './tables';
import { titleLines } from './title-breaks';
import { paragraphsOf, plainStyle, TOC_CHARS, type Para, type ParaStyle } from './styles';

/** Full-width characters sit on the 28-per-line grid: each is narrowed by the same small amount Word applies. */
const GRID_DELTA = CHAR_PITCH - SIZE.body;
const EPS = 0.01;
/** a contents heading keeps with the entry line after it */
const KEEP_LINE = { need: LINE_PITCH, carry: 0, keep: true };
/** The replacement drawn for a character no embedded face has (and reported in warnings). */
export const MISSING_GLYPH = '□';

export interface PlacedAtom {
  text: string;
  font: FontRole;
  x: number;
  width: number;
}
export type Item =
  /** `tag`: what the line belongs to (a block type, or `heading` for 一、/（一） headings), for checks of the page breaks */
  | { kind: 'text'; y: number; size: number; color: 'black' | 'red'; atoms: PlacedAtom[]; tag?: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; color: 'black' | 'red'; dotted?: boolean };

export interface PageLayout {
  /** the printed page number, or null on pages without one (cover, contents) */
  number: number | null;
  header: string | null;
  items: Item[];
}

export interface Layout {
  pages: PageLayout[];
  /** anchor → page index (0-based) and the y of its first line */
  anchors: Map<string, { page: number; y: number }>;
  outline: Array<{ title: string; level: number; page: number; y: number }>;
  usedFonts: Set<FontRole>;
  /** characters no face could draw */
  missing: Set<string>;
  /** sections (by index) with a blank page put before them, to start on a right-hand page */
  blankBefore: Set<number>;
}

/** Width measurement over the font set, with per-character fallback and grid narrowing of full-width glyphs. */
export function createMeasure(fonts: FontSet, size: number, missing: Set<string>, used: Set<FontRole>): Measure {
  return (text, role) => {
    const parts: Array<{ text: string; font: FontRole; width: number }> = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let actual = fonts.resolve(role, cp);
      let drawn = ch;
      if (actual === null) {
        missing.add(ch);
        drawn = MISSING_GLYPH;
        actual = fonts.resolve(role, MISSING_GLYPH.codePointAt(0)!) ?? role;
      }
      used.add(actual);
      // digits as wide as the Times New Roman the DOCX names for them, so both break lines alike
      const adv = /[0-9]/.test(drawn) ? 500 : (fonts.get(actual).advance(drawn.codePointAt(0)!) ?? 1000);
      const width = (adv * size) / 1000 + (adv >= 900 ? (GRID_DELTA * size) / SIZE.body : 0);
      const last = parts[parts.length - 1];
      if (last && last.font === actual) {
        last.text += drawn;
        last.width += width;
      } else parts.push({ text: drawn, font: actual, width });
    }
    return parts;
  };
}

/**
 * Where each header cell of a table goes (headerCells: merged over the columns and rows it groups): its box from the
 * header's top, its lines set in its merged width and centred down the box, and the header's height. A row is as
 * tall as its tallest single-row cell; a cell running down several rows makes the last of them taller if it needs to.
 */
function headerBoxes<L>(heads: string[][], xs: number[], widths: number[], set: (text: string, width: number) => L[]) {
  const cells = headerCells(heads).map((c) => {
    const w = widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
    return { ...c, x: xs[c.col], w, lines: c.text.split('\n').flatMap((t) => set(t, w - 2 * TABLE_PAD)) };
  });
  const need = (c: (typeof cells)[number]) => Math.max(1, c.lines.length) * TABLE_LINE + 2 * TABLE_PAD;
  const rowH = heads.map((_, r) => Math.max(TABLE_LINE + 2 * TABLE_PAD, ...cells.filter((c) => c.row === r && c.rowSpan === 1).map(need)));
  for (const c of cells.filter((x) => x.rowSpan > 1)) {
    const last = c.row + c.rowSpan - 1;
    const have = rowH.slice(c.row, last + 1).reduce((a, b) => a + b, 0);
    if (need(c) > have) rowH[last] += need(c) - have;
  }
  const topOf = (r: number) => rowH.slice(0, r).reduce((a, b) => a + b, 0);
  const boxes = cells.map((c) => {
    const h = rowH.slice(c.row, c.row + c.rowSpan).reduce((a, b) => a + b, 0);
    return { col: c.col, x: c.x, w: c.w, top: topOf(c.row), h, lines: c.lines, pad: (h - c.lines.length * TABLE_LINE) / 2 };
  });
  return { boxes, height: topOf(heads.length) };
}

/** Paginates an official text on the GB/T 9704 grid: 22 lines of 28 characters inside the 156 × 225 mm block. */
// eslint-disable-next-line max-lines-per-function -- one page-filling state machine: its helpers (setPara, placeBlock, placeTable, placeToc) share the cursor (page, y, pending keeps) as closures; splitting it needs a layout-state object, a refactor of its own (ARCHITECTURE.md names this exception)
export function layoutText(text: OfficialText, fonts: FontSet): Layout {
  const pages: PageLayout[] = [];
  const anchors = new Map<string, { page: number; y: number }>();
  const outline: Layout['outline'] = [];
  const usedFonts = new Set<FontRole>();
  const missing = new Set<string>();
  const blankBefore = new Set<number>();
  const measures = new Map<number, Measure>();
  const measureAt = (size: number) => {
    let m = measures.get(size);
    if (!m) measures.set(size, (m = createMeasure(fonts, size, missing, usedFonts)));
    return m;
  };
  const deferred: Array<{ page: PageLayout; anchor: string; right: number; y: number }> = [];

  let page!: PageLayout;
  /** distance from the top of the text block, in points */
  let y = 0;
  let nextNumber = 1;
  let section = text.sections[0];

  const newPage = () => {
    page = { number: section.pageNumbers ? nextNumber : null, header: section.header, items: [] };
    if (section.pageNumbers) nextNumber++;
    pages.push(page);
    y = 0;
  };
  const snap = () => {
    const k = Math.ceil(y / LINE_PITCH - EPS);
    y = k * LINE_PITCH;
  };
  const room = () => BLOCK_H - y;

  const mark = (block: Block) => {
    if (block.anchor) anchors.set(block.anchor, { page: pages.length - 1, y: BLOCK_TOP - y });
    if (block.outline) outline.push({ ...block.outline, page: pages.length - 1, y: BLOCK_TOP - y });
  };

  /** Lays out one paragraph into lines (not yet placed on a page); a "\n" in a run is a line break set by the builder. */
  const setPara = (para: Para, widthLimit = BLOCK_W) => {
    const s = para.style;
    const unit = (s.size * CHAR_PITCH) / SIZE.body;
    const measure = measureAt(s.size);
    const left1 = s.firstIndent * unit;
    const leftN = s.restIndent * unit;
    const right = s.rightIndent * unit;
    const pieces = splitAtBreaks(para.runs);
    let rows = pieces.flatMap((runs, k) => {
      const atoms = atomize(runs, s.font, measure);
      return breakLines(atoms, (k === 0 ? widthLimit - left1 : widthLimit - leftN) - right, widthLimit - leftN - right);
    });
    if (s.align === 'center' && rows.length > 1 && pieces.length === 1) {
      // centred lines are balanced: the narrowest measure that keeps the line count, so no last line of one or two characters
      const atoms = atomize(para.runs, s.font, measure);
      let lo = (widthLimit - left1 - right) / 2;
      let hi = widthLimit - left1 - right;
      while (hi - lo > 2) {
        const mid = (lo + hi) / 2;
        if (breakLines(atoms, mid, mid).length > rows.length) lo = mid;
        else hi = mid;
      }
      rows = breakLines(atoms, hi, hi);
    }
    return rows.map((row, i) => {
      const left = i === 0 ? left1 : leftN;
      const avail = widthLimit - left - right;
      const last = i === rows.length - 1;
      const box = placeLine(row, avail, s.align === 'justify' && !last);
      let offset = left;
      if (s.align === 'center') offset += (avail - box.width) / 2;
      else if (s.align === 'right') offset += avail - box.width;
      return { box, offset };
    });
  };

  const baselineFor = (top: number, height: number, size: number) => {
    // centre the CJK em box (−0.12 … 0.88 em) in the slot, but keep ascent/descent inside the text block
    const b = BLOCK_TOP - top - height / 2 - 0.38 * size;
    return Math.min(Math.max(b, BLOCK_BOTTOM + 0.3 * size), BLOCK_TOP - 1.16 * size);
  };

  const emitLine = (
    line: ReturnType<typeof setPara>[number],
    style: ParaStyle,
    x0: number,
    top: number,
    height: number,
    tag?: string,
  ) => {
    page.items.push({
      kind: 'text',
      tag,
      y: baselineFor(top, height, style.size),
      size: style.size,
      color: style.color,
      atoms: line.box.atoms.filter((a) => !a.space).map((a) => ({ text: a.text, font: a.font, x: x0 + line.offset + a.x, width: a.width })),
    });
  };

  type Lines = ReturnType<typeof setPara>;
  const setCache = new Map<Block, { paras: Para[]; lines: Lines[] }>();
  /** a block's paragraphs set into lines once: the keep rules measure them before they are placed */
  const setBlock = (b: Block) => {
    let c = setCache.get(b);
    if (!c) {
      const paras = paragraphsOf(b) ?? [];
      setCache.set(b, (c = { paras, lines: paras.map((p) => setPara(p)) }));
    }
    return c;
  };
  const heightOf: Heights = (b, first = Infinity) => {
    if (b.type === 'blank') return b.lines * LINE_PITCH;
    if (b.type === 'pageBreak') return 0;
    // a table keeps its header and first row together; a rule or contents needs a line
    if (b.type === 'table') return 2 * LINE_PITCH;
    if (b.type === 'rule' || b.type === 'toc') return LINE_PITCH;
    const c = setBlock(b);
    let left = first;
    let h = 0;
    c.paras.forEach((p, i) => {
      // a paragraph too short to split (fewer than 2 + 2 lines) comes whole
      const all = c.lines[i].length;
      const n = left <= 0 ? 0 : all < 2 * MIN_SPLIT_LINES ? all : Math.min(all, left);
      h += n * p.style.lines * LINE_PITCH;
      left -= n;
    });
    return h;
  };

  /** Places a paragraph's lines, breaking the page where the keep rules (keeps.ts) allow. */
  const placePara = (para: Para, block: Block, rule: { need: number; carry: number; keep: boolean }, set?: Lines, tag?: string) => {
    const lines = set ?? setPara(para);
    const h = para.style.lines * LINE_PITCH;
    snap();
    let from = 0;
    while (from < lines.length) {
      const n = lines.length - from;
      const o = { allFit: n * h + rule.need <= room() + EPS, keep: rule.keep && n * h + rule.need <= BLOCK_H + EPS, carry: rule.carry, atTop: y < EPS };
      const here = linesHere(n, Math.floor((room() + EPS) / h), o);
      for (let k = 0; k < here; k++) {
        if (from === 0 && k === 0) mark(block);
        emitLine(lines[from + k], para.style, BLOCK_LEFT, y, h, tag);
        y += h;
      }
      from += here;
      if (from < lines.length) newPage();
    }
  };

  /** A text block: its paragraphs under the keep rules; a signature is never split. */
  const placeBlock = (blocks: Block[], i: number) => {
    const block = blocks[i];
    const { paras, lines } = setBlock(block);
    const after = needAfter(blocks, i, heightOf);
    const keep = keepsWithNext(block);
    snap();
    if (block.type === 'signature' && y > 0 && heightOf(block) + after.need > room() + EPS) newPage();
    paras.forEach((p, k) => {
      const last = k === paras.length - 1;
      // inside a block, each paragraph keeps with the rest of it when the block keeps together
      const rest = paras.slice(k + 1).reduce((s, q, m) => s + lines[k + 1 + m].length * q.style.lines * LINE_PITCH, 0);
      const rule = last ? { ...after, keep } : { need: keep ? rest + after.need : 0, carry: 0, keep };
      placePara(p, k === 0 ? block : { type: 'blank', lines: 0 }, rule, lines[k], block.type === 'paragraph' && keep ? 'heading' : block.type);
    });
  };

  const placeTable = (columns: TableColumn[], rows: string[][], subheaders: string[][] = []) => {
    snap();
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * BLOCK_W);
    const xs = widths.map((_, i) => BLOCK_LEFT + widths.slice(0, i).reduce((s, w) => s + w, 0));
    const cellStyle = (col: TableColumn, header: boolean): ParaStyle => ({
      ...plainStyle,
      font: header ? 'hei' : 'body',
      size: SIZE.table,
      // left, not justified: a narrow cell justified spreads its characters apart
      align: header || col.align === 'center' ? 'center' : 'left',
    });
    const setRow = (cells: string[], header: boolean) =>
      columns.map((col, i) => {
        const style = cellStyle(col, header);
        const paras = (cells[i] ?? '').split('\n');
        return { style, lines: paras.flatMap((p) => setPara({ runs: [{ text: p }], style }, widths[i] - 2 * TABLE_PAD)) };
      });
    // the column names and any header rows under them, merged where they group, repeated on each page the table runs over
    const head = headerBoxes([columns.map((c) => c.header), ...subheaders], xs, widths, (text, w) => setPara({ runs: [{ text }], style: cellStyle(columns[0], true) }, w));
    const headerH = head.height;

    const drawRow = (row: ReturnType<typeof setRow>, from: number, count: number) => {
      const lines = Math.min(count, Math.max(...row.map((c) => c.lines.length)) - from);
      const h = lines * TABLE_LINE + 2 * TABLE_PAD;
      const top = y;
      row.forEach((cell, i) => {
        cell.lines.slice(from, from + count).forEach((line, k) => {
          emitLine(line, cell.style, xs[i] + TABLE_PAD, top + TABLE_PAD + k * TABLE_LINE, TABLE_LINE, `cell:${i}`);
        });
      });
      const yTop = BLOCK_TOP - top;
      const yBot = yTop - h;
      const x1 = BLOCK_LEFT;
      const x2 = BLOCK_LEFT + BLOCK_W;
      page.items.push({ kind: 'line', x1, y1: yTop, x2, y2: yTop, width: 0.75, color: 'black' });
      page.items.push({ kind: 'line', x1, y1: yBot, x2, y2: yBot, width: 0.75, color: 'black' });
      for (const x of [...xs, x2]) page.items.push({ kind: 'line', x1: x, y1: yTop, x2: x, y2: yBot, width: 0.75, color: 'black' });
      y += h;
    };

    const drawHeads = () => {
      for (const b of head.boxes) {
        b.lines.forEach((line, k) => emitLine(line, cellStyle(columns[0], true), b.x + TABLE_PAD, y + b.top + b.pad + k * TABLE_LINE, TABLE_LINE, `cell:${b.col}`));
        const [x1, x2, y1, y2] = [b.x, b.x + b.w, BLOCK_TOP - y - b.top, BLOCK_TOP - y - b.top - b.h];
        for (const [a, c, d, e] of [[x1, y1, x2, y1], [x1, y2, x2, y2], [x1, y1, x1, y2], [x2, y1, x2, y2]]) {
          page.items.push({ kind: 'line', x1: a, y1: c, x2: d, y2: e, width: 0.75, color: 'black' });
        }
      }
      y += headerH;
    };
    if (headerH + TABLE_LINE + 2 * TABLE_PAD > room() + EPS) newPage();
    drawHeads();
    for (const cells of rows) {
      const row = setRow(cells, false);
      const n = Math.max(...row.map((c) => c.lines.length));
      let from = 0;
      while (from < n) {
        const fit = Math.floor((room() - 2 * TABLE_PAD + EPS) / TABLE_LINE);
        const rest = n - from;
        // a short row moves whole to a fresh page; a tall one (a record listing many entries) is split where the
        // page ends, two lines at least on each side, as Word and LibreOffice split it (the DOCX lets such rows split)
        const tall = isTallRow(cells) && fit >= MIN_ROW_SPLIT && rest - fit >= MIN_ROW_SPLIT;
        if (fit < rest && !tall && (fit < 1 || rest * TABLE_LINE + headerH + 2 * TABLE_PAD <= BLOCK_H)) {
          newPage();
          drawHeads();
          continue;
        }
        const count = Math.min(fit, rest);
        drawRow(row, from, count);
        from += count;
      }
    }
    snap();
  };

  const placeToc = (heading: string, entries: Extract<Block, { type: 'toc' }>['entries']) => {
    placePara({ runs: [{ text: heading }], style: { ...plainStyle, font: 'title', size: SIZE.title, align: 'center' } }, { type: 'blank', lines: 0 }, KEEP_LINE);
    y += LINE_PITCH;
    const numberW = 3 * CHAR_PITCH;
    for (const e of entries) {
      if (e.kind === 'section') {
        placePara({ runs: [{ text: e.text }], style: { ...plainStyle, font: 'hei', keepWithNext: true } }, { type: 'blank', lines: 0 }, KEEP_LINE);
        continue;
      }
      const style: ParaStyle = { ...plainStyle, firstIndent: 1, restIndent: 2 };
      // contents entries break at the same meaningful points as the titles they list
      const lines = setPara({ runs: [{ text: titleLines(e.title, TOC_CHARS).join('\n') }], style }, BLOCK_W - numberW);
      snap();
      if (lines.length * LINE_PITCH > room() + EPS) newPage();
      lines.forEach((line, i) => {
        emitLine(line, style, BLOCK_LEFT, y, LINE_PITCH);
        if (i === lines.length - 1) {
          const base = baselineFor(y, LINE_PITCH, SIZE.body);
          const from = BLOCK_LEFT + line.offset + line.box.width + CHAR_PITCH / 2;
          const to = BLOCK_LEFT + BLOCK_W - numberW + CHAR_PITCH / 2;
          if (to > from) page.items.push({ kind: 'line', x1: from, y1: base + 2, x2: to, y2: base + 2, width: 1.2, color: 'black', dotted: true });
          deferred.push({ page, anchor: e.anchor, right: BLOCK_LEFT + BLOCK_W, y: base });
        }
        y += LINE_PITCH;
      });
    }
  };

  for (const sec of text.sections) {
    section = sec;
    if (sec.restartNumbering) nextNumber = 1;
    // a blank left-hand page, without header or number, as Word and LibreOffice insert for an odd-page section
    if (sec.oddStart && pages.length % 2 === 1) {
      pages.push({ number: null, header: null, items: [] });
      blankBefore.add(text.sections.indexOf(sec));
    }
    newPage();
    for (const [index, block] of sec.blocks.entries()) {
      if (block.type === 'pageBreak') {
        if (y > 0) newPage();
        continue;
      }
      if (block.type === 'blank') {
        snap();
        // blank lines at the top of a page are dropped, as a typesetter would
        if (y > 0) y = Math.min(BLOCK_H, y + block.lines * LINE_PITCH);
        continue;
      }
      if (block.type === 'rule') {
        snap();
        if (room() < LINE_PITCH) newPage();
        const yy = BLOCK_TOP - y - LINE_PITCH / 2;
        page.items.push({ kind: 'line', x1: BLOCK_LEFT, y1: yy, x2: BLOCK_LEFT + BLOCK_W, y2: yy, width: 1.5, color: block.color });
        y += LINE_PITCH;
        continue;
      }
      if (block.type === 'table') {
        mark(block);
        placeTable(block.columns, block.rows, block.subheaders);
        continue;
      }
      if (block.type === 'toc') {
        mark(block);
        placeToc(block.heading, block.entries);
        continue;
      }
      placeBlock(sec.blocks, index);
    }
  }

  // page numbers of the contents are known only now
  const numberMeasure = measureAt(SIZE.body);
  for (const d of deferred) {
    const target = anchors.get(d.anchor);
    const printed = target ? pages[target.page].number : null;
    const label = printed === null ? '' : String(printed);
    const parts = numberMeasure(label, 'body');
    const w = parts.reduce((s, p) => s + p.width, 0);
    let x = d.right - w;
    d.page.items.push({
      kind: 'text',
      y: d.y,
      size: SIZE.body,
      color: 'black',
      atoms: parts.map((p) => {
        const a = { text: p.text, font: p.font, x, width: p.width };
        x += p.width;
        return a;
      }),
    });
  }

  return { pages, anchors, outline, usedFonts, missing, blankBefore };
}


/** Runs cut at the line breaks ("\n") a builder set, e.g. between the lines of a title. */
export function splitAtBreaks(runs: Run[]): Run[][] {
  const out: Run[][] = [[]];
  for (const r of runs) {
    r.text.split('\n').forEach((part, i) => {
      if (i > 0) out.push([]);
      if (part) out[out.length - 1].push({ ...r, text: part });
    });
  }
  return out;
}

/** The page number label of GB/T 9704: 4号 half-width digits between two em dashes. */
export function pageLabel(n: number): string {
  return `— ${n} —`;
}

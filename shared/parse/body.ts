import { findCnDates, isDateOnly } from '../domain/cn-date';
import { HEADING_START, TERMINAL_END, compactText, isWide, splitIssuers, squeeze, isTitleEnd } from './text';
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

/**
 * A paragraph being built from lines. Parts are kept in an array and joined once: reading the last character of
 * a growing concatenated string flattens it every time, which made long runs of unpunctuated lines quadratic.
 */
class Paragraph {
  private parts: string[] = [];
  private last = '';
  length = 0;

  add(text: string): void {
    if (this.parts.length && !isWide(this.last) && !isWide(text[0])) this.parts.push(' ');
    this.parts.push(text);
    this.length += text.length;
    this.last = text[text.length - 1] ?? this.last;
  }

  get empty(): boolean {
    return this.parts.length === 0;
  }

  take(): string {
    const s = this.parts.join('');
    this.parts = [];
    this.length = 0;
    this.last = '';
    return s;
  }

  /** The text so far; only called while the paragraph is short. */
  peek(): string {
    return this.parts.join('');
  }
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

/** Longest paragraph still tested as a possible attachment title. */
const TITLE_MAX = 200;

/** Publication notes under a signature: `（此件公开发布）`, `（此件主动公开）`, `(此件不公开)`. */
export const PUBLICATION_NOTE = /^[（(]此件[\u4e00-\u9fff]{2,8}[）)]$/;

/** A line made only of organ names: any names ending in an organisation word, or the document's own issuers. */
function isOrganLine(raw: string, known: string[]): boolean {
  if (splitIssuers(raw)) return true;
  if (!known.length) return false;
  const t = squeeze(raw);
  if (!t || t.length > 80) return false;
  return known.includes(t) || known.join('') === t;
}

/** `高青县人民政府 2021年9月26日`: organ names and the signature date on one line → the names and the date text. */
export function organDateLine(raw: string): { issuers: string[]; date: string } | null {
  if (raw.length > 90 || !raw.includes('年')) return null;
  const ds = findCnDates(raw);
  if (ds.length !== 1 || ds[0].index === 0) return null;
  if (raw.slice(ds[0].index + ds[0].raw.length).trim()) return null;
  const issuers = splitIssuers(raw.slice(0, ds[0].index));
  return issuers ? { issuers, date: ds[0].raw } : null;
}

/** `自治区主席陈武2016年12月6日`, `市长 张三 2003年10月15日`: the signer of a 政府令 and the date on one line → the date. */
export function signerDateLine(raw: string): string | null {
  if (raw.length > 60 || !raw.includes('年')) return null;
  const ds = findCnDates(raw);
  if (ds.length !== 1 || ds[0].index === 0 || raw.slice(ds[0].index + ds[0].raw.length).trim()) return null;
  const before = squeeze(raw.slice(0, ds[0].index));
  return /^[\u4e00-\u9fff]{0,8}(?:省长|市长|县长|区长|州长|盟长|主席|旗长)[:：]?[\u4e00-\u9fff·]{2,4}$/.test(before) ? ds[0].raw : null;
}

/**
 * Which lines belong to a signature block: organ line(s) directly followed (blank lines skipped) by a date line,
 * or organ and date on one line. Up to 4 organ lines (joint issuers printed one per line).
 */
function signatureLines(items: { raw: string; text: string }[], known: string[]): boolean[] {
  const sig = items.map(() => false);
  for (let i = 0; i < items.length; i++) {
    if (organDateLine(items[i].raw)) {
      sig[i] = true;
      continue;
    }
    if (!isOrganLine(items[i].raw, known)) continue;
    for (let j = i + 1; j < items.length && j <= i + 4; j++) {
      if (isDateOnly(items[j].text)) {
        for (let k = i; k < j; k++) sig[k] = true;
        break;
      }
      if (!isOrganLine(items[j].raw, known)) break;
    }
  }
  return sig;
}

/**
 * The cells of a line that a table left between tabs (a PDF or Word table extracted to text), each compacted:
 * empty cells stay, they stand under or beside a merged cell. Null without a tab or without any text.
 */
function rowCells(raw: string): string[] | null {
  if (!raw.includes('\t')) return null;
  const cells = raw.split('\t').map(compactText);
  return cells.some(Boolean) ? cells : null;
}

/**
 * Rows of tables among the lines, as their cells joined by tabs (null for other lines). A line of two cells with
 * text is a row, and so is one whose text stands after empty cells; a single cell followed only by empty ones
 * (`企业诉求⇥⇥`) is a row only next to another row (a stray tab after a sentence is not a table). Kept apart, the
 * rows can be set as a table again on export; compacted as one text, the cells of a row ran together and the rows
 * into one paragraph.
 */
export function tableRows(raws: string[]): Array<string | null> {
  const cells = raws.map(rowCells);
  const strong = cells.map((c) => !!c && (c.filter(Boolean).length >= 2 || !c[0]));
  return cells.map((c, i) => (c && (strong[i] || strong[i - 1] || strong[i + 1]) ? c.join('\t') : null));
}

/**
 * Paragraphs of the given units (already cut to one document's body). `issuers` are the document's issuers as
 * far as known (from its title), so a signature naming them is recognised even without an organisation suffix.
 * A signature block (organ line(s), date line), a publication note and an attachment line never join the
 * paragraph before them, whatever the layout.
 */
export function paragraphs(
  units: Unit[],
  layout: Layout = detectLayout(units) ?? 'blocks',
  issuers: string[] = [],
): string[] {
  const items: { text: string; raw: string; gap: boolean; piece: boolean; line: string }[] = [];
  let gap = false;
  for (const u of units) {
    if (u.noise) continue;
    if (u.blank) {
      gap = true;
      continue;
    }
    items.push({ text: u.compact, raw: u.text, gap, piece: u.piece, line: u.raw });
    gap = false;
  }
  tableRows(items.map((x) => x.line)).forEach((row, i) => {
    if (row) items[i].text = row;
  });
  const known = issuers.map(squeeze).filter(Boolean);
  const sig = signatureLines(items, known);
  const widths = localWidths(items.map((x) => x.text));
  const out: string[] = [];
  const cur = new Paragraph();
  let prev = '';
  // A paragraph opened right after a signature date may be an attachment title (`……实施方案`): it ends as
  // soon as it reads like a complete title.
  let titleCandidate = true;
  for (let i = 0; i < items.length; i++) {
    const { text, gap: hadGap, piece } = items[i];
    if (cur.empty) {
      cur.add(text);
      prev = text;
      continue;
    }
    let join = false;
    const prevOpen = !TERMINAL_END.test(prev) && !prev.includes('\t') && !text.includes('\t');
    const startsNew =
      HEADING_START.test(text) ||
      isDateOnly(text) ||
      isDateOnly(prev) ||
      sig[i] ||
      sig[i - 1] ||
      PUBLICATION_NOTE.test(text) ||
      PUBLICATION_NOTE.test(prev);
    // Titles are short: a paragraph past TITLE_MAX is not re-scanned (keeps this loop linear).
    if (titleCandidate && cur.length > TITLE_MAX) titleCandidate = false;
    const short = titleCandidate ? cur.peek() : '';
    const endsTitle = titleCandidate && isTitleEnd(short) && !/[，、,]/.test(short);
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
      cur.add(text);
    } else {
      const done = cur.take();
      out.push(done);
      titleCandidate = isDateOnly(done) || sig[i - 1] || PUBLICATION_NOTE.test(done) || HEADING_START.test(done);
      cur.add(text);
    }
    prev = text;
  }
  if (!cur.empty) out.push(cur.take());
  return out.map((p) => (p.includes('\t') ? p : compactText(p)));
}

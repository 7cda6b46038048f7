import type { ParsedDocument, ParseResult, ParseWarning } from '../domain/parse-result';
import { detectLayout } from './body';
import { extractDocument } from './extract';
import { detectGazette, findMasthead } from './gazette';
import { readPage } from './page';
import { findPageHead, KIND_ALONE } from './pagehead';
import { type ReadingFold, readingFold, unfoldResult } from './hant';
import { foldYearBrackets } from './year-brackets';
import { isDateOnly } from '../domain/cn-date';
import { parseDocNumber } from '../domain/docnumber';
import { cutHeadAfterSignature, findHeads, isSalutation, noticeAfterSignature, type Head } from './split';
import { CLOSING_FORMULA, isTitleEnd } from './text';
import { buildUnits, type Unit } from './units';

export { textLines } from './units';

/**
 * Text extraction ("parse"): a file's text → gazette header + TOC (when it is a gazette issue) and its documents
 * with metadata. Pure TypeScript (runs in Electron, the CLI and the browser). Never throws: what cannot be read
 * becomes a warning.
 */

export interface ParseOptions {
  /** file name as shown to the user */
  file: string;
  /** encoding the reader detected (`utf-8`, `gb18030` …) */
  encoding: string;
  /** 登记号 pattern (regex source); default `[A-Z]{2,6}-\d{4}-\d{1,8}` (`GQDR-2021-0020002`) */
  registrationPattern?: string;
}

/** Parses one file's text into its gazette header (if any) and documents. */
/** Spaces a web page or a converter writes that mean an ordinary space (no-break, en/em, thin, narrow): one for one,
 * so every offset and line stays where it was. */
const LAYOUT_SPACES = /[\u00a0\u2000-\u200a\u202f\u205f]/g;

export function parseText(raw: string, opts: ParseOptions): ParseResult {
  const text = typeof raw === 'string' ? raw.replace(LAYOUT_SPACES, ' ') : raw;
  const fold = typeof text === 'string' ? foldOf(text) : null;
  return fold ? unfoldResult(parseSimplified(fold.folded, opts), fold.unfold) : parseSimplified(text, opts);
}

/**
 * The fold a text is read through, one character for one, and how a string read from it goes back to the page as
 * printed; null when the text is read as it is. A page printed in traditional characters (or typing full-width digits)
 * is read in simplified ones (ASCII digits); a 文号's year in other brackets (`某政发（2023）5号`) in 〔〕.
 */
function foldOf(text: string): ReadingFold | null {
  const hant = readingFold(text);
  const years = foldYearBrackets(hant ? hant.folded : text);
  if (!years) return hant;
  return { folded: years.folded, unfold: hant ? (s) => hant.unfold(years.unfold(s)) : years.unfold };
}

function parseSimplified(text: string, opts: ParseOptions): ParseResult {
  const result: ParseResult = {
    file: opts?.file ?? '',
    encoding: opts?.encoding ?? 'utf-8',
    gazette: null,
    documents: [],
    warnings: [],
  };
  try {
    if (typeof text !== 'string' || text.trim() === '') {
      result.warnings.push({ line: null, message: '文件没有可识别的文字' });
      return result;
    }
    const { units, meta, gazette, heads, fileLayout, registrationInFile, pageHead } = locate(text, opts);
    const docs: ParsedDocument[] = [];
    const warnings: ParseWarning[] = [];
    if (!heads.length && !pageHead) warnings.push({ line: null, message: '未找到文件正文' });
    result.gazette = gazette;
    if (pageHead) {
      const end = heads.length ? heads[0].start - 1 : units.length - 1;
      const r = extractDocument(units, pageHead, end, fileLayout, { meta: heads.length ? undefined : meta });
      docs.push(r.doc);
      if (!pageHead.title) warnings.push({ line: units[pageHead.start].line, message: '未识别出文件标题' });
      warnings.push(...r.warnings);
    }
    for (let h = 0; h < heads.length; h++) {
      const head = heads[h];
      const end = h + 1 < heads.length ? heads[h + 1].start - 1 : findMasthead(units, head.headEnd + 1) - 1;
      const r = extractDocument(units, head, Math.max(end, head.headEnd), fileLayout, {
        registrationInFile,
        meta: heads.length === 1 ? meta : undefined,
      });
      docs.push(r.doc);
      warnings.push(...r.warnings);
    }
    if (result.gazette) checkToc(result.gazette.toc, docs, warnings);
    result.documents = docs;
    result.warnings = warnings;
  } catch (e) {
    result.warnings.push({ line: null, message: `解析中断：${e instanceof Error ? e.message : String(e)}` });
  }
  return result;
}

/** Where a text's documents start: its units, page metadata, gazette header, document heads and layout. */
function locate(text: string, opts: ParseOptions) {
  const units = buildUnits(text);
  const meta = readPage(units);
  const gz = detectGazette(units);
  // A 目录 that is not a gazette's (a regulation's chapter list, no pages) hides nothing above it.
  const frontMatter = gz.gazette !== null;
  const from = frontMatter ? gz.bodyStart : 0;
  const found = findHeads(units, {
    from,
    skip: frontMatter ? gz.toc : null,
    registrationPattern: opts?.registrationPattern,
    toc: gz.gazette?.toc ?? [],
  });
  // (the same document printed again, its 文号 line and body without its title: that reprint is the first's text)
  // (and the whole head printed again, the page's copy of the notice run on from a cut: the same title twice is one document)
  const heads = found.filter((h, k) => !(k > 0 && ((!h.title && reprints(units, h, found[k - 1])) || sameHeadAgain(units, h, found[k - 1]))));
  const fileLayout = detectLayout(units) ?? 'blocks';
  const registrationInFile = heads.some((h) => h.registration !== null);
  // A page that opens with a signed document whose title it left out (a 转发 notice above the 批复 it forwards)
  // (a page that prints the body, then the title and the same body again: the first print is the document's, not another's)
  const leadAt = !frontMatter && heads.length ? untitledLead(units, from, heads[0].start) : -1;
  const lead = leadAt >= 0 && printedAgainUnder(units, leadAt, heads[0]) ? -1 : leadAt;
  // (a news page reprinting a 通告 closed by `特此通告` and its signature, then a numbered notice: the first is a document too)
  const titled = !frontMatter && heads.length && lead < 0 ? closedNoticeBefore(units, from, heads[0].start) : -1;
  const pageHead: Head | null =
    lead >= 0 ? leadHead(units, lead) : titled >= 0 ? findPageHead(units, meta, titled) : heads.length ? null : findPageHead(units, meta, from);
  // (a second organ's numbered 通告 straight after the page's first document's signature — not the same document printed
  // again, its 文号 line and body after its signature: that reprint stays the first document's text)
  const after = pageHead && !heads.length && !frontMatter ? (noticeAfterSignature(units, pageHead.headEnd + 1) ?? cutHeadAfterSignature(units, pageHead.headEnd + 1)) : null;
  const second = after && pageHead && reprints(units, after, pageHead) ? null : after;
  return { units, meta, gazette: gz.gazette, heads: second ? [second] : heads, fileLayout, registrationInFile, pageHead };
}

/** A head's 文号, normalized (`金政辦﹝2019﹞33號` and `金政办〔2019〕33号` are one number), or null. */
function numberOf(units: Unit[], head: Head): string | null {
  const raw = head.docNumberUnit !== null ? units[head.docNumberUnit].text : head.inlineDocNumber;
  return raw ? (parseDocNumber(raw)?.normalized ?? null) : null;
}

/** `head` is the head `before` printed again: the same title (a dozen characters at least), no other number. */
function sameHeadAgain(units: Unit[], head: Head, before: Head): boolean {
  if (head.title.length < 12 || head.title !== before.title) return false;
  const n = numberOf(units, head);
  return n === null || n === numberOf(units, before);
}

/** `head` prints the document `before` heads again: it carries the same 文号. */
function reprints(units: Unit[], head: Head, before: Head): boolean {
  const n = numberOf(units, head);
  return n !== null && n === numberOf(units, before);
}

/**
 * A text whose boundaries a person set at review (a part of a split, two documents merged) as exactly one
 * document: metadata from its first head, body to its last line; lines above that head stay as the first
 * paragraphs, so no text is dropped. Null for a text with nothing in it.
 */
export function parseAsOne(text: string, opts: ParseOptions): { document: ParsedDocument; warnings: ParseWarning[] } | null {
  const fold = typeof text === 'string' ? foldOf(text) : null;
  if (!fold) return parseOneSimplified(text, opts);
  const one = parseOneSimplified(fold.folded, opts);
  if (!one) return null;
  const back = unfoldResult({ file: '', encoding: '', gazette: null, documents: [one.document], warnings: one.warnings }, fold.unfold);
  return { document: back.documents[0], warnings: back.warnings };
}

function parseOneSimplified(text: string, opts: ParseOptions): { document: ParsedDocument; warnings: ParseWarning[] } | null {
  if (typeof text !== 'string' || text.trim() === '') return null;
  const { units, meta, heads, fileLayout, registrationInFile, pageHead } = locate(text, opts);
  const first = units.findIndex((u) => !u.blank);
  if (first < 0) return null;
  const head = pageHead ?? heads[0] ?? untitledHead(first);
  const r = extractDocument(units, head, Math.max(units.length - 1, head.headEnd), fileLayout, { registrationInFile, meta: heads.length <= 1 ? meta : undefined });
  const above = units.slice(first, head.start).filter((u) => !u.blank).map((u) => u.text);
  const warnings = head.title ? r.warnings : [{ line: units[head.start].line, message: '未识别出文件标题' }, ...r.warnings];
  return { document: { ...r.doc, body: [...above, ...(r.doc.body ?? [])], lineStart: units[first].line }, warnings };
}

function untitledHead(at: number): Head {
  return { start: at, titleStart: at, titleEnd: at, headEnd: at - 1, title: '', titleIssuers: [], docNumberUnit: null, inlineDocNumber: null, registration: null };
}

/** The head of the signed document before the first head: its kind word alone (`公 告`) as its title, or none. */
function leadHead(units: Unit[], at: number): Head {
  const c = units[at].compact;
  return KIND_ALONE.test(c) ? { ...untitledHead(at), title: c, headEnd: at } : untitledHead(at);
}

/**
 * The first line of a signed document standing before the first head (a salutation or the kind word alone over
 * the text, and a signature date with 年), or -1.
 */
function untitledLead(units: Unit[], from: number, before: number): number {
  let first = -1;
  let lines = 0;
  for (let i = from; i < before; i++) {
    if (units[i].blank) continue;
    if (first < 0) first = i;
    lines++;
    // (a signing date that lost its year in the copy, `年2月24日`, still closes the lead)
    if (lines >= 3 && ((isDateOnly(units[i].text) && /年/.test(units[i].text)) || /^年\d{1,2}月\d{1,2}日$/.test(units[i].compact))) {
      return isSalutation(units[first].compact) || KIND_ALONE.test(units[first].compact) ? first : -1;
    }
  }
  return -1;
}

/**
 * The title line of a notice standing before the first head, closed by its formula (`特此通告`) before that head: the last
 * line ending in the notice's kind word (no sentence in it) over a sentence, with the formula after it; or -1.
 */
function closedNoticeBefore(units: Unit[], from: number, before: number): number {
  let close = -1;
  for (let i = before - 1; i >= from && close < 0; i--) if (!units[i].blank && CLOSING_FORMULA.test(units[i].compact) && /告/.test(units[i].compact)) close = i;
  for (let i = close - 1; i >= from; i--) {
    const c = units[i].compact;
    if (units[i].blank || c.length > 40 || !/(?:通告|公告)$/.test(c) || !isTitleEnd(c) || /[，,。；;：:！!？?]/.test(c)) continue;
    const next = units.slice(i + 1, close).find((u) => !u.blank)?.compact ?? '';
    return next.length >= 30 && /[。，,]/.test(next) ? i : -1;
  }
  return -1;
}

/** The lines from unit `at` on are printed again under `head`: its first two lines after the head are the same. */
function printedAgainUnder(units: Unit[], at: number, head: Head): boolean {
  const lines = (from: number): string[] => {
    const out: string[] = [];
    for (let i = from; i < units.length && out.length < 2; i++) if (!units[i].blank) out.push(units[i].compact);
    return out;
  };
  const a = lines(at);
  const b = lines(head.headEnd + 1);
  return a.length === 2 && a[0] === b[0] && a[1] === b[1];
}

function key(s: string): string {
  return s.replace(/[\s“”"'‘’()（）〔〕[\]【】《》<>·・.,，、:：\-—–]/g, '');
}

/** Reports TOC entries that did not become a document. */
function checkToc(toc: { title: string; page: number | null }[], docs: ParsedDocument[], warnings: ParseWarning[]): void {
  for (const e of toc) {
    const k = key(e.title);
    if (!docs.some((d) => key(d.title) === k || key(d.title).endsWith(k) || k.endsWith(key(d.title)))) {
      warnings.push({ line: null, message: `目录中的文件未在正文中找到：${e.title}` });
    }
  }
}

import { invalid, type FormatReader, type ReadResult } from './formats';
import type { ParseLimits } from './limits';
import { capText } from './readers';

/**
 * RTF → text, by a small tokenizer: `\'hh` byte pairs decoded in the document's code page (`\ansicpg936` is
 * GBK) or the current font's charset (`\fcharset134`), `\uN` escapes with their `\ucN` fallbacks skipped,
 * table cells joined by tabs and rows by lines, headers, footers and footnotes kept apart from the body, and
 * pictures, objects, fields' instructions and every `{\*…}` destination left out.
 */

/** Windows code pages and font charsets → TextDecoder labels. */
const CODEPAGES: Record<number, string> = { 936: 'gbk', 54936: 'gb18030', 950: 'big5', 932: 'shift_jis', 949: 'euc-kr', 65001: 'utf-8', 10000: 'macintosh' };
const CHARSETS: Record<number, number> = { 134: 936, 136: 950, 128: 932, 129: 949, 0: 1252, 161: 1253, 162: 1254, 204: 1251, 238: 1250 };
const codepageLabel = (cp: number) => CODEPAGES[cp] ?? (cp >= 874 && cp <= 1258 ? `windows-${cp}` : 'windows-1252');

/** Destinations whose text is not the document's (\listtext and \pntext are kept: they are a list item's printed number, 第一条 or 一、). */
const SKIP = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'fldinst', 'themedata', 'colorschememapping', 'latentstyles', 'datastore',
  'xmlnstbl', 'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'filetbl', 'revtbl', 'pgdsctbl', 'shppict', 'nonshppict', 'bkmkstart',
  'bkmkend', 'userprops', 'docvar', 'template', 'mmathPr', 'wgrffmtfilter', 'pnseclvl', 'pntxta', 'pntxtb', 'sp', 'sn', 'sv',
]);
/** Destinations kept apart from the body, by label. */
const APART: Record<string, string> = {
  header: '页眉', headerl: '页眉', headerr: '页眉', headerf: '页眉', footer: '页脚', footerl: '页脚', footerr: '页脚', footerf: '页脚', footnote: '脚注',
};
const SYMBOLS: Record<string, string> = {
  par: '\n', line: '\n', sect: '\n', page: '\n', tab: '\t', cell: '\t', nestcell: '\t', row: '\n', nestrow: '\n', emdash: '—', endash: '–',
  lquote: '‘', rquote: '’', ldblquote: '“', rdblquote: '”', bullet: '•', emspace: ' ', enspace: ' ', qmspace: ' ',
};

interface Group {
  /** skip this group's text */
  skip: boolean;
  /** text goes here (the body or one apart destination) */
  out: string[];
  /** fallback characters after \uN */
  uc: number;
  /** code page of the current font */
  codepage: number;
}

const MAX_DEPTH = 2_000;

/** The font table: each \fN's charset, as a code page. */
function fontCodepages(rtf: string): Map<number, number> {
  const map = new Map<number, number>();
  const start = rtf.indexOf('{\\fonttbl');
  if (start < 0) return map;
  const re = /\\f(\d+)[^;{}]*?\\fcharset(\d+)/g;
  re.lastIndex = start;
  const end = rtf.indexOf('{\\colortbl', start);
  for (let m = re.exec(rtf); m && (end < 0 || m.index < end); m = re.exec(rtf)) {
    const cp = CHARSETS[Number(m[2])];
    if (cp) map.set(Number(m[1]), cp);
  }
  return map;
}

// eslint-disable-next-line max-lines-per-function -- one tokenizer loop whose cases share the group stack and the byte buffer
export function rtfToText(rtf: string, limits: Pick<ParseLimits, 'maxTextChars'>): { text: string; apart: { label: string; text: string }[]; codepage: number } {
  const ansi = Number(/\\ansicpg(\d+)/.exec(rtf.slice(0, 2000))?.[1] ?? 0) || 0;
  const fonts = fontCodepages(rtf);
  const deff = Number(/\\deff(\d+)/.exec(rtf.slice(0, 500))?.[1] ?? -1);
  const body: string[] = [];
  const apart = new Map<string, string[]>();
  let g: Group = { skip: false, out: body, uc: 1, codepage: fonts.get(deff) ?? (ansi || 1252) };
  const stack: Group[] = [];
  let bytes: number[] = [];
  let pendingSkip = 0; // fallback characters still to skip after a \uN
  let length = 0;
  let destinationNext = false; // just after '{': the next control word names the group's destination
  const decoders = new Map<number, InstanceType<typeof TextDecoder>>();
  const decode = (cp: number, b: number[]) => {
    let d = decoders.get(cp);
    if (!d) decoders.set(cp, (d = new TextDecoder(codepageLabel(cp))));
    return d.decode(new Uint8Array(b));
  };
  const flush = () => {
    if (!bytes.length) return;
    const s = decode(g.codepage, bytes);
    bytes = [];
    if (!g.skip) emit(s);
  };
  const emit = (s: string) => {
    g.out.push(s);
    length += s.length;
    if (length > limits.maxTextChars) capText(' '.repeat(length), limits as ParseLimits);
  };
  const n = rtf.length;
  let i = 0;
  while (i < n) {
    const c = rtf[i];
    if (c === '{') {
      flush();
      if (stack.length >= MAX_DEPTH) throw invalid('RTF 文件的嵌套层次过深，文件可能经过恶意构造，已拒绝');
      stack.push(g);
      g = { ...g };
      destinationNext = true;
      i++;
      continue;
    }
    if (c === '}') {
      flush();
      g = stack.pop() ?? g;
      destinationNext = false;
      pendingSkip = 0;
      i++;
      continue;
    }
    if (c === '\\') {
      const next = rtf[i + 1];
      if (next === "'") {
        const h = parseInt(rtf.slice(i + 2, i + 4), 16);
        i += 4;
        destinationNext = false;
        if (pendingSkip > 0) {
          pendingSkip--;
          continue;
        }
        if (!Number.isNaN(h)) bytes.push(h);
        continue;
      }
      flush();
      if (next === '*') {
        if (destinationNext) g.skip = true;
        i += 2;
        continue;
      }
      if (next === undefined || !/[a-zA-Z]/.test(next)) {
        // control symbols: \\ \{ \} \~ (no-break space) \- (optional hyphen) \_ (no-break hyphen)
        i += 2;
        destinationNext = false;
        if (pendingSkip > 0) {
          pendingSkip--;
          continue;
        }
        if (g.skip) continue;
        if (next === '\\' || next === '{' || next === '}') emit(next);
        else if (next === '~') emit(' ');
        else if (next === '_') emit('‑');
        else if (next === '\n' || next === '\r') emit('\n');
        continue;
      }
      let j = i + 1;
      while (j < n && /[a-zA-Z]/.test(rtf[j])) j++;
      const word = rtf.slice(i + 1, j);
      let k = j;
      if (rtf[k] === '-' || /[0-9]/.test(rtf[k] ?? '')) {
        k++;
        while (k < n && /[0-9]/.test(rtf[k])) k++;
      }
      const param = k > j ? Number(rtf.slice(j, k)) : null;
      if (rtf[k] === ' ') k++;
      i = k;
      const wasDestination = destinationNext;
      destinationNext = false;
      if (word === 'bin' && param !== null) {
        i += Math.max(0, param);
        continue;
      }
      if (pendingSkip > 0 && word !== 'u') {
        pendingSkip--;
        continue;
      }
      if (wasDestination && SKIP.has(word)) {
        g.skip = true;
        continue;
      }
      if (wasDestination && APART[word]) {
        const label = APART[word];
        if (!apart.has(label)) apart.set(label, []);
        else apart.get(label)!.push('\n');
        g.out = apart.get(label)!;
        continue;
      }
      switch (word) {
        case 'uc':
          g.uc = param ?? 1;
          break;
        case 'u':
          if (!g.skip && param !== null) emit(String.fromCharCode(param < 0 ? param + 65536 : param));
          pendingSkip = g.uc;
          break;
        case 'f':
          if (param !== null) g.codepage = fonts.get(param) ?? (ansi || 1252);
          break;
        case 'cpg':
          if (param) g.codepage = param;
          break;
        default:
          if (!g.skip && SYMBOLS[word]) emit(SYMBOLS[word]);
      }
      continue;
    }
    if (c === '\r' || c === '\n') {
      i++;
      continue;
    }
    flush();
    destinationNext = false;
    // plain text up to the next control character, at once
    let j = i + 1;
    while (j < n && rtf[j] !== '\\' && rtf[j] !== '{' && rtf[j] !== '}' && rtf[j] !== '\r' && rtf[j] !== '\n') j++;
    let run = rtf.slice(i, j);
    i = j;
    if (pendingSkip > 0) {
      const drop = Math.min(pendingSkip, run.length);
      run = run.slice(drop);
      pendingSkip -= drop;
    }
    if (!g.skip && run) {
      // bytes over 0x7F written raw (not as \'hh) are in the code page too
      if (/[\u0080-\u00ff]/.test(run)) emit(decode(g.codepage, [...run].map((ch) => ch.charCodeAt(0) & 0xff)));
      else emit(run);
    }
  }
  flush();
  const clean = (parts: string[]) =>
    parts.join('').replace(/\t+\n/g, '\n').replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').replace(/^\n+|\s+$/g, '');
  return {
    text: clean(body),
    apart: [...apart].map(([label, parts]) => ({ label, text: clean(parts) })).filter((p) => p.text),
    codepage: ansi,
  };
}

function readRtf(bytes: Uint8Array, limits: ParseLimits): ReadResult {
  // Latin-1 keeps every byte as one character: the tokenizer decodes \'hh and raw high bytes itself.
  const rtf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!rtf.trimStart().startsWith('{\\rtf')) throw invalid('不是有效的 RTF 文件，文件可能已损坏');
  const { text, apart, codepage } = rtfToText(rtf, limits);
  return { text, encoding: codepage ? `rtf-cp${codepage}` : 'rtf', ...(apart.length ? { apart } : {}) };
}

export const rtfReader: FormatReader = {
  id: 'rtf',
  label: 'RTF 富文本',
  extensions: ['rtf'],
  textFallback: true,
  sniff: (p) => /^\s*\{\\rtf/.test(p.head.slice(0, 64)),
  read: readRtf,
};

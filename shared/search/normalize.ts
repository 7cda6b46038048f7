/**
 * The one normal form every searchable text and every query term goes through, so that matching is a plain
 * (case-insensitive) substring test: NFKC (full-width → half-width), invisible characters dropped, whitespace
 * and line breaks removed except between two Latin letters/digits, and every 文号 written the same way
 * (`〔2018〕27号` whatever the brackets, spaces or leading zeros). Pure: used by SQL functions, queries and bench.
 */

// Control and zero-width characters PDFs leave behind; tab/newline/CR are handled as whitespace below.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/g;
const WHITESPACE = /\s+/g;
const ALNUM = /[A-Za-z0-9]/;
/** A year in any of the brackets printed around it (after NFKC, （［ are already ( [). */
const YEAR_BRACKETS = /[〔[(【〖﹝〘]((?:19|20)\d{2})[〕\])】〗﹞〙]/g;
const LEADING_ZEROS = /〔((?:19|20)\d{2})〕0+(?=\d)/g;

/** The search normal form of a text (see the module comment). Never throws. */
export function normalizeText(text: string): string {
  if (!text) return '';
  let s = text.normalize('NFKC').replace(INVISIBLE, '');
  s = s.replace(WHITESPACE, (_m, offset: number, whole: string) => {
    const before = whole[offset - 1];
    const after = whole[offset + _m.length];
    return before && after && ALNUM.test(before) && ALNUM.test(after) ? ' ' : '';
  });
  return s.replace(YEAR_BRACKETS, '〔$1〕').replace(LEADING_ZEROS, '〔$1〕');
}

/** Body paragraphs as stored (a JSON array) → one normalized text; a non-JSON value is taken as plain text. */
export function normalizeBodyJson(json: string | null): string {
  if (!json) return '';
  let paragraphs: unknown;
  try {
    paragraphs = JSON.parse(json);
  } catch {
    return normalizeText(json);
  }
  if (!Array.isArray(paragraphs)) return normalizeText(String(paragraphs));
  // Paragraph breaks in extracted texts are often layout breaks, so they are ignored like any line break.
  return normalizeText(paragraphs.map((p) => (typeof p === 'string' ? p : '')).join('\n'));
}

/** Issuers as stored (a JSON array) → normalized names separated by a space (a term never spans two). */
export function normalizeIssuersJson(json: string | null): string {
  if (!json) return '';
  try {
    const list: unknown = JSON.parse(json);
    if (Array.isArray(list)) return list.map((x) => normalizeText(String(x))).filter(Boolean).join(' ');
    return normalizeText(String(list));
  } catch {
    return normalizeText(json);
  }
}

// gramsOf's sets, reused from call to call (every imported document goes through it): a character seen is marked
// with the call's stamp; two-character grams in an open-addressing table of (first << 16 | second) with stamps.
const charStamp = new Uint32Array(0x10000);
let pairKeys = new Uint32Array(1 << 14);
let pairStamp = new Uint32Array(1 << 14);
/** 32 − log2(pairKeys.length): a pair's slot is the top bits of its multiplicative hash (see gramsOf). */
let pairShift = 32 - 14;
let stamp = 0;
let out = new Uint16Array(1 << 15);
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/** The distinct 1- and 2-character grams of a normalized text, space-separated, for the short-query index. */
export function gramsOf(normalized: string): string {
  if (!normalized) return '';
  // Written on every document save: grams as UTF-16 units, deduplicated in typed arrays (no per-gram values).
  if (/[\ud800-\udfff]/.test(normalized)) return gramsOfCodePoints(normalized);
  const n = normalized.length;
  if (pairKeys.length < 2 * n) {
    let size = pairKeys.length;
    while (size < 2 * n) {
      size *= 2;
      pairShift--;
    }
    pairKeys = new Uint32Array(size);
    pairStamp = new Uint32Array(size);
  }
  if (++stamp === 0xffffffff) {
    charStamp.fill(0);
    pairStamp.fill(0);
    stamp = 1;
  }
  const mask = pairKeys.length - 1;
  // the grams in order of first appearance (a character before the pair it starts), each followed by a space
  if (out.length < 5 * n) out = new Uint16Array(5 * n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = normalized.charCodeAt(i);
    if (c === 0x20) continue;
    if (charStamp[c] !== stamp) {
      charStamp[c] = stamp;
      out[k++] = c;
      out[k++] = 0x20;
    }
    const d = i + 1 < n ? normalized.charCodeAt(i + 1) : 0x20;
    if (d === 0x20) continue;
    const key = ((c << 16) | d) >>> 0;
    // the product's top bits: its low bits depend only on the key's low bits (the second character), which sent
    // every pair ending in one character to one slot and probed along them (issue 25)
    let h = Math.imul(key, 0x9e3779b1) >>> pairShift;
    for (;;) {
      if (pairStamp[h] !== stamp) {
        pairStamp[h] = stamp;
        pairKeys[h] = key;
        out[k++] = c;
        out[k++] = d;
        out[k++] = 0x20;
        break;
      }
      if (pairKeys[h] === key) break;
      h = (h + 1) & mask;
    }
  }
  return k ? utf16.decode(out.subarray(0, k - 1)) : '';
}

/** gramsOf for texts with characters outside the BMP (grams of code points, not UTF-16 units). */
function gramsOfCodePoints(normalized: string): string {
  const chars = Array.from(normalized);
  const seen = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === ' ') continue;
    seen.add(c);
    const n = chars[i + 1];
    if (n !== undefined && n !== ' ') seen.add(c + n);
  }
  return [...seen].join(' ');
}

/** Length in characters (code points), which is what FTS5's trigram tokenizer counts. */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** A normalized text with, for each of its UTF-16 units, the [start, end) of the original text it came from. */
export interface MappedText {
  text: string;
  start: Int32Array;
  end: Int32Array;
}

const nfkcCache = new Map<string, string>();

/** One UTF-16 unit of INVISIBLE (after NFKC). */
function invisibleUnit(c: number): boolean {
  return (
    c <= 0x08 || c === 0x0b || c === 0x0c || (c >= 0x0e && c <= 0x1f) || c === 0x7f || c === 0xad ||
    (c >= 0x200b && c <= 0x200f) || c === 0x2028 || c === 0x2029 || c === 0x2060 || c === 0xfeff
  );
}
/** One UTF-16 unit of `\s`. */
function spaceUnit(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
function alnumUnit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * normalizeText with a map back to the original, so a match found in the normal form can be shown in the text
 * as written (full-width punctuation, the 文号 brackets used). One pass over UTF-16 units (Han and ASCII need
 * no NFKC); null in the rare case the per-character result differs from normalizeText (composing sequences),
 * where callers show the normal form instead.
 */
export function normalizeWithMap(original: string, verify = true): MappedText | null {
  let cap = original.length * 2 + 16;
  let codes = new Uint16Array(cap);
  let st = new Int32Array(cap);
  let en = new Int32Array(cap);
  let len = 0;
  let runStart = -1; // original range of a pending whitespace run
  let runEnd = -1;
  let expansion = ''; // NFKC of the current non-Han, non-ASCII character
  for (let i = 0; i < original.length; ) {
    let c = original.charCodeAt(i);
    let w = 1;
    let k = 0;
    let n = 1;
    if (!((c >= 0x4e00 && c <= 0x9fff) || c < 0x80)) {
      w = c >= 0xd800 && c <= 0xdbff && i + 1 < original.length ? 2 : 1;
      const ch = w === 1 ? original[i] : original.slice(i, i + 2);
      let x = nfkcCache.get(ch);
      if (x === undefined) {
        x = ch.normalize('NFKC');
        if (nfkcCache.size < 10_000) nfkcCache.set(ch, x);
      }
      expansion = x;
      n = x.length;
      c = n > 0 ? x.charCodeAt(0) : 0;
    }
    for (; k < n; k++) {
      if (k > 0) c = expansion.charCodeAt(k);
      if (invisibleUnit(c)) continue;
      if (spaceUnit(c)) {
        if (runStart < 0) runStart = i;
        runEnd = i + w;
        continue;
      }
      if (len + 2 >= cap) {
        cap *= 2;
        const c2 = new Uint16Array(cap);
        c2.set(codes);
        codes = c2;
        const s2 = new Int32Array(cap);
        s2.set(st);
        st = s2;
        const e2 = new Int32Array(cap);
        e2.set(en);
        en = e2;
      }
      if (runStart >= 0) {
        // A whitespace run survives as one space only between two Latin letters/digits.
        if (len > 0 && alnumUnit(codes[len - 1]) && alnumUnit(c)) {
          codes[len] = 0x20;
          st[len] = runStart;
          en[len++] = runEnd;
        }
        runStart = -1;
      }
      codes[len] = c;
      st[len] = i;
      en[len++] = i + w;
    }
    i += w;
  }
  const chunks: string[] = [];
  // apply, not spread: spreading a typed array walks its iterator (~6 µs for a snippet's few hundred units).
  for (let k = 0; k < len; k += 8192) chunks.push(String.fromCharCode.apply(null, codes.subarray(k, Math.min(len, k + 8192)) as unknown as number[]));
  // 文号 brackets (same length) and leading zeros of the serial (dropped units).
  let text = chunks.join('').replace(YEAR_BRACKETS, '〔$1〕');
  let start = st.subarray(0, len);
  let end = en.subarray(0, len);
  if (LEADING_ZEROS.test(text)) {
    LEADING_ZEROS.lastIndex = 0;
    const drop = new Uint8Array(len);
    for (const m of text.matchAll(LEADING_ZEROS)) for (let k = m.index + 6; k < m.index + m[0].length; k++) drop[k] = 1;
    const kept: string[] = [];
    const s2 = new Int32Array(len);
    const e2 = new Int32Array(len);
    let o = 0;
    for (let k = 0; k < len; k++) {
      if (drop[k]) continue;
      kept.push(text[k]);
      s2[o] = start[k];
      e2[o++] = end[k];
    }
    text = kept.join('');
    start = s2.subarray(0, o);
    end = e2.subarray(0, o);
  }
  LEADING_ZEROS.lastIndex = 0;
  return !verify || text === normalizeText(original) ? { text, start, end } : null;
}

/**
 * The original text of normalized units [from, to) of a mapped text, with the whitespace and invisible
 * characters normalization dropped left out (a space kept between Latin words), and a function giving where a
 * normalized unit starts or ends inside it (for highlighting).
 */
export function originalSpan(
  original: string,
  mapped: MappedText,
  from: number,
  to: number,
): { text: string; at: (unit: number, edge: 'start' | 'end') => number } {
  const parts: string[] = [];
  const dStart = new Int32Array(Math.max(0, to - from));
  const dEnd = new Int32Array(Math.max(0, to - from));
  let len = 0;
  let prevEnd = -1;
  // Where in `original` the units copied so far without a break began: they are taken as one slice, not a string
  // per character (the garbage of a page of snippets).
  let run = -1;
  const flush = () => {
    if (run >= 0) parts.push(original.slice(run, prevEnd));
    run = -1;
  };
  for (let i = from; i < to; i++) {
    const s = mapped.start[i];
    const e = mapped.end[i];
    if (s === mapped.start[i - 1] && i > from) {
      // another unit of the same original character (an NFKC expansion)
      dStart[i - from] = dStart[i - from - 1];
      dEnd[i - from] = dEnd[i - from - 1];
      continue;
    }
    if (prevEnd >= 0 && s > prevEnd) {
      // original characters between two kept ones (serial zeros, dropped spaces): keep all but whitespace
      flush();
      const gap = original.slice(prevEnd, s).replace(INVISIBLE, '').replace(WHITESPACE, '');
      parts.push(gap);
      len += gap.length;
    }
    dStart[i - from] = len;
    if (mapped.text[i] === ' ') {
      flush();
      parts.push(' ');
      len++;
    } else {
      if (s !== prevEnd) flush();
      if (run < 0) run = s;
      len += e - s;
    }
    dEnd[i - from] = len;
    prevEnd = e;
  }
  flush();
  return {
    text: parts.join(''),
    at: (unit, edge) => {
      if (to <= from) return 0;
      const k = Math.min(Math.max(unit - from, 0), to - from - 1);
      return edge === 'start' ? dStart[k] : dEnd[k];
    },
  };
}

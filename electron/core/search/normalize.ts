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

/** The distinct 1- and 2-character grams of a normalized text, space-separated, for the short-query index. */
export function gramsOf(normalized: string): string {
  if (!normalized) return '';
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

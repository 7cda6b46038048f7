/**
 * Characters never stored (issue 26): C0 and C1 control characters (NUL, \x01 … ESC …, DEL) and the bidi
 * embedding, override and isolate marks, which a damaged or hostile file can put in a title or body and which
 * then print as structure (a fake line, a changed terminal title, reversed text). Tab, line feed, carriage
 * return and form feed stay in text; in a one-line field they are whitespace like any other.
 */
const CONTROL_CLASS = '[\\u0000-\\u0008\\u000b\\u000e-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]';
const CONTROL = new RegExp(CONTROL_CLASS, 'g');
const HAS_CONTROL = new RegExp(CONTROL_CLASS);

/** The text without control characters (see above). */
export function stripControlChars(text: string): string {
  return HAS_CONTROL.test(text) ? text.replace(CONTROL, '') : text;
}

/** Every string in a value (objects and arrays walked) without control characters; other values as they are. */
export function stripControlCharsDeep<T>(value: T): T {
  if (typeof value === 'string') return stripControlChars(value) as T;
  if (Array.isArray(value)) return value.map((v) => stripControlCharsDeep(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripControlCharsDeep(v)])) as T;
  }
  return value;
}

/** U+FFFD: what a decoder puts where bytes could not be read — text that lost something. */
export const REPLACEMENT_CHAR = '\ufffd';

/** How many U+FFFD characters a text has. */
export function replacementCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf(REPLACEMENT_CHAR); i >= 0; i = text.indexOf(REPLACEMENT_CHAR, i + 1)) n++;
  return n;
}

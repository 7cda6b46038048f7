/**
 * Stored strings come from people and files (a user name typed at the login page, a file name, a title): they are
 * kept as typed, but must never print as structure. A newline or tab in a user name would print as a fake audit
 * line; an ESC sequence in a file name retitles the terminal; a right-to-left override reverses what follows.
 * These functions show such characters as visible escapes wherever stored text reaches a terminal, a log or the UI.
 */

/**
 * C0 controls, DEL, C1 controls, the line/paragraph separators, and the Unicode bidirectional controls
 * (ALM, LRM, RLM, LRE…RLO, LRI…PDI).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same without newline and tab: a whole block of output keeps its own line structure. */
// eslint-disable-next-line no-control-regex -- as above
const UNSAFE_KEEP_LAYOUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `\u001b`: valid inside a JSON string too (it means the same character), so JSON output stays JSON. */
const uEscape = (c: string) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One field of a line of terminal output (tab-separated columns, a file name): every unsafe character escaped. */
export function terminalField(s: string): string {
  return s.replace(UNSAFE, uEscape);
}

/**
 * A block of output on its way to a terminal or a log: its own newlines and tabs stay, every other control and
 * bidi character is escaped (`\u001b`, `\u202e`). JSON text stays valid JSON with the same meaning.
 */
export function terminalText(s: string): string {
  return s.replace(UNSAFE_KEEP_LAYOUT, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * In the UI: the same escapes as on a terminal (`\n`, `\t`, `\u202e`), so a cell shows what is stored, in one line,
 * and reads the same as `normdesk audit` (the UI fonts have no glyphs for the control pictures ␊ ␉).
 */
export const visibleText = terminalField;

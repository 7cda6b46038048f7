import type { ReadingFold } from './hant';

/**
 * A 文号's year printed in other brackets than 〔〕: `某政发（2023）5号` and `某政发(2023)5号` (Word files and portals
 * without 〔〕), `某政发【2023】5号`, `某政发[2023]5号`, `某政发﹝2023﹞5号`. The parser reads the page through a fold
 * that prints every such year in 〔〕, one character for one, so every reader of numbers (the own 文号, cites, abolished
 * items, cleanup lists, an order's `政府令〔2010〕第15号`) sees one form; what it reports is read back as printed.
 * Only a year that a code stands before and a serial with 号 follows is folded: `（2023年）`, `（试行）`, a year alone
 * (`要点（2023）`) stay as they are.
 */
const OPEN = '（(【［[﹝〖〔';
const CLOSE = '）)】］\\]﹞〗〕';
/** A bracket opening a year (the candidates, found without trying every character of the text). */
const YEAR_OPENS = new RegExp(`[${OPEN}]\\s*(?:19|20)\\d{2}`, 'g');
/** At an opening bracket: the year, its closing bracket, then the serial and 号 (spaces anywhere between). */
const YEAR_AT = new RegExp(`[${OPEN}](\\s*((?:19|20)\\d{2})\\s*年?\\s*)[${CLOSE}]\\s*第?\\s*(\\d{1,6})\\s*号`, 'y');
/**
 * In a string the parser built from the folded text: a folded year, with the serial after it where the string holds
 * it (a paragraph may end inside a number: `…(某政发〔2018〕22` / `号)…`).
 */
const FOLDED = /〔(\s*((?:19|20)\d{2})\s*年?\s*)〕(?=(?:\s*第?\s*(\d{1,6}))?)/g;
const CODE_CHAR = /[\u3400-\u9fff]/;


/** The character before `at` across spaces when it is a CJK one (a code's last), else ''. */
function codeBefore(s: string, at: number): string {
  let b = at - 1;
  while (b >= 0 && /\s/.test(s[b])) b--;
  return b >= 0 && CODE_CHAR.test(s[b]) ? s[b] : '';
}

/** Records the brackets a number is printed with under `key`; '' where the page prints it in two ways. */
function note(printed: Map<string, string>, key: string, pair: string): void {
  const seen = printed.get(key);
  printed.set(key, seen === undefined || seen === pair ? pair : '');
}

/** The fold a text is read through when it prints a 文号's year in other brackets than 〔〕; null when it prints none. */
export function foldYearBrackets(text: string): ReadingFold | null {
  let chars: string[] | null = null;
  // the brackets each number is printed with, by its code's last character, year and serial and by year and serial
  const printed = new Map<string, string>();
  const forms = new Set<string>();
  const opens = new RegExp(YEAR_OPENS.source, 'g');
  const at = new RegExp(YEAR_AT.source, 'y');
  for (let o = opens.exec(text); o; o = opens.exec(text)) {
    at.lastIndex = o.index;
    const m = at.exec(text);
    if (!m) continue;
    // the code's last character before the year, across spaces (`某政发 （2023） 5号`); none where a list or a
    // sentence's punctuation stands before it
    const code = codeBefore(text, o.index);
    if (!code) continue;
    const open = o.index;
    const close = o.index + 1 + m[1].length;
    const pair = text[open] + text[close];
    note(printed, `${code}${m[2]}/${Number(m[3])}`, pair);
    note(printed, `${m[2]}/${Number(m[3])}`, pair);
    forms.add(pair);
    if (pair !== '〔〕') {
      chars ??= text.split('');
      chars[open] = '〔';
      chars[close] = '〕';
    }
    opens.lastIndex = close + 1;
  }
  if (!chars) return null;
  const folded = chars.join('');
  // a page that prints every number one way and never 〔〕: every 〔〕 the parser reports came from it, even one a
  // paragraph cut from its number
  const [only] = forms;
  if (forms.size === 1 && !/[〔〕]/.test(text)) {
    return { folded, unfold: (s) => (s ? s.replace(/[〔〕]/g, (c) => (c === '〔' ? only[0] : only[1])) : s) };
  }
  const unfold = (s: string): string =>
    !s || !s.includes('〔')
      ? s
      : s.replace(FOLDED, (all: string, year: string, y: string, serial: string | undefined, at: number) => {
          if (serial === undefined) return all;
          const code = codeBefore(s, at);
          // (a number printed in two ways keeps 〔〕, the form both are read in)
          const pair = (code && printed.get(`${code}${y}/${Number(serial)}`)) || printed.get(`${y}/${Number(serial)}`);
          return pair ? `${pair[0]}${year}${pair[1]}` : all;
        });
  return { folded, unfold };
}

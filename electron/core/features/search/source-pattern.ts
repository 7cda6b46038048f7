/**
 * Finding a normalized search term in a text as it was written, without normalizing the text: snippets are cut
 * from the original body, and normalizing 50 whole bodies (with a map back) for every results page is most of
 * a query's time. A term's pattern accepts, for each of its characters, every character normalization turns
 * into it (full-width and upper-case forms, ① for 1, Kangxi radicals and compatibility ideographs for Han…),
 * with whatever normalization removes (whitespace, invisible characters) between two of them.
 * Characters normalization expands into several (⑫ → 12, ㈠ → (一), … → ...) cannot be matched character by
 * character: a text holding one that could be part of the term is normalized instead (`danger`).
 */
import { NFKC_CHANGING } from '../../../../shared/search/nfkc-table';

/** What normalization removes between two characters: whitespace and invisible characters. */
const IGNORABLE = '[\\s\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f\\u00ad\\u200b-\\u200f\\u2028\\u2029\\u2060\\ufeff]*';

interface SourceTable {
  /** normalized character → the other characters normalized to exactly it */
  single: Map<string, string[]>;
  /** normalized character → characters whose normal form has several characters, it among them */
  multi: Map<string, string[]>;
}

let table: SourceTable | null = null;

/** Built on first use from the generated list of changing code points (~6,000 NFKC calls, a few ms). */
function sourceTable(): SourceTable {
  if (table) return table;
  const single = new Map<string, string[]>();
  const multi = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, c: string) => {
    const list = map.get(key);
    if (list) list.push(c);
    else map.set(key, [c]);
  };
  for (const part of NFKC_CHANGING.split(',')) {
    const [a, b = a] = part.split('-').map((x) => parseInt(x, 36));
    for (let cp = a; cp <= b; cp++) {
      const c = String.fromCodePoint(cp);
      const chars = Array.from(c.normalize('NFKC').toLowerCase());
      if (chars.length === 1) add(single, chars[0], c);
      else for (const x of new Set(chars)) add(multi, x, c);
    }
  }
  table = { single, multi };
  return table;
}

/**
 * Every code point NFKC followed by lower-casing changes, in NFKC_CHANGING's format (what
 * scripts/gen-nfkc-table.ts writes; ~0.1 s).
 */
export function scanChangingCodePoints(): string {
  const ranges: Array<[number, number]> = [];
  for (let cp = 0; cp < 0x110000; cp++) {
    if (cp >= 0xd800 && cp < 0xe000) continue;
    const c = String.fromCodePoint(cp);
    if (c.normalize('NFKC').toLowerCase() === c) continue;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === cp - 1) last[1] = cp;
    else ranges.push([cp, cp]);
  }
  return ranges.map(([a, b]) => (a === b ? a.toString(36) : `${a.toString(36)}-${b.toString(36)}`)).join(',');
}

const escape = (c: string) => `\\u{${c.codePointAt(0)!.toString(16)}}`;
const charClass = (chars: Iterable<string>) => `[${[...chars].map(escape).join('')}]`;

export interface TermPattern {
  /** finds the term (and, rarely, what only looks like it: callers verify on the normalized excerpt) */
  find: RegExp;
  /**
   * Whether a text holds a character whose expansion could hold part of the term (then the text must be
   * normalized to find it). Runs over every body that gets a snippet, so it is a regular expression over a
   * few ranges holding those characters (read about as fast as a plain search), each hit then checked.
   */
  danger: (text: string) => boolean;
}

const NO_DANGER = () => false;
/** Danger ranges closer than this are merged into one: a few wide ranges test faster than many narrow ones. */
const DANGER_GAP = 256;

function dangerScan(danger: Set<string>): (text: string) => boolean {
  if (danger.size === 0) return NO_DANGER;
  // Ranges of those characters, merged across gaps (DANGER_GAP).
  const points = [...danger].map((c) => c.codePointAt(0)!).sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  for (const p of points) {
    const last = ranges[ranges.length - 1];
    if (last && p - last[1] <= DANGER_GAP) last[1] = p;
    else ranges.push([p, p]);
  }
  const hex = (p: number) => `\\u{${p.toString(16)}}`;
  const coarse = new RegExp(`[${ranges.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('')}]`, 'gu');
  return (text) => {
    coarse.lastIndex = 0;
    for (let m = coarse.exec(text); m; m = coarse.exec(text)) if (danger.has(m[0])) return true;
    return false;
  };
}

const cache = new Map<string, TermPattern | null>();

/**
 * The pattern of a normalized, lower-cased term, or null when only normalizing the text can find it: 文号
 * brackets (`[2018]` and `（2018）` both become `〔2018〕`, serial zeros are dropped) and characters that compose
 * with what follows them.
 */
export function termPattern(term: string): TermPattern | null {
  const known = cache.get(term);
  if (known !== undefined) return known;
  let result: TermPattern | null = null;
  if (term && !/[〔〕]/.test(term) && term.normalize('NFD') === term) {
    const { single, multi } = sourceTable();
    const chars = Array.from(term);
    const danger = new Set<string>();
    for (const c of new Set(chars)) for (const d of multi.get(c) ?? []) danger.add(d);
    result = {
      // A space stays in the normal form only for a whitespace run between two letters or digits.
      find: new RegExp(chars.map((c) => (c === ' ' ? '\\s' : charClass([c, ...(single.get(c) ?? [])]))).join(IGNORABLE), 'gu'),
      danger: dangerScan(danger),
    };
  }
  if (cache.size > 500) cache.clear();
  cache.set(term, result);
  return result;
}

const sourceRegexes = new Map<string, RegExp>();

/**
 * Finds any character a text may hold where its normal form has `c` (a Han character, letter or digit): `c`,
 * the characters normalized to it and those expanded into several including it. A paragraph without one
 * cannot contain a term with `c`.
 */
export function sourcesOf(c: string): RegExp {
  let re = sourceRegexes.get(c);
  if (!re) {
    const { single, multi } = sourceTable();
    re = new RegExp(charClass([c, ...(single.get(c) ?? []), ...(multi.get(c) ?? [])]), 'u');
    if (sourceRegexes.size > 2000) sourceRegexes.clear();
    sourceRegexes.set(c, re);
  }
  return re;
}

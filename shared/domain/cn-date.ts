/**
 * Chinese dates as printed in official documents: `2022年2月7日`, `2021年 9月 26日`, `二〇二二年二月七日`
 * (zero written 〇/○/O/0/零), `二零二一年七月七号`. Results are ISO `YYYY-MM-DD`; impossible dates are null.
 * Pure: no node:*, no DOM.
 */

const CN_DIGIT: Record<string, number> = {
  '〇': 0, '○': 0, O: 0, o: 0, '0': 0, '零': 0, 'Ｏ': 0, '０': 0,
  '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
  '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7, '8': 8, '9': 9,
};

/** Full-width digits → ASCII, so `２０２２` reads like `2022`. */
export function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));
}

/** `十` `十二` `二十` `二十一` `三十一` `7` `07` → number; null when it is not a small number. */
export function cnSmallNumber(s: string): number | null {
  const t = toAsciiDigits(s.trim());
  if (/^\d{1,3}$/.test(t)) return Number(t);
  if (!/^[零〇○一二两三四五六七八九十百]{1,5}$/.test(t)) return null;
  if (t === '十') return 10;
  let total = 0;
  let rest = t;
  const hundred = rest.indexOf('百');
  if (hundred >= 0) {
    const h = hundred === 0 ? 1 : CN_DIGIT[rest.slice(0, hundred)];
    if (h === undefined) return null;
    total += h * 100;
    rest = rest.slice(hundred + 1).replace(/^[零〇○]/, '');
  }
  const ten = rest.indexOf('十');
  if (ten >= 0) {
    const d = ten === 0 ? 1 : CN_DIGIT[rest.slice(0, ten)];
    if (d === undefined) return null;
    total += d * 10;
    rest = rest.slice(ten + 1);
  }
  if (rest.length > 1) return null;
  if (rest.length === 1) {
    const d = CN_DIGIT[rest];
    if (d === undefined) return null;
    total += d;
  }
  return total;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** ISO string for y/m/d, or null when the date does not exist (2021-02-30) or the year is implausible. */
export function isoDate(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const YEAR_CN = '[〇○OoＯ0０零一二三四五六七八九]';
const NUM_CN = '[0-9０-９零〇○一二两三四五六七八九十]';
/** A year digit, Arabic or Chinese: PDF text layers mix them (`二 00 五年`). */
const YEAR_DIGIT = '[〇○OoＯ0０零一二三四五六七八九0-9０-９]';
/**
 * One date: Arabic or Chinese numerals, spaces allowed between the parts. Bounded quantifiers only. The second
 * year form is `二〇〇五` with one or two 〇 lost by a text layer (`二〇五年`, `二三年`): read as 200X / 20XY.
 */
const DATE_SRC =
  `((?:${YEAR_DIGIT}\\s{0,2}){3}${YEAR_DIGIT}|(?<![0-9〇○零一二三四五六七八九十])二${YEAR_CN}{1,2})\\s{0,3}年\\s{0,3}(${NUM_CN}{1,3})\\s{0,3}月\\s{0,3}(${NUM_CN}{1,3})\\s{0,3}[日号]`;
/**
 * A printed date as other patterns embed it (regex sources, no groups, no spaces): `2023年5月26日` or in Chinese
 * numerals, `二〇二三年五月二十六日`, `二00七年九月三十日`, `一九九二年十月二十二日` (zero written 〇/○/O/0/零) — the forms
 * findCnDates reads on a compact line. The parser's patterns for dates inside heads, 令 histories, signatures and
 * effective clauses take their dates from here, so a date printed in Chinese numerals reads wherever an Arabic one does.
 * A year never starts inside a longer run of numerals.
 */
export const PRINTED_YEAR = '(?<![0-9〇○零一二三四五六七八九十])(?:(?:19|20)\\d{2}|[一二][〇○OＯ0零一二三四五六七八九]{3})';
/** A month or a day number as printed: `5`, `05`, `五`, `十二`, `二十六`, `三十一`. */
export const PRINTED_SMALL = '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})';
/** `2023年5月`, `二〇二三年五月`. */
export const PRINTED_MONTH = `${PRINTED_YEAR}年${PRINTED_SMALL}月`;
/** `2023年5月26日`, `二〇二三年五月二十六日`. */
export const PRINTED_DATE = `${PRINTED_MONTH}${PRINTED_SMALL}日`;

/** `2019-11-29`, `2019.11.29`, `2019/11/29` (web pages and metadata tables); one separator throughout. */
const NUMERIC_SRC = '(?<![\\d.\\-/])((?:19|20)\\d{2})([\\-./])(\\d{1,2})\\2(\\d{1,2})(?![\\d.\\-/])';
/** A signature date whose 年/月/日 glyphs were lost: `{ 2017 6 23` alone on a line. */
const BARE_LINE = /^[{[(（【]?\s*((?:19|20)\d{2})\s+(\d{1,2})\s+(\d{1,2})\s*[}\])）】]?$/;

/**
 * `2019610` alone on a line: a signature date whose 年/月/日 were lost with the spaces between them. Read only when
 * exactly one split of the digits is a date (`2019111` may be 1月11日 or 11月1日: not read).
 */
function runTogether(s: string): string | null {
  const dates = runTogetherReadings(s);
  return dates.length === 1 ? dates[0] : null;
}

/** Every date a run-together line can be read as (`2022128`: 2022-01-28 and 2022-12-08), in ISO, or none. */
export function runTogetherReadings(s: string): string[] {
  const m = /^((?:19|20)\d{2})(\d{3,4})$/.exec(typeof s === 'string' ? s.trim() : '');
  if (!m) return [];
  const y = Number(m[1]);
  const r = m[2];
  const splits = r.length === 4 ? [[r.slice(0, 2), r.slice(2)]] : [[r.slice(0, 1), r.slice(1)], [r.slice(0, 2), r.slice(2)]];
  return splits
    .filter(([mo]) => !mo.startsWith('0') || mo.length === 2)
    .map(([mo, d]) => isoDate(y, Number(mo), Number(d)))
    .filter((x): x is string => x !== null);
}

const DATE_ONLY = new RegExp(`^${DATE_SRC}$`);
const NUMERIC_ONLY = new RegExp(`^${NUMERIC_SRC}$`);
const DATE_G = new RegExp(DATE_SRC, 'g');
const NUMERIC_G = new RegExp(NUMERIC_SRC, 'g');

function yearOf(s: string): number | null {
  const t = toAsciiDigits(s.replace(/\s/g, ''));
  if (/^\d{4}$/.test(t)) return Number(t);
  const digits: number[] = [];
  for (const c of t) {
    const d = CN_DIGIT[c];
    if (d === undefined) return null;
    digits.push(d);
  }
  if (digits.length === 4) return digits.reduce((y, d) => y * 10 + d, 0);
  // 〇 lost after 二: `二三` → 2003, `二〇五` → 2005, `二一五` → 2015.
  if (digits.length === 2) return 2000 + digits[1];
  if (digits.length === 3) return digits[1] === 0 ? 2000 + digits[2] : 2000 + digits[1] * 10 + digits[2];
  return null;
}

export interface FoundDate {
  /** ISO date, or null when the text names a date that does not exist */
  iso: string | null;
  raw: string;
  index: number;
}

/** Every date in a text, in order; impossible dates are reported with iso null (callers warn). */
export function findCnDates(text: string): FoundDate[] {
  if (typeof text !== 'string' || !text) return [];
  const out: FoundDate[] = [];
  const re = DATE_G;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const y = yearOf(m[1]);
    const mo = cnSmallNumber(m[2]);
    const d = cnSmallNumber(m[3]);
    const iso = y !== null && mo !== null && d !== null ? isoDate(y, mo, d) : null;
    out.push({ iso, raw: m[0], index: m.index });
  }
  if (/\d{4}[-./]\d/.test(text)) {
    const before = out.length;
    for (const m of text.matchAll(NUMERIC_G)) {
      out.push({ iso: isoDate(Number(m[1]), Number(m[3]), Number(m[4])), raw: m[0], index: m.index ?? 0 });
    }
    if (out.length > before && before > 0) out.sort((a, b) => a.index - b.index);
  }
  if (!out.length && text.length <= 24) {
    const m = BARE_LINE.exec(text.trim());
    if (m) out.push({ iso: isoDate(Number(m[1]), Number(m[2]), Number(m[3])), raw: text.trim(), index: text.indexOf(m[0].trim()) });
    const run = m ? null : runTogether(text);
    if (run) out.push({ iso: run, raw: text.trim(), index: text.indexOf(text.trim()) });
  }
  return out;
}

/** Parses the first date in `s` (`2022年2月7日`, `二〇二二年二月七日`, `二零二一年七月七号` …) to ISO, else null. */
export function parseCnDate(s: string): string | null {
  try {
    const found = findCnDates(s);
    return found.length ? found[0].iso : null;
  } catch {
    return null;
  }
}

/** True when the whole string (spaces ignored) is exactly one date — a signature-date line. */
export function isDateOnly(s: string): boolean {
  if (typeof s !== 'string') return false;
  const t = s.trim();
  if (!t || t.length > 40) return false;
  return DATE_ONLY.test(t) || NUMERIC_ONLY.test(t) || BARE_LINE.test(t) || runTogether(t) !== null;
}

/** Parses an ISO date string to its parts, or null. */
function parseIso(iso: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isoDate(y, mo, d) ? [y, mo, d] : null;
}

/** ISO date plus `days` (may be negative). */
export function addDays(iso: string, days: number): string | null {
  const p = parseIso(iso);
  if (!p) return null;
  const t = new Date(Date.UTC(p[0], p[1] - 1, p[2] + days));
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/**
 * End of a validity period of `n` years starting on `iso`: start + n years − 1 day
 * (`2022-02-07` + 3 → `2025-02-06`). A start of Feb 29 has its anniversary on Mar 1 in common years, so the
 * period ends on Feb 28 (`2020-02-29` + 1 → `2021-02-28`). Fractional years are not accepted.
 */
export function addYearsMinusOneDay(iso: string, n: number): string | null {
  const p = parseIso(iso);
  if (!p || !Number.isInteger(n) || n < 0 || n > 200) return null;
  const [y, m, d] = p;
  const ty = y + n;
  // Anniversary: same month/day, or the first day of the next month when that day does not exist.
  const anniversary = d > daysInMonth(ty, m) ? new Date(Date.UTC(ty, m, 1)) : new Date(Date.UTC(ty, m - 1, d));
  anniversary.setUTCDate(anniversary.getUTCDate() - 1);
  return isoDate(anniversary.getUTCFullYear(), anniversary.getUTCMonth() + 1, anniversary.getUTCDate());
}

/** Months variant of {@link addYearsMinusOneDay}: start + n months − 1 day, clamping to month ends. */
export function addMonthsMinusOneDay(iso: string, n: number): string | null {
  const p = parseIso(iso);
  if (!p || !Number.isInteger(n) || n < 0 || n > 2400) return null;
  const [y, m, d] = p;
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const anniversary = d > daysInMonth(ty, tm) ? new Date(Date.UTC(ty, tm, 1)) : new Date(Date.UTC(ty, tm - 1, d));
  anniversary.setUTCDate(anniversary.getUTCDate() - 1);
  return isoDate(anniversary.getUTCFullYear(), anniversary.getUTCMonth() + 1, anniversary.getUTCDate());
}

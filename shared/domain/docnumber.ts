import type { DocNumber } from './parse-result';
import { toAsciiDigits } from './cn-date';

/**
 * 发文字号 (文号): 机关代字 + 〔年份〕 + 序号 + 号, e.g. `招政发〔2022〕8号`. Printed text also uses `[2022]`,
 * `(2022)`, `（2022）`, `【2022】`, spaces anywhere (even line breaks: `高\n政发〔2021〕1号`) and leading zeros
 * (`08号`). The normalized form is `招政发〔2018〕27号`. Pure; never throws.
 */

const OPEN = '〔\\[（(【［﹝〖„';
const CLOSE = '〕\\]）)】］﹞〗‟';
const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff';

/**
 * An agency code: 1–12 CJK characters, possibly with a bracketed qualifier (`闽财社(指)`, `闽财(教)指`) — not a list
 * number (`一、规章（一）某政发〔1992〕255号…`: `（一）` numbers the item).
 */
// (`遂自然资(国土)发`, `粤府土审(16)`: a bracketed sub-code inside the organ's code — words, or a serial of one to three digits)
const AGENCY = `[${CJK}]{1,12}(?:[（(](?![一二三四五六七八九十]{1,3}[）)])(?:[${CJK}]{1,3}|\\d{1,3})[）)][${CJK}]{0,4})?`;
/** A complete 文号 in text without whitespace. */
const STRICT = new RegExp(`^(${AGENCY})[${OPEN}]((?:19|20)\\d{2})年?[${CLOSE}]第?0*(\\d{1,5})号$`);
const IN_TEXT = new RegExp(`(${AGENCY})[${OPEN}]((?:19|20)\\d{2})年?[${CLOSE}]第?(\\d{1,6})号`, 'g');
/** The longest AGENCY: 12 characters, then a bracketed qualifier of 3 and 4 more after it. */
const MAX_AGENCY = 12 + 1 + 3 + 1 + 4;
/** Where an IN_TEXT match's year opens (the agency before it is all CJK and round brackets, never a digit). */
const YEAR_OPENS = new RegExp(`[${OPEN}](?:19|20)\\d{2}`, 'g');

/**
 * IN_TEXT's matches in `s`, as its global search finds them, tried only at the MAX_AGENCY places before each opening
 * of a year: the search proper tried its agency at every character of the text (a quarter of a millisecond a
 * document, the parse worker's largest single pattern). A match's year opening is the first one after its start.
 */
function* matchesInText(s: string): Generator<RegExpExecArray> {
  const at = new RegExp(IN_TEXT.source, 'y');
  const opens = new RegExp(YEAR_OPENS.source, 'g');
  let from = 0;
  let tried = 0;
  for (let o = opens.exec(s); o; o = opens.exec(s)) {
    for (let p = Math.max(from, tried, o.index - MAX_AGENCY); p < o.index; p++) {
      at.lastIndex = p;
      const m = at.exec(s);
      if (!m) continue;
      yield m;
      from = p + m[0].length;
      break;
    }
    tried = o.index + 1;
    if (opens.lastIndex < from) opens.lastIndex = from;
  }
}
/**
 * An older 文号 printed year first with a two-digit year: `〔94〕财农字第345号`, `(88)财税字第12号` (normalized
 * `财农字〔1994〕345号`). The year is read as 19xx; a four-digit year is taken as printed.
 */
const YEAR_FIRST_IN_TEXT = new RegExp(`[${OPEN}]((?:19|20)?\\d{2})年?[${CLOSE}]([${CJK}]{1,10}?字?)第?0*(\\d{1,5})号`, 'g');

function fullYear(y: string): number {
  return y.length === 2 ? 1900 + Number(y) : Number(y);
}

/** A 文号 whose serial was left blank (`便函〔2020〕 号`): reported so callers can warn. */
const INCOMPLETE = new RegExp(`([${CJK}]{1,12})[${OPEN}]((?:19|20)\\d{2})[${CLOSE}]号`);

/**
 * Words that cannot belong to an agency code. When text runs straight into a 文号 (`贯彻落实鲁发电〔2020〕42号`),
 * the agency starts after the last of these.
 */
const NOT_AGENCY = [
  '根据', '依据', '按照', '参照', '依照', '遵照', '落实', '贯彻', '印发', '转发', '执行', '关于', '文件', '通知', '意见', '精神',
  '要求', '规定', '办法', '同时', '废止', '批准', '同意', '见', '的', '和', '及', '与', '或', '于', '即', '为', '是',
  '经', '按', '据', '以', '将', '在', '对', '由', '号', '等', '并', '《', '》', '文号', '通过', '下发',
];
/**
 * A title line just above a 文号 line: `……实施方案\n高政办字〔2021〕35号` — cut only where a code follows; one that ends the run
 * is the code's own (`发改规划〔2019〕1947号`).
 */
const TITLE_END_WORDS = ['方案', '细则', '决定', '规划', '公告', '通告', '报告', '条例', '措施'];

/** Words before 经 that make it the verb (`已经某政函〔2019〕5号批复`, `曾经…`). */
const BEFORE_VERB_JING = '已曾又均须需未';

function trimAgency(agency: string): string {
  let cut = 0;
  for (const w of NOT_AGENCY) {
    if (w === '经') continue;
    const i = agency.lastIndexOf(w);
    if (i >= 0 && i + w.length > cut) cut = i + w.length;
  }
  for (const w of TITLE_END_WORDS) {
    const i = agency.lastIndexOf(w);
    if (i >= 0 && i + w.length > cut && i + w.length < agency.length) cut = i + w.length;
  }
  // 经 is the verb where it opens what is left or follows an adverb (`并经某政函…`, `已经某政函…`); inside a code it is
  // part of it (经贸 economy and trade: 国经贸企改, 鲁经贸发; `禄发改经价`: code characters before it)
  for (let i = agency.indexOf('经', cut); i >= 0; i = agency.indexOf('经', i + 1)) {
    if (agency[i + 1] !== '贸' && (i === cut || BEFORE_VERB_JING.includes(agency[i - 1]))) cut = i + 1;
  }
  // `原招政发〔2018〕27号文件同时废止`: 原 (former) is not part of the code.
  const rest = agency.slice(cut);
  return rest.length > 2 && rest.startsWith('原') ? rest.slice(1) : rest;
}

/** A numeral of a printed date, Arabic or Chinese. */
const DATE_NUMERAL = /[0-9〇○零一二三四五六七八九十]/;
/** The end of a date run into a code: its 年, 月, 日 with the numerals before each (`年八月三十一日`, `日`). */
const DATE_TAIL = /^(?:[0-9〇○零一二三四五六七八九十]{0,4}[年月日])+/;

/**
 * An agency without the end of a date printed right before it (`…日桂政发`, `年八月三十一日某部某政`): a date's
 * characters are never a code's. A code that opens with 日 (`日照政发`) keeps it unless a date's numeral stands before.
 */
function withoutDateTail(agency: string, before: string): string {
  const m = DATE_TAIL.exec(agency);
  if (!m || m[0].length >= agency.length) return agency;
  return DATE_NUMERAL.test(m[0]) || DATE_NUMERAL.test(before) ? agency.slice(m[0].length) : agency;
}

/** Removes whitespace and turns full-width digits into ASCII; keeps a map back to the original offsets. Linear. */
function compactWithMap(text: string): { s: string; map: Int32Array } {
  const map = new Int32Array(text.length);
  const parts: string[] = [];
  let n = 0;
  let run = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0 || c === 12) {
      if (run >= 0) parts.push(text.slice(run, i));
      run = -1;
      continue;
    }
    if (run < 0) run = i;
    map[n++] = i;
  }
  if (run >= 0) parts.push(text.slice(run));
  const s = parts.join('');
  // Full-width digits map one-to-one, so offsets stay valid.
  return { s: /[０-９]/.test(s) ? toAsciiDigits(s) : s, map };
}

/**
 * The number of a 政府令 (government order): `某市人民政府令第12号`, printed as `某市人民政府令` over `（第12号）`.
 * Its agency is the order series (`某市人民政府令`), its year the year of promulgation when known (null here).
 */
const ORDER = new RegExp(`^([${CJK}]{2,24}(?:政府|部|委员会|局|厅|署|行|院)令|[${CJK}]{2,40}(?:指挥部|领导小组)令)(?:((?:19|20)\\d{2})年)?[（(]?第0*(\\d{1,5})号[）)]?$`);
// (`（政府令第146号）`: the series may be named by 政府令 alone, its issuer the document's)
const ORDER_IN_TEXT = new RegExp(`([${CJK}]{0,24}?(?:政府|部|委员会|局|厅|署|行|院)令)第0*(\\d{1,5})号`, 'g');
/** `市人民政府1999年第2号令`: an order numbered per year, the series word 令 printed after the number. */
const YEAR_ORDER_IN_TEXT = new RegExp(`([${CJK}]{1,24}?(?:政府|部|委员会|局|厅|署|行|院))((?:19|20)\\d{2})年第0*(\\d{1,5})号令`, 'g');

/** An agency that names an order series (`某县人民政府令`, `某某部令`), not a 文号's code (`沈政令`). */
const ORDER_SERIES = /(?:政府|部|委员会|局|厅|署|行|院)令$/;

function buildOrder(raw: string, agency: string, serial: number, year: number | null = null): DocNumber | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 99999) return null;
  return { raw, normalized: `${agency}第${serial}号`, agency, year, serial };
}

/** A 政府令 number as printed (`某市人民政府令第12号`, `某市人民政府令（第12号）`); null for anything else. */
export function parseOrderNumber(raw: string, year: number | null = null): DocNumber | null {
  if (typeof raw !== 'string' || raw.length > 80) return null;
  const { s } = compactWithMap(raw);
  const m = ORDER.exec(s.replace(/[。，,；;、]+$/, ''));
  // `某省人民政府令2016年第116号` states its year
  return m ? buildOrder(raw.trim(), m[1], Number(m[3]), m[2] ? Number(m[2]) : year) : null;
}

/** Every 政府令 number in a text (`常州市人民政府令第2号`), with its agency cut like a 文号's. */
export function findOrderNumbers(text: string): DocNumber[] {
  if (typeof text !== 'string' || !text.includes('令')) return [];
  const { s } = compactWithMap(text);
  const out: (DocNumber & { at: number })[] = [];
  for (const m of s.matchAll(ORDER_IN_TEXT)) {
    const trimmed = trimAgency(m[1]);
    // `2016年12月1日常州市人民政府令第2号`, `二〇〇四年九月二十九日某市人民政府令…`: no part of the date is the agency's.
    const agency = withoutDateTail(trimmed, s[(m.index ?? 0) + m[1].length - trimmed.length - 1] ?? '');
    const dn = agency.length >= 3 ? buildOrder(m[0], agency, Number(m[2])) : null;
    if (dn) out.push({ ...dn, at: m.index ?? 0 });
  }
  for (const m of s.matchAll(YEAR_ORDER_IN_TEXT)) {
    const agency = trimAgency(m[1]);
    const dn = agency.length >= 3 ? buildOrder(m[0], `${agency}令`, Number(m[3]), Number(m[2])) : null;
    if (dn) out.push({ ...dn, at: m.index ?? 0 });
  }
  return out.sort((a, b) => a.at - b.at).map(({ at: _at, ...dn }) => dn);
}

function build(raw: string, agency: string, year: number, serial: number): DocNumber | null {
  if (!agency || /^\d/.test(agency)) return null;
  if (year < 1949 || year > 2100 || !Number.isInteger(serial) || serial < 1 || serial > 99999) return null;
  return { raw, normalized: `${agency}〔${year}〕${serial}号`, agency, year, serial };
}

/** A reply's class mark after its number: `C类`, `(A)类`, `（B类）`. */
export const CLASS_MARK_SRC = '(?:[（(]?[A-DＡ-Ｄ][）)]?类|[（(][A-DＡ-Ｄ]类[）)])';
const CLASS_MARK_AFTER = new RegExp(`(?<=号)\\s*${CLASS_MARK_SRC}\\s*$`);

/**
 * `某交建复〔2023〕12号C类` (`…号(A)类`, `…号（B类）`): a reply to a 建议 or 提案 marks its class (A, B or C) after the number; `某汛字〔2021〕9号
 * 签发人:某某某`: a 上行文 prints the 签发人 on the number's line (GB/T 9704); `某文旅发〔2020〕13号 有效`: a portal's row of the
 * number and its 有效性 cell, the labels left out. None is part of the number.
 */
function withoutClassMark(s: string): string {
  return s.replace(CLASS_MARK_AFTER, '')
    .replace(/(?<=号)\s*(?:现行有效|全文有效|部分有效|有效|已失效|失效|已废止|废止)\s*$/, '').replace(/(?<=号)[ \t\u3000]*签[ \t\u3000]*发[ \t\u3000]*人[ \t\u3000]*[:：]?[\u4e00-\u9fff·、 \t\u3000]{2,24}$/, '');
}

/** Parses one 文号 as printed (`招政发〔2018〕27 号`, `高政发[2021]01号`); null for anything else. */
export function parseDocNumber(line: string): DocNumber | null {
  try {
    if (typeof line !== 'string' || line.length > 200) return null;
    const raw = withoutClassMark(line);
    let { s } = compactWithMap(raw);
    s = withoutDate(s).replace(/^(?:文号|发文字号)[:：]/, '').replace(/[。，,；;、]+$/, '').replace(/^[（(](.*)[）)]$/, '$1');
    const m = STRICT.exec(s);
    if (!m) return ORDER.test(s) ? parseOrderNumber(raw) : null;
    // `某县人民政府令〔2019〕第1号`: an order series with the year in brackets is an order number, the year its year
    if (ORDER_SERIES.test(m[1])) return buildOrder(raw.trim(), m[1], Number(m[3]), Number(m[2]));
    return build(raw.trim(), m[1], Number(m[2]), Number(m[3]));
  } catch {
    return null;
  }
}

/** The normalized form `招政发〔2018〕27号`, or null when `s` is not a 文号. */
export function normalizeDocNumber(s: string): string | null {
  return parseDocNumber(s)?.normalized ?? null;
}

export interface FoundDocNumber extends DocNumber {
  /** offset of the first character of the raw text in the input */
  index: number;
  /** offset just past the raw text */
  end: number;
}

/** Every 文号 in a text, in order, tolerating spaces and line breaks anywhere inside. */
export function findDocNumbers(text: string): FoundDocNumber[] {
  try {
    if (typeof text !== 'string' || !text || !text.includes('号')) return [];
    const { s, map } = compactWithMap(text);
    const out: FoundDocNumber[] = [];
    for (const m of matchesInText(s)) {
      const trimmed = trimAgency(m[1]);
      // `1980年4月26日桂政发[1980]94号`, `二〇一〇年八月三十一日某部某政〔1990〕17号`: no part of the date is the agency's
      const agency = withoutDateTail(trimmed, s[m.index + m[1].length - trimmed.length - 1] ?? '');
      // `建设部〔2007〕第162号令`, `某县人民政府令〔2019〕第1号`: orders, not 文号
      if (!agency || s[m.index + m[0].length] === '令' || ORDER_SERIES.test(agency)) continue;
      // `点击数:人次` / `〔2022〕3号`: a number that opens its own line has no code; the end of the line above is none
      const open = m.index + m[1].length;
      if (text.slice(map[open - 1] + 1, map[open]).includes('\n')) continue;
      const start = m.index + (m[1].length - agency.length);
      const endC = m.index + m[0].length - 1;
      const rawStart = map[start];
      const rawEnd = map[endC] + 1;
      const dn = build(text.slice(rawStart, rawEnd), agency, Number(m[2]), Number(m[3]));
      if (dn) out.push({ ...dn, index: rawStart, end: rawEnd });
    }
    for (const m of s.matchAll(YEAR_FIRST_IN_TEXT)) {
      const at = m.index ?? 0;
      // (`（2019）某某号` inside a modern 文号 is read above; a year of 2000 on is never printed this way)
      if (fullYear(m[1]) >= 2000 || out.some((d) => map[at] >= d.index && map[at] < d.end)) continue;
      const rawStart = map[at];
      const rawEnd = map[at + m[0].length - 1] + 1;
      const dn = build(text.slice(rawStart, rawEnd), m[2], fullYear(m[1]), Number(m[3]));
      if (dn) out.push({ ...dn, index: rawStart, end: rawEnd });
    }
    out.sort((a, b) => a.index - b.index);
    return out;
  } catch {
    return [];
  }
}

/** A 文号 with its serial left blank (`便函〔2020〕 号`), as printed; null when there is none. */
export function findIncompleteDocNumber(text: string): string | null {
  if (typeof text !== 'string') return null;
  const { s } = compactWithMap(text);
  const m = INCOMPLETE.exec(s);
  return m ? `${trimAgency(m[1])}〔${m[2]}〕号` : null;
}

/** True when the line (spaces ignored) is nothing but one 文号 — the 文号 line under a title. */
export function isDocNumberLine(line: string): boolean {
  if (typeof line !== 'string' || line.length > 60) return false;
  const { s } = compactWithMap(line);
  // `(陕政办发〔2011〕12号)` under a title on law sites; `(津政发〔1996〕23号 一九九六年四月二十日)` with its date
  const t = withoutClassMark(s);
  return STRICT.test(t) || STRICT.test(t.replace(/^[（(](.*)[）)]$/, '$1')) || STRICT.test(withoutDate(t));
}

/** `(津政发〔1996〕23号 一九九六年四月二十日)` → `津政发〔1996〕23号`: a bracketed 文号 followed by the date it was issued. */
const NUMBER_AND_DATE = /^[（(](.+?号)[,，、]?((?:19|20)\d{2}|[〇○零OＯ一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日[）)]$/;
function withoutDate(s: string): string {
  return NUMBER_AND_DATE.exec(s)?.[1] ?? s;
}

/** The date printed after a bracketed 文号 on its line (`(津政发〔1996〕23号 一九九六年四月二十日)`), as printed; or null. */
export function dateAfterNumber(line: string): string | null {
  const { s } = compactWithMap(line);
  const m = NUMBER_AND_DATE.exec(s);
  return m ? s.slice(m[1].length + 1, -1).replace(/^[,，、]/, '') : null;
}

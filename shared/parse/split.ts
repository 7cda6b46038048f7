import type { TocEntry } from '../domain/parse-result';
import { findCnDates, isDateOnly } from '../domain/cn-date';
import { dateAfterNumber, findDocNumbers, isDocNumberLine } from '../domain/docnumber';
import { endsWithTocPage } from './gazette';
import { ARCHIVE_NOTE, bodyCloses, OPENS_WITH_PLACE, YEARLESS_NUMBER_AFTER, BRACKETED_LINE, bracketedDate, isTitleEnd, completeAbbreviated, lostClosingMark, continuesTitle, countedIssuers, governmentOverItsDepartment, HEADING_START, isOrgName, issuersBeforeVerb, LIST_BULLET, organLostGlyphs, SERIAL_AFTER_TITLE, SITE_TAG, splitIssuers, squeeze, titleWithDate, VALIDITY_MARK } from './text';
import { GLUED_HEAD, type Unit } from './units';

/**
 * Splitting a file into documents. A document starts at a head: optional 登记号 line, optional issuer line,
 * a title (`[issuer]关于……的通知`, joined across line breaks), then a 文号 line or the salutation
 * (`各镇人民政府，…：`). Attachments (`关于……的实施方案` followed by body text) are not heads, so a notice and the
 * 办法 it 印发 stay one document. TOC titles rescue documents whose head is damaged.
 */

export interface Head {
  /** first unit of the document (登记号 / letterhead / 文号 above the title / issuer line) */
  start: number;
  titleStart: number;
  titleEnd: number;
  /** last unit of the head (文号 line, or the title's last unit) */
  headEnd: number;
  title: string;
  /** issuers named in the title (`招远市人民政府 关于…`) or on the line above it */
  titleIssuers: string[];
  docNumberUnit: number | null;
  /** 文号 printed in the title line itself (`便函〔2020〕 号 … 关于…`) */
  inlineDocNumber: string | null;
  registration: string | null;
  /** a 规章 page's history line under the title (`…1992年10月22日省人民政府令第18号发布`): the date it was published */
  historyDate?: string;
  /** the same line's `自2008年9月1日起施行`: the date it takes effect */
  historyEffective?: string;
  /** a cover under the title dated with a day lost (`20214`): no 成文日期, and no page field's over it */
  coverUndated?: boolean;
}

const NUMBER_TOKEN = /[〔[（(【［﹝]\s*\d{4}\s*[〕\]）)】］﹞]\s*\d{0,5}\s*号/;

/** `各镇人民政府，各街道办事处，…：` — the 主送机关 line under a title. */
export function isSalutation(c: string): boolean {
  if (!c || c.length > 220 || HEADING_START.test(c)) return false;
  const colon = c.search(/[：:]/);
  if (colon < 2) return false;
  const head = c.slice(0, colon);
  // `经…研究`, `根据…` open a sentence; `岳阳经济技术开发区` is an addressee
  if (/[。；;]|如下|根据|为了?[^政]|现将|按照|^经|经(?:研究|同意|批准|审议|会议)/.test(head)) return false;
  // (`主办:某县人民政府 版权所有`, `承办:某信息中心`: a site's footer labels, no addressees)
  if (/^(?:主办|承办|协办|主管|技术支持|建设管理|运营维护|维护)(?:单位)?$/.test(head)) return false;
  if (head.startsWith('各') || PUBLIC_ADDRESSEE.test(head)) return true;
  // Every addressee ends in an organisation word: `田镇街道办事处、经济开发区管委会，县政府有关部门、单位：`;
  // a run of places named short before the organs they share (`雄县、容城、安新县委和人民政府`) counts as those organs
  const parts = head.split(/[，、,]/);
  return (
    ADDRESSEE.test(parts[parts.length - 1]) &&
    parts.every((p) => ADDRESSEE.test(p) || /^[\u4e00-\u9fff]{2,3}$/.test(p))
  );
}

/** `广大群众`, `全镇广大群众、商户`, `尊敬的市民朋友`: a 通告 addressed to the public, not to organs. */
const PUBLIC_ADDRESSEE =
  /^(?:尊敬的|广大|社会各界|全[\u4e00-\u9fff]{0,3}?(?:镇|乡|县|市|区|村|旗)(?:广大)?)[\u4e00-\u9fff、和及与]{0,16}?(?:群众|朋友们?|市民|村民|居民|商户|经营户|驾驶人|驾驶员|游客|车主)$/;
const ADDRESSEE =
  /(政府|办事处|部门|单位|管委会?|委员会|机关|公司|局|委|办|院|厅|中心|街道|镇|乡|区|县|市|室|会|所|队|处|站|社|团|部|[^、]代表|[^、]委员)$/;

function nextNonBlank(units: Unit[], i: number, limit = units.length): number {
  for (let j = i + 1; j < units.length && j < limit; j++) if (!units[j].blank) return j;
  return -1;
}

/** A running header (`某市人民政府公报第1号`, print furniture) between two lines: they stand on different pages. */
function pageBreakBetween(units: Unit[], a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) if (units[k].noise && units[k].raw.includes('公报')) return true;
  return false;
}

function prevNonBlank(units: Unit[], i: number, floor: number, maxGap = 3): number {
  let gap = 0;
  // (a paste that puts an empty line after every line: its gaps count as the page printed them, half)
  const limit = doubleSpaced(units) ? maxGap * 2 + 1 : maxGap;
  for (let j = i - 1; j >= floor; j--) {
    if (!units[j].blank) return j;
    if (!units[j].noise && ++gap > limit) return -1;
  }
  return -1;
}

const SPACING = new WeakMap<Unit[], boolean>();

/** A page whose every line (nearly) is followed by an empty one: a paste or a converter's double spacing. */
export function doubleSpaced(units: Unit[]): boolean {
  let known = SPACING.get(units);
  if (known === undefined) {
    let lines = 0;
    let spaced = 0;
    for (let k = 0; k + 1 < units.length; k++) {
      if (units[k].blank) continue;
      lines++;
      if (units[k + 1].blank) spaced++;
    }
    known = lines >= 6 && spaced >= lines * 0.9;
    SPACING.set(units, known);
  }
  return known;
}

/** `某县某某指挥部通告`: an organ's 通告 or 公告 titled with its name alone. */
const ORGAN_NOTICE = /^([\u4e00-\u9fff]{3,30}?)(?:通告|公告)$/;
/** `第9号`, `(第15号)`: a 通告's serial alone on its line (no 文号). */
const SERIAL_LINE = /^[（(]?第[\d一二三四五六七八九十]{1,4}号[）)]?$/;

/**
 * `…` / `2023年4月30日` / `某市公安局交通警察支队` / `关于调整优化中心城区货`: the page's copy cut in the head of a second document
 * printed after the first one's signature — an organ's line, then a `关于…` line that never reached its kind word, the last
 * lines of the page. That document's head (untitled: its title was cut), or null.
 */
export function cutHeadAfterSignature(units: Unit[], from: number): Head | null {
  const last = prevNonBlank(units, units.length, from);
  const organ = last >= 0 ? prevNonBlank(units, last, from) : -1;
  const signed = organ >= 0 ? prevNonBlank(units, organ, from) : -1;
  if (signed < 0 || !/^关于[^。，,；;：:]{2,60}$/.test(units[last].compact) || isTitleEnd(units[last].compact)) return null;
  const issuers = splitIssuers(units[organ].text);
  if (!issuers || issuers.length !== 1 || !isDateOnly(units[signed].text) || !/年/.test(units[signed].text)) return null;
  return { start: organ, titleStart: organ, titleEnd: last, headEnd: last, title: '', titleIssuers: issuers, docNumberUnit: null, inlineDocNumber: null, registration: null };
}

/**
 * `…` / `某州某某指挥部` / `2020年2月18日` / `某县某某指挥部通告` / `第9号` / the body: a second organ's numbered 通告 printed
 * straight after the signature of the page's first document. Its head, or null.
 */
export function noticeAfterSignature(units: Unit[], from: number): Head | null {
  for (let i = from; i < units.length; i++) {
    if (units[i].blank) continue;
    // (its title broken over two lines where a word ends: `某县新型冠状病毒感染` / `的肺炎疫情防控处置工作指挥部通告`)
    const below = nextNonBlank(units, i);
    const broken = below >= 0 && continuesTitle(units[i].compact, units[below].compact) ? units[i].compact + units[below].compact : null;
    const end = broken && ORGAN_NOTICE.test(broken) ? below : i;
    const title = end === i ? units[i].compact : (broken as string);
    const m = ORGAN_NOTICE.exec(title);
    if (!m || !isOrgName(m[1])) continue;
    const prev = prevNonBlank(units, i, from);
    const next = nextNonBlank(units, end);
    if (prev < 0 || next < 0 || !isDateOnly(units[prev].text) || !/年/.test(units[prev].text) || !SERIAL_LINE.test(units[next].compact)) continue;
    return { start: i, titleStart: i, titleEnd: end, headEnd: next, title, titleIssuers: [m[1]], docNumberUnit: null, inlineDocNumber: null, registration: null };
  }
  return null;
}

/** `湖北省武汉市人民政府`: province + city, as law sites print an issuer field (a letterhead never does). */
export function isSiteIssuer(name: string): boolean {
  // (a 地区行署 is an agency of its province and keeps the province in its name)
  return /^(?:[\u4e00-\u9fff]{2,3}省|[\u4e00-\u9fff]{2,5}自治区)[\u4e00-\u9fff]{2,8}?(?:市|自治州|州|盟)/.test(name);
}

/** The issuer without the province a law site puts in front: `湖北省武汉市人民政府` → `武汉市人民政府`. */
export function siteIssuer(name: string): string {
  return isSiteIssuer(name) ? name.replace(/^(?:[\u4e00-\u9fff]{2,3}省|[\u4e00-\u9fff]{2,5}自治区)/, '') : name;
}

/** `A B印发` / `A、B联合印发` over a title: the issuers and the line as it reads (spaces removed). */
function issuersThatIssue(line: string): { issuers: string[]; prefix: string } | null {
  const m = /^(.*?)(联合印发|印发|转发)$/.exec(line.trim());
  if (!m) return null;
  const issuers = splitIssuers(m[1]);
  return issuers ? { issuers, prefix: squeeze(line) } : null;
}


/**
 * An organ line that signs the document above rather than heads the next: straight under the body's last line, or the lower
 * half of a name broken over two lines there (`某州2023年三月街` / `民族节工作委员会` under `特此通告`).
 */
export function signsAbove(units: Unit[], q: number, floor: number): boolean {
  const up = prevNonBlank(units, q, floor, 1);
  if (up < 0) return false;
  if (bodyCloses(units[up].compact)) return true;
  const upper = prevNonBlank(units, up, floor, 1);
  // (the upper half may hold digits, `某州2023年三月街`, that no organ's name alone holds)
  const broken = !isOrgName(units[up].compact) && units[up].compact.length <= 30 && !/[。，,；;：:！!？?]/.test(units[up].compact);
  return broken && upper >= 0 && bodyCloses(units[upper].compact);
}

/** Issuer lines directly above unit p (at most three more; `below`: the issuers on p), for joint issuers printed one per line. */
function issuerLinesAbove(units: Unit[], p: number, floor: number, below: string[]): { start: number; issuers: string[]; text: string } {
  let start = p;
  const issuers: string[] = [];
  let text = '';
  let lower = below;
  for (let n = 0; n < 3; n++) {
    const q = prevNonBlank(units, start, floor, 1);
    const iss = q >= 0 ? splitIssuers(units[q].text) : null;
    if (!iss || iss.some(isSiteIssuer) || governmentOverItsDepartment(iss, lower) || signsAbove(units, q, floor)) break;
    lower = iss;
    start = q;
    issuers.unshift(...iss);
    text = squeeze(units[q].text) + text;
  }
  return { start, issuers, text };
}

/**
 * `天津市某区人民政府文件` / (a 文号 the copy damaged) / `某区人民政府关于…`: the letterhead a few lines over the head names in
 * full the one organ the title names without its city — the issuer as the letterhead prints it (330).
 */
function fullerOnLetterhead(units: Unit[], start: number, floor: number, issuers: string[]): string[] {
  if (issuers.length !== 1) return issuers;
  for (let q = prevNonBlank(units, start, floor, 6), n = 0; q >= 0 && n < 3; q = prevNonBlank(units, q, floor, 6), n++) {
    const m = /^(.{4,30})文件$/.exec(units[q].compact);
    if (!m) continue;
    return m[1].length > issuers[0].length && m[1].endsWith(issuers[0]) && isOrgName(m[1]) ? [m[1]] : issuers;
  }
  return issuers;
}

/**
 * The line above p when it is the first half of the organ p names (`某开发区应对新型冠状病毒肺炎` over `疫情防控工作领导小组办公室`):
 * a place's name and words, no organ and no sentence of its own, the lower half naming no place; else -1.
 */
function upperHalfAbove(units: Unit[], p: number, floor: number, lower: string): number {
  const q = prevNonBlank(units, p, floor, 1);
  const upper = q >= 0 ? units[q].compact : '';
  const ok = /^[\u4e00-\u9fff]{4,24}$/.test(upper) && OPENS_WITH_PLACE.test(upper) && !OPENS_WITH_PLACE.test(lower) && !isOrgName(upper) && !isTitleEnd(upper) && splitIssuers(upper + lower)?.length === 1;
  return ok ? q : -1;
}

/**
 * Forum furniture between a subject line and the post (`发表于 …`, `楼主`, `只看该作者`), then the salutation: at most
 * three short lines.
 */
function salutationAfterFurniture(units: Unit[], k: number): boolean {
  for (let j = k, n = 0; j >= 0 && n < 4; j = nextNonBlank(units, j), n++) {
    const c = units[j].compact;
    if (isSalutation(c)) return true;
    if (c.length > 40 || /[。；;]/.test(c)) return false;
  }
  return false;
}

/**
 * Does the same title stand on one of the few lines above unit i (a law site's repeated heading)? Not when the
 * page repeats the whole head, the issuer line `issuer` above both copies (`某县政府办公室` / `关于…` twice): then the
 * issuer line is part of the title.
 */
function repeatedAbove(units: Unit[], i: number, title: string, issuer: string | null): boolean {
  for (let j = i - 1, seen = 0; j >= 0 && seen < 8; j--) {
    if (units[j].blank) continue;
    seen++;
    if (units[j].compact !== title) continue;
    // (a portal heading over the head, `关于…` / `某政〔2020〕12号` / `某某区人民政府` / `关于…`: the copy stands over the
    // head's 文号 and issuer line, not right over the issuer field, and the issuer line is the head's)
    if (seen > 2) return false;
    const above = prevNonBlank(units, j, 0);
    return !(issuer !== null && above >= 0 && units[above].compact === issuer);
  }
  return false;
}

/**
 * The first line of the same title lines (`lines`, as printed from unit i on) printed again right above unit i; i when
 * the lines above are no such print.
 */
function printedTwice(units: Unit[], i: number, floor: number, lines: string[]): number {
  if (lines.length < 2) return i;
  let at = i;
  for (let n = lines.length - 1; n >= 0; n--) {
    const q = prevNonBlank(units, at, floor, 1);
    if (q < 0 || units[q].compact !== lines[n]) return i;
    at = q;
  }
  return at;
}

/** The organs that titles in the few lines above unit p name before their 关于 (a page heading's issuers). */
function namedAbove(units: Unit[], p: number, floor: number): string[] {
  const named: string[] = [];
  for (let q = prevNonBlank(units, p, floor), n = 0; q >= 0 && n < 6; q = prevNonBlank(units, q, floor), n++) {
    const at = units[q].compact.indexOf('关于');
    const organs = at >= 3 ? splitIssuers(units[q].compact.slice(0, at)) : null;
    if (organs) named.push(...organs);
  }
  return named;
}

/**
 * A head of its own under the 文号 at unit k — up to three short lines with no sentence in them, a title together, straight
 * over the salutation — other than `title`.
 */
function ownHeadUnderNumber(units: Unit[], k: number, title: string): boolean {
  let joined = '';
  for (let m = nextNonBlank(units, k), n = 0; m >= 0 && n < 3; m = nextNonBlank(units, m), n++) {
    const c = units[m].compact;
    if (isSalutation(c)) return n > 0 && isTitleEnd(joined) && key(joined) !== key(title);
    if (c.length > 40 || /[。，,；;：:！!？?]/.test(c)) return false;
    joined += c;
  }
  return false;
}

/**
 * Is the title that ends at unit j printed again in the few short lines below it (on one line or broken over several, its
 * issuer's line above the rest), before any salutation or sentence?
 */
function printedAgainBelow(units: Unit[], j: number, title: string): boolean {
  const want = key(title);
  if (want.length < 6) return false;
  let below = '';
  for (let k = nextNonBlank(units, j), n = 0; k >= 0 && n < 8; k = nextNonBlank(units, k), n++) {
    const c = units[k].compact;
    if (c.length > 80 || isSalutation(c) || /[。；;]/.test(c)) return false;
    below += key(c);
    if (below.endsWith(want)) return true;
  }
  return false;
}

function compileRegistration(pattern?: string): RegExp {
  const fallback = /^[A-Z]{2,6}-\d{4}-\d{1,8}$/;
  if (!pattern) return fallback;
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    return fallback;
  }
}

interface Candidate {
  /** the salutation stands on the title's own line after a space (a page flattened onto one line) */
  salutationInline?: boolean;
  /** a title that opens with 印发/转发 (no issuer, no 关于): it carries another document, so it ends in `的通知` */
  carries?: boolean;
  title: string;
  titleIssuers: string[];
  inlineDocNumber: string | null;
  /** the title's kind word was cut by the site (`…的通` before the 文号 of a forum subject) */
  cut?: boolean;
  /** a date in brackets after the title on its line (`…的通知(1991年3月2日)`) */
  date?: string;
}

/** A forum's repost marker, a site's column tag or a list bullet before a title: `[转帖]`, `【转载】`, `转帖：`, `「通告」`, `•`. */
const REPOST = new RegExp(`${SITE_TAG.source}|${ARCHIVE_NOTE.source}|${LIST_BULLET.source}|^\\s*(?:转帖|转载)[:：]\\s*`);
/** `……的通 某政发〔2021〕3号`: a 文号 after a space at the end of a title line (a forum thread's subject). */
const TRAILING_NUMBER = /[ \t\u3000]+([\u4e00-\u9fff]{1,12}[ \t\u3000]*[〔[（(【［﹝]\s*\d{4}\s*[〕\]）)】］﹞]\s*第?\d{1,5}\s*号)\s*$/;
/** `印发…的通知`, `转发…的通知（第一批）`: the notice that carries another document names its own kind after 的. */
const CARRIER_END = /的(?:通知|决定|意见|通告|公告|批复|函)(?:[（(][^）)]{1,12}[）)])?$/;
/**
 * `某政发〔2017〕  号` alone on a line: a 文号 that lost its number. A title never runs on over it (a page that prints the
 * title above it and again below reads as that title, not as the two joined).
 */
const NUMBER_LOST = /^[\u4e00-\u9fff]{1,12}[〔[［【(（﹝](?:19|20)\d{2}[〕\]］】)）﹞]第?号$/;
/** A kind word a site cut short at the end of a subject line (`…工作的通`, `…孔明灯(许愿灯)的`). */
const CUT_KIND = /的(?:通|意|决|批|报|规|办|方)?$/;
/** A kind word that lost its last characters, its first one left (`…的通`, `…的意`). */
const LOST_KIND_END = /的[通意决批报规办方]$/;

/**
 * A page title with the site's column and name after it (`…的通知_政策文件_某某市人民政府`, `…的通知-某某省教育厅`,
 * `…的通知 | 某某网`): the title without them, or the text unchanged.
 */
export function withoutSiteSuffix(t: string): string {
  if (isTitleEnd(t)) return t;
  for (let i = t.search(/[_|｜\-—–]/); i > 0; ) {
    const head = t.slice(0, i);
    if (isTitleEnd(head)) return head;
    const next = t.slice(i + 1).search(/[_|｜\-—–]/);
    i = next < 0 ? -1 : i + 1 + next;
  }
  return t;
}

/** `…的通知 各县、区人民政府,市政府各有关部门:`: a title and its salutation on one line, separated by a space. */
const TITLE_THEN_SALUTATION = /^(.+?)[ \t\u3000]+(各[^ \t\u3000]{1,160}[：:])\s*$/;
/** `关于…的通知各旅行社、各相关单位及各位游客:`: the same, the salutation run straight onto the title's kind word. */
const TITLE_INTO_SALUTATION = /^(.{6,150}?的(?:通知|通告|公告|决定|意见|批复|复函|函))((?:各|尊敬的|广大|社会各界)[^ \t\u3000。，,]{1,160}[：:])\s*$/;

/**
 * `某指挥部办公室、2022年9月30日 某局、 某局 森林火险黄色预警`: a bulletin's masthead run onto its head's line — its organs, the date
 * printed among them — before the title, the last word on the line: the organs issue it on that date.
 */
function mastheadBefore(text: string): Candidate | null {
  const words = text.trim().split(/[ \t\u3000]+/);
  const title = words.pop() ?? '';
  if (!words.length || title.length < 4 || !isTitleEnd(title)) return null;
  const rest = words.join('');
  const date = /(?:19|20)\d{2}年\d{1,2}月\d{1,2}日/.exec(rest);
  const issuers = date ? splitIssuers(rest.replace(date[0], '').replace(/、$/, '')) : null;
  const iso = date ? findCnDates(date[0])[0]?.iso : undefined;
  return issuers && iso ? { title, titleIssuers: issuers, inlineDocNumber: null, date: iso } : null;
}

/** The title part of a unit that may open a head, or null. */
function openTitle(u: Unit): Candidate | null {
  const inline = TITLE_THEN_SALUTATION.exec(u.text.trim()) ?? TITLE_INTO_SALUTATION.exec(u.text.trim());
  if (inline && isTitleEnd(squeeze(inline[1])) && isSalutation(squeeze(inline[2]))) {
    const c = openTitle({ ...u, text: inline[1], compact: squeeze(inline[1]) });
    return c && { ...c, salutationInline: true };
  }
  let text = u.text.replace(BRACKETED_LINE, '$1').replace(REPOST, '');
  // `…的通知 ((1990年11月16日))`: a city archive's date after the title
  const dated = titleWithDate(text.trim());
  if (dated) {
    const c = openTitle({ ...u, text: dated.title, compact: squeeze(dated.title) });
    return c && { ...c, date: dated.date };
  }
  // a subject line with the 文号 after it: the number is the document's own, the rest its (perhaps cut) title
  const tail = TRAILING_NUMBER.exec(text);
  const tailNumber = tail && findDocNumbers(tail[1]).length ? squeeze(tail[1]) : null;
  if (tail && tailNumber) text = text.slice(0, tail.index);
  const whole = (text === u.text ? u.compact : squeeze(text)).replace(YEARLESS_NUMBER_AFTER, '');
  if (!whole || whole.length > 200) return null;
  const masthead = mastheadBefore(text);
  if (masthead) return masthead;
  const c = withoutSiteSuffix(whole);
  if (c.startsWith('关于')) return { title: c, titleIssuers: [], inlineDocNumber: tailNumber, cut: !!tailNumber && CUT_KIND.test(c) };
  // `印发某市…实施办法的通知`, `转发…的通知`: a notice whose title names neither issuer nor 关于
  // (its first line only, when the title is broken: `转发某市推行…文书` / `指导意见及操作规范的通知`)
  if (/^(?:印发|转发|批转)/.test(c) && (isTitleEnd(c) || (c.length <= 40 && !/[，,。；;：:]/.test(c)))) {
    return { title: c, titleIssuers: [], inlineDocNumber: tailNumber, carries: true };
  }
  // `对某省第十二届人民代表大会` / `第二次会议第12号建议的答复`: a reply to a 建议 or 提案 names neither issuer nor 关于
  // (its first line only, when the title is broken)
  if (/^对[^，,。；;：:]{4,60}(?:人民代表大会|人大|政协|(?:建议|提案|议案)的(?:答复|回复)函?)$/.test(c)) {
    return { title: c, titleIssuers: [], inlineDocNumber: tailNumber };
  }
  const k = c.indexOf('关于');
  if (k < 3) return null;
  // Raw prefix before 关于, possibly `letterhead 文号 issuer(s)`.
  const rawK = text.indexOf('关于');
  let rawPrefix = rawK >= 0 ? text.slice(0, rawK) : '';
  let inlineDocNumber: string | null = null;
  const num = NUMBER_TOKEN.exec(rawPrefix);
  if (num) {
    const before = rawPrefix.slice(0, num.index);
    const agency = /([\u4e00-\u9fff]{1,12})\s*$/.exec(before);
    inlineDocNumber = `${agency ? agency[1] : ''}${squeeze(num[0])}`;
    rawPrefix = rawPrefix.slice(num.index + num[0].length);
    // `(某政发〔2016〕21号)区人民政府关于…`: a bracketed number glued before the heading takes its closing bracket along
    if (/[（(]\s*$/.test(agency ? before.slice(0, agency.index) : before)) rawPrefix = rawPrefix.replace(/^\s*[）)]/, '');
  }
  // `天津市人民政府印发关于…的通知`, `A、B转发C《关于…》`: issuers, then the verb that issues what follows; none
  // before `转发国务院关于…` (the organ after the verb issued the forwarded document)
  const issuers = issuersBeforeVerb(rawPrefix);
  if (!issuers) return null;
  // joint issuers keep their 、 (`某省人民政府办公厅、某军区政治部关于…`)
  const title = squeeze(rawPrefix) + c.slice(k);
  return { title, titleIssuers: issuers, inlineDocNumber: inlineDocNumber ?? tailNumber, cut: !!tailNumber && CUT_KIND.test(title) };
}

/**
 * `某某院办公厅转发农业部等部门` / `《关于…的意见》的通知国办发[1999]79` / `号各省、自治区…:农`: a transcription hard-wrapped
 * at about thirty characters whose title runs on over the next line, with its 文号 glued to it (broken at the line
 * end) and the salutation glued after. Read on the units joined; null unless title, 文号 and salutation are all there.
 */
function gluedAcross(units: Unit[], i: number): Head | null {
  if (units[i].compact.length > 40 || /[。；;：:，,]/.test(units[i].compact)) return null;
  let joined = '';
  const ends: number[] = [];
  for (let j = i; j < units.length && j < i + 3 && !units[j].blank; j++) {
    joined += units[j].compact;
    ends.push(joined.length);
  }
  if (ends.length < 2) return null;
  const m = GLUED_HEAD.exec(joined);
  if (!m || !m[2] || !m[3] || m[1].length <= ends[0] || !isTitleEnd(m[1]) || !findDocNumbers(m[2]).length) return null;
  const headEnd = i + ends.findIndex((e) => e >= m[0].length);
  const titleEnd = i + ends.findIndex((e) => e >= m[1].length);
  const verb = m[1].search(/关于|印发|转发|批转/);
  const titleIssuers = verb >= 3 ? (issuersBeforeVerb(m[1].slice(0, verb)) ?? []) : [];
  return { start: i, titleStart: i, titleEnd, headEnd, title: m[1], titleIssuers, docNumberUnit: null, inlineDocNumber: m[2], registration: null };
}

/**
 * `某政办发〔1997〕41号` / `各市、县人民政府…：` with no title above, on a page that holds other documents: a 转发 notice
 * whose title the page did not print (the document it forwards follows it).
 */
function untitledHeads(units: Unit[], heads: Head[], from: number): Head[] {
  if (!heads.length) return heads;
  const out = heads.slice();
  for (let i = from; i < units.length; i++) {
    if (units[i].blank || !isDocNumberLine(units[i].text) || out.some((h) => i >= h.start && i <= h.headEnd)) continue;
    const next = nextNonBlank(units, i);
    const prev = prevNonBlank(units, i, from);
    if (next < 0 || !isSalutation(units[next].compact) || (prev >= 0 && isTitleEnd(units[prev].compact))) continue;
    out.push({ start: i, titleStart: i, titleEnd: i, headEnd: i, title: '', titleIssuers: [], docNumberUnit: i, inlineDocNumber: null, registration: null });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * `某县某某街道关于` / `印发《…》的通知`: the first line of a head broken after 关于 straight above a title that opens with
 * its verb — the title's, whatever it names (an organ the reader does not know by its ending too): its unit, the issuers
 * it names and its text, or null.
 */
function openerAbove(units: Unit[], i: number, floor: number): { at: number; issuers: string[]; text: string } | null {
  const p = prevNonBlank(units, i, floor, 1);
  if (p < 0 || !/^[^。，,；;：:！!？?…]{2,60}关于$/.test(units[p].compact)) return null;
  return { at: p, issuers: issuersBeforeVerb(units[p].text.trim().replace(/[ \t\u3000]*关于$/, '')) ?? [], text: units[p].compact };
}

/** `某政办字〔2023〕27号 关于…的通知`: a 文号 printed before a title on its line (a space between them or none). */
const NUMBER_BEFORE_TITLE = /^([\u4e00-\u9fff]{1,12}\s*[〔[（(【［﹝]\s*\d{4}\s*[〕\]）)】］﹞]\s*第?\d{1,5}\s*号)[ \t\u3000]*(\S.{5,})$/;

/**
 * `某政办字〔2023〕27号 关于印发…的通知` / the page's posting lines / `某县人民政府办公室` / `关于印发…的通知`: a portal heading that prints
 * the own 文号 before the head's title (without the issuer line the head stands under) a few lines above the head. The
 * number, or null (a heading naming another title gives none).
 */
function numberedHeadingAbove(units: Unit[], start: number, floor: number, title: string): string | null {
  const own = key(title);
  const short = title.includes('关于') ? key(title.slice(title.indexOf('关于'))) : own;
  for (let j = start - 1, seen = 0; j >= floor && seen < 6; j--) {
    if (units[j].blank) continue;
    seen++;
    const m = NUMBER_BEFORE_TITLE.exec(units[j].text.trim());
    if (m && findDocNumbers(m[1]).length && (key(m[2]) === own || key(m[2]) === short)) return squeeze(m[1]);
  }
  return null;
}

export interface SplitOptions {
  from: number;
  skip: [number, number] | null;
  registrationPattern?: string;
  toc: TocEntry[];
}

/**
 * The head's 登记号 (`GQDR-2021-0020002`): on one of the two lines above its start (the head then starts there), else on the
 * line after its 文号 or title.
 */
function registrationOf(units: Unit[], reg: RegExp, start: number, floor: number, after: number): { registration: string | null; at: number } {
  let p = start;
  for (let n = 0; n < 2; n++) {
    p = prevNonBlank(units, p, floor);
    if (p < 0) break;
    const s = units[p].text.trim();
    if (reg.test(s)) return { registration: s, at: p };
  }
  const next = nextNonBlank(units, after);
  return { registration: next >= 0 && reg.test(units[next].text.trim()) ? units[next].text.trim() : null, at: start };
}

/** Finds the document heads in order. */
export function findHeads(units: Unit[], opts: SplitOptions): Head[] {
  const heads: Head[] = [];
  const reg = compileRegistration(opts.registrationPattern);
  let floor = opts.from;
  for (let i = opts.from; i < units.length; i++) {
    if (opts.skip && i >= opts.skip[0] && i <= opts.skip[1]) continue;
    const u = units[i];
    if (u.blank) continue;
    const cand = openTitle(u);
    const glued = cand ? null : gluedAcross(units, i);
    if (glued) {
      heads.push(glued);
      i = glued.headEnd;
      floor = glued.headEnd + 1;
      continue;
    }
    if (!cand) continue;
    // `附：` / `关于……的通报` / `各市州人民政府：`: the document a notice forwards, printed as its attachment
    const label = prevNonBlank(units, i, floor, 1);
    if (label >= 0 && /^附(?:件)?\d*[:：]?$/.test(units[label].compact)) continue;
    let t = cand.title;
    let j = i;
    let accepted: { end: number; dn: number | null; dated?: number } | null = null;
    let dateUnder: string | null = null;
    const joined = [units[i].compact];
    if (cand.salutationInline) accepted = { end: i, dn: null };
    for (let n = 0; n < 5 && !accepted; n++) {
      if (t.length > 160) break;
      // (a title whose kind word the site cut, `…的`, is one only right above its 文号 or with the 文号 after it)
      const cut = n === 0 && (cand.cut || CUT_KIND.test(t));
      // (`某县人民政府办公室关于印发某县2021` / `防治方案的通` over the salutation: a head broken over two lines whose end lost the
      // last characters of its kind word — read as printed)
      const lostEnd = n === 1 && (cand.carries || t.includes('关于')) && LOST_KIND_END.test(t) && !/[。；;！!？?]/.test(t);
      if ((isTitleEnd(t) && (!cand.carries || CARRIER_END.test(t))) || cut || lostEnd || lostClosingMark(t)) {
        let k = nextNonBlank(units, j);
        // `（2018年2月26日）` alone under the title: the head's date, never a part of the title
        const dated = k >= 0 ? k : -1;
        dateUnder = k >= 0 ? bracketedDate(units[k].text) : null;
        if (dateUnder) k = nextNonBlank(units, k);
        const date = dateUnder ? { dated } : {};
        if (k >= 0 && isDocNumberLine(units[k].text)) {
          // (a portal's heading over the 文号 and the document's own head, `对…建议的` / `答复`, over the salutation: the own head is
          // the document's, the heading none)
          if (!dateUnder && ownHeadUnderNumber(units, k, t)) break;
          accepted = { end: j, dn: k, ...date };
          break;
        }
        if (k >= 0 && (!cut || cand.cut) && (isSalutation(units[k].compact) || (cand.inlineDocNumber && salutationAfterFurniture(units, k)))) {
          accepted = { end: j, dn: null, ...date };
          break;
        }
        if (dateUnder) break;
      }
      // The page's copy of a title over the document's own, furniture between them (`关于…的通知` / `用微信扫描二维码` / `×` /
      // `某局` / `关于…的通知` / the 文号): the own title, nearest the body, is the head — a title never holds the same title twice.
      if (isTitleEnd(t) && printedAgainBelow(units, j, t)) break;
      const next = nextNonBlank(units, j);
      if (next < 0 || units[next].compact.length > 60 || isDocNumberLine(units[next].text) || NUMBER_LOST.test(units[next].compact)) break;
      if (next - j > 4) break;
      // a contents entry (`…的通知\t89`) is complete, and a title never runs on past a page's running header
      if (endsWithTocPage(units[j].raw) || pageBreakBetween(units, j, next)) break;
      // A complete title followed by another title or an issuer line: a page heading repeated above the
      // document (law sites print title / issuer / title), not one title broken over lines — nor followed by a head's
      // first line (`某厅关于` / `加强…的通知` under the page's one-line copy). A line that cannot open a title
      // (`…《甲细则》` / `《乙细则》的通知`) continues it.
      const nc = units[next].compact;
      if (isTitleEnd(t) && !continuesTitle(t, nc) && !/^[（(]/.test(nc)) break;
      // (a page's excerpt cut short, `…关于…的通知 各区县政府(管委会…`, never runs on)
      if (/(?:…|\.{3})$/.test(t)) break;
      // A line already read (the page prints a title broken over lines twice), or the title's opening printed again
      // (`国务院关于` / `…的批复` / `外观` / `国务院关于…的批复`): the repetition starts here.
      if (joined.includes(nc) || (nc.length >= 4 && t.startsWith(nc))) break;
      j = next;
      joined.push(units[next].compact);
      t += units[next].compact;
    }
    if (!accepted) continue;

    let start = i;
    let titleStart = i;
    let titleIssuers = cand.titleIssuers;
    // A law site prints the title, then its issuer field, then the title again (on one line or broken over two, as
    // GB/T 9704 sets it): that issuer is not in the title. (A portal's one-line heading over the head's 文号, then
    // `某市人民政府办公厅` / `关于印发…` / `…的通知`, is no such frame: repeatedAbove looks two lines up only.)
    const lineAbove = prevNonBlank(units, i, floor);
    // (`关于…` / `某 某 县 人 民 政 府` / `关于…`: an issuer line spaced letter by letter over a title that is not — a letterhead's,
    // the head's own under a portal heading; no law site spaces its issuer field, and a transcription spaces the title too)
    const letterhead = lineAbove >= 0 && !!units[lineAbove].letterSpaced && !units[i].letterSpaced;
    const siteFrame = !letterhead && repeatedAbove(units, i, t, lineAbove >= 0 ? units[lineAbove].compact : null);
    // `省人民政府关于…` under a law site's issuer field `湖北省人民政府`: the title's short name is that organ
    const siteLine = lineAbove >= 0 ? splitIssuers(units[lineAbove].text) : null;
    if (siteLine && titleIssuers.length) titleIssuers = completeAbbreviated(titleIssuers, siteLine.map(siteIssuer));
    // `某市财政局、某市人力资源` / `和社会保障局关于…`: a joint issuer name broken over the lines of the title
    if (titleIssuers.length) {
      const p = prevNonBlank(units, i, floor, 1);
      const prefix = t.slice(0, t.indexOf('关于'));
      const whole = p >= 0 && !splitIssuers(units[p].text) ? splitIssuers(units[p].text.trim() + prefix) : null;
      if (whole && whole.length > 1) {
        titleStart = start = p;
        titleIssuers = whole;
        t = squeeze(units[p].text) + t;
      }
    }
    const opener = cand.carries ? openerAbove(units, i, floor) : null;
    if (opener) [titleStart, start, titleIssuers, t] = [opener.at, opener.at, opener.issuers, opener.text + t];
    if (!titleIssuers.length && titleStart === i) {
      // (`某省人民政府办公厅` / `转发…` / `…的通知` / `转发…` / `…的通知`: a head printed twice, its issuer line over the first
      // print only — the issuer line is read above that print)
      const p = prevNonBlank(units, printedTwice(units, i, floor, joined), floor);
      const iss = p >= 0 ? splitIssuers(units[p].text) : null;
      const joint = p >= 0 && !iss ? issuersThatIssue(units[p].text) : null;
      // (`某委员会等10部门` / `关于…`: the organs counted, the first named — the line is the title's first part)
      const counted = p >= 0 && !iss && !joint ? countedIssuers(units[p].text) : null;
      // (`城口县发展和改革员会` / `关于…的复函` under the page's heading `城口县发展和改革委员会关于…`: the organ's line lost a glyph)
      const lost = p >= 0 && !iss && !joint && !counted ? organLostGlyphs(units[p].compact, namedAbove(units, p, floor)) : null;
      if (iss && (siteFrame || iss.some(isSiteIssuer))) {
        // `湖北省武汉市人民政府` over the title: a law site's issuer field, not part of the title
        titleIssuers = iss.map(siteIssuer);
      } else if (iss) {
        // joint issuers may stand one per line (`中共某市委办公室` / `某市人民政府办公室`)
        const above = issuerLinesAbove(units, p, floor, iss);
        titleStart = start = above.start;
        titleIssuers = [...above.issuers, ...iss];
        t = above.text + squeeze(units[p].text) + t;
        // (`某开发区应对新型冠状病毒肺炎` / `疫情防控工作领导小组办公室` / `关于…`: the organ's name broken over two lines)
        const upper = above.start === p && iss.length === 1 ? upperHalfAbove(units, p, floor, iss[0]) : -1;
        if (upper >= 0) {
          titleStart = start = upper;
          titleIssuers = [units[upper].compact + iss[0]];
          t = units[upper].compact + t;
        }
      } else if (joint) {
        // `鹤岗市人民政府 鹤岗市中级人民法院印发` / `关于……的意见的通知`
        titleStart = start = p;
        titleIssuers = joint.issuers;
        t = joint.prefix + t;
      } else if (counted || lost) {
        titleStart = start = p;
        titleIssuers = counted ?? [];
        t = squeeze(units[p].text) + t;
      }
    }
    let dnUnit = accepted.dn;
    // Originals print the 文号 above the title (under the letterhead).
    if (dnUnit === null) {
      // (a rule and a few blank lines may separate them in a 红头)
      const p = prevNonBlank(units, start, floor, 6);
      if (p >= 0 && isDocNumberLine(units[p].text)) {
        dnUnit = p;
        start = p;
        const q = prevNonBlank(units, p, floor);
        const letterhead = q >= 0 && /文件$/.test(units[q].compact) && units[q].compact.length <= 30;
        if (letterhead) start = q;
        // `某某行署办公室` / `和行办发〔2008〕31号` / `关于…`: the issuer stands above the 文号, or its letterhead does
        // (`某某县发展改革和经济贸易局文件`)
        const above = q >= 0 && !titleIssuers.length ? splitIssuers(letterhead ? units[q].text.trim().replace(/[ \t\u3000]*文[ \t\u3000]*件$/, '') : units[q].text) : null;
        if (above) titleIssuers = above.map(siteIssuer);
      }
    }
    titleIssuers = fullerOnLetterhead(units, start, floor, titleIssuers);
    const { registration, at } = registrationOf(units, reg, start, floor, dnUnit ?? accepted.end);
    start = at;
    const headEnd = Math.max(accepted.end, accepted.dn ?? -1, accepted.dated ?? -1);
    // `…的通知(已失效)`: a portal's validity mark, no part of the title
    t = t.replace(VALIDITY_MARK, '').replace(SERIAL_AFTER_TITLE, '');
    // `……的批复（国函〔2009〕125号）`: the number printed after the title
    const trailing = /[（(]([^（）()]{4,30}号)[）)]$/.exec(t);
    const trailingNumber = trailing && findDocNumbers(trailing[1]).length ? trailing[1] : null;
    if (trailingNumber && trailing) t = t.slice(0, trailing.index);
    // `(津政发〔1996〕23号 一九九六年四月二十日)` under the title: the date it was issued
    const numberDate = dnUnit !== null ? dateAfterNumber(units[dnUnit].text) : null;
    // (`…的通知(1991年3月2日)`: a city archive's date after the title)
    const historyDate = (numberDate ? findCnDates(numberDate)[0]?.iso : undefined) ?? cand.date ?? (accepted.dated !== undefined ? dateUnder : null);
    heads.push({
      start,
      titleStart,
      titleEnd: accepted.end,
      headEnd,
      title: t,
      titleIssuers,
      docNumberUnit: dnUnit,
      inlineDocNumber: cand.inlineDocNumber ?? trailingNumber ?? (dnUnit === null ? numberedHeadingAbove(units, start, floor, t) : null),
      registration,
      ...(historyDate ? { historyDate } : {}),
    });
    i = headEnd;
    floor = headEnd + 1;
  }
  return rescueFromToc(units, untitledHeads(units, dropRepeatedHeadings(units, heads), opts.from), opts);
}

/**
 * A page heading followed by the same title as the document prints it (`某通知` / `某政办发〔2018〕13号` /
 * `某某办公室` / `关于…` / `通知`): one document. The heading is dropped, its 文号 kept when the second lacks one.
 * (A portal heading prints the title without the issuer line the head stands under: `关于…` / `某政〔2020〕12号` /
 * `某某区人民政府` / `关于…` is one document too.)
 */
function dropRepeatedHeadings(units: Unit[], heads: Head[]): Head[] {
  const out: Head[] = [];
  for (let h = 0; h < heads.length; h++) {
    const a = heads[h];
    const b = heads[h + 1];
    let empty = !!b;
    for (let i = a.headEnd + 1; b && i < b.start && empty; i++) empty = units[i].blank;
    const same = b && (key(a.title) === key(b.title) || (!a.titleIssuers.length && key(b.title) === key(b.titleIssuers.join('') + a.title)));
    if (b && empty && same) {
      if (b.docNumberUnit === null && !b.inlineDocNumber) {
        heads[h + 1] = { ...b, start: a.start, docNumberUnit: a.docNumberUnit, inlineDocNumber: a.inlineDocNumber };
      }
      continue;
    }
    out.push(a);
  }
  return out;
}

function key(s: string): string {
  return squeeze(s).replace(/[“”"'‘’()（）〔〕[\]【】《》<>〈〉·・.,，、:：\-—–]/g, '');
}

/** TOC entries with no head found: look for their title in the text and open a document there. */
function rescueFromToc(units: Unit[], heads: Head[], opts: SplitOptions): Head[] {
  if (!opts.toc.length) return heads;
  const found = new Set(heads.map((h) => key(h.title)));
  const missing = opts.toc.filter((e) => {
    const k = key(e.title);
    for (const f of found) if (f === k || f.endsWith(k) || k.endsWith(f)) return false;
    return true;
  });
  if (!missing.length) return heads;
  const out = heads.slice();
  for (const e of missing) {
    const k = key(e.title);
    const short = k.includes('关于') ? k.slice(k.indexOf('关于')) : k;
    for (let i = opts.from; i < units.length; i++) {
      if (units[i].blank || (opts.skip && i >= opts.skip[0] && i <= opts.skip[1])) continue;
      if (out.some((h) => i >= h.start && i <= h.headEnd)) continue;
      let t = '';
      let j = i;
      let hit = -1;
      for (let n = 0; n < 5 && j >= 0; n++) {
        t += key(units[j].compact);
        if (t === k || t === short) {
          hit = j;
          break;
        }
        if (!k.startsWith(t) && !short.startsWith(t)) break;
        j = nextNonBlank(units, j);
      }
      if (hit < 0) continue;
      const k2 = nextNonBlank(units, hit);
      const dn = k2 >= 0 && isDocNumberLine(units[k2].text) ? k2 : null;
      out.push({
        start: i,
        titleStart: i,
        titleEnd: hit,
        headEnd: dn ?? hit,
        title: e.title,
        titleIssuers: [],
        docNumberUnit: dn,
        inlineDocNumber: null,
        registration: null,
      });
      break;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

import { cnSmallNumber, findCnDates, isDateOnly, PRINTED_DATE } from '../domain/cn-date';
import { findDocNumbers, isDocNumberLine, parseOrderNumber } from '../domain/docnumber';
import { organDateLine } from './body';
import type { PageMeta } from './page';
import { doubleSpaced, isSalutation, signsAbove, siteIssuer, type Head } from './split';
import { isTitleEnd, OPENS_WITH_PLACE, LEAD_ANNOUNCES, YEARLESS_NUMBER_AFTER, ACCOUNT_PREFIX, BRACKETED_LINE, ARCHIVE_NOTE, labelledOrgan, bracketedDate, completeAbbreviated, continuesTitle, countedIssuers, governmentOverItsDepartment, HEADING_START, LIST_BULLET, SITE_TAG, isOrgName, issuersBeforeVerb, SERIAL_AFTER_TITLE, splitIssuers, squeeze, titleAfterSerial, titleWithDate, VALIDITY_MARK } from './text';
import type { Unit } from './units';

/**
 * The head of a single document copied from a web page or law database, when no `title + 文号/salutation` head
 * was found: 政府令 (`某市人民政府令` / `（第12号）` / preamble / signature / title), regulations printed without a
 * salutation, titles repeated by the site, metadata tables. Evidence, in order: a title the page repeats, the
 * title nearest above the body, the table's 标题, a title under a 令's signature.
 */

const LOOKAHEAD = 150;

/** A 文号 run straight into the title after it (no space). */
const GLUED_NUMBER = /^([\u4e00-\u9fff]{1,12}[〔[［【(（﹝](?:19|20)\d{2}[〕\]］】)）﹞]第?\d{1,5}号)(?=[\u4e00-\u9fff《])/;

/** A 文号 run straight onto the end of the title (no space, no bracket around it). */
const GLUED_NUMBER_AFTER = /[〔[［【﹝](?:19|20)\d{2}[〕\]］】﹞]第?\d{1,5}号$/;

/** A heading parted by one bar: what stands before it, and a headline after it. */
const TITLE_THEN_HEADLINE = /^([^|｜]{2,150}?)[ \t\u3000]*[|｜][ \t\u3000]*([^|｜]{4,80})$/;

/**
 * `禁航通告|禁航期间 禁止任何船舶…航行` as the page's first line, over a copy without salutation: a news site's heading of the
 * document's kind-word title (too short to read as a title line) and a headline after the bar — the title.
 */
function kindBeforeBar(units: Unit[], first: number): Line | null {
  const m = TITLE_THEN_HEADLINE.exec(units[first].compact);
  return m && KIND_ALONE.test(m[1]) && cleanTitle(units[first].compact).title === m[1] ? { i: first, title: m[1], docNumber: null } : null;
}

/**
 * `（2019修订）`, `(2005年)` after a title (a site's edition mark, with its year: a document's own `(修订)` stays), a
 * portal's validity mark (`(已失效)`), and a leading `北京：` or `「通告」` a page puts before it; a 文号 or a date in
 * brackets after it is split off.
 */
function cleanTitle(c: string): { title: string; docNumber: string | null; date?: string } {
  let t = c
    .replace(LIST_BULLET, '')
    .replace(SITE_TAG, '')
    .replace(ACCOUNT_PREFIX, '')
    // `禁航通告|禁航期间禁止…航行`: a news site's headline after the document's title and a bar (the part after it no title)
    .replace(TITLE_THEN_HEADLINE, (m, title: string, headline: string) => (isTitleEnd(title) && !isTitleEnd(headline) ? title : m))
    // `文明某镇 | 某镇…致村民的一封信`: an account's column name before a bar
    .replace(/^[\u4e00-\u9fff]{2,8}[|｜](?=[\u4e00-\u9fff]{1,12}?(?:省|市|县|区|州|盟|旗|镇|乡|街道|关于))/, '')
    // `1. 某市人民政府关于…的决定`: a Q&A page numbers its headings
    .replace(/^\d{1,2}[.．、](?=[\u4e00-\u9fff]{2,12}(?:省|市|县|区|州)[\u4e00-\u9fff]*?(?:人民政府|政府|委员会|局|厅)|关于)/, '')
    .replace(ARCHIVE_NOTE, '')
    // `…人口普查公报[1](第一号)`: a web copy's footnote mark after the title
    .replace(/\[\d{1,2}\](?=[（(][^（）()]{1,12}[）)]$|$)/, '')
    // `通 告` / `(县疫情防控指挥部第1号)`: a 通告's serial in brackets under it, no part of the title (a 令's number is read apart)
    .replace(SERIAL_AFTER_TITLE, '')
    // `《某某标准》(局令第32号)`: a law site's heading gives the 规章's title, then its 令 number short (read from the 令 lines)
    .replace(/(?<=[》\u4e00-\u9fff])[（(][\u4e00-\u9fff]{0,24}令第?[\d一二三四五六七八九十百零〇○]{1,6}号[）)]$/, '')
    // `2022某某县人民政府森林防火封山令`: a news page's year glued before the issuer (a title's own year reads `2022年`)
    .replace(/^(?:19|20)\d{2}(?=[\u4e00-\u9fff]{2,12}(?:省|市|县|区|州|旗|盟)[\u4e00-\u9fff]*(?:人民政府|政府|委员会|局|厅))/, '')
    // `2018年某某部关于…的决定`: a document site's year before the issuer (an issuer's own title never opens with a year)
    .replace(/^(?:19|20)\d{2}年(?=[\u4e00-\u9fff]{2,20}?(?:部|委员会|委|局|厅|署|办公厅|办公室|人民政府|政府)关于)/, '')
    // `天津天津市某区人民政府关于…`: a site's bare place glued before a head that names the same place (`天津市`)
    .replace(/^([\u4e00-\u9fff]{2,3})(?=\1(?:省|市|自治区|县|区)[\u4e00-\u9fff]{0,16}?(?:人民政府|政府|委员会|办公室|办公厅|局|厅)关于)/, '')
    // `5月22日,某区关于…的通告`: a portal's day of posting before the title
    .replace(/^\d{1,2}月\d{1,2}日[,，](?=[\u4e00-\u9fff]{2,20}?关于)/, '')
    .replace(/^[\u4e00-\u9fff]{2,6}[:：](?=关于|[\u4e00-\u9fff]{2,12}(?:人民政府|办公厅|办公室))/, '')
    // `某市高新区企业奖励政策:某高新区关于…的试行意见`: a site's topic before a colon, the head after it
    .replace(/^[\u4e00-\u9fff]{2,30}[:：](?=[\u4e00-\u9fff]{2,20}关于[^:：]{4,}$)/, (m, _i: number, all: string) => (isTitleEnd(all.slice(m.length)) ? '' : m))
    // `…的通知(有效)`: the portal's validity mark; `…的通知某政字〔〕18号`: a number that lost its year glued after the title
    .replace(VALIDITY_MARK, '')
    .replace(YEARLESS_NUMBER_AFTER, '');
  // `某某关于…的通告 某某关于…的通告`: a heading printing the title twice (the spaces gone): once
  const half = t.length % 2 === 0 ? t.slice(0, t.length / 2) : '';
  if (half.length >= 6 && t === half + half && isTitleEnd(half)) t = half;
  let docNumber: string | null = null;
  // `某某总署公告2020年第108号(关于…的公告)`: the serial is no 文号, the bracketed title the title
  t = titleAfterSerial(t) ?? t;
  // `《关于……的具体实施细则》` standing alone as a heading; a news post's `某局发布` / `《关于…的通告》` over its text
  t = t.replace(/^《([^《》]+)》$/, '$1').replace(BRACKETED_LINE, '$1').replace(/^[\u4e00-\u9fff]{2,30}?(?:发布|印发|公布)《([^《》]+)》$/, (m, inner: string) => (isTitleEnd(inner) ? inner : m));
  // `某政办发[2020]35号某市推进…的通知`: a portal heading gluing the 文号 to the title
  const glued = GLUED_NUMBER.exec(t);
  if (glued && findDocNumbers(glued[1]).length) {
    docNumber = glued[1];
    t = t.slice(glued[1].length);
  }
  // `关于…的公告某府通〔2023〕3号`: a repost gluing the 文号 after the title (the mirror image of the glued number above)
  const after = GLUED_NUMBER_AFTER.exec(t);
  // (the code is the shortest run of characters after which the title ends in its kind word)
  for (let k = 1; after && k <= 8 && k < after.index; k++) {
    const at = after.index - k;
    const raw = t.slice(at);
    if (!isTitleEnd(t.slice(0, at)) || !findDocNumbers(raw).length) continue;
    docNumber = raw;
    t = t.slice(0, at);
    break;
  }
  const dn = /[（(]([^（）()]{4,30}号)[）)]$/.exec(t);
  if (dn && findDocNumbers(dn[1]).length) {
    docNumber = dn[1];
    t = t.slice(0, dn.index);
  }
  // (`(2019修订)`, a site's edition mark with its year; a list's own `(2025年版)` stays, as a document's `(修订)` does)
  t = t.replace(/[（(](?:\d{4}年?(?:\d{1,2}月)?)?(?:修订|修正|修改)?(?:版|本)?[）)]$/, (m) => (/\d/.test(m) && !/^[（(]\d{4}年版[）)]$/.test(m) ? '' : m));
  const dated = titleWithDate(t);
  return dated ? { title: dated.title, docNumber, date: dated.date } : { title: t, docNumber };
}

/** `6.1分级响应及措施`, `2.3.1 …`: a numbered section of the document's own (a 预案's contents list), never its title. */
const SECTION_NUMBER = /^\d{1,2}(?:[.．]\d{1,2}){1,3}(?![\d.．])/;

/**
 * A line of a plan's contents list (`1 总则`, `6.1分级响应及措施`): a section number, then a section's name — no title and no
 * part of one. (A numbered list of titles, `1 某县人民政府关于…的通知`, keeps its titles.)
 */
function contentsLine(u: Unit): boolean {
  const t = u.text.trim();
  if (SECTION_NUMBER.test(t)) return true;
  const m = /^\d{1,2}[ \t\u3000]+([\u4e00-\u9fff].*)$/.exec(t);
  return !!m && !titleLike(cleanTitle(squeeze(m[1])).title);
}

function titleLike(t: string): boolean {
  if (t.length < 6 || t.length > 150) return false;
  // (`通告中明确规定`: a news post's sentence about the notice, no title)
  if (/^各/.test(t) || /^(?:通告|通知|公告|文件|意见|办法)中/.test(t) || HEADING_START.test(t) || SECTION_NUMBER.test(t) || isDateOnly(t) || isOrgName(t)) return false;
  return isTitleEnd(t);
}

/**
 * `第6章 通 知` / `[例文1]` / `某某关于…的通知`: a book's chapter heading above a model text, not a regulation's
 * chapter — a title follows within the next three lines, before any article or sentence.
 */
function bookChapter(units: Unit[], i: number): boolean {
  if (!/^第[一二三四五六七八九十百零〇\d]{1,5}章/.test(units[i].compact)) return false;
  for (let j = i + 1, n = 0; j < units.length && n < 3; j++) {
    if (units[j].blank) continue;
    n++;
    const c = units[j].compact;
    if (/^第[一二三四五六七八九十百零〇\d]{1,5}[条章]/.test(c) || /[。；]/.test(c)) return false;
    if (titleLike(c)) return true;
  }
  return false;
}

/** The first line of the body proper: the salutation, an article or chapter, or a long sentence. */
function bodyStart(units: Unit[], from: number): number {
  let seen = 0;
  for (let i = from; i < units.length && seen < LOOKAHEAD; i++) {
    if (units[i].blank) continue;
    seen++;
    const c = units[i].compact;
    if (bookChapter(units, i)) continue;
    // a signature date (a page's own `2024-08-15` is not one, nor a newspaper's issue date on the page's first line,
    // `2024年09月07日` / `第02版:要闻` / the title)
    if (seen === 1 && isDateOnly(c) && i + 1 < units.length && !isSalutation(units[nextNonBlank(units, i)]?.compact ?? '')) continue;
    // (`内容详情` / `2022年05月17日` / the title: a news post's date over its headline, no sentence above it to sign)
    if (isDateOnly(c) && !sentenceAbove(units, from, i) && titleLike(cleanTitle(units[nextNonBlank(units, i)]?.compact ?? '').title)) continue;
    if (isSalutation(c) || /^第[一二三四五六七八九十百零〇\d]{1,5}[条章]/.test(c) || (isDateOnly(c) && /年/.test(c))) return i;
    // (a news lead announcing the text, `近日,某局发布《…》,全文如下:`, stands over the head, not in the body)
    if (LEAD_ANNOUNCES.test(c)) continue;
    if ((c.length >= 60 && /[。，,；]/.test(c)) || (c.length >= 30 && /。/.test(c))) return i;
  }
  return -1;
}

/** A sentence (a comma or a full stop in twenty characters or more) on the lines from `from` to before `i`. */
function sentenceAbove(units: Unit[], from: number, i: number): boolean {
  for (let j = from; j < i; j++) if (!units[j].blank && units[j].compact.length >= 20 && /[。，,；]/.test(units[j].compact)) return true;
  return false;
}

function nthNonBlank(units: Unit[], from: number, n: number): number {
  for (let i = from, seen = 0; i < units.length; i++) if (!units[i].blank && ++seen > n) return i;
  return units.length;
}

/**
 * A 规章's history under its title: the date and the 令 that published it. (A copy may lose the opening bracket:
 * `2004年2月16日…审议通过 2004年2月26日某省人民政府令第171号公布 自公布之日起施行)`.) Dates in Arabic or Chinese numerals;
 * the 令's issuer never runs across a second date (`…会议通过二〇〇四年二月二十六日某省人民政府令…`).
 */
const HISTORY_LINE = new RegExp(
  `^(?:[（(]|(?=${PRINTED_DATE}[^（）()。]{0,120}[）)]$))[^（）()]{0,80}?(${PRINTED_DATE})((?:(?!${PRINTED_DATE})[\\u4e00-\\u9fff]){1,24}?)令第?0*(\\d{1,5})号(?:发布|公布)`,
);
/** A line that opens with a date (`二〇〇四年二月十六日…`): a history that lost its opening bracket may. */
const OPENS_DATED = new RegExp(`^${PRINTED_DATE}`);

/**
 * The history line at units[i], with the unit it ends at. A copy that lost the opening bracket may also break the
 * history at its spaces (`2004年…审议通过` / `2004年…令第171号公布` / `自公布之日起施行)`): the pieces up to the closing
 * bracket are read as one line.
 */
function historyAt(units: Unit[], i: number, body: number): { m: RegExpExecArray; text: string; end: number } | null {
  let text = units[i].compact;
  let end = i;
  const dated = OPENS_DATED.test(text);
  for (let n = 0; dated && n < 3 && !/[）)]$/.test(text); n++) {
    const j = nextNonBlank(units, end);
    if (j < 0 || j >= body || units[j].compact.length > 60) return null;
    text += units[j].compact;
    end = j;
  }
  const m = HISTORY_LINE.exec(text);
  return m ? { m, text, end } : null;
}

/** `1990年3月10日,铁道部`: the date a document was issued and its issuer, as a law site prints them under the title. */
const DATE_ISSUER_LINE = new RegExp(`^(${PRINTED_DATE})[,，、]([\\u4e00-\\u9fff、]{2,40})$`);

interface Line {
  i: number;
  title: string;
  docNumber: string | null;
  /** issuers the line names before 关于, read with its spaces (`财政部 教育部 人力资源社会保障部关于…`) */
  issuers?: string[];
  /** a date in brackets after the title on its line (`…的通知 ((1990年11月16日))`) */
  date?: string;
}

/** `某科教【2017】6号 财政部 科技部关于…的通知`: a 文号 printed before the title on its line, then the title. */
const LEADING_NUMBER = /^([\u4e00-\u9fff]{1,12}\s*[〔[（(【［﹝]\s*\d{4}\s*[〕\]）)】］﹞]\s*第?\d{1,5}\s*号)[ \t\u3000]+(\S.*)$/;

/** The issuers a title line names, read before its spaces are removed (joint departments separated by spaces). */
function rawIssuers(raw: string): string[] | undefined {
  const k = raw.indexOf('关于');
  const iss = k >= 3 ? issuersBeforeVerb(raw.slice(0, k)) : null;
  return iss && iss.length > 1 ? iss : undefined;
}

/**
 * An order number printed as `某市人民政府令` over `（第12号）`, on one line, or as `政府令〔2010〕第15号`. (A ministry's order
 * numbered per year, `中华人民共和国某部令` over `2006 年第 8 号`, and a head a forum copy puts in book-title marks,
 * `《某某局令》` over `第 2 号`, are read so too: the number is `…令第N号`, as 109's `1999年第2号令`.)
 */
function orderNumber(units: Unit[], i: number, next: number, issuer: string | null): { text: string; end: number } | null {
  const c = units[i].compact.replace(/^《([^《》]{3,30})》$/, '$1');
  if (parseOrderNumber(c)) return { text: c, end: i };
  // (`某某局令第三十二号`: its serial in Chinese numerals, read as the number)
  const spelled = /^(.{2,30}令)第([一二三四五六七八九十百零〇○]{1,6})号$/.exec(c);
  const spelledSerial = spelled ? cnSmallNumber(spelled[2]) : null;
  if (spelled && spelledSerial && parseOrderNumber(`${spelled[1]}第${spelledSerial}号`)) return { text: `${spelled[1]}第${spelledSerial}号`, end: i };
  if (/(?:政府|部|委员会|局|厅|署|院)令$/.test(c) && c.length <= 30 && next >= 0) {
    // (`某某局令` / `第三十二号`: the serial in Chinese numerals too; `2006 年第 8 号`: with its year)
    const n = /^[（(]?(?:(?:19|20)\d{2}年)?第\s*0*(\d{1,5}|[一二三四五六七八九十百零〇○]{1,6})\s*号[）)]?$/.exec(units[next].compact);
    const serial = n ? cnSmallNumber(n[1]) : null;
    if (serial) return { text: `${organBrokenAbove(units, i, c)}${c}第${serial}号`, end: next };
  }
  // `政府令〔2010〕第15号`, `渝府令第 121 号` (the series by its code) under the issuer's name
  const bare = /^(?:政府令[〔[（(]\d{4}[〕\]）)]|[\u4e00-\u9fff]{1,2}府令)第?0*(\d{1,5})号$/.exec(c);
  if (bare && issuer) return { text: `${issuer}令第${bare[1]}号`, end: i };
  return null;
}

/**
 * `某旗新型冠状病毒感染的肺炎疫情` over `防控工作应急指挥部令` / `(第1号)`: the order's organ broken over two lines — the upper
 * part (a place's name and words, no title, no sentence), or ''.
 */
function organBrokenAbove(units: Unit[], i: number, order: string): string {
  const up = prevNonBlankIndex(units, i);
  const upper = up >= 0 ? cleanTitle(units[up].compact).title : '';
  return /^[\u4e00-\u9fff]{4,24}$/.test(upper) && OPENS_WITH_PLACE.test(upper) && !OPENS_WITH_PLACE.test(order) && !isOrgName(upper) && !isTitleEnd(upper) && isOrgName(upper + order.replace(/令$/, ''))
    ? upper
    : '';
}

/**
 * `某县疫情防控工作应急指挥部令` / `(第1号)`: an order of an organ that makes no 规章 (a 指挥部, a 领导小组) is titled with its
 * heading; null for a government's or a department's 令, whose title is the 规章 it promulgates.
 */
function ownOrderTitle(order: string): string | null {
  const m = /^(.{4,40}?(?:指挥部|领导小组|工作组|联防联控机制)令)第\d{1,5}号$/.exec(order);
  return m ? m[1] : null;
}

function prevNonBlankIndex(units: Unit[], i: number): number {
  for (let j = i - 1; j >= 0; j--) if (!units[j].blank) return j;
  return -1;
}

function nextNonBlank(units: Unit[], i: number): number {
  for (let j = i + 1; j < units.length && j < i + 6; j++) if (!units[j].blank) return j;
  return -1;
}

/**
 * An order a county or city issues in its own name (`森林防火禁火令`, `封山令`; not a 政府令 and not a title that opens
 * with a place): named with its issuer (`某县人民政府森林防火禁火令`).
 */
const OWN_ORDER = /(?<![府部会局厅署院行])令$/;
const CARRYING_OPENING = /^(?:联合)?(?:印发|转发|批转|下达)/;

/**
 * An issuer line directly above a title that does not name it joins the title (`某市人民政府办公室` / `关于…`,
 * `某县人民政府` / `森林防火禁火令`, `某镇人民政府` / `自然灾害救助应急预案`) — not a title the page printed above already
 * (a law site's title / issuer field / title: the field is no part of it).
 */
/** A portal's field value printed without its label: a posting time (`2023-11-30 17:47:17`), an index number (`…/2023-31417710`). */
const FIELD_VALUE = /^(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:\d{1,2}:\d{2}(?::\d{2})?)?$|^[0-9A-Z]{6,}\/[0-9-]{4,}$/;

/** Two field values without labels (an index number, a posting time) on the lines right above unit k, no wider gap than the page's. */
function fieldValuesAbove(units: Unit[], k: number): boolean {
  const most = doubleSpaced(units) ? 1 : 0;
  let at = k;
  for (let n = 0; n < 2; n++) {
    const up = prevNonBlankIndex(units, at);
    if (up < 0 || at - up - 1 > most || !FIELD_VALUE.test(units[up].text.replace(/\s+/g, ''))) return false;
    at = up;
  }
  return true;
}

function withIssuerAbove(units: Unit[], issuerLine: number, i: number, line: Omit<Line, 'i'>, seen: Line[], named?: string[]): Line {
  const order = OWN_ORDER.test(line.title) && !OPENS_WITH_PLACE.test(line.title);
  // (a title that names no issuer at all: `自然灾害救助应急预案`, not `印发…`, `某局关于…`, `全县…`)
  const own =
    !OPENS_WITH_PLACE.test(line.title) && !CARRYING_OPENING.test(line.title) && !line.title.includes('关于') && !seen.some((l) => l.title === line.title);
  const alone: Line = { i, ...line, issuers: named ?? line.issuers };
  if (issuerLine < 0 || !(line.title.startsWith('关于') || order || own)) return alone;
  // (a portal's banner `某县人民政府` over its table of fields, `发布机构 某县某镇人民政府`, then the title: no issuer line)
  for (let j = i - 1; j > issuerLine; j--) if (!units[j].blank || units[j].noise) return alone;
  // (`11371502…/2023-31417710` / `2023-11-30 17:47:17` / `某区水利局` / `关于…`: the organ is the last of a portal's field values
  // printed without their labels, no issuer line — a heading's posting time alone over an issuer line is the page's)
  if (fieldValuesAbove(units, issuerLine)) return alone;
  // (`某委员会等10部门` / `关于…`: a joint title counting its organs, the first named)
  const iss = splitIssuers(units[issuerLine].text) ?? countedIssuers(units[issuerLine].text);
  if (!iss || iss.some((x) => x !== siteIssuer(x))) return alone;
  // joint issuers one per line (`中共某县委` / `某县人民政府` / `关于…`): up to three more lines straight above
  // (a counted line joins as printed, `…等10部门`)
  let names = splitIssuers(units[issuerLine].text) ? iss.join('') : squeeze(units[issuerLine].text);
  let all = iss;
  let below = iss;
  for (let j = issuerLine - 1, n = 0; j >= 0 && n < 3; j--) {
    if (units[j].blank) continue;
    const more = splitIssuers(units[j].text);
    // (`某县新型冠状病毒感染的` / `肺炎疫情防控指挥部` / `通 告`: one organ's name broken over two lines, the place in the
    // upper one — a site's `微信扫一扫` over `某县人民政府` is none)
    const halves = !more && n === 0 && OPENS_WITH_PLACE.test(units[j].compact) && !OPENS_WITH_PLACE.test(units[issuerLine].compact);
    const broken = halves ? splitIssuers(units[j].compact + units[issuerLine].compact) : null;
    if (broken?.length === 1 && broken[0] === siteIssuer(broken[0])) {
      names = broken[0];
      all = broken;
      break;
    }
    if (!more || more.some((x) => x !== siteIssuer(x)) || governmentOverItsDepartment(more, below) || signsAbove(units, j, 0)) break;
    names = more.join('') + names;
    all = [...more, ...all];
    below = more;
    n++;
  }
  return { ...alone, title: names + line.title, issuers: named ?? all };
}

/**
 * `某市卫生健康委员` / `会关于…的公告`: an organ's name broken over the title's two lines — the upper line is no name alone,
 * with the word the lower one opens with (before 关于) it is one.
 */
function nameBrokenAcross(upper: string, lower: string): boolean {
  const m = /^([\u4e00-\u9fff]{1,4})关于/.exec(lower);
  if (m) return !splitIssuers(upper) && splitIssuers(upper + m[1])?.length === 1;
  // (`某县新冠肺炎疫情防控` / `工作指挥部通告`: the organ broken before the line that ends in its kind word)
  const k = /^([\u4e00-\u9fff]{2,12}?)(?:通告|公告|通知|通报|公示)$/.exec(lower);
  return !!k && !isOrgName(upper) && /^[\u4e00-\u9fff]{1,12}?(?:省|市|县|区|州|盟|旗)/.test(upper) && isOrgName(upper + k[1]);
}

/** A place, then an organ (`某市人民政府办公室`, `某经济技术开发区管委会`) at the start of a title line. */
const ORGAN_OPENING = /^[\u4e00-\u9fff]{2,16}?(?:省|市|县|区|州|盟|旗)[\u4e00-\u9fff]{0,12}?(?:人民政府|管理委员会|管委会|委员会|办公室|办公厅|局|厅)/;

/** What a site's own name adds to the organ's (`某市人民政府门户网站`, `…官方微信`, `…信息公开`): no title. */
const SITE_NAME_REST = /(?:网|门户|平台|微信|微博|客户端|公众号|首页|主页|信息公开|政务公开)/;

/** Does a title line open with its issuer's name, more of the title (not a site's name) after it? */
function opensWithOrgan(t: string): boolean {
  const m = ORGAN_OPENING.exec(t);
  return !!m && m[0].length < t.length && isOrgName(m[0]) && !SITE_NAME_REST.test(t.slice(m[0].length));
}

/**
 * `进入移动版,省流量,体验好 某县…办公室 关于…的 通 知`, `(028)86604546 邮政编码610016 某省人民政府关于…`: a site's clause, phone
 * or page furniture run before a head on a flattened line, spaces between — the head is the pieces from the first that opens
 * with an organ, 关于 or 印发 and ends a title. Null when the whole line is the head, or what stands before it could name
 * its issuer (`市政府` / `关于…`, joint organs one per piece).
 */
function titleAfterClutter(text: string): string | null {
  const segs = text.trim().split(/[ \t\u3000]+/);
  if (segs.length < 2 || segs.length > 16) return null;
  for (let k = 0; k < segs.length; k++) {
    const rest = squeeze(segs.slice(k).join(''));
    if (!titleLike(rest) || !(/^(?:关于|印发|转发|批转)/.test(rest) || opensWithOrgan(rest))) continue;
    const before = segs.slice(0, k).join('');
    return k === 0 || CLUTTER.test(before) ? rest : null;
  }
  return null;
}

/** What no head's issuer prints: a sentence's comma, a phone's or an issue's digits and brackets, a company. */
const CLUTTER = /[,，。！!？?]|\d{3}|^第期|有限公司$|>>|[|｜]/;

/** Issuers the title names before 关于 (`甘肃省人民政府关于…`); a title opening with one (`镇巴县人民政府工作规则`). */
function issuersOfTitle(title: string): string[] {
  // `转发国务院关于…`, `印发…的通知`: the title names no issuer of its own
  if (/^(?:联合)?(?:印发|转发|批转)/.test(title)) return [];
  const k = title.indexOf('关于');
  const verb = /(?:印发|转发|批转)/.exec(title);
  const end = k >= 3 ? (verb && verb.index < k ? verb.index : k) : verb && verb.index >= 3 ? verb.index : -1;
  if (end >= 3) {
    const iss = issuersBeforeVerb(title.slice(0, end));
    if (iss?.length) return iss;
  }
  // (`某县水利局对县十七届人大二次会议第094号建议的答复`: an organ answering a 建议 or 提案, named before 对 — or giving its
  // 会办意见 on one another organ answers)
  const reply = /^([\u4e00-\u9fff]{3,24}?)对[^。，,；;]{2,80}?(?:建议|提案|议案)的(?:答复|回复|会办意见|办理意见)函?$/.exec(title);
  const replier = reply ? splitIssuers(reply[1]) : null;
  if (replier?.length === 1) return replier;
  // (`某经济技术开发区管委会突发公共事件总体应急预案`: a 开发区's 管委会)
  const m = /^([\u4e00-\u9fff]{2,12}?(?:省|市|县|区|自治区|自治州|州|盟)(?:人民政府(?:办公厅|办公室)?|[\u4e00-\u9fff]{0,8}?(?:管理委员会|管委会)))/.exec(title);
  if (m && !title.startsWith(`${m[1]}令`)) return [m[1]];
  // `某市…工作指挥部第三号公告`, `某县…领导小组办公室拟认定…公示`: an organ's announcement titled with its name (and serial), or
  // with what it proposes
  const own = /^([\u4e00-\u9fff]{3,30}?)(?:第[\d一二三四五六七八九十]{1,4}号)?(?:公告|通告)$/.exec(title) ?? /^([\u4e00-\u9fff]{3,30}?)拟(?:认定|命名|表彰|推荐|授予|确定)[^。，,；;]{2,80}公示$/.exec(title);
  if (own && isOrgName(own[1])) return [own[1]];
  // `南县住房和城乡建设局2018年度整体支出绩效评价报告`: an organ reporting on its own year; `某区退役军人事务局公共服务清单`: an
  // organ's own list of its services or powers
  const y = /^([\u4e00-\u9fff]{2,24}?(?:局|委员会|办公室|中心|厅))(?=(?:19|20)\d{2}年|[\u4e00-\u9fff]{0,12}清单)/.exec(title);
  return y && isOrgName(y[1]) ? [y[1]] : [];
}

/**
 * A title's first line over the rest: `印发某县农村集体资产` / `管理暂行办法的通知` (a second half that reads as a title alone
 * still continues an opening that is one's start), or one that opens with its issuer, `某经济技术开发区管委会突发公共事件` /
 * `总体应急预案`, over a line that does not (a site's name over a title, `某市人民政府官方微信` / `某市司法局关于…`, is none).
 */
function opensTitle(title: string, nextC: string): boolean {
  const verb = /^(?:关于|印发|转发|批转)/;
  // (`对市十届人大一次会议` / `第3号建议的答复`: a reply to a deputy's 建议 or a member's 提案, broken after the session it names)
  const reply = /^对[^，,。；;：:]{0,30}?(?:人大|政协|会议)/.test(title) && /(?:建议|提案|议案)的(?:答复|回复)函?$/.test(nextC);
  // (`某县2025年社火展演` / `周边道路临时交通管制的通告`: a head broken where a word ends, its upper half a place's event — no organ,
  // no site's name — over a lower half that opens with no place, organ or verb of its own)
  const placeHalf =
    OPENS_WITH_PLACE.test(title) && !isOrgName(title) && !/(?:网站|门户|网|平台|之窗|频道)$/.test(title) && title.length <= 24 &&
    !OPENS_WITH_PLACE.test(nextC) && !opensWithOrgan(nextC) && isTitleEnd(nextC) && !isTitleEnd(title);
  return (verb.test(title) || reply || placeHalf || (opensWithOrgan(title) && !opensWithOrgan(nextC))) && !verb.test(nextC);
}

/** The verbs of a notice that carries another document (`印发…办法的通知`, `关于下达…计划的通知`). */
const CARRYING = /(?:印发|转发|批转|下达)/;

/** Chooses the title among the lines above the body: one the page repeats, else the nearest. */
function chooseTitle(lines: Line[], units: Unit[]): Line | null {
  if (!lines.length) return null;
  const count = new Map<string, number>();
  for (const l of lines) count.set(l.title, (count.get(l.title) ?? 0) + 1);
  for (let k = lines.length - 1; k >= 0; k--) {
    if ((count.get(lines[k].title) ?? 0) >= 2) return ownTitleUnder(lines, k) ?? issuedTitleUnder(lines, k, units) ?? lines[k];
  }
  const last = lines[lines.length - 1];
  // `……关于印发X的通知` above `X`: the notice, whose text the page left out, not the attachment
  // (`……关于下达X计划的通知` above `X计划`: the same)
  const carrier = lines.find((l) => l.title.length > last.title.length && CARRYING.test(l.title) && l.title.includes(last.title));
  return carrier ?? last;
}

/**
 * `某州某某市关于实施交通管制的通告(某某市交通管理局)` repeated as a news page's heading over the head `关于实施交通管制的通告`: the
 * heading adds a bare place before the title and the organ it came from in brackets after it. The document's own title
 * printed under it wins. (A heading that only adds the issuer the head prints above the title is the head's title.)
 */
function ownTitleUnder(lines: Line[], k: number): Line | null {
  const heading = lines[k].title;
  for (let m = k + 1; m < lines.length; m++) {
    const own = lines[m].title;
    const at = own.length >= 6 ? heading.indexOf(own) : -1;
    if (at < 0 || own === heading) continue;
    const before = heading.slice(0, at);
    const after = heading.slice(at + own.length);
    const bracketed = /^[（(]([^（）()]{3,30})[）)]$/.exec(after);
    const place = before === '' || (/^[\u4e00-\u9fff]{2,12}(?:省|市|县|区|州|盟|旗)$/.test(before) && !isOrgName(before));
    if (place && (bracketed ? isOrgName(bracketed[1]) : after === '' && before !== '')) return lines[m];
  }
  return null;
}

/**
 * `关于划定秸秆禁烧区的通告` printed twice by a page (its heading, and again after the 文号) over the head
 * `柳州市人民政府关于划定秸秆禁烧区的通告`: the head printed below names its issuers before the same title, and wins.
 */
function issuedTitleUnder(lines: Line[], k: number, units: Unit[]): Line | null {
  const heading = lines[k].title;
  // (one of the heading's copies carries the 文号: a portal's heading, never a title a law site prints over its organs)
  if (!heading.startsWith('关于') || !lines.some((o) => o.title === heading && o.docNumber)) return null;
  // (the issuers printed on the head's own line or the line above it: a law site's `某部、某部` line printed under a title and
  // again over its copy is no head's organ line)
  const issued = (l: Line): boolean => {
    const organs = l.title.slice(0, -heading.length);
    if (splitIssuers(organs) === null) return false;
    if (units[l.i].compact === l.title) return true;
    const above = prevNonBlankIndex(units, l.i);
    return above >= 0 && !lines.some((o) => o.title === heading && o.i === prevNonBlankIndex(units, above));
  };
  return lines.slice(k + 1).find((l) => l.title.endsWith(heading) && issued(l)) ?? null;
}

/**
 * What a portal puts before a document's own title in its heading: a bare place (`保定` before `某镇人民政府关于…`), a
 * year (`2022年`), or both (`2022年某某县` before `关于…`) — never an organ or a verb (`某县人民政府`, `转发`).
 */
function sitePrefix(before: string, own: string): boolean {
  if (!before || isOrgName(before) || /关于|印发|转发|批转|下达|的$/.test(before)) return false;
  if (/^(?:(?:19|20)\d{2}年)?(?:[\u4e00-\u9fff]{1,12}(?:省|市|县|区|州|盟|旗))?$/.test(before)) return true;
  return /^[\u4e00-\u9fff]{2,3}$/.test(before) && issuersOfTitle(own).length > 0;
}

/**
 * `保定某镇人民政府关于…的通告` / a lead line / `某镇人民政府关于…的通告` / the body: a portal heading that prefixes a place or a
 * year to the document's own title, printed below it within the next lines (its first segment: a serial may follow,
 * `关于…的通告 2022(20)号`). The own title wins.
 */
function ownTitleBelow(units: Unit[], heading: Line): Line | null {
  for (let i = heading.i + 1, seen = 0; i < units.length && seen < 8; i++) {
    if (units[i].blank) continue;
    seen++;
    const c = units[i].compact;
    if (isSalutation(c) || isDateOnly(c) || /^第[一二三四五六七八九十]+[章条]/.test(c)) return null;
    // (the own title broken over two lines where a word ends: `某镇人民政府关于` / `取消…的通告`)
    const below = nextNonBlank(units, i);
    const broken = below > 0 && brokenHead(c, units[below].compact) ? c + units[below].compact : null;
    const t = cleanTitle(broken ?? squeeze(units[i].text.trim().split(/[ \t\u3000]+/)[0])).title;
    if (titleLike(t) && t !== heading.title && heading.title.endsWith(t) && sitePrefix(heading.title.slice(0, -t.length), t)) {
      return { i, title: t, docNumber: null };
    }
  }
  return null;
}

const TITLE_THEN_ORDER =
  /^(.{4,80}?(?:办法|规定|条例|细则|决定|规则|意见|通知|实施办法))([\u4e00-\u9fff]{2,20}(?:政府|部|委员会|局|厅)令第\d{1,5}号)$/;
/** `中华人民共和国某某部令第57号 某某部关于…的决定`: a law site's heading, the 令 number before the title. */
const ORDER_THEN_TITLE = /^([\u4e00-\u9fff]{2,24}(?:政府|部|委员会|局|厅|署)令第\d{1,5}号)(.{6,150})$/;

/**
 * A title and its 令 number on one line, either way round: `广西壮族自治区土地整治办法广西壮族自治区人民政府令第116号`, or a law
 * site's heading `中华人民共和国某某部令第57号 某某部关于…的决定`.
 */
function titleAndOrder(c: string): { title: string; order: string } | null {
  const run = TITLE_THEN_ORDER.exec(c);
  if (run && titleLike(run[1])) return { title: run[1], order: run[2] };
  const led = ORDER_THEN_TITLE.exec(c);
  const ledTitle = led ? cleanTitle(led[2]).title : '';
  return led && titleLike(ledTitle) ? { title: ledTitle, order: led[1] } : null;
}

/**
 * Titles among the space-separated segments of a line (a flattened page: `某某办法 某某管理办法 第一章 总则 …`). A number
 * in brackets that ends the line (`某某公告 用于(某某项目)(某府征地公告〔2021〕115号)`) is the first segment's, when it
 * opens the line.
 */
function segmentTitles(u: Unit, i: number, lineNumber: string | null = null): Line[] {
  const out: Line[] = [];
  const segs = u.text.split(/[ \t\u3000]+/).filter(Boolean);
  // (`根据…有关规定 , 经…研判 , …决定:`: a sentence a page printed with spaced commas — its pieces are no titles)
  if (segs.length > 1 && segs.length <= 12 && !segs.some((seg) => /^[,，、;；:：。]$/.test(seg))) {
    segs.forEach((seg, k) => {
      const t = cleanTitle(squeeze(seg)).title;
      if (titleLike(t)) out.push({ i, title: t, docNumber: k === 0 ? lineNumber : null });
    });
  }
  return out;
}

const KIND_WORD = /(?:办法|规定|细则|条例|规则|意见|方案|决定|通知)/g;

/**
 * A page flattened without spaces: `某某与某某管理办法某某管理办法第一章总则第一条为…`. The title is the text
 * between the last kind word before `第一章`/`第一条` that ends a title and the chapter itself.
 */
function flattenedTitle(c: string, i: number): Line | null {
  const k = c.search(/第一[章条]/);
  if (k < 6 || k > 160) return null;
  const prefix = c.slice(0, k);
  let cut = 0;
  for (const m of prefix.matchAll(KIND_WORD)) {
    const end = (m.index ?? 0) + m[0].length;
    if (end < prefix.length && titleLike(prefix.slice(end))) cut = end;
  }
  const title = prefix.slice(cut);
  return titleLike(title) ? { i, title, docNumber: null } : null;
}

/**
 * `某县2018年政务公开工作要点实施方案为深入贯彻落实…`: a page flattened without spaces that opens with a plan's or a rule's
 * title run straight into its preamble (`为…`, `根据《`, `按照`): the title is the text before the preamble.
 */
const TITLE_INTO_PREAMBLE =
  /^([\u4e00-\u9fff\d《》“”（）()—-]{6,60}?(?:方案|办法|细则|规定|意见|规划|计划|要点|预案|制度|规则|通知|通告|公告))(?=为(?:了|进一步|深入|切实|加强|全面|贯彻|规范|做好|推进|保障|确保|加快|有效)|根据《|按照[《上省市县国])/;

function titleIntoPreamble(c: string, i: number): Line | null {
  const m = TITLE_INTO_PREAMBLE.exec(c);
  return m && c.length > m[1].length + 60 && titleLike(m[1]) ? { i, title: m[1], docNumber: null } : null;
}

/** The title in the first lines of the body of a page flattened without spaces, or null. */
function flattenedTitleFrom(units: Unit[], body: number): Line | null {
  // (the piece of the flattened line before the body's first sentence: the head glued to its salutation)
  const before = body > 0 ? prevNonBlankIndex(units, body) : -1;
  for (let i = before >= 0 && units[before].piece ? before : body, seen = 0; i < units.length && seen < 20; i++) {
    if (units[i].blank) continue;
    seen++;
    const t = flattenedTitle(units[i].compact, i) ?? gluedHead(units[i].text, i) ?? titleIntoPreamble(units[i].compact, i);
    if (t) return t;
  }
  return null;
}

/**
 * `文档介绍:某镇人民政府关于印发《…》的通知各相关村、驻镇各单位: 经…` or `…邀请... 某市人民政府关于…的通告某府公字〔〕14号为…`:
 * a document flattened onto one line whose head runs straight into its salutation or its 文号 (a year lost or not).
 */
const GLUED_HEAD = /^([\u4e00-\u9fff]{2,30}?关于[^。，,；;：:！!？?]{2,120}?(?:通知|通告|公告|决定|意见|批复|复函))(?=各[^。]{1,80}[：:]|[\u4e00-\u9fff]{1,12}[〔[［【(（](?:(?:19|20)\d{2})?[〕\]］】)）]第?\d{1,5}号)/;

function gluedHead(text: string, i: number): Line | null {
  for (const seg of text.split(/[ \t\u3000]+/).slice(0, 12)) {
    // (a site's label before it, `文档介绍:`)
    const m = GLUED_HEAD.exec(squeeze(seg).replace(/^[\u4e00-\u9fff]{2,6}[:：]/, ''));
    if (m && titleLike(m[1])) return { i, title: m[1], docNumber: null };
  }
  return null;
}

/**
 * `某某转发…的通知 各县(市)区人民政府,…: 现将…`: a document flattened onto one line opens with its title, then the
 * salutation after a space.
 */
function titleOpeningLine(units: Unit[], at: number): Line | null {
  if (at < 0 || at >= units.length) return null;
  const segs = units[at].text.trim().split(/[ \t\u3000]+/);
  if (segs.length < 3) return null;
  const t = cleanTitle(squeeze(segs[0])).title;
  return titleLike(t) && isSalutation(squeeze(segs[1])) ? { i: at, title: t, docNumber: null } : null;
}

/**
 * `关于印发《某某方案》的通知` within the first lines of the body under a page heading `某某方案`: a news page's lead
 * paragraph stands between the heading and the notice that issues what the heading names.
 */
function carrierBelow(units: Unit[], from: number, heading: string): Line | null {
  const named = heading.replace(/[《》〈〉]/g, '');
  for (let i = from, seen = 0; i < units.length && seen < 8; i++) {
    if (units[i].blank) continue;
    seen++;
    const t = cleanTitle(units[i].compact).title;
    if (/^第[一二三四五六七八九十]+[章条]/.test(t) || isSalutation(t)) return null;
    if (titleLike(t) && CARRYING.test(t) && t.length > named.length && t.replace(/[《》〈〉]/g, '').includes(named)) {
      // (its salutation may list forty addressees: a line that ends in the colon)
      const next = units[nextNonBlank(units, i)];
      const opens = !!next && (isSalutation(next.compact) || isDocNumberLine(next.text) || (/[：:]$/.test(next.compact) && /、/.test(next.compact)));
      return opens ? { i, title: t, docNumber: null } : null;
    }
  }
  return null;
}

/** The first title after a signature date within the next lines from `from`, or null. */
/** `(2021—2025年)`, `（2023-2025年）`: a plan's period alone on its line. */
const PERIOD_LINE = /^[（(](?:19|20)\d{2}年?[—–\-－~至到](?:19|20)\d{2}年?[）)]$/;

function titleUnderSignature(units: Unit[], from: number): Line | null {
  let signed = false;
  for (let i = from, seen = 0; i < units.length && seen < 40; i++) {
    if (units[i].blank) continue;
    seen++;
    const c = units[i].compact;
    // (`某县人民政府办公室 2021年11月23日`: the organ and its date on one line sign too)
    if (isDateOnly(c) || organDateLine(units[i].text)) signed = true;
    // (the attachment's own letterhead and 文号 over its title, `某县人民政府办公室文件` / `某府办函〔2022〕7号`: no part of it)
    else if (signed && (letterheadIssuers(units[i].text) || isDocNumberLine(units[i].text))) continue;
    else if (signed) {
      // a title broken over up to four short lines, the breaks even inside 《》 (`某市人民政府关于修改《某市城市地下` /
      // `管线工程档案管理办法》等12件市政府` / `规章部分条款的决定`)
      let joined = '';
      // (`(此件公开发布)` and other bracketed notes under a signature start no title)
      for (let j = /^[（(].*[）)]$/.test(c) ? -1 : i, n = 0; j >= 0 && j < units.length && n < 4; j = nextNonBlank(units, j), n++) {
        if (n > 0 && (units[j].compact.length > 40 || isDateOnly(units[j].compact))) break;
        joined += units[j].compact;
        const t = cleanTitle(joined).title;
        // (`某市黑土地保护总体规划` / `(2021—2025年)`: the plan's period on its own line under the title is part of it)
        const next = nextNonBlank(units, j);
        const period = titleLike(t) && next > 0 && PERIOD_LINE.test(units[next].compact) ? units[next].compact : '';
        if (titleLike(t) && !/[，,。]/.test(t)) return { i, title: t + period, docNumber: null };
        if (/[，,。；;：:]/.test(units[j].compact)) break;
      }
    }
    if (/^第[一二三四五六七八九十]+[章条]/.test(c)) break;
  }
  return null;
}

/**
 * `2021年度劳动模范名单` directly over `高政任〔2021〕5号`: the first line of a file that the 文号 stands under is its
 * title whatever word it ends in (a list, a 公示), as long as it reads as a title and not as a sentence or a name.
 */
function titleOverNumber(units: Unit[], first: number, dnUnit: number | null): Line | null {
  if (dnUnit === null || nextNonBlank(units, first) !== dnUnit) return null;
  const t = cleanTitle(units[first].compact).title;
  if (t.length < 4 || t.length > 150 || /[。；;：:，,！？!?]/.test(t) || /^各/.test(t)) return null;
  if (HEADING_START.test(t) || isDateOnly(t) || isOrgName(t) || findDocNumbers(t).length) return null;
  return { i: first, title: t, docNumber: null };
}

/** The serial of a 令 number as a heading prints it (`某省人民政府令第18号` → 18). */
const ORDER_SERIAL = /令第0*(\d{1,5})号$/;

/** `…省人民政府令第18号发布` in a history line: the 令's agency, named in full by the page's one issuer where it says only `省人民政府`. */
function historyAgency(agency: string, by: string | null | undefined): string {
  return /^(?:省|市|县|区|州|自治区)(?:人民)?政府$/.test(agency) && by && isOrgName(by) ? squeeze(by) : agency;
}

const IN_FORCE_FROM = new RegExp(`自(${PRINTED_DATE})起(?:施行|实施)`);
/** `…令第189号公布自2008年9月1日起施行）`: the history line says when the 规章 takes effect. */
function historyInForce(c: string, published: string | null): string | null {
  const from = IN_FORCE_FROM.exec(c);
  return from ? (findCnDates(from[1])[0]?.iso ?? null) : /自公布之日起(?:施行|实施)/.test(c) ? published : null;
}

/**
 * A kind word printed alone as a page's only title (`通告`, `通 告`), or with a two-character subject before it
 * (`断交通告`, `停水通知`; never a closing formula, `特此通告`, nor a portal's column of two kinds, `通知公告`).
 */
export const KIND_ALONE = /^(?!(?:通知|通告|公告|公示)(?:公告|公示|通告)$)(?:(?!特此|现予|予以|特予|专此|现将)[\u4e00-\u9fff]{2})?(?:通告|公告|通知|通报|公示|布告|告示|启事)$/;

/** `2022-09-09 16:49`, `浏览次数:`, `信息来源:机关`: a portal's posting lines between a heading and the text. */
// (and a newspaper's dateline, `某某日报 2021-03-26 08:27 大字`: its name, the day and time, a font button)
const POSTING_FIELD =
  /^(?:(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ \u3000]{0,3}\d{1,2}:\d{2}(?::\d{2})?)?|(?:浏览次数|访问次数|点击数|信息来源|来源|作者|发布时间|字号)[:：][^。，,；;]{0,30}|[\u4e00-\u9fff]{2,10}(?:报|网|台)\s*(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:\s*\d{1,2}:\d{2})?(?:\s*[大中小]字)?)$/;

/**
 * `通告` alone over the addressee line (`尊敬的市民、广大驾驶员:`) or the body: a page whose only title is the kind word.
 */
function kindAlone(units: Unit[], first: number, body: number): Line | null {
  if (body < 0 || body >= units.length) return null;
  let k = prevNonBlankIndex(units, body);
  // (an addressee line that names no organ, `尊敬的市民:`, is not read as the salutation)
  if (k >= first && /[：:]$/.test(units[k].compact) && !KIND_ALONE.test(units[k].compact)) k = prevNonBlankIndex(units, k);
  // (`通 知` / `2022-09-09 16:49` / `浏览次数:` / `信息来源:机关` / the salutation: a portal's posting lines under the kind word)
  for (let n = 0; n < 4 && k > first && POSTING_FIELD.test(units[k].compact); n++) k = prevNonBlankIndex(units, k);
  return k >= first && KIND_ALONE.test(units[k].compact) ? { i: k, title: units[k].compact, docNumber: null } : null;
}

/** `发布时间:2022-04-02` (or `发布:某网 [ 发布时间 : 2021-01-06 ]`): a page's posting line under its heading. */
const POSTING_LINE = /^(?:发布|发表|更新|创建)(?:时间|日期)[:：]|^(?:发布|来源)[:：][^。]{0,40}发布(?:时间|日期)/;

/**
 * `某县延长供暖时间至4月15日` / `发布时间:2022-04-02` / the body: the page's first line, a heading that ends in no kind word
 * over the page's posting line — the only title the page holds (a stray `?` a converter put before it dropped).
 */
function headingOverPosting(units: Unit[], first: number, body: number): Line | null {
  // (`新闻中心> 某某标题` over `某某标题`: a news site's column and the heading it ends in, over the heading)
  const second = nextNonBlank(units, first);
  const crumb = second > 0 && /[>»›＞]/.test(units[first].compact) && units[first].compact.endsWith(units[second].compact);
  const at = crumb ? second : first;
  const c = units[at].compact.replace(/^[?？]+/, '');
  // (the posting line was read as a page field: its raw text stands)
  let next = at + 1;
  while (next < units.length && next < at + 4 && !units[next].raw.trim()) next++;
  if (next >= units.length || (body >= 0 && next > body) || !POSTING_LINE.test(squeeze(units[next].raw))) return null;
  // (a news headline may exclaim: `自然生态当先!某地…`)
  const plain = titlePart(c.replace(/[!！]/g, '')) && !isOrgName(c) && !isDateOnly(c) && !isDocNumberLine(units[at].text);
  return c.length >= 6 && plain ? { i: at, title: c, docNumber: null } : null;
}

/**
 * `@某县人,9月18日某县将在县城试鸣防空警报` / `广大人民群众:`: a portal's news-style heading, the page's one line over the
 * salutation, is the only title the page holds (a sentence, an organ, a date or a 文号 is none).
 */
function headingOverSalutation(units: Unit[], first: number, body: number): Line | null {
  if (body < 0 || body >= units.length) return null;
  // (an addressee naming no organ, `广大人民群众:`, over the body's first sentence)
  const above = isSalutation(units[body].compact) ? body : prevNonBlankIndex(units, body);
  if (above < 0 || !(above === body || /^[^。，,；;]{2,20}[：:]$/.test(units[above].compact)) || prevNonBlankIndex(units, above) !== first) return null;
  const c = units[first].compact;
  const plain = c.length >= 8 && c.length <= 60 && /[\u4e00-\u9fff]{4}/.test(c) && !/[。；;：:！!？?|]/.test(c);
  return plain && !isOrgName(c) && !isDateOnly(c) && !isDocNumberLine(units[first].text) && !siteMenu(c) ? { i: first, title: c, docNumber: null } : null;
}

/** Words of a news or city site's menu (`便民资讯旅游天气路况推广寻人`: the menu run together, no heading). */
const MENU_WORD = /^(?:首页|新闻|资讯|便民|旅游|天气|路况|推广|寻人|招聘|求职|房产|汽车|教育|健康|美食|娱乐|体育|财经|科技|文化|社会|生活|服务|互动|政务|专题|视频|图片|论坛|社区|热点|本地|头条|要闻|民生|法治|商城|分类信息|二手|交友|登录|注册|搜索|更多|网站导航|关于我们|联系我们)/;

function siteMenu(c: string): boolean {
  let rest = c;
  let words = 0;
  for (let m = MENU_WORD.exec(rest); m; m = MENU_WORD.exec(rest)) {
    rest = rest.slice(m[0].length);
    words++;
  }
  return rest === '' && words >= 4;
}

/**
 * `某县:部分道路实施临时交通管制` straight over the body: a news site's headline naming the place before a colon, the only title
 * the page prints (a sentence is none).
 */
function placeHeadline(units: Unit[], first: number, body: number): Line | null {
  // (read as an addressee and its first words, `某县:…`, it may itself be taken for the body's start)
  if (body < 0 || (body !== first && nextNonBlank(units, first) !== body)) return null;
  const c = units[first].compact;
  const m = /^[\u4e00-\u9fff]{1,10}(?:省|市|县|区|州|盟|旗)[:：]([^。，,；;：:！!？?|]{6,40})$/.exec(c);
  // (a place before a document's own title, `某省某县:关于…的通告`, is a site's prefix: the title is read as such)
  const next = units[nextNonBlank(units, first)]?.compact ?? '';
  return m && !isTitleEnd(m[1]) && next.length >= 30 && /[。，,]/.test(next) ? { i: first, title: c, docNumber: null } : null;
}

/** A 文号 line, whole or cut short (`某政告字〔20228`): a code, a bracket and a year, nothing of a sentence. */
const NUMBER_LINE = /^[\u4e00-\u9fff]{1,12}[〔[［【(（﹝](?:19|20)\d{2}[^。，,；;：:]{0,8}$/;

/** A line of a head broken over lines (its first may name four joint issuers): no sentence punctuation. */
const headPart = (c: string) => c.length > 0 && c.length <= 80 && !/[。，,；;：:！!？?…]/.test(c);

/**
 * A head broken where a word ends, as GB/T 9704 sets a title: the upper line cannot end a title (`某县人民政府办公室关于` /
 * `对…的通知`), or the lower one cannot open one (`…《甲细则》` / `《乙细则》的通知`, `…感染` / `的肺炎…指挥部通告`).
 */
const brokenHead = (upper: string, lower: string) => headPart(upper) && headPart(lower) && continuesTitle(upper, lower);

/** A line that may be part of a title: short, no sentence punctuation. */
const titlePart = (c: string) => c.length > 0 && c.length <= 40 && !/[。，,；;：:！!？?]/.test(c);

/**
 * A mirror of an account's post: the site's blurb or a lead paragraph is the page's first sentence, and the head
 * (`某县人民政府关于禁止…` / `…的通告`, one line or two) stands below it, straight over the body — before any
 * signature (a title under a signature is an attachment's).
 */
function headBelowLead(units: Unit[], body: number, issuerAbove: string[]): Head | null {
  if (body < 0) return null;
  // (a news lead that announces the text, `…发布公告称,…。全文如下:`: the head straight under it, with or without 关于)
  const announced = body < units.length && /(?:全文|原文|内容)如下[:：]$/.test(units[body].compact) ? nextNonBlank(units, body) : -1;
  for (let i = body + 1, seen = 0; i < units.length && seen < 30; i++) {
    if (units[i].blank) continue;
    seen++;
    const c = units[i].compact;
    if (isDateOnly(c) || isSalutation(c) || /^第[一二三四五六七八九十百零〇\d]{1,5}[条章]/.test(c)) return null;
    if (!titlePart(c)) continue;
    let joined = '';
    // (a head over three lines, `某县人民政府` / `关于加强…的` / `通告`: the issuer's line opens it)
    const lines = splitIssuers(units[i].text) ? 3 : 2;
    for (let j = i, n = 0; j >= 0 && n < lines && titlePart(units[j].compact); j = nextNonBlank(units, j), n++) {
      // (a record's heading over the head, `办理情况` / `某局关于…的答复函`: a title alone under a line that names no organ
      // starts its own)
      const alone = n > 0 ? cleanTitle(units[j].compact).title : '';
      if (alone.includes('关于') && titleLike(alone) && !units[i].compact.includes('关于') && !splitIssuers(units[i].text)) break;
      joined += units[j].compact;
      const t = cleanTitle(joined).title;
      if (!titleLike(t) || !(t.includes('关于') || i === announced)) continue;
      // (a 文号 line between the title and the body, even one that lost characters: `某政告字〔20228`)
      const numberAt = nextNonBlank(units, j);
      const numbered = numberAt >= 0 && NUMBER_LINE.test(units[numberAt].compact);
      const after = numbered ? nextNonBlank(units, numberAt) : numberAt;
      const ac = after >= 0 ? units[after].compact : '';
      if (!isSalutation(ac) && !(ac.length >= 30 && /[。，,]/.test(ac))) return null;
      const named = issuersOfTitle(t);
      return { start: i, titleStart: i, titleEnd: j, headEnd: numbered ? numberAt : j, title: t, titleIssuers: named.length ? named : issuerAbove,
        docNumberUnit: numbered && isDocNumberLine(units[numberAt].text) ? numberAt : null, inlineDocNumber: null, registration: null };
    }
  }
  return null;
}

/** The title a news lead names in 《》 (its last such name that is a title), as the head of the text under it; else null. */
function leadNamesHead(units: Unit[], body: number, issuerAbove: string[]): Head | null {
  const names = [...units[body].compact.matchAll(/《([^《》]{6,150})》/g)].map((m) => m[1]).filter((t) => titleLike(t) && t.includes('关于'));
  const title = names.at(-1);
  if (!title) return null;
  const named = issuersOfTitle(title);
  return { start: body, titleStart: body, titleEnd: body, headEnd: body, title, titleIssuers: named.length ? named : issuerAbove,
    docNumberUnit: null, inlineDocNumber: null, registration: null };
}

/**
 * The head below the lead paragraph when nothing above the body is a title, or when a news site's headline stands above
 * a lead that names the document in 《》 (`近日,…发布了《某办公室关于…的公示》。…`) and that document's own head is below it.
 */
function headNamedByLead(units: Unit[], chosen: Line | null, body: number, issuerAbove: string[]): Head | null {
  if (chosen && chosen.i >= body) return null;
  // (`…发布《某指挥部关于…的通知》。全文如下:` straight over the salutation: the text prints no head, the lead names it)
  const above = body > 0 ? prevNonBlankIndex(units, body) : -1;
  if (!chosen && above >= 0 && LEAD_ANNOUNCES.test(units[above].compact) && isSalutation(units[body].compact)) return leadNamesHead(units, above, issuerAbove);
  const lead = headBelowLead(units, body, issuerAbove);
  return lead && (!chosen || units[body].compact.includes(`《${lead.title}》`)) ? lead : null;
}

/** `某县某某指挥部` / `通 告` / `(第1号)`: the kind word alone straight under its organ's line. */
function kindUnderOrgan(units: Unit[], title: string, issuerLine: number, i: number): boolean {
  return KIND_ALONE.test(title) && issuerLine >= 0 && issuerLine === prevNonBlankIndex(units, i);
}

/**
 * The title under the heading chosen above the body: a notice below the lead paragraph that 印发 the 方案 the heading
 * names, or the own title a portal heading prefixed a place or a year to; else the heading.
 */
function headingOrBelow(units: Unit[], chosen: Line, body: number): Line {
  const carrier = chosen.i < body ? carrierBelow(units, body, chosen.title) : null;
  return carrier ?? (chosen.docNumber ? null : ownTitleBelow(units, chosen)) ?? chosen;
}

/**
 * `某某部办公厅关于…的通知.docx` over the text: a document-sharing site heads its copy with the name of the file it offers.
 * The title only when nothing else above the body gives one (a site names a file as it likes: `…办法.docx` over a copy that
 * prints its own head, an attachment's file after the signature).
 */
function fileNameHeading(units: Unit[], first: number, body: number): Line | null {
  for (let i = first; i < body; i++) {
    const m = units[i].blank ? null : /^(.{6,150})\.(?:docx?|wps|pdf)$/i.exec(units[i].compact);
    const t = m ? cleanTitle(m[1]).title : '';
    if (m && titleLike(t)) return { i, title: t, docNumber: null, issuers: rawIssuers(m[1]) };
  }
  return null;
}

/** `市人大常委会公告`, `某省人民代表大会常务委员会公告`: the heading of the 公告 that promulgates an act (named by its organ only). */
const PROMULGATING = /^(?:[\u4e00-\u9fff]{0,16}?(?:人大常委会|人民代表大会常务委员会)|[\u4e00-\u9fff]{0,16}?人民政府)公告$/;

/**
 * `市人大常委会公告` / `(第四十一号)` / `《某某关于修改〈…〉等四部地方性法规的决定》已由…通过，现予公布…`: a promulgating 公告
 * that prints the act's title only in its sentence. The document is the act, titled so (as a 政府令 is its 规章); the
 * title is read to its closing 》, inner 《》〈〉 kept.
 */
function promulgatedTitle(units: Unit[], heading: Line): string | null {
  return PROMULGATING.test(heading.title) ? promulgatedAfter(units, heading.i) : null;
}

/**
 * The act a promulgation sentence names (`《某规定》已于…经…通过,现予公布`) within the three lines after units[at]: a
 * 公告's heading, or a 令's number when the page prints the 规章's title nowhere else (a law archive's copy of a 部令
 * that names it only there and in an `附件:` line).
 */
function promulgatedAfter(units: Unit[], at: number): string | null {
  for (let i = at + 1, seen = 0; i < units.length && seen < 3; i++) {
    if (units[i].blank) continue;
    seen++;
    const c = units[i].compact;
    if (!c.startsWith('《')) continue;
    let depth = 0;
    let end = -1;
    for (let k = 0; k < c.length && k < 400 && end < 0; k++) {
      if (c[k] === '《') depth++;
      else if (c[k] === '》' && --depth === 0) end = k;
    }
    const rest = end > 0 ? c.slice(end + 1, end + 160) : '';
    if (/^[,，]?(?:已由|已经|已于|经)[^。]*?(?:现予公布|现予发布|予以公布)/.test(rest)) return c.slice(1, end);
    return null;
  }
  return null;
}

/** `某海事局航行通告 2007年第17号`: an organ's name, its series of notices and the year's serial, over a notice's title. */
const SERIES_HEADER = /^([\u4e00-\u9fff]{3,30}?)(?:航行通告|航行警告|通告|公告)[ \t\u3000]*(?:(?:19|20)\d{2}年)?第\d{1,4}号$/;

/**
 * The issuers a line above the title names: a line of issuer names, or (`中华人民共和国某海事局航行通告 2007年第17号`) an
 * organ's series of notices, the organ issuing.
 */
function issuerLineOf(text: string): string[] | null {
  const series = SERIES_HEADER.exec(text.trim());
  return splitIssuers(text) ?? (series && isOrgName(series[1]) ? [series[1]] : null) ?? countedIssuers(text) ?? letterheadIssuers(text);
}

/**
 * The issuer line at units[i], or a letterhead broken over two lines (`某县某镇` / `人民政府文件`): its organs and the line it
 * ends on, or null.
 */
function issuerLinesAt(units: Unit[], i: number): { issuers: string[]; end: number } | null {
  const one = issuerLineOf(units[i].text);
  if (one) return { issuers: one, end: i };
  // (the lower half, `人民政府文件`, reads like a gazette's section label and was set aside as furniture: its printed text counts)
  let next = i + 1;
  while (next < units.length && next < i + 4 && !units[next].raw.trim()) next++;
  const lower = next < units.length ? squeeze(units[next].raw) : '';
  const two = units[i].compact.length <= 30 && /文件$/.test(lower) ? letterheadIssuers(units[i].compact + lower) : null;
  return two ? { issuers: two, end: next } : null;
}

/** GB/T 9704's 发文机关标志, `某某县人民政府文件` (`中共某县委办公室 某县人民政府办公室文件`): its organs, never a part of the title. */
const LETTERHEAD = /^(.{2,60}?)[ \t\u3000]*文[ \t\u3000]*件$/;
function letterheadIssuers(text: string): string[] | null {
  const m = LETTERHEAD.exec(text.trim());
  return m ? splitIssuers(m[1]) : null;
}

/**
 * `某市防汛指挥部` / `20214` (or `2021年4月`, `2021年4月9日`) under a 预案's title: its cover's compiling organ and date (a date
 * that lost its day — run together, `20214`, or `2021年4月` — gives none).
 */
function coverUnder(units: Unit[], issuerLine: number, chosen: Line | null): { date: string | null } | null {
  if (!chosen || issuerLine <= chosen.i) return null;
  const k = nextNonBlank(units, issuerLine);
  const c = k >= 0 ? units[k].compact : '';
  if (isDateOnly(c) && /年/.test(c)) return { date: findCnDates(c)[0]?.iso ?? null };
  return /^(?:19|20)\d{2}(?:1[0-2]|[1-9])$/.test(c) || /^(?:19|20)\d{2}年\d{1,2}月$/.test(c) ? { date: null } : null;
}

/** The organ of a 令 number (`某省人民政府令第5号` → `某省人民政府`), when it is one. */
function orderOrgan(order: string | undefined): string[] {
  const organ = order ? /^(.*)令/.exec(order)?.[1] : undefined;
  return organ && isOrgName(organ) ? [organ] : [];
}

/**
 * The head's issuers: those its title names, else its 令's organ, else a cover's compiling organ, else the page's issuer
 * field (`省人民政府关于…` under the site's `湖北省人民政府`: the short name is that organ), else an issuer line.
 */
function headIssuers(named: string[], fromOrder: string[], cover: boolean, issuer: string[] | null, meta: PageMeta): string[] {
  // (a `发布单位` field names an organ as printed, even one whose name lost its last glyph)
  const fromMeta = meta.issuer && labelledOrgan(meta.issuer) ? [squeeze(meta.issuer)] : [];
  return named.length ? named : fromOrder.length ? fromOrder : cover && issuer ? issuer : fromMeta.length ? fromMeta : (issuer ?? []);
}

/**
 * The title of the page's head: the chosen line's (or the 规章 its 令 promulgates), else the page's `标题` field, else its
 * title line above the text (`关于…的通告_某某市人民政府门户网站`, for a page whose text prints no title).
 */
function pageHeadTitle(units: Unit[], meta: PageMeta, chosen: Line | null, body: number, order: { end: number; text: string } | null): string {
  // (a portal's `标题` field naming the notice that carries the document found under the signature: the page starts at
  // the notice's addressee line, and the field is the notice's own title)
  const fieldTitle = meta.title ? cleanTitle(squeeze(meta.title)).title : '';
  const plain = (t: string) => t.replace(/[《》〈〉]/g, '');
  // (a notice that names the plan with another verb, `关于落实修订…预案的通知`, carries it so too)
  const carrier = CARRYING.test(fieldTitle) || /的(?:通知|决定)$/.test(fieldTitle);
  const fieldCarries = !!chosen && chosen.i >= body && titleLike(fieldTitle) && carrier && plain(fieldTitle).includes(plain(chosen.title));
  const own = fieldCarries ? fieldTitle : chosen ? (promulgatedTitle(units, chosen) ?? chosen.title) : order ? (promulgatedAfter(units, order.end) ?? ownOrderTitle(order.text)) : null;
  return own ?? quotedNotice(units, meta.title, body) ?? meta.title ?? meta.pageTitle ?? '';
}

/**
 * A forum's post titled with a headline (`寒衣节,你文明祭扫了吗?…`) that quotes the notice: the notice's own title, a line
 * ending in its kind word within the post's first lines, over the notice's text.
 */
function quotedNotice(units: Unit[], field: string | null, body: number): string | null {
  if (!field || !/[?？!！]/.test(field) || body < 0) return null;
  for (let i = body, seen = 0; i < units.length && seen < 6; i++) {
    if (units[i].blank) continue;
    seen++;
    const c = units[i].compact;
    const next = units[nextNonBlank(units, i)]?.compact ?? '';
    if (c.length <= 40 && /(?:公告|通告|通知)$/.test(c) && titleLike(c) && next.length >= 30 && /[。，,]/.test(next)) return c;
  }
  return null;
}

/** Finds the head of the one document on a page; null when the page has no text. */
export function findPageHead(units: Unit[], meta: PageMeta, from: number): Head | null {
  const first = units.findIndex((u, i) => i >= from && !u.blank);
  if (first < 0) return null;
  let body = bodyStart(units, first);
  // no body start in sight: the head is looked for in the same first lines only (bounded work per page)
  if (body < 0) body = Math.min(units.length, nthNonBlank(units, first, LOOKAHEAD));
  const lines: Line[] = [];
  let issuer: string[] | null = null;
  let order: { text: string; end: number; at: number } | null = null;
  let dnUnit: number | null = null;
  let issuerLine = -1;
  let lone: string | null = null;
  let historyDate: string | null = null;
  let historyEffective: string | null = null;
  for (let i = first; i < body; i++) {
    if (units[i].blank || contentsLine(units[i])) continue;
    const c = titleAfterClutter(units[i].text) ?? units[i].compact;
    const at = issuerLinesAt(units, i);
    if (at) {
      // (`某市统计局` / `国家统计局某市调查队` under a 公报's title: joint organs one per line, read on)
      if (issuer && issuerLine >= 0 && issuerLine === prevNonBlankIndex(units, i)) issuer = [...issuer, ...at.issuers.map(siteIssuer)];
      issuer ??= at.issuers.map(siteIssuer);
      issuerLine = i = at.end;
      continue;
    }
    // `第153号` alone: a 令 number whose `某省人民政府令` line the page left out
    const n = /^[（(]?第0*(\d{1,5})号[）)]?$/.exec(c);
    if (n) {
      lone ??= n[1];
      continue;
    }
    const withOrder = titleAndOrder(c);
    if (withOrder) {
      lines.push({ i, title: withOrder.title, docNumber: null });
      order ??= { text: withOrder.order, end: i, at: i };
      continue;
    }
    // `1990年3月10日,铁道部` under the title: a law site's line of the date it was issued and by whom
    const dated: RegExpExecArray | null = lines.length && !historyDate ? DATE_ISSUER_LINE.exec(c) : null;
    // (`1991年1月23日,国家环保局、能源部`: joint issuers)
    const datedBy: string[] | null = dated ? splitIssuers(dated[2]) : null;
    if (dated && datedBy) {
      historyDate = findCnDates(dated[1])[0]?.iso ?? null;
      issuer ??= datedBy;
      continue;
    }
    // (the line straight under the title: the head's own date)
    const under: string | null = lines.length && !historyDate && lines[lines.length - 1].i === prevNonBlankIndex(units, i) ? bracketedDate(c) : null;
    if (under) {
      historyDate = under;
      continue;
    }
    // `（1992年7月25日…通过，1992年10月22日省人民政府令第18号发布）` under a 规章's title: its own 令 and its date (a page may start
    // at the history line, its title not copied; a heading that printed the same 令's number before the title leaves it the date)
    const history: ReturnType<typeof historyAt> = order && (historyDate || !ORDER_SERIAL.test(order.text)) ? null : historyAt(units, i, body);
    if (history && (order ? ORDER_SERIAL.exec(order.text)?.[1] === history.m[3] : lines.length || i === first)) {
      const hist: RegExpExecArray = history.m;
      order ??= { text: `${historyAgency(hist[2], issuer?.length === 1 ? issuer[0] : meta.issuer)}令第${hist[3]}号`, end: history.end, at: i };
      historyDate = findCnDates(hist[1])[0]?.iso ?? null;
      historyEffective = historyInForce(history.text, historyDate);
      i = history.end;
      continue;
    }
    const o: { text: string; end: number } | null = order
      ? null
      : orderNumber(units, i, nextNonBlank(units, i), issuer?.length === 1 ? issuer[0] : meta.issuer);
    if (o) {
      order = { ...o, at: i };
      i = o.end;
      continue;
    }
    const cleaned = cleanTitle(c);
    // (`关于…的公告某府通〔2023〕3号`: a title with its 文号 glued after it, short enough to read as a 文号 line, is a title)
    if (isDocNumberLine(units[i].text) && !(cleaned.docNumber && c.endsWith(cleaned.docNumber) && titleLike(cleaned.title))) {
      dnUnit ??= i;
      continue;
    }
    const lead = LEADING_NUMBER.exec(units[i].text.trim());
    if (lead && findDocNumbers(lead[1]).length) {
      const t = cleanTitle(squeeze(lead[2])).title;
      if (titleLike(t)) {
        lines.push({ i, title: t, docNumber: squeeze(lead[1]), issuers: rawIssuers(lead[2]) });
        continue;
      }
    }
    const next = nextNonBlank(units, i);
    // a title broken over two lines: neither half is one, and the first has no sentence punctuation
    const nextC = units[next]?.compact ?? '';
    const runsOn = next > 0 && next < body && brokenHead(c, nextC);
    const opening = runsOn || opensTitle(cleaned.title, nextC);
    // (a page heading printed again broken over two lines: the halves join into the heading's title)
    const repeats = next > 0 && next < body && lines.some((l) => l.title === cleanTitle(c + units[next].compact).title);
    const joinable =
      (!titleLike(cleaned.title) || runsOn) && !/^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?$/.test(c) && !/^\d+$/.test(c) && next > 0 && next < body && !/[!！。？?]/.test(c) && (opening || repeats || nameBrokenAcross(c, nextC) || !titleLike(cleanTitle(units[next].compact).title));
    let joinedText = joinable ? c + units[next].compact : '';
    let joined = joinable ? cleanTitle(joinedText) : null;
    let joinedEnd = next;
    // (an opening broken over three or four lines: `某市人民政府办公室关于印发某市推进` / `义务教育…督导评估` / `规划实施细则的通知`)
    for (let n = 0; joined && opening && !titleLike(joined.title) && n < 2; n++) {
      const more = nextNonBlank(units, joinedEnd);
      const mc = more > 0 && more < body ? units[more].compact : '';
      // (never over a 文号 line or the start of another title: `某市人民政府办公室文件` / `某政办发〔2020〕1号` / `关于…`)
      if (!mc || mc.length > 40 || /[!！。？?，,；;：:]/.test(mc) || /^(?:关于|印发|转发|批转)/.test(mc) || isDocNumberLine(units[more].text)) break;
      joinedText += mc;
      joined = cleanTitle(joinedText);
      joinedEnd = more;
    }
    if (titleLike(cleaned.title) && !(runsOn && joined && titleLike(joined.title))) lines.push(withIssuerAbove(units, issuerLine, i, cleaned, lines, rawIssuers(units[i].text)));
    else if (joined && ((titleLike(joined.title) && (c.length <= 40 || runsOn)) || kindUnderOrgan(units, joined.title, issuerLine, i))) {
      // a title broken over two lines (`关于印发……管理` / `实施细则的通知`)
      lines.push(withIssuerAbove(units, issuerLine, i, joined, lines, rawIssuers(units[i].text)));
      i = joinedEnd;
    } else if (kindUnderOrgan(units, cleaned.title, issuerLine, i)) lines.push(withIssuerAbove(units, issuerLine, i, cleaned, lines));
    else lines.push(...segmentTitles(units[i], i, cleaned.docNumber));
  }
  const opening = lines.length || dnUnit !== null ? null : titleOpeningLine(units, body);
  let chosen = chooseTitle(lines, units) ?? titleOverNumber(units, first, dnUnit) ?? opening;
  if (chosen) chosen = headingOrBelow(units, chosen, body);
  // 政府令 and 决定 pages that start with the preamble: the title stands under the signature date.
  chosen ??= titleUnderSignature(units, order ? order.end + 1 : body);
  chosen ??= flattenedTitleFrom(units, body);
  chosen ??= kindAlone(units, first, body) ?? kindBeforeBar(units, first) ?? headingOverPosting(units, first, body) ?? headingOverSalutation(units, first, body) ?? placeHeadline(units, first, body) ?? (order ? null : fileNameHeading(units, first, body));
  const title = pageHeadTitle(units, meta, chosen, body, order);
  // (`某政办发[2020]35号某市推进…的通知` over the head `某市人民政府办公室关于印发某市推进…的通知`: the heading's number is the head's)
  const headingNumber = chosen && !chosen.docNumber ? lines.find((l) => l !== chosen && l.docNumber && chosen.title.endsWith(l.title))?.docNumber : undefined;
  // (the date a city archive prints after the title: the date the document was issued, when nothing else gives one)
  historyDate ??= chosen?.date ?? null;
  const below = order || dnUnit !== null ? null : headNamedByLead(units, chosen, body, issuer ?? []);
  if (below) return below;
  if (!chosen && !order && dnUnit === null) {
    // Nothing above the body but furniture: the page starts with the salutation (the title was not copied).
    return { start: first, titleStart: first, titleEnd: first, headEnd: first - 1, title, titleIssuers: issuer ?? [],
      docNumberUnit: null, inlineDocNumber: null, registration: null };
  }
  const titleUnit = chosen?.i ?? first;
  const numberEnd = order?.end ?? dnUnit;
  let headEnd = titleUnit;
  if (numberEnd !== null) {
    const signedBetween = units.slice(Math.min(numberEnd, titleUnit), Math.max(numberEnd, titleUnit)).some((u) => isDateOnly(u.text));
    headEnd = signedBetween ? numberEnd : Math.max(numberEnd, titleUnit);
  }
  // A title under the signature: the preamble and signature above it are body.
  if ((!chosen || chosen.i >= body) && body < units.length) headEnd = Math.max(first, Math.min(headEnd, body - 1));
  if (order && chosen && chosen.i > order.end) headEnd = order.end;
  const opensWithPreamble = !!chosen && chosen.i >= body && body === first && !order && dnUnit === null;
  const fromOrder = orderOrgan(order?.text);
  const named = completeAbbreviated(chosen?.issuers ?? issuersOfTitle(title), [...(issuer ?? []), ...fromOrder]);
  const cover = coverUnder(units, issuerLine, chosen);
  const titleIssuers = headIssuers(named, fromOrder, !!cover, issuer, meta);
  // (a 公告's or 通告's serial under its title, `第18号`, is no 令's number: 335)
  // (`某县…指挥部令` / `(第1号)`: an order titled with its heading takes the serial as its number)
  if (!order && lone && dnUnit === null && ownOrderTitle(`${title}第${lone}号`)) order = { text: `${title}第${lone}号`, end: titleUnit, at: titleUnit };
  if (!order && lone && dnUnit === null && /人民政府$/.test(titleIssuers[0] ?? '') && !/(?:公告|通告|公示|通报)$/.test(title)) {
    order = { text: `${titleIssuers[0]}令第${lone}号`, end: titleUnit, at: titleUnit };
  }
  return {
    start: Math.min(titleUnit, first),
    titleStart: titleUnit,
    titleEnd: titleUnit,
    // (a document on one line: the line, title included, is the body; a 政府令 page that opens with its preamble
    // (`《…》已经…通过，现予公布，自公布之日起施行。`), the title under the signature: the preamble is body, where its 施行
    // clause is read)
    headEnd: chosen && chosen === opening ? opening.i - 1 : opensWithPreamble ? first - 1 : Math.max(headEnd, first),
    title,
    titleIssuers,
    docNumberUnit: order ? null : dnUnit,
    inlineDocNumber: order?.text ?? chosen?.docNumber ?? headingNumber ?? null,
    registration: null,
    ...(historyDate ? { historyDate } : {}),
    ...(historyEffective ? { historyEffective } : {}),
    ...(cover && !cover.date ? { coverUndated: true } : {}),
  };
}


/** Small text helpers shared by the parse pipeline. Pure. */
import { findCnDates, isDateOnly } from '../domain/cn-date';

/** Is this character Chinese or full-width punctuation (where a space is a layout artefact)? */
export function isWide(c: string | undefined): boolean {
  if (!c) return false;
  const x = c.charCodeAt(0);
  return (
    (x >= 0x3000 && x <= 0x303f) ||
    (x >= 0x3400 && x <= 0x4dbf) ||
    (x >= 0x4e00 && x <= 0x9fff) ||
    (x >= 0xff00 && x <= 0xffef) ||
    (x >= 0x2010 && x <= 0x201f) ||
    x === 0x2026 ||
    x === 0x00b7
  );
}

const LAYOUT_SPACE = /[ \t\u3000\u00a0\n\r\f]+/g;
const ARTICLE_END = /第[一二三四五六七八九十百零〇\d]{1,6}条$/;

/**
 * Removes whitespace that PDF extraction put between characters, keeping one space only between two
 * Latin/number tokens (`JGJ 39-2016`): `通 知` → `通知`, `招远市 2022 年` → `招远市2022年`. Linear time.
 */
export function compactText(s: string): string {
  if (!s) return '';
  return s.replace(LAYOUT_SPACE, (run: string, at: number) => {
    const end = at + run.length;
    if (at === 0 || end >= s.length) return '';
    // `第一条　为了…`: the full-width space after an article number is written, not layout
    if (run.includes('\u3000') && ARTICLE_END.test(s.slice(Math.max(0, at - 8), at))) return '\u3000';
    return !isWide(s[at - 1]) && !isWide(s[end]) ? ' ' : '';
  });
}

/** Removes every whitespace character. */
export function squeeze(s: string): string {
  return s.replace(/[\s\u3000\u00a0]+/g, '');
}

/** Sentence-final punctuation (optionally followed by closing quotes/brackets) at the end of a line. */
export const TERMINAL_END = /[。！？；：:!?;…][”’」』）)】]*$/;

/**
 * Headings that start a new paragraph: `一、` `（一）` `(一)` `1.` `1、` `（1）` `第一条` `附件` and list bullets.
 * Tested against a line with its leading spaces removed.
 */
export const HEADING_START =
  /^(?:[-•●▪]\s*)?(?:[一二三四五六七八九十百]{1,4}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)]|第[一二三四五六七八九十百零〇\d]{1,5}[条章节部分]|附件\s*\d*\s*[:：]?|附\s*件|注\s*[:：]|[一二三四五六七八九十]是|——|一一)/;

/**
 * A site's column tag before a title (`「通告」某县人民政府关于…`, `【通知】关于…`, `[转帖]关于…`): not part of the title.
 * A kind or repost word counts, and any column name (`【市政府重点工作及责任分解】某市人民政府关于…`) before a title that
 * opens with 关于, with its issuer and 关于 or with a bare place and 关于 (`[政府公告] 某市关于…的通告`), so a title that itself opens with brackets keeps them; a
 * forum's subject type (`[资料] 某某管理规定`, `[讨论]`, `[求助]`) before any title; and a validity
 * status (`【现行有效】某镇人民政府突发事件应急预案`, `[已废止]`) before any title.
 */
export const SITE_TAG =
  /^[ \t\u3000]*(?:[「【[](?:通知|通告|公告|公示|决定|意见|转帖|转载|转|原创|分享|转发|资料|讨论|求助|推荐|下载|法规|政策|文件|政务|现行有效|有效|已失效|失效|已废止|废止|已修改|已修订|部分失效)[」】\]]|【[\u4e00-\u9fff]{2,8}】(?=[ \t\u3000]*[\u4e00-\u9fff《“@]{2})|[「[][\u4e00-\u9fff]{2,8}[」\]](?=[ \t\u3000]*[\u4e00-\u9fff]{1,12}?(?:省|市|县|区|州|盟|旗)[\u4e00-\u9fff]{2})|[「【[][\u4e00-\u9fff]{2,24}[」】\]](?=[ \t\u3000]*(?:关于|[\u4e00-\u9fff]{2,24}?(?:人民政府|政府|办公厅|办公室|委员会|局|厅)关于|[\u4e00-\u9fff]{1,12}?(?:省|市|县|区|州|盟|旗)关于|[\u4e00-\u9fff]{2,4}发布[ \t\u3000]*关于)))[ \t\u3000]*/;

/**
 * `…的通知(有效)`, `…的通知(已失效)`, `…的通知【现行有效】`: a portal's validity mark after a title — the file's status on
 * the site, like a `时效`/`有效性` field — is no part of it (the title's own `(试行)`, `(修订)`, `(第一批)` stay).
 */
export const VALIDITY_MARK =
  /[ \t\u3000]*[（(【[](?:现行有效|全文有效|部分有效|有效|已失效|部分失效|失效|已废止|废止|全文废止|已修改|尚未生效|未生效)[）)】\]][ \t\u3000]*$|(?<=的(?:通知|通告|公告|决定|意见|办法|规定|细则|批复))[ \t\u3000]*(?:全文废止|部分废止|全文失效|部分失效|现行有效|已废止|已失效)[ \t\u3000]*$/;

/**
 * `…的公告(某某局公告2021年第45号)`, `通 告` / `(县疫情防控指挥部第1号)`: a 公告's or 通告's serial in brackets after its title
 * (with or without the organ and the year) — no 文号 and no part of the title (a 令's number is read apart).
 */
export const SERIAL_AFTER_TITLE = /(?<=[告知报示])[（(][\u4e00-\u9fff]{0,16}(?<!令)(?:(?:19|20)\d{2}年)?第[\d一二三四五六七八九十]{1,4}号[）)]$/;

/**
 * `某某总署公告2020年第108号(关于公布…的公告)`: a 公告's serial with the title in brackets after it. The title, or null.
 */
export function titleAfterSerial(t: string): string | null {
  const m = /^([\u4e00-\u9fff]{2,30}?)(?:公告|通告)(?:(?:19|20)\d{2}年)?第\d{1,4}号[（(](.{6,150})[）)]$/.exec(t);
  return m && isOrgName(m[1]) && isTitleEnd(m[2]) ? m[2] : null;
}

/**
 * `常州发布关于…`: a government news account's name (a place and 发布) before a 关于 title on a news or forum page; not part
 * of the title (an organ that 发布s, `某市人民政府发布…`, is longer and ends in its kind).
 */
export const ACCOUNT_PREFIX = /^[\u4e00-\u9fff]{1,3}(?![府局委厅办院部会室处])[\u4e00-\u9fff]发布[ \t\u3000]*(?=关于)/;

/**
 * A list bullet before a line (`• 某市人民政府办公室关于…的通知`, `· 某政办规〔2024〕1号`, `◆`, `●`): a portal prints its fields
 * and headings as a list; the bullet is not part of the title or the number.
 */
export const LIST_BULLET = /^[ \t\u3000]*[•·・◆◇●▪■►▶][ \t\u3000]*/;

/**
 * `某市人民政府办公厅关于…的通知 ((1990年11月16日))`, `…的通知(1991年3月2日)`: a date in brackets after a title on its line
 * (a city archive's print page gives the date a document was issued so). Returns the title without it and the date,
 * or null.
 */
export function titleWithDate(t: string): { title: string; date: string } | null {
  const m = /[ \t\u3000]*[（(]{1,2}[ \t\u3000]*([^（）()]{6,24}?)[ \t\u3000]*[）)]{1,2}[ \t\u3000]*$/.exec(t);
  if (!m || m.index < 4 || !isDateOnly(m[1]) || !/年|\d[-./]\d/.test(m[1])) return null;
  const iso = findCnDates(m[1])[0]?.iso;
  return iso ? { title: t.slice(0, m.index), date: iso } : null;
}

/**
 * `（2018年2月26日）` alone on the line under a title: the date a 党委 document (a joint `中共某县委` / `某县人民政府` 通报) is
 * issued on, printed there instead of under a signature. ISO, or null.
 */
export function bracketedDate(c: string): string | null {
  const m = /^[（(]([^（）()]{6,16})[）)]$/.exec(c.trim());
  return m && isDateOnly(m[1]) && /年/.test(m[1]) ? (findCnDates(m[1])[0]?.iso ?? null) : null;
}

/**
 * A law archive's status note run into the title line (`*注:本篇法规已被《某规定》(发布日期:…)废止某市人民政府关于…`):
 * not part of the title.
 */
export const ARCHIVE_NOTE = /^[ \t\u3000]*\*?注[:：]本篇(?:法规|规章|文件)?已被.*?(?:废止|修改|修订|宣布失效|失效)(?=[\u4e00-\u9fff《])/;

/**
 * A news lead's last words announcing the text under it (`近日,某局发布《某某通知》,全文如下:`), or a lead labelled as the site's
 * (`导读:`, `编者按:`): over the head, no body.
 */
export const LEAD_ANNOUNCES =
  /《[^《》]{6,}(?:《[^《》]*》[^《》]*)*》[^。]{0,12}[,，。]?(?:全文|原文)如下[:：]$|^(?:导读|摘要|编者按|内容提要|核心提示)[:：]/;

/** `…的通知菏政字〔〕18号`: a 文号 that lost its year glued after a title's kind word (no number can be read from it). */
export const YEARLESS_NUMBER_AFTER = /(?<=的(?:通知|通告|公告|决定|意见|批复|复函|函|报告|通报))[\u4e00-\u9fff]{1,12}[〔[［【(（﹝][ \t\u3000]*[〕\]］】)）﹞]第?\d{0,5}号?$/;

/**
 * `【某县人民政府关于…的通告】` alone on its line: a news site's way of setting a title, the brackets no part of it (short tags,
 * `【打印】`, and a tag before more text are read elsewhere).
 */
export const BRACKETED_LINE = /^[ \t\u3000]*【([^【】:：\s]{6,150})】[ \t\u3000]*$/;

/**
 * Organisation names that end an issuer: 人民政府, 办公室, 局, 委员会 … (a `…领导小组` signs and heads notices like an organ, and
 * so does an event's organising or preparatory committee, `…龙舟赛组委会`, `…筹委会`; so do the units below a bureau — a 派出所,
 * 管理所, 推广站, 管理处, 档案馆, a 村委会, a 合作社, a 海关, a bank's 支行 — named with their kind, never a bare `所` or `站` that
 * would make a 网站 or a 平台 an organ)
 */
export const ORG_SUFFIX =
  /(人民政府|政府|办公室|办公厅|委员会|管理委员会|管委会|组委会|筹委会|委|局|厅|院|部|办|署|中心|党委|党组|党总支|党支部|党工委|办事处|街道|公司|协会|联合会|总工会|人大常委会|政协|法院|检察院|总队|支队|大队|调查队|分局|领导小组|领导组|工作小组|疫情联防联控(?:工作)?机制|渔港监督|港务监督|(?:管理|监督|事务|服务|研究|检测|检验|救助|供电|保护|派出|税务|司法)所|(?:工作|推广|管理|服务|监测|水文|保护|检查|救助|养护|检疫|兽医)站|总站|管理处|(?:文化|图书|档案|博物|纪念)馆|红十字会|慈善总会|爱卫会|村委会|居委会|合作社|合作总社|联社|工作组|工作专班|海关|气象台|[支分]行|高新区|经济技术开发区|经济开发区)$/;

/**
 * A unit's word alone (`人民政府`, `办公室`, `指挥部`, `领导小组办公室`): the lower half of an organ's name broken over two lines,
 * never an organ by itself.
 */
export const UNIT_WORD =
  /^(?:人民政府|政府|办公室|办公厅|委员会|管理委员会|管委会|指挥部|局|厅)$/;

/** Text a site masked (`(略) 人民政府办公厅`, `（略）`): it names no one. */
const MASKED = /[（(]略[）)]/;

/**
 * One issuer name: 3–30 CJK characters ending in an organisation suffix (no punctuation), nothing masked. One dash may
 * join two places' names inside it (`某山—某峰国家级自然保护区管理局`, a reserve named by both its mountains).
 */
export function isOrgName(s: string): boolean {
  const t = squeeze(s);
  // (a campaign's name quoted inside, `某县“扫黄打非”工作领导小组`, `某省“千村示范、万村整治”工作协调小组办公室`)
  const bare = t.replace(/“[\u4e00-\u9fff、]{2,16}”/g, '');
  // (a unit's word alone, `办公室`, `人民政府`, names no organ: the name before it was broken off)
  if (UNIT_WORD.test(bare)) return false;
  return t.length >= 3 && t.length <= 30 && bare.length >= 3 && /^[\u4e00-\u9fff（）()]+(?:[—–\-－][\u4e00-\u9fff]+)?$/.test(bare) && ORG_SUFFIX.test(t) && !MASKED.test(t);
}

/**
 * `中共某市委某市人民政府`, `中共某市委办公室某市人民政府办公室`: the joint head of a party committee and its government run
 * together (no organ is named so): two issuers.
 */
const PARTY_AND_GOVERNMENT = /^(中共[\u4e00-\u9fff]{2,16}?委(?:员会)?(?:办公室|办公厅)?)([\u4e00-\u9fff]{2,16}(?:人民政府|政府)(?:办公室|办公厅)?)$/;

/**
 * Splits a line of one or more issuers (`中共莱州市委办公室 莱州市人民政府办公室`, `A、B`) into names; null when the
 * line is not made of issuer names only.
 */
/**
 * An organ a label names as such (a `发布单位` field, a signature printed `发布单位:某中心`): a known organ's name, or one that
 * lost its last glyph in the copy (`某省某航道事务中`) — a place's name and more, no site.
 */
export function labelledOrgan(v: string): boolean {
  const t = squeeze(v);
  return isOrgName(t) || (/^[\u4e00-\u9fff]{1,12}?(?:省|市|县|区|州|盟|旗)[\u4e00-\u9fff]{4,20}$/.test(t) && !/网|站|台|报$/.test(t));
}

/** `发布单位:某某中心` under a body: a signature printed with its label; the organ's name after it, or null. */
export function signatureLabelled(compact: string): string | null {
  const m = /^(?:发布|发文|落款|制发)(?:单位|机关|机构)[:：]([\u4e00-\u9fff]{3,30})$/.exec(compact);
  return m && labelledOrgan(m[1]) ? m[1] : null;
}

/**
 * `某市人民政府` printed over `某市教育局`: a site's government name over one of its own departments, never joint issuers (a
 * government signs with peers — a party committee, a 人武部, a court — not with its own 局/委/办). Same place, department
 * word at the end; the government's own 办公室 is no department here.
 */
export function governmentOverItsDepartment(upper: string[], lower: string[]): boolean {
  const gov = upper.length === 1 ? /^(.{2,16}?)人民政府$/.exec(upper[0]) : null;
  if (!gov) return false;
  return lower.every((x) => x.startsWith(gov[1]) && /(?:局|委员会|委|办公室|办)$/.test(x) && !/政府办(?:公室)?$/.test(x));
}

export function splitIssuers(line: string): string[] | null {
  const trimmed = line.trim();
  if (!trimmed || trimmed.length > 80) return null;
  // (`某省盐务管理局(某省盐业总公司)`: an organ with its second name, another organ's or a company's, in brackets — the organ)
  const alias = /^([^（）()]{3,30})[（(]([^（）()]{3,20})[）)]$/.exec(squeeze(trimmed));
  if (alias && isOrgName(alias[1]) && (isOrgName(alias[2]) || /公司$/.test(alias[2]))) return [alias[1]];
  const parts = trimmed.split(/[\s\u3000、，,]+/).filter(Boolean);
  if (parts.length > 1 && parts.every(isOrgName)) return parts.map(squeeze);
  if (!isOrgName(trimmed)) return null;
  const joint = PARTY_AND_GOVERNMENT.exec(squeeze(trimmed));
  return joint ? [joint[1], joint[2]] : (samePlaceRunTogether(squeeze(trimmed)) ?? [squeeze(trimmed)]);
}

/**
 * `河南省住房和城乡建设厅河南省文化厅`: organs of one place run together on a joint head's line, each opening with the place's
 * name — split where the place is named again, when every part is an organ; else null.
 */
function samePlaceRunTogether(t: string): string[] | null {
  const place = /^[\u4e00-\u9fff]{2,10}?(?:自治区|省|市|县|区|州|盟|旗)/.exec(t)?.[0];
  if (!place) return null;
  const parts = t.split(new RegExp(`(?=${place})`)).filter(Boolean);
  return parts.length > 1 && parts.every((x) => x.startsWith(place) && x.length > place.length && isOrgName(x)) ? parts : null;
}

/**
 * `某某委员会等10部门`, `某局等七个单位` over `关于…`: a joint title that counts its organs instead of naming them — the organ
 * it names, or null.
 */
export function countedIssuers(line: string): string[] | null {
  const m = /^([\u4e00-\u9fff]{3,30}?)等[\d一二三四五六七八九十]{1,3}个?(?:部门|单位)$/.exec(squeeze(line));
  return m && isOrgName(m[1]) ? [m[1]] : null;
}

/** The verbs that put an organ's name before another document's title: `A、B转发C《关于…》`, `A印发关于…`. */
const ISSUING_VERB = /(?:联合)?(?:印发|转发|批转)/;

/**
 * The issuers a title names before 关于 or before the verb that issues another document (`A、B转发C《…》` → A, B);
 * `[]` for a title that opens with the verb (`转发国务院关于…`: the organ after it issued the forwarded document);
 * null when the prefix is not made of issuer names.
 */
export function issuersBeforeVerb(prefix: string): string[] | null {
  const v = ISSUING_VERB.exec(prefix);
  if (v && !prefix.slice(0, v.index).trim()) return [];
  const names = v ? prefix.slice(0, v.index) : prefix;
  // (`某某协调会关于…`, `某某合作总社关于…`: one organ whose kind the suffix list lacks, named where a title names its issuer)
  const one = squeeze(names);
  return splitIssuers(names) ?? (UNLISTED_ORGAN.test(one) && !MASKED.test(one) ? [one] : null);
}

/**
 * One organ's name of a kind the suffix list lacks, before a title's 关于: a name ending in a unit's word (会, 社, 站, 组, 所, 队,
 * 处, 馆, 台, 行, 室, 团), no sentence word, no digits.
 */
const UNLISTED_ORGAN = /^(?![各请本该])[\u4e00-\u9fff“”]{3,24}(?<![的了对在是和与及或将把被])(?:会|社|站|组|所|队|处|馆|台|行|室|团)$/;

/**
 * `省人民政府`, `市政府办公室` named in a title: completed from a fuller name printed on the page (a law site's issuer
 * field `湖北省人民政府`) that ends with it. Other names stay as they are.
 */
export function completeAbbreviated(issuers: string[], fuller: string[]): string[] {
  return issuers.map((n) => {
    if (/^(?:省|市|县|区|州|盟)/.test(n)) return fuller.find((f) => shortNameOf(f, n)) ?? n;
    // `科技部关于…` under the site's (or the 令's) `科学技术部`: the usual short name of that organ — its characters in
    // order, the same first and last
    return fuller.find((f) => f.length > n.length && n.length >= 3 && f[0] === n[0] && f.at(-1) === n.at(-1) && inOrder(n, f)) ?? n;
  });
}

/**
 * Is `short` the name an organ's own title gives `full` without its place: `市人民政府` or `市政府` for `苏州市人民政府`,
 * `市政府办公室` for `某市人民政府办公室`?
 */
export function shortNameOf(full: string, short: string): boolean {
  return full.length > short.length + 1 && (full.endsWith(short) || full.replace('人民政府', '政府').endsWith(short));
}

/** Every character of `short` occurs in `long`, in order. */
function inOrder(short: string, long: string): boolean {
  let at = 0;
  for (const c of short) {
    at = long.indexOf(c, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/**
 * `城口县发展和改革员会` over a head whose page heading names `城口县发展和改革委员会关于…`: an organ's line that lost a glyph or two
 * in the copy — the named organ's characters in order, the same first and last, at most two missing — or null.
 */
export function organLostGlyphs(line: string, named: string[]): string | null {
  const t = squeeze(line);
  if (t.length < 5 || !/^[\u4e00-\u9fff]+$/.test(t) || isOrgName(t)) return null;
  return named.find((f) => f.length > t.length && f.length - t.length <= 2 && f[0] === t[0] && f.at(-1) === t.at(-1) && inOrder(t, f)) ? t : null;
}

/** `特此通告`, `特此通知。`, `此复`: the formula that closes a body, its signature after it. */
export const CLOSING_FORMULA = /^特此(?:通告|公告|通知|通报|函告|批复|公示)[。!！]?$|^此复[。]?$/;

/** `特此通告`, `此复`, a sentence's end: the last line of a body, whose signature follows. */
export const bodyCloses = (c: string): boolean => /[。！!]$/.test(c) || CLOSING_FORMULA.test(c);

/** A name or line opening with a place (`某某县…`, `某市…`, `某旗…`). */
export const OPENS_WITH_PLACE = /^[\u4e00-\u9fff]{1,12}?(?:省|市|县|区|州|盟|旗)/;

/**
 * Title endings that name the kind of document; an optional `（试行）` may follow. (A letter an organ writes to the public,
 * `…致村民的一封信`, `…的公开信`, and a note on the comments a draft drew, `…(征求意见稿)的反馈情况`, `…意见采纳情况`, are
 * documents of their own; so is a statistics or census 公报, `…人口普查公报`, unlike a gazette's masthead `某市人民政府公报`, and a
 * bulletin headed by the warning level it issues, `森林火险黄色预警`.)
 */
const KIND_END =
  /(通知|通报|意见|决定|办法|规定|细则|方案|规划|批复|公告|通告|公示|报告|请示|复函|函|命令|决议|纪要|规则|制度|条例|预案|计划|要点|安排|标准|指南|目录|清单|措施|指引|答复|回复|批示|决定书|一封信|公开信|反馈情况|采纳情况|(?:统计|普查|调查|状况)公报|[红橙黄蓝]色预警|(?<![府部会局厅署院行])令)(?:[（(][^）)]{1,12}[）)])?$/;

function balanced(t: string): boolean {
  let depth = 0;
  for (const c of t) {
    if (c === '《') depth++;
    else if (c === '》') depth--;
  }
  return depth === 0;
}

/** `A转发B《关于…的通知》`: a title that ends in the title of the document it forwards or issues. */
const FORWARDED_END = /(?:转发|印发|批转|颁发)[^《》]{0,20}《(.+)》$/;

export function isTitleEnd(t: string): boolean {
  if (!balanced(t) || /[。；;：:]/.test(t)) return false;
  if (KIND_END.test(t)) return true;
  const f = FORWARDED_END.exec(t);
  return !!f && KIND_END.test(f[1].replace(/[〈〉]/g, ''));
}

/**
 * `关于印发《某区总体应急预案的通知`: a title that lost the `》` closing the name of what it carries, before its `的通知` — whole once
 * the mark is put back after that name's kind word. (Read as a head only over its 文号 or addressee line, as printed.)
 */
export function lostClosingMark(t: string): boolean {
  if (balanced(t)) return false;
  const mended = t.replace(/(?=的(?:通知|决定|通告|公告|批复)$)/, '》');
  return mended !== t && balanced(mended) && isTitleEnd(mended) && KIND_END.test(mended.slice(0, mended.lastIndexOf('》')));
}

/**
 * A head line that cannot end a title (GB/T 9704 breaks a long title where a word ends: after 关于, after the verb that
 * issues what follows, after a 、 or before a 《): `某县人民政府办公室关于` / `对…的通知` is one title.
 */
export const OPEN_END = /(?:关于|印发|转发|批转|、|《)$/;

/**
 * A line that cannot open a title, so it continues the line above: `的…` (a title broken before its last 的), a bracket or
 * a 《》 before that 的 (`(2022年版)的通知`, `《乙细则》的通知`).
 */
const CONTINUED_START = /^(?:的|(?:[（(][^（）()]{1,16}[）)]|《[^《》]{1,80}》)+的)/;

/** Does `lower` continue `upper` as one title (`…《甲细则》` / `《乙细则》的通知`, `…感染` / `的肺炎…指挥部通告`)? */
export function continuesTitle(upper: string, lower: string): boolean {
  return OPEN_END.test(upper) || CONTINUED_START.test(lower) || (upper.endsWith('》') && lower.startsWith('《'));
}

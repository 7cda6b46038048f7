import { findCnDates } from '../domain/cn-date';
import { findDocNumbers, isDocNumberLine, parseDocNumber } from '../domain/docnumber';
import { isSalutation } from './split';
import { isTitleEnd, isOrgName, LEAD_ANNOUNCES, LIST_BULLET, OPEN_END, squeeze } from './text';
import type { Unit } from './units';
import { type Field, LABEL_SRC, LABELS, type PageMeta } from './page-fields';

export type { PageMeta } from './page-fields';

/**
 * Web-page furniture around a document copied from a government site or a law database: breadcrumbs
 * (`您的位置：首页 > 政府信息公开 > …`), `归档时间`, `来源：`, `字号：大 中 小`, `打印本页`, share buttons … and the
 * 政府信息公开 metadata table (`发文字号：X政发〔2021〕3号`, `成文日期：…`). Furniture becomes noise so the document
 * starts after it; the table's values are kept as evidence for fields the body lacks. A 发布日期 is not a 成文日期.
 */


const LABEL_AT_START = new RegExp(`^(?:${LABEL_SRC})(?:[:：|]|$)`);
/** A label at the start of a raw line, its characters possibly spaced out (`发 布 机 构 市人民政府办公室`). */
const SPACED_LABEL_AT_START = new RegExp(
  `^[•·|\\s]*(?:${LABELS.map(([l]) => [...l].join('\\s*')).join('|')})(?:\\s*[:：|]|\\s+\\S|\\s*$)`,
);
const LABEL_WITH_COLON = new RegExp(`(${LABEL_SRC})[:：]`, 'g');
/** `效力状态|有效|文号|某政发〔2025〕6号|`: a row of cells opening with a label the list lacks, a known one in a later cell. */
const LABEL_CELL_IN_ROW = new RegExp(`^[\u4e00-\u9fff]{2,8}\\|[^|]{0,40}\\|(?:${LABEL_SRC})\\|`);
/** `发文字号皖交发〔2021〕63号`: a label run straight into its value (no colon, no cell); titles are never read so. */
const BARE_LABEL = new RegExp(
  `^(${LABELS.filter(([l, f]) => f !== 'title' && l.length >= 3).map(([l]) => l).sort((a, b) => b.length - a.length).join('|')})(.+)$`,
);
/**
 * `• 标  题关于印发《…》的通知` in a portal's list of fields whose labels run into their values (`• 发文字号某管文〔2020〕64号`): a
 * title label straight before a title, read only once the page has given another field (a title of its own never opens so).
 */
const BARE_TITLE_LABEL = /^(?:文件标题|文件名称|标题|题名)(.{2,150})$/;
/** `备注/文号:`: a label the list lacks joined by a slash to one it has, before a colon. */
const SLASHED_LABEL = new RegExp(`^[\u4e00-\u9fff]{1,4}[/／](?=(?:${LABEL_SRC})[:：])`);
const LABEL_ANY = new RegExp(`(${LABEL_SRC})[:：|]?`, 'g');
const FIELD = new Map(LABELS);
/** A row opening with a label of three or more characters run into its value (`索引号1100…`, `发文机关某县…`). */
const BARE_ROW_START = new RegExp(`^(?:${LABELS.filter(([l]) => l.length >= 3).map(([l]) => l).join('|')})`);

/** Whole lines of page furniture (tested on the line with spaces removed). */
const FURNITURE = [
  /^来源[:：]/, /^(?:您的|当前)?(?:位置|所在位置)[:：]/, /首页[>»›＞]|[>»›＞]{2}|^首页/, /^(?:归档|发布|生成|上载|更新)(?:时间|日期)[:：]/,
  /^字号[:：]/, /打印本页|关闭窗口|【打印】|【关闭】|\[打印\]|\[关闭\]|打印此页/, /^分享到/, /^下载地址/, /^作者[:：]/,
  /^时间[:：]\d/, /^(?:浏览|阅读|点击)(?:量|次数)?[:：]/, /^视力保护色/, /^返回顶部$/, /^附件下载$/, /^相关(?:解读|链接|文件)$/,
  /^OriginalURL/i, /English/, /^下载$/, /^转第$/, /^保留字段信息$/, /^页面宽度/, /正文阅览$/, /^[|•·]+$/, /^简介[:：]/,
  /写写帮|法律资料网|点击此处下载/, /^第[一二三四五六七八九十]+篇[:：]/, /^扫一扫/, /^【?(?:字体|字号)[:：]?[大中小]/,
  /^(?:时间|日期)[:：]\d{4}-/, /^欢迎(?:访问|光临)/, /^(?:收藏本站|设为首页|热门站点)/, /^(?:打印|关闭|收藏)$/,
  // (a breadcrumb that lost its separators, `您的位置 首页 资讯`; a toolbar of buttons only, `打印整页 打印内容 分享`)
  /^(?:您的|当前)(?:位置|所在位置)首页/,
  // (a forum thread's furniture: `楼主回复`, `倒序看帖`, `只看该作者`, `回复:0`, `发表于:2022/1/21 9:50:41`)
  /^(?:\d[.、])?(?:楼主(?:回复)?|倒序看帖|只看该作者|电梯直达|跳转到指定楼层)$|^(?:回复|发表于|来自)[:：]/,
  // (a law site's own note on the document's later status, `USHUI.NET®提示:根据《…清理结果的决定》(某政发〔2023〕15号规定,继续有效`:
  // the site's, citing nothing of the document's)
  /^[A-Za-z][A-Za-z.]{2,}[®™]?提示[:：]|^(?:本站|网站|温馨)提示[:：]根据/,
  /^(?:打印(?:整页|内容|本页|正文)?|关闭(?:窗口|本页)?|收藏|分享|[|【】[\]])+$/,
  // (a browser-plugin prompt the page printed above its heading: `此页面上的内容需要较新版本的 Adobe Flash Player。`,
  // `获取 Adobe Flash Player`, `您的浏览器版本过低`)
  /Adobe(?:Flash|Reader)|FlashPlayer|^您的浏览器(?:版本过低|不支持)/i,
  // (a paper or document site's label over the excerpt it shows: `论文部分内容阅读`, `全文阅读`)
  /^(?:论文|文章|文档)?(?:部分内容|全文|在线)(?:阅读|预览)$/,
];

export function isFurniture(compact: string): boolean {
  if (!compact || compact.length > 160) return false;
  return FURNITURE.some((re) => re.test(compact));
}

/**
 * `上一篇：关于…的通知`, `下一篇：…`, `相关解读：《…》政策解读`, `推荐阅读`: a portal's links to other pages, wherever the copy put
 * them, and a news site's `--查阅更多…` under a heading. They name other pages: never a document's head, title or body.
 */
const NAV_LINK = /^(?:[上下]一(?:篇|条|页)|相关(?:链接|解读|阅读|文章|新闻)|推荐阅读|延伸阅读)(?:[:：>↓]|$)|^[-—–>»]*(?:点击)?(?:查阅|查看|阅读)更多/;

/** How a site's name ends (`某某市人民政府门户网站`, `某某县政府网`, `某某之窗`, `某某市人民政府`). */
const SITE_NAME_END = /(?:网站|门户|网|平台|政府|之窗|在线|频道|客户端)$/;
/** A segment of a page title after the document's (a column, `政策文件`, or the site's name): a name, nothing of a title. */
const SITE_SEGMENT = /^[\u4e00-\u9fffA-Za-z0-9.]{2,24}$/;
const TITLE_SEPARATOR = /[_|｜\-—–]+/g;

/**
 * A page's title line (`关于…的通知_某某市人民政府门户网站`, `…的通知-某某县人民政府`, `…的通知 | 某某网`, `…的通知_政策文件_某某
 * 市人民政府`): the document's title, then the site's name (and its columns) after `_`, `-`, `|` or ` - `. The title
 * without them, or null when the line is not one (a site's banner, `某某政府网 - 信息公开 - …`, opens with a site's name;
 * a dash inside a title, `(2023-2035年)`, has no site's name after it).
 */
export function pageTitleOf(compact: string): string | null {
  if (compact.length > 200) return null;
  for (const m of compact.matchAll(TITLE_SEPARATOR)) {
    const head = compact.slice(0, m.index);
    if (SITE_NAME_END.test(head)) return null;
    const rest = compact.slice((m.index ?? 0) + m[0].length).split(TITLE_SEPARATOR).filter(Boolean);
    if (!rest.length || !SITE_NAME_END.test(rest[rest.length - 1])) continue;
    if (rest.every((seg) => SITE_SEGMENT.test(seg) && !/关于|的/.test(seg)) && /[\u4e00-\u9fff]{2}/.test(head) && !findCnDates(head).length) {
      return head;
    }
  }
  return null;
}

/**
 * `发文日期: | 2025-03-14 17:14 |`: the time a field prints after its date, dropped before the row's spaces are (run together,
 * `2025-03-1417:14` reads as no date).
 */
const STAMP_TIME = /((?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})[ \t\u3000]+\d{1,2}:\d{2}(?::\d{2})?(?![\d:])/g;

function blankOut(u: Unit): void {
  u.text = '';
  u.compact = '';
  u.blank = true;
  u.noise = true;
}

/** Tables whose 文号 was read from a cell another label stands before: a 文号 field read later wins. */
const slipped = new WeakSet<PageMeta>();

function setField(meta: PageMeta, field: Field, value: string): void {
  // `文号 | 深鹏管规〔2019〕6号 | 发布机关 | …`: a value ends at the next cell
  const v = (value.split('|').find((x) => x.trim()) ?? '').replace(/^[:：•\s]+|[•\s]+$/g, '');
  if (!v) return;
  // (a law site's table whose cells slipped: `【时 效 性】 | 某食药监办[2006]423号 |` — a cell that holds a whole 文号 and
  // nothing else gives the number, unless a 文号 field does)
  if (field !== 'docNumber' && value.includes('|') && parseDocNumber(v) && !findCnDates(v).length) {
    if (meta.docNumber === null) {
      meta.docNumber = v;
      slipped.add(meta);
    }
    return;
  }
  if (field === 'other') return;
  if (field === 'docNumber') {
    // (`【文 号】 | 上海 |`: a cell that slipped holds no number at all)
    if (!/\d/.test(v) && value.includes('|')) return;
    if (slipped.delete(meta)) meta.docNumber = null;
    // (a cell that runs into a label the reader does not know: `永财农〔2021〕471号其他信息下载阅读版`)
    const dn = parseDocNumber(v) ? null : findDocNumbers(v)[0];
    if (meta.docNumber === null && v.length <= 150) meta.docNumber = dn ? dn.raw : v;
    // (a flattened page: `文号:某政通告〔2025〕3号 某市人民政府 关于…的通告 来源:…` — the head printed after the field's number)
    const after = dn ? squeeze(v.slice(v.indexOf(dn.raw) + dn.raw.length)) : '';
    if (dn && meta.title === null && after.length >= 8 && after.length <= 150 && isTitleEnd(after)) meta.title = after;
    return;
  }
  if (field === 'title' || field === 'issuer') {
    if (meta[field] === null && v.length <= 150) meta[field] = field === 'issuer' ? organBeforeLabel(v) : v;
    return;
  }
  // a table cell may drop the final 日 (`2018年03月27`)
  const iso = findCnDates(v)[0]?.iso ?? findCnDates(v.replace(/^(\d{4}年\d{1,2}月\d{1,2})(?!\d)/, '$1日'))[0]?.iso;
  // (`生效日期:1900-1-1`: a database's empty placeholder, no date)
  if (iso && iso !== '1900-01-01' && meta[field] === null) meta[field] = iso;
}

/**
 * `高昌区政府办公室公开日2023-07-04`: an organ's name run into a label the reader does not know and its date (a row of a
 * portal's table run together) is the organ. (A name that goes on in words, `某市人民政府门户网站`, stays as printed.)
 */
function organBeforeLabel(v: string): string {
  const s = squeeze(v);
  if (isOrgName(s)) return v;
  for (let k = Math.min(s.length - 1, 30); k >= 3; k--) {
    if (isOrgName(s.slice(0, k)) && /^[\u4e00-\u9fff]{0,4}[:：]?\d/.test(s.slice(k))) return s.slice(0, k);
  }
  return v;
}

/** Reads `label value label value …` from one line; returns the label left without a value at the line end. */
function readLabels(meta: PageMeta, s: string): Field | null {
  const hits = [...s.matchAll(LABEL_ANY)];
  let pending: Field | null = null;
  hits.forEach((m, i) => {
    const from = (m.index ?? 0) + m[0].length;
    const to = i + 1 < hits.length ? (hits[i + 1].index ?? s.length) : s.length;
    const value = s.slice(from, to);
    const field = FIELD.get(m[1]) ?? 'other';
    if (value.replace(/[:：|•\s]/g, '')) setField(meta, field, value);
    else if (i === hits.length - 1) pending = field;
  });
  return pending;
}

/**
 * `浙江省民兵工作实施办法制定机关: 浙江省人民代表大会常务委员会效力级别: …`: a title with the table run into it
 * (two or more labels with colons). Reads the labels, takes the title; false when the line is not such a line.
 */
function titledLabels(meta: PageMeta, c: string): boolean {
  const hits = [...c.matchAll(LABEL_WITH_COLON)];
  if (hits.length < 2) return false;
  const prefix = c.slice(0, hits[0].index);
  // `统一登记号:…信息时效性:有效文号:某政发〔2021〕12号`: a row opening with a longer form of a known label (a word or two
  // glued before it) is read label by label; no title stands before it
  if (/^[\u4e00-\u9fff]{1,3}$/.test(prefix) && !isTitleEnd(prefix)) {
    readLabels(meta, c.slice(hits[0].index));
    return true;
  }
  if (prefix && !isTitleEnd(prefix)) return false;
  if (prefix && meta.title === null) meta.title = prefix;
  readLabels(meta, c.slice(hits[0].index));
  return true;
}

/**
 * `索引号1100…/2022-00002主题分类综合政务发文机关某镇人民政府发文字号成文日期2022-09-09`: a portal's row whose labels run into
 * their values without colons or cells — a line opening with a label, three or more labels in it, and no title.
 */
function runTogetherRow(c: string, text = ''): boolean {
  if (!BARE_ROW_START.test(c)) return false;
  // (`发文机关某县人民政府办公室 主题词工作规则`: two such cells a space apart, each opening with its label — a value may end
  // in a kind word)
  const cells = text.trim().split(/[ \t\u3000]+/);
  if (cells.length >= 2 && cells.every((cell) => BARE_ROW_START.test(cell))) return true;
  return !isTitleEnd(c) && [...c.matchAll(LABEL_ANY)].length >= 3;
}

/** Does a line under a lone label hold that label's value (not the title or body that follows the table)? */
function fits(field: Field, c: string): boolean {
  if (field === 'title') return c.length <= 160;
  if (field === 'docNumber') return c.length <= 40 && /号|〔|\[|【/.test(c) && !isTitleEnd(c);
  if (field === 'issuer') return isOrgName(c);
  // (an empty `来源:` at the end of a row is followed by the document's 文号 line, not by its value; an empty `内容概述:` or
  // `浏览次数:` by the first line of a head broken over two, `某县人民政府关于印发`, or by the salutation)
  if (field === 'other') {
    const head = c.includes('关于') || OPEN_END.test(c) || isSalutation(c);
    return c.length <= 40 && !isTitleEnd(c) && !isOrgName(c) && !isDocNumberLine(c) && !head;
  }
  return c.length <= 40 && findCnDates(c).length > 0;
}

/** Where the body proper starts: the salutation, the first article or heading, or the first long sentence. */
function looksLikeBody(c: string): boolean {
  if (/^第[一二三四五六七八九十百零〇\d]{1,5}[条章]/.test(c)) return true;
  // (a news lead announcing the page's text, `…发布《…》,全文如下:`, stands over the page's table, not in the body)
  if (LEAD_ANNOUNCES.test(c)) return false;
  return c.length >= 60 && /[。，,]/.test(c) && !LABEL_AT_START.test(c);
}

/**
 * Marks page furniture and metadata lines as noise and returns what the metadata table says. Only the front of
 * the file (before the body proper, at most 80 lines) is read as a table, and its first page title line
 * (`关于…的通知_某某市人民政府门户网站`) as the page's title; furniture lines are removed anywhere in the first 80 and
 * last 20 lines, links to other pages (`上一篇：…`) anywhere.
 */
export function readPage(units: Unit[]): PageMeta {
  const meta: PageMeta = {
    title: null, docNumber: null, dateSigned: null, effectiveDate: null, validUntil: null, issuer: null, posted: null, pageTitle: null,
  };
  let seen = 0;
  let pending: Field | null = null;
  for (let i = 0; i < units.length && seen < 80; i++) {
    const u = units[i];
    if (u.blank) continue;
    seen++;
    // `【发布文号】…【发布日期】…`: bracketed labels read like `label:`
    const c = squeeze(u.text.replace(STAMP_TIME, '$1'))
      // (a list of fields: `- 发文字号:阿行发〔2021〕42号`)
      .replace(/^(?:[•·・◆◇●▪■►▶|]+|[-－](?=[\u4e00-\u9fff]))/, '')
      // (an ordered list of bracketed fields, `5.[发文机关]某镇人民政府`: the item's number is not part of the label)
      .replace(/^\d{1,2}[.．、](?=[[【][\u4e00-\u9fff]{2,6}[\]】])/, '')
      // (two words joined by a slash, `备注/文号:某教〔2021〕171号`: the field is the known one)
      .replace(SLASHED_LABEL, '')
      // (only words: `某政发[2016]31号` keeps the brackets around its year)
      .replace(/【([\u4e00-\u9fff]{2,6})】|\[([\u4e00-\u9fff]{2,6})\]/g, (_m, a: string | undefined, b: string | undefined) =>
        // a law database's 【发布日期】 (beside 【发布文号】 and 【生效日期】) is the day the document was issued, not posted
        a === '发布日期' ? '公布日期:' : `${a ?? b}:`,
      );
    // (`索 引 号: | 1161…/2019-26687 | 发文字号: | …`: a row split into cells — the bare `|` between a label and its value
    // is no value; the label still waits for the next cell)
    if (pending && !c && /^[|\s]+$/.test(u.text)) {
      blankOut(u);
      continue;
    }
    if (pending) {
      const field: Field = pending;
      pending = null;
      if (!LABEL_AT_START.test(c) && fits(field, c)) {
        // `高青县人民政府关于……的通知发文机关`: a value that runs into the next label
        const tail = new RegExp(`(${LABEL_SRC})$`).exec(c);
        const value = tail && tail.index > 0 ? c.slice(0, tail.index) : c;
        if (field === 'title') {
          if (meta.title === null && value.length <= 150) meta.title = value;
        } else setField(meta, field, value);
        if (tail && tail.index > 0) pending = FIELD.get(tail[1]) ?? 'other';
        blankOut(u);
        continue;
      }
    }
    // (`索 引 号 640400001/2016-14852 发文时间 2016-07-04`: a spaced row read label by label, not as one label's value)
    if ((LABEL_AT_START.test(c) || SPACED_LABEL_AT_START.test(u.text) || LABEL_CELL_IN_ROW.test(c) || runTogetherRow(c, u.text)) && c.length <= 300) {
      pending = readLabels(meta, c);
      blankOut(u);
      continue;
    }
    const bare = BARE_LABEL.exec(c);
    const bareField = bare ? (FIELD.get(bare[1]) ?? 'other') : null;
    if (bare && bareField && c.length <= 60 && fits(bareField, bare[2])) {
      setField(meta, bareField, bare[2]);
      blankOut(u);
      continue;
    }
    const bareTitle = meta.title === null && Object.values(meta).some((v) => v !== null) ? BARE_TITLE_LABEL.exec(c) : null;
    if (bareTitle && isTitleEnd(bareTitle[1])) {
      meta.title = bareTitle[1];
      blankOut(u);
      continue;
    }
    if (titledLabels(meta, c)) {
      if (c.length <= 300) blankOut(u);
      continue;
    }
    if (isFurniture(c)) {
      // (`作者: | 信息来源: | 发布日期:2019-02-06 10:37`: a byline row still tells the day the page was posted)
      const posted = meta.posted === null ? /(?:发布|公开|上载)(?:日期|时间)[:：]((?:19|20)\d{2}[-./年]\d{1,2}[-./月]\d{1,2})/.exec(c) : null;
      if (posted) setField(meta, 'posted', posted[1]);
      blankOut(u);
      continue;
    }
    // (the page's title line above its text: furniture, the title kept for a page whose text prints none)
    const pageTitle = meta.pageTitle === null ? pageTitleOf(c) : null;
    if (pageTitle) {
      meta.pageTitle = pageTitle;
      blankOut(u);
      continue;
    }
    // `• 某政办规〔2024〕1号` in a portal's list of field values printed without their labels: the document's 文号 (its bullet
    // may stand on a line of its own, `-` / `某府发〔2021〕16号` / `-` / `产生后20个工作日内`)
    if ((LIST_BULLET.test(u.text) || bulletAbove(units, i)) && isDocNumberLine(c)) {
      setField(meta, 'docNumber', c);
      blankOut(u);
      continue;
    }
    // (`-` / `某镇人民政府` / `-` / `长期公开` / `-` / `2021年08月05日`: the bullets of such a list and the values under them are the
    // page's fields, no head, issuer line or signing date)
    if (/^[-－]$/.test(c) || (bulletAbove(units, i) && c.length <= 40 && !looksLikeBody(c) && !isSalutation(c))) {
      blankOut(u);
      continue;
    }
    // (`2024-11-20` / `废止` in a portal's field values printed without their labels: the status under its date — the day the
    // document ceased to be in force, as a `废止日期` field gives it)
    const ceased = /^(?:19|20)\d{2}-\d{1,2}-\d{1,2}$/.test(c) ? units.slice(i + 1, i + 4).find((x) => !x.blank) : undefined;
    if (ceased && /^(?:已)?(?:废止|失效)$/.test(ceased.compact) && meta.validUntil === null) {
      setField(meta, 'validUntil', c);
      blankOut(u);
      continue;
    }
    if (looksLikeBody(c)) break;
  }
  for (let i = Math.max(0, units.length - 20); i < units.length; i++) {
    if (!units[i].blank && isFurniture(squeeze(units[i].text))) blankOut(units[i]);
  }
  for (const u of units) if (!u.blank && NAV_LINK.test(u.compact)) blankOut(u);
  // (a page title alone is no table's field)
  if (Object.entries(meta).every(([k, v]) => k === 'pageTitle' || v === null)) readTableAfterBody(units, meta);
  return meta;
}

/** The line above unit i is a list's bullet alone (`-`, `•`), the item printed under it. */
function bulletAbove(units: Unit[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) if (units[j].raw.trim()) return /^[-－•·・]$/.test(units[j].raw.trim());
  return false;
}

/** The compact text of a metadata line without the list marks a portal puts before it. */
function fieldLine(u: Unit): string {
  return squeeze(u.text).replace(/^(?:[•·・◆◇●▪■►▶|]+|[-－](?=[\u4e00-\u9fff]))/, '');
}

/**
 * A page that prints the document's body, then its metadata table (`索引号: | … | 名称: | 关于…的通知 |`), then the body
 * again: the table's fields are read (three or more label lines in a row, one of them the 名称/标题) and its lines and the
 * repeated copy of the body become noise, so the document is one, titled from the table, its body once.
 */
function readTableAfterBody(units: Unit[], meta: PageMeta): void {
  let from = -1;
  let run = 0;
  let titled = false;
  for (let i = 0; i <= units.length; i++) {
    if (i < units.length && units[i].blank) continue;
    const c = i < units.length ? fieldLine(units[i]) : '';
    if (c && LABEL_AT_START.test(c) && c.length <= 300) {
      if (!run) from = i;
      run++;
      titled ||= FIELD.get(LABEL_AT_START.exec(c)![0].replace(/[:：|]$/, '')) === 'title';
      continue;
    }
    if (run >= 3 && titled) return takeTable(units, meta, from, i);
    run = 0;
    titled = false;
  }
}

function takeTable(units: Unit[], meta: PageMeta, from: number, to: number): void {
  const table: PageMeta = { ...meta };
  for (let i = from; i < to; i++) if (!units[i].blank) readLabels(table, fieldLine(units[i]));
  // (a form in an attachment, `名称:` / `地址:` / `文号:` with no document's title in it, is body)
  if (!table.title || !isTitleEnd(squeeze(table.title))) return;
  Object.assign(meta, table);
  for (let i = from; i < to; i++) blankOut(units[i]);
  // the body printed again under the table: the same lines as from the page's first, in order
  const before = units.slice(0, from).filter((u) => !u.blank);
  let k = 0;
  for (let i = to; i < units.length && k < before.length; i++) {
    if (units[i].blank) continue;
    if (units[i].compact !== before[k].compact) break;
    k++;
  }
  if (k < 2) return;
  for (let i = to, n = 0; i < units.length && n < k; i++) {
    if (units[i].blank) continue;
    blankOut(units[i]);
    n++;
  }
}

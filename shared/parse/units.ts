import { isDateOnly, PRINTED_DATE } from '../domain/cn-date';
import { CLASS_MARK_SRC, isDocNumberLine } from '../domain/docnumber';
import { LABEL_SRC } from './page-fields';
import { BRACKETED_LINE, HEADING_START, compactText, continuesTitle, isOrgName, isTitleEnd } from './text';

/**
 * A file as a list of lines ("units") with their original 1-based line numbers, cleaned of print furniture:
 * running headers (`高青县人民政府公报 2021年第 3期 34`), page numbers (`—18—`, `- 3 -`) and section labels
 * repeated at page tops (`县政府办公室文件`), wherever they fall. Very long lines (a whole PDF page on one line)
 * are cut into pseudo-lines at sentence ends and headings, keeping their original line number.
 */
export interface Unit {
  /** 1-based line number in the file as given */
  line: number;
  /** original text of the line (or of the piece of a long line) */
  raw: string;
  /** cleaned text, trimmed */
  text: string;
  /** cleaned text with layout spaces removed */
  compact: string;
  /** nothing left after cleaning */
  blank: boolean;
  /** the whole line was print furniture (header, page number, section label) */
  noise: boolean;
  /** piece of a very long line */
  piece: boolean;
  /** the line was printed letter by letter (`某 某 县 人 民 政 府`: a letterhead's spacing), closed up in `raw` and `text` */
  letterSpaced?: true;
}

/** Running header of a gazette, anywhere in a line: title + 年第N期/第N号 + optional page number. */
export const RUNNING_HEADER =
  /(?<![《\u4e00-\u9fff])([\u4e00-\u9fff]{2,24}公报)[ \t\u3000]*(?:(\d{4})[ \t\u3000]*年[ \t\u3000]*)?第[ \t\u3000]*(\d{1,3})[ \t\u3000]*[期号](?:[ \t\u3000]*[（(][ \t\u3000]*总第[ \t\u3000]*\d{1,5}[ \t\u3000]*[期号][ \t\u3000]*[）)])?(?:[ \t\u3000]*\d{1,4}(?![\d年月日号期]))?/g;
const PAGE_LINE = /^[ \t\u3000]*(?:[-—–－]{1,2}[ \t\u3000]*\d{1,4}[ \t\u3000]*[-—–－]{1,2}|第[ \t\u3000]*\d{1,4}[ \t\u3000]*页(?:[ \t\u3000]*共[ \t\u3000]*\d{1,4}[ \t\u3000]*页)?|\d{1,3})[ \t\u3000]*$/;
const PAGE_INLINE = /[ \t\u3000]*[—–－][ \t\u3000]?\d{1,3}[ \t\u3000]?[—–－][ \t\u3000]*/g;
/** A rule under a letterhead (`━━━━`, `———`, `-----`, `＊＊＊`): layout, not text. */
const RULE_LINE = /^[ \t\u3000]*[━─—―－\-_=＊*~～★☆]{3,}[ \t\u3000━─—―－\-_=＊*~～★☆]*$/;
const SECTION_LABEL = /^(?:【[^】]{2,14}】|[县区市州省旗]?(?:人民)?政府(?:办公室|办公厅|办)?文件|部门文件|人事任免)$/;

const LONG_LINE = 400;
/**
 * A shorter line is still a flattened document when its parts stand apart by spaces and one of them is a 文号 or a
 * date (`招远市人民政府 关于…的通知 招政发〔2023〕3号 各镇人民政府： … 2023年2月10日`): Chinese prose has no spaces.
 */
const FLAT_LINE = 60;
/** text, a space, text: the parts of a short page run onto its only line (`某县…禁火令 近期,天气干燥,…`) */
const SPACED_WORDS = /[^ \t\u3000][ \t\u3000]+[^ \t\u3000]/;
/** a numbered row of a list or table (`1 关于…的通知 达市府发〔2000〕65号 理由`), which is not a flattened document */
const LIST_ROW = /^\s*[（(]?\d{1,4}[）)]?[\s、.．]/;
// (a date in Chinese numerals after a space ends one too: `…现予公布,自…起施行。 部 长 某某 二○○六年七月五日`, a 令's preamble,
// signature and date on one line)
const FLAT_MARK = new RegExp(
  `\\S[ \\u3000]+(?:[^\\s]{1,12}[〔［【[(（]\\d{4}[〕］】\\])）]第?\\d+号|${PRINTED_DATE})|(?:〕第?\\d+号|${PRINTED_DATE})[ \\u3000]+\\S`,
);

/** `某政发 [ 2017 ] 5 号` in a flattened line: the spaces inside a 文号 are not places to cut the line. */
const SPACED_NUMBER = /([\u4e00-\u9fff])[ \t\u3000]*([〔[［【(（﹝])[ \t\u3000]*((?:19|20)\d{2})[ \t\u3000]*([〕\]］】)）﹞])[ \t\u3000]*(第?)[ \t\u3000]*(\d{1,6})[ \t\u3000]*号/g;

/**
 * `主题词: 文  号:某政规〔2024〕1号 成文日期:…`: a field label a portal spaced out to align its table, in a row run onto one
 * line (single characters between spaces, then the colon) — one word, not places to cut the line.
 */
const SPACED_LABEL = /(?<=^|[ \t\u3000])[\u4e00-\u9fff](?:[ \t\u3000]+[\u4e00-\u9fff]){1,5}[ \t\u3000]*(?=[:：])/g;

/** `2021 年 4 月 13 日` in a flattened line (a Word or PDF copy spaces a date's parts): one piece, not five. */
const SPACED_DATE = /((?:19|20)\d{2})[ \t\u3000]*年[ \t\u3000]*(\d{1,2})[ \t\u3000]*月[ \t\u3000]*(\d{1,2})[ \t\u3000]*日/g;

/** `二0 一一年九月二七日` in a flattened line: a year in Chinese numerals broken by a space is one piece. */
const SPACED_CN_YEAR = /(二[0〇○零])[ \t\u3000]+([0〇○零一二三四五六七八九]{2}年)/g;

/** Punctuation some PDF fonts map to Yi syllables (`ꎬ` `ꎮ` for `，` `。`): Chinese text never holds these. */
const PDF_PUNCT: Record<string, string> = { ꎬ: '，', ꎮ: '。' };

function cleanInline(s: string): string {
  // Bold markers left by PDF-to-Markdown converters (`**加强社会宣传。**`).
  let t = s.includes('**') ? s.replace(/\*\*/g, '') : s;
  if (/[ꎬꎮ]/.test(t)) t = t.replace(/[ꎬꎮ]/g, (c) => PDF_PUNCT[c]);
  if (t.includes('公报')) t = t.replace(RUNNING_HEADER, ' ');
  if (/[—–－]/.test(t)) t = t.replace(PAGE_INLINE, (m) => (/\s$/.test(m) || /^\s/.test(m) ? ' ' : ''));
  // (`某县人民政府办公室 ???????`: a mirror that wrote the page's padding spaces as `?` — a run of them standing alone)
  if (t.includes('?')) t = mirrorPadding(t);
  return t;
}

/**
 * A mirror that wrote the page's padding spaces as `?`: a run of them standing alone (`某县人民政府办公室 ???????`), a run of three
 * or more anywhere (`????各乡镇…:`, `中共某县委办公室????`, `?????2020年12月4日`: a sentence's question mark never repeats so),
 * and the end of a name repeated after one at the line's end (`某县人民政府办公室?公室`: a wrapped cell's residue). A question
 * mark inside a sentence stays.
 */
function mirrorPadding(s: string): string {
  return s
    .replace(/(^|[ \t\u3000])\?+(?=[ \t\u3000]|$)/g, '$1')
    .replace(/\?{3,}/g, ' ')
    .replace(/([\u4e00-\u9fff]{2,})\?([\u4e00-\u9fff]{1,4})[ \t\u3000]*$/, (m, name: string, rest: string) => (name.endsWith(rest) ? name : m));
}

/**
 * A 文号 in a table's cell of its own with its border after it (`某政发〔2018〕22号 |`): the number; other cells keep their borders
 * for the page's table reader (a table printed a cell a line, `新城镇 |` / `43004.89 |`, stays a table).
 */
function withoutLoneBorder(t: string): string {
  const m = /[ \t\u3000]+[|｜][ \t\u3000]*$/.exec(t);
  return m && m.index > 0 && isDocNumberLine(t.slice(0, m.index)) ? t.slice(0, m.index) : t;
}

/** `【某市暂住人口治安管理办法】`: a title a news site set in the brackets of a gazette's section label — no label. */
function bracketedTitle(whole: string): boolean {
  const m = BRACKETED_LINE.exec(whole);
  return !!m && m[1].length >= 8 && isTitleEnd(m[1]);
}

function makeUnit(line: number, raw: string, piece: boolean): Unit {
  const whole = raw.trim();
  const noiseLine =
    whole !== '' &&
    (PAGE_LINE.test(whole) ||
      RULE_LINE.test(whole) ||
      (SECTION_LABEL.test(whole.replace(/\s+/g, '')) && !bracketedTitle(whole)) ||
      cleanInline(whole).trim() === '');
  // (`某政发〔2018〕22号 |`: a table's one cell with its border after it — the cell's text)
  const text = noiseLine ? '' : withoutLoneBorder(withoutColumnTag(cleanInline(raw).trim()));
  return { line, raw, text, compact: compactText(text), blank: text === '', noise: noiseLine, piece };
}

/** A label a field table prints in lenticular brackets (`【发布文号】…`): kept for the table's reader. */
const LABEL_WORD = new RegExp(`^(?:${LABEL_SRC})$`);

/**
 * `【政策文件】某某办法`: a news site's column tag before a title — no part of the line (a field's label in the same brackets,
 * `【发布日期】2020-01-01`, stays; so does a tag over anything but a title).
 */
function withoutColumnTag(text: string): string {
  const m = /^【([\u4e00-\u9fff]{2,8})】[ \t\u3000]*(?=\S)/.exec(text);
  if (!m || LABEL_WORD.test(m[1])) return text;
  const rest = text.slice(m[0].length);
  return isTitleEnd(compactText(rest)) ? rest : text;
}

// (a reply's class mark may follow the number, `…6号(A)类`)
const STANDING_NUMBER = `[（(]?[\\u4e00-\\u9fff]{1,12}[〔[［【(（﹝]\\d{4}[〕\\]］】)）﹞]第?\\d{1,6}号${CLASS_MARK_SRC}?[）)]?`;
const NUMBER_AFTER = new RegExp(`^${STANDING_NUMBER}(?:[ \\t\\u3000]|$)`);
const NUMBER_BEFORE = new RegExp(`(?:^|[ \\t\\u3000])${STANDING_NUMBER}$`);
/**
 * `某某市人民政府令第127号`, `某某省人民政府令(第52号)` between spaces: a 令's number, which a page prints on a line of its own
 * above the 令's preamble, is a piece of its own on a flattened page too (not the tail of the title before it or the head of
 * the preamble after it).
 */
const ORDER_NUMBER = '[\\u4e00-\\u9fff]{2,30}?令[（(]?第[\\d〇○零一二三四五六七八九十百]{1,6}号[）)]?';
const ORDER_AFTER = new RegExp(`^${ORDER_NUMBER}(?:[ \\t\\u3000]|$)`);
// (or its number alone under the 令's name: `某某市人民政府令 第28号 《…》已经…`)
const ORDER_BEFORE = new RegExp(`(?:^|[ \\t\\u3000])(?:${ORDER_NUMBER}|[（(]?第\\d{1,6}号[）)]?)$`);
/** `渝府令第 121 号`, `第 28 号` in a flattened line: a 令's number spaced out is one piece. */
const SPACED_ORDER = /第[ \t\u3000]*(\d{1,6})[ \t\u3000]*号/g;
/** `( 吉府发〔2003〕37号 )`: a law site's bracketed 文号 with spaces inside the brackets, one piece once flattened. */
const SPACED_BRACKETS = /([（(])[ \t\u3000]+([^ \t\u3000（）()]{4,30}号)[ \t\u3000]+([）)])/g;

/** A date or a time stamp ending the text before a space (`…的决定时间:2019-01-23`, `2018年12月3日`, `11:40`). */
const DATE_BEFORE = /(?:(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|\d{1,2}:\d{2}(?::\d{2})?)$/;

/**
 * `… 某某市人民政府 2018年12月3日 …`: organ names standing alone between spaces, then a date alone (a flattened signature).
 * Read on the next few space-separated tokens.
 */
function signatureAhead(s: string, at: number): boolean {
  const window = 80;
  const tokens = s.slice(at, at + window).split(/[ \t\u3000]+/);
  // (the window's last token may be cut short, unless the line ends inside it)
  const whole = at + window >= s.length ? tokens.length : tokens.length - 1;
  for (let k = 0; k + 1 < whole && k < 4; k++) {
    if (!isOrgName(tokens[k])) return false;
    if (isDateOnly(tokens[k + 1])) return true;
  }
  return false;
}

/**
 * `当前位置:首页 > 政务公开 > 文章详情` before a space: a portal's breadcrumb ends at its last item (the next text opens no
 * further `>`), so the title after it is a line of its own, not the crumb's tail.
 */
const CRUMB_END = /(?:[>›»＞]|&gt;)[ \t\u3000]*[^ \t\u3000>›»＞]{1,60}$/;
const CRUMB_NEXT = /^(?:[>›»＞]|&gt;)/;

/**
 * A portal's field about the page (`来源:本站`, `作者:某某`, `发布时间:2019-01-09`, `浏览次数:`, and every label of its field
 * list: `名称:`, `文号:`, `主题分类:`) between spaces: it ends where its
 * value ends, and it starts a piece, so a title before or after it is not run into it (`…作者:智慧百科 某市…的通告 为…`).
 * Not a word ending in such a label inside a sentence (`作业时间:`), nor one in brackets (`(发布日期:2000年9月11日 实施日期:…)`).
 */
// (every label of a portal's list of fields, as page.ts reads them on lines of their own)
const PAGE_META_LABEL = `(?<![\\u4e00-\\u9fff(（])(?:${LABEL_SRC}|作者|编辑|责任编辑|(?:发布|发表|更新|撰写|刊发)(?:时间|日期)|时间|浏览(?:量|次数)?|阅读(?:量|次数)|点击(?:量|数)?|访问(?:量|次数)|关注人数)[:：]`;
const META_TOKEN = new RegExp(`${PAGE_META_LABEL}[^ \\t\\u3000]*$`);
const META_NEXT = new RegExp(`^${PAGE_META_LABEL}`);

/**
 * `一、废止3件部门规章`, `（二）修改的规章`: a numbered heading of a few words between spaces, a line of its own on the page, ends
 * before what follows it (the first item of its list, `废止《…》(…令第1号)。`), though its number holds a 、.
 */
const NUMBERED_HEADING = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])[^ \t\u3000，。,、；;：:《》“”]{1,24}$/;

/** A bracket opened and not closed in the text (`…(发布日期:2000年9月11日`). */
function openBracket(t: string): boolean {
  return t.lastIndexOf('(') + t.lastIndexOf('（') > t.lastIndexOf(')') + t.lastIndexOf('）');
}

/** A remark in brackets standing alone before a title (`(此件公开发布)`, `(本文有删减)`). */
const REMARK = /^[（(][^（）()]{2,20}[）)]$/;

/**
 * `某市财政局` before `某市民政局关于…`: an organ, then another organ of the same place running into 关于 (two issuers of
 * one title) — or several, each between spaces (`财政部 科技部 教育部 发展改革委关于…`, `市教委 市民政局 市财政局关于…`).
 * Not a letterhead over its own title (`某省某市人民政府` before `某市人民政府关于…`: one organ, named twice), nor a site's
 * organ over another place's title.
 */
function jointOrgan(seg: string, after: string): boolean {
  if (!isOrgName(seg)) return false;
  const tokens = after.split(/[ \t\u3000]+/).slice(0, 6);
  for (const token of tokens) {
    const next = /^([\u4e00-\u9fff]{2,30}?)(?:关于|印发|转发)/.exec(token)?.[1] ?? token;
    if (!isOrgName(next) || !onePlace(seg, next) || seg.endsWith(next) || next.endsWith(seg)) return false;
    if (next !== token) return true;
  }
  return false;
}

/** Two organs of one place: the same first three characters, the same abbreviated place (`市教委`, `市民政局`), or no place (ministries). */
function onePlace(a: string, b: string): boolean {
  if (a.slice(0, 3) === b.slice(0, 3)) return true;
  if (a[0] === b[0] && '省市县区'.includes(a[0])) return true;
  const place = /[省市县区州旗盟]/;
  return !place.test(a) && !place.test(b);
}

/** Cuts a very long line at spaces that follow a sentence end or precede a heading. Linear time. */
function splitLongLine(line: string): string[] {
  const s = line.replace(SPACED_BRACKETS, '$1$2$3');
  const out: string[] = [];
  let start = 0;
  // (where the current space-separated token starts)
  let token = 0;
  const re = /[ \t\u3000]+/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const prev = s[m.index - 1] ?? '';
    const next = s.slice(m.index + m[0].length, m.index + m[0].length + 12);
    // a short run without punctuation is a heading, title, number or signature of a flattened page
    const seg = s.slice(start, m.index);
    // (`益阳市财政局 益阳市民政局关于…`: the first of two organs heading a joint title is no line of its own)
    const run = m.index - start <= 40 && !/[，。,、；;：:《》（）()“”]/.test(seg) && !jointOrgan(seg, s.slice(m.index + m[0].length, m.index + m[0].length + 80));
    // a 文号 standing between spaces (`…的通告 陆府通〔2019〕2号 为减少…`) is a line of its own
    const ahead = s.slice(m.index + m[0].length, m.index + m[0].length + 48);
    const behind = s.slice(Math.max(start, m.index - 48), m.index);
    const number = NUMBER_AFTER.test(ahead.slice(0, 24)) || NUMBER_BEFORE.test(behind.slice(-24)) || ORDER_AFTER.test(ahead) || ORDER_BEFORE.test(behind);
    // a date ends a flattened signature or a page heading's time stamp; organ names and a date after a space start a signature
    const dated = /\d/.test(prev) && DATE_BEFORE.test(s.slice(Math.max(start, m.index - 24), m.index));
    const signature = !run && signatureAhead(s, m.index + m[0].length);
    // a title standing between spaces (`某市…的规定 某省某市人民政府 某市…的规定`): its own line, though it holds 、《》（）
    const titled = !run && m.index - start <= 150 && (isTitleEnd(compactText(seg)) || REMARK.test(seg));
    // (an item after the crumb's last `>` holding brackets, `> 区政府(办公室)文件`, ends it too)
    const lastItem = /(?:[>›»＞]|&gt;)$/.test(out[out.length - 1] ?? '') && seg.length <= 30 && !/[，。,；;：:]/.test(seg);
    const crumb = ((CRUMB_END.test(seg) || lastItem) && !CRUMB_NEXT.test(next)) || NUMBERED_HEADING.test(seg);
    // (not inside brackets: `(发布日期:2000年9月11日 实施日期:…)` is a remark's two dates)
    const meta = (META_TOKEN.test(s.slice(Math.max(start, token), m.index)) || META_NEXT.test(next)) && !openBracket(seg);
    if ('。！？；：:!?;'.includes(prev) || HEADING_START.test(next) || run || number || dated || signature || titled || crumb || meta) {
      if (m.index > start) out.push(s.slice(start, m.index));
      start = m.index + m[0].length;
    }
    token = m.index + m[0].length;
  }
  if (start < s.length) out.push(s.slice(start));
  return out;
}

/**
 * A whole document glued onto one line without a space (`…关于印发…的通知某政办发[2019]12号各乡镇人民政府：现将…。某县人民政府
 * 办公室2019年3月5日某县…办法第一条…`): its head (title, 文号, salutation) and its sentences as pieces, the signature
 * and date apart. Null when the line does not open with a title followed at once by a 文号. Linear time.
 */
export const GLUED_HEAD = /^(.{0,80}?(?:关于|印发|转发|批转)[^。；;：:《》]{0,120}?(?:《[^《》]{1,80}》[^。；;：:《》]{0,20}?)?的(?:通知|决定|意见|通告|公告|批复|函|报告))([\u4e00-\u9fff]{1,12}[〔[［【(（﹝](?:19|20)\d{2}[〕\]］】)）﹞]第?\d{1,6}号)?((?:[\u4e00-\u9fff]{1,6}号)?各[^：:。；;]{1,160}[：:])?/;
/** `某办字[2001]75号各省、自治区、直辖市某某委(办):…`: a 文号 glued to the salutation at the start of a flattened copy. */
const GLUED_NUMBER_HEAD = /^([\u4e00-\u9fff]{1,12}[〔[［【(（﹝](?:19|20)\d{2}[〕\]］】)）﹞]第?\d{1,6}号)(各[^：:。；;]{1,160}[：:])/;
const ORG_DATE = new RegExp(`^([\\u4e00-\\u9fff、]{3,60}?(?:政府|办公室|办公厅|委员会|管委会|局|厅|委|院|部|办))(${PRINTED_DATE})(.+)$`);

/**
 * A PDF transcription with a space between every character (`青 海 省 人 民 政 府 关 于 …`): most space-separated
 * tokens are one Chinese character. Linear.
 */
function spacedOut(s: string): boolean {
  let tokens = 0;
  let single = 0;
  for (const m of s.matchAll(/[^ \t\u3000]+/g)) {
    tokens++;
    if (m[0].length === 1 && /[\u4e00-\u9fff]/.test(m[0])) single++;
  }
  return tokens >= 20 && single >= tokens * 0.6;
}

/**
 * A short line printed letter by letter (`某 某 县 人 民 政 府`, `2 0 2 3 年 5 月 6 日`: a centred heading or signature, a PDF
 * transcription): at least four tokens, every one a single character, most of them Chinese characters or digits (the rest
 * punctuation, `〔` `、` `：`), so one word, not words apart.
 */
function letterSpaced(s: string): boolean {
  const tokens = s.trim().split(/[ \t\u3000]+/);
  if (tokens.length < 4 || tokens.some((t) => t.length !== 1)) return false;
  return tokens.filter((t) => /[\u4e00-\u9fff0-9〇○]/.test(t)).length >= tokens.length * 0.6;
}

/** A letter-spaced line as words: the narrowest gap is between letters, a wider one between words (`甲 局   乙 局`). */
function closeLetterSpacing(s: string): string {
  const gap = /(?<=\S)[ \t\u3000]+(?=\S)/g;
  let narrowest = Infinity;
  for (const m of s.matchAll(gap)) narrowest = Math.min(narrowest, m[0].length);
  return s.replace(gap, (m) => (m.length > narrowest ? ' ' : ''));
}

function splitGluedLine(s: string, spaced = false): string[] | null {
  // (a collapsed transcription keeps a space between two Latin marks, `» (`)
  if (!spaced && /[ \t\u3000]/.test(s.trim())) return null;
  const found = GLUED_HEAD.exec(s.trim());
  // a title glued to its 文号 or its salutation (`…的通知青政号各市自治州人民政府，…：`, the number's digits lost)
  const head = found && (found[2] || found[3]) ? found : null;
  // (or a copy that left out the title and opens with its 文号 glued to the salutation: `某办字[2001]75号各省、…:`)
  const numbered = head ? null : GLUED_NUMBER_HEAD.exec(s.trim());
  const opening = head ?? numbered;
  if (!opening) return null;
  const out: string[] = numbered ? [numbered[1], numbered[2]] : [];
  if (head) {
    // `首页>政务公开>政策文件>某县…的通知`: the breadcrumb before the title is a piece of its own
    // (or the letterhead: `省政府文件青海省人民政府关于…`)
    const letterhead = /^.*?文件(?=[\u4e00-\u9fff]{2,30}?(?:关于|印发))/.exec(head[1]);
    const crumb = Math.max(head[1].lastIndexOf('>'), head[1].lastIndexOf('›'), head[1].lastIndexOf('»'), head[1].lastIndexOf('＞'), letterhead ? letterhead[0].length - 1 : -1);
    out.push(...(crumb > 0 ? [head[1].slice(0, crumb + 1), head[1].slice(crumb + 1)] : [head[1]]));
    if (head[2]) out.push(head[2]);
    if (head[3]) out.push(head[3]);
  }
  const rest = s.trim().slice(opening[0].length);
  for (const sentence of rest.split(/(?<=[。！？；](?![”’」』）)]))/)) {
    const sig = ORG_DATE.exec(sentence);
    if (!sig) {
      if (sentence) out.push(sentence);
      continue;
    }
    out.push(sig[1], sig[2]);
    // `某县…管理办法第一条为…`: the attachment's title, then its first article
    const article = /^(.{2,80}?(?:办法|规定|细则|规则|条例|方案|意见|制度|标准|措施)(?:[（(][^（）()]{1,8}[）)])?)(第一[章条].*)$/.exec(sig[3]);
    if (article) out.push(article[1], article[2]);
    else out.push(sig[3]);
  }
  return out;
}

const BLOCK_TAG = /<\/?(?:p|br|div|tr|td|th|li|h[1-6]|table|tbody|section)\b[^<>]*>/gi;
const ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&ldquo;': '“', '&rdquo;': '”' };

/**
 * HTML left in copied text (`<p style="text-align: right;">山西省人民政府</p><p>…`): block tags end a piece,
 * other tags and attribute remnants of a tag broken over lines (`right;">`) are removed, entities decoded.
 * Null when the line has no HTML.
 */
function htmlPieces(raw: string): string[] | null {
  if (!/<\/?[a-zA-Z][^<>]*>|^[\w\-:;'" ]*">|&nbsp;/.test(raw)) return null;
  return raw
    .split(BLOCK_TAG)
    .map((seg) =>
      seg
        .replace(/^[\w\-:;'" ]*">/, '')
        .replace(/<\/?[a-zA-Z][^<>]*>/g, '')
        .replace(/<[a-zA-Z][^<>]*$/, '')
        .replace(/&(?:nbsp|lt|gt|amp|quot|ldquo|rdquo);/g, (e) => ENTITIES[e] ?? ''),
    )
    .filter((seg) => seg.trim() !== '');
}

/**
 * Invisible characters web pages and word processors leave in copied text (zero-width space, joiners, word joiner,
 * BOMs mid-text): they would split a 文号 (高政发\u200b〔2021〕3号) or a date from the parser's view, and print as nothing.
 */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/** `(3)  某部发〔2025〕8号`: a research database's index before every paragraph of the original it reprints. */
const PARAGRAPH_INDEX = /^[（(](\d{1,3})[）)][ \t\u3000]{2,}(?=\S)/;

/**
 * Lines numbered `(1)  `, `(2)  `, … in order, five or more from (1), each index followed by two spaces: a database's
 * paragraph index, no part of the text — removed (the lines stay where they are). A body's own `(1)` items are numbered
 * without the double space, or not from the text's first paragraphs on.
 */
function withoutParagraphIndex(lines: string[]): string[] {
  let expected = 1;
  const at: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = PARAGRAPH_INDEX.exec(lines[i]);
    if (m && Number(m[1]) === expected) {
      at.push(i);
      expected++;
    } else if (m && Number(m[1]) === 1) {
      // (a second run from (1): the summary's index, then the original's)
      at.push(i);
      expected = 2;
    }
  }
  if (at.length < 5) return lines;
  const out = lines.slice();
  for (const i of at) out[i] = out[i].replace(PARAGRAPH_INDEX, '');
  return out;
}

/** A text's lines as the parser numbers them: CRLF, CR and LF all end a line; a BOM and zero-width characters are dropped. */
export function textLines(text: string): string[] {
  return text.replace(ZERO_WIDTH, '').split(/\r\n|\r|\n/);
}

/** Characters of a line as printed, spaces left out. */
function printedLength(line: string): number {
  let n = 0;
  for (const ch of line) if (ch !== ' ' && ch !== '\t' && ch !== '\u3000') n++;
  return n;
}

/**
 * A line that ends a sentence or a clause where a paragraph can end (a wrapped line's last character is none of them); a
 * closing quote or bracket only after a sentence's end (`…“85%”` and `…(通州区)` end no paragraph at a wrap) or a table
 * row's last cell.
 */
const PARAGRAPH_END = /(?:[。！？；：:!?;|]|[。！？；][」』”’）)])$/;

/**
 * Marks that close a clause or a bracket, or a 文号's year and serial (`国函` over `〔1992〕194号`): a line a wrap broke before one
 * of them runs on from the line above.
 */
const CONTINUES = /^(?:[、，。；：:;,)）」』”’》〉〕﹞］】\]]|[〔[［【(（﹝](?:19|20)\d{2}[〕\]］】)）﹞]第?\d{1,6}号)/;

/**
 * A text wrapped at a fixed width (a PDF's text layer read line by line: GB/T 9704 sets 28 characters a line; a
 * converter's hard wrap): most lines of text are that many characters long, and a paragraph, a title or a 文号 runs on
 * over the next line. Returns, for each line, whether it runs on into the next: a full-width line that ends without a
 * sentence's end, followed by a line of text that opens no heading. Null when the text is not wrapped so.
 */
function wrappedLines(lines: string[]): boolean[] | null {
  const lengths = lines.map(printedLength);
  const width = wrapWidth(lengths);
  if (!width) return null;
  const out: boolean[] = [];
  // (the run of lines joined so far: a title printed whole over full lines ends there)
  let run = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    run += line;
    const next = lines[i + 1]?.trim();
    const full = lengths[i] >= width && lengths[i] <= width + 4 && next !== undefined && next !== '';
    out.push(full && runsOn(line, run, next, lines[i + 2]?.trim()));
    if (!out[i]) run = '';
  }
  return out;
}

/** The width a text is wrapped at: the full lines' printed length; 0 when the text is not wrapped so. */
function wrapWidth(lengths: number[]): number {
  const count = new Map<number, number>();
  let printed = 0;
  for (const n of lengths) {
    if (n > 0) printed++;
    // (a two-column gazette's 17–22 characters a line is left to the body's own joining: see body.ts's 'wrapped')
    if (n >= 24) count.set(n, (count.get(n) ?? 0) + 1);
  }
  let width = 0;
  let best = 0;
  for (const [n, c] of count) {
    const near = c + (count.get(n + 1) ?? 0);
    if (near > best || (near === best && n > width)) [width, best] = [n, near];
  }
  // (a page whose lines vary, or a handful of lines, is not wrapped: at least 8 full lines making up 3/10 of its lines —
  // a file of many short notices whose titles happen to be as long as each other is not; or, on a short page or one of
  // short list rows and headings, at least 3 full lines that no line outruns, making up 3/10 of its long lines)
  let long = 0;
  let over = 0;
  for (const n of lengths) {
    if (n >= 24) long++;
    if (n > width + 4) over++;
  }
  const many = best >= 8 && best >= printed * 0.3;
  return many || (best >= 3 && over <= best * 0.1 && best >= long * 0.3) ? width : 0;
}

/** A field label standing after a space at the end of a row (`索引号:… 分  类:`), its value not yet printed. */
const OPEN_LABEL = /[ \t\u3000][\u4e00-\u9fff](?:[ \t\u3000]*[\u4e00-\u9fff]){1,5}[ \t\u3000]*[:：]$/;

/** A sentence's opening word (`根据《某办法》的规定`): a run that opens so is no title, though it ends in a kind word. */
const SENTENCE_OPENING = /^(?:根据|依据|依照|按照|遵照|为了|为|经|现将|鉴于|由于|随着)/;

/** Whether a full line (ending `run`, the lines joined so far) runs on into the next line of text (`after` it, the line after). */
function runsOn(line: string, run: string, next: string, after: string | undefined): boolean {
  // (a line opening with a mark no line opens with, `、经贸委：`, `）的，`, is the rest of the full line above, whatever that ends with)
  if (CONTINUES.test(next)) return true;
  // (a field row's last label, `… 分  类:`, takes its value from the next line)
  if (OPEN_LABEL.test(line)) return true;
  // (a title printed whole over full lines, or a remark in brackets, ends there: the next line is the head's next line
  // or the body — unless that next line cannot open a title, `的通知`)
  const title = (isTitleEnd(compactText(run)) && !/[，,\s]/.test(run) && !SENTENCE_OPENING.test(run) && !continuesTitle(line, next)) || /^[（(][^（）()]{2,80}[）)]$/.test(run);
  // (a 文号 or a date alone under a full line is a line of its own — a head's number under its title, a signature's date —
  // unless the line breaks the number (`文号：某政` over `办发〔2022〕8号`) or leaves its label open (`成文日期：`))
  if (NUMBER_AFTER.test(next)) return !title && /[\u4e00-\u9fff:：]$/.test(line);
  if (isDateOnly(next)) return /[:：]$/.test(line);
  // (a signature's organ alone under a full line, its date under it, is the signature, not the rest of the line)
  const signature = next.length <= 30 && isOrgName(compactText(next)) && isDateOnly(after ?? '');
  return !title && !signature && !PARAGRAPH_END.test(line) && !HEADING_START.test(next);
}

/**
 * A wrapped paragraph that is a flattened line the wrap broke (`…之日起施行。    附件:1.… 2.…   附件1 … 一、修改的规章 1.…`): a
 * sentence's or a bracket's end before spaces twice, and its parts set apart by spaces three times or more — a PDF's paragraph
 * has none.
 */
function flatRun(s: string): boolean {
  return (s.match(/[。；;！？）)][ \t\u3000]+(?=\S)/g) ?? []).length >= 2 && (s.match(/\S[ \t\u3000]+(?=\S)/g) ?? []).length >= 3;
}

/**
 * At most this many characters of wrapped lines make one (a paragraph of a page or two; past it the next line starts a
 * line of its own, so no hostile text of one endless paragraph becomes one line).
 */
const MAX_WRAPPED = 3000;

/** Splits text into cleaned units (lines numbered as textLines numbers them). */
export function buildUnits(text: string): Unit[] {
  const lines = withoutParagraphIndex(textLines(text));
  const runsOn = wrappedLines(lines);
  // (a text of one line holding words apart by spaces is a page flattened by a copy, though it is short and undated)
  const onlyLine = lines.filter((l) => l.trim() !== '').length === 1;
  const units: Unit[] = [];
  for (let i = 0; i < lines.length; i++) {
    let glued: string[] | null;
    // (a wrapped paragraph is the line its producer wrote, numbered as its first, and read as that line is: a web page's
    // HTML, a flattened or spaced-out copy wrapped at a PDF's width is cut as the unwrapped copy is)
    const line = i + 1;
    let raw = lines[i];
    // (a space the wrap broke the line at stays one: `2024-07-06` over ` 00:54:58`, `…的通告` over ` 某府通〔2019〕2号`)
    while (runsOn?.[i] && raw.length < MAX_WRAPPED) raw = raw.trimEnd() + (/\s$/.test(raw) || /^\s/.test(lines[i + 1]) ? ' ' : '') + lines[++i].trim();
    const html = raw.includes('<') || raw.includes('">') || raw.includes('&') ? htmlPieces(raw) : null;
    if (html) {
      for (const piece of html) units.push(makeUnit(line, piece, true));
      if (!html.length) units.push(makeUnit(line, '', false));
    } else if (raw.length > FLAT_LINE && spacedOut(raw)) {
      // (its page number `1 ` in front is no list row)
      const collapsed = compactText(cleanInline(raw));
      const pieces = splitGluedLine(collapsed, true) ?? collapsed.split(/(?<=[。！？；])/);
      for (const piece of pieces) units.push(makeUnit(line, piece, true));
    } else if (raw.length > FLAT_LINE && !LIST_ROW.test(raw) && (glued = splitGluedLine(cleanInline(raw)))) {
      for (const piece of glued) units.push(makeUnit(line, piece, true));
    } else if (
      raw.length > LONG_LINE ||
      (raw.length > FLAT_LINE && !LIST_ROW.test(raw) && (FLAT_MARK.test(raw) || (onlyLine && SPACED_WORDS.test(raw)) || (line !== i + 1 && flatRun(raw))))
    ) {
      const cleaned = cleanInline(raw)
        .replace(SPACED_NUMBER, '$1$2$3$4$5$6号')
        .replace(SPACED_DATE, '$1年$2月$3日')
        .replace(SPACED_ORDER, '第$1号')
        .replace(SPACED_CN_YEAR, '$1$2')
        .replace(SPACED_LABEL, (label) => label.replace(/[ \t\u3000]+/g, ''));
      for (const piece of splitLongLine(cleaned)) units.push(makeUnit(line, piece, true));
    } else {
      const spaced = letterSpaced(raw);
      const u = makeUnit(line, spaced ? closeLetterSpacing(raw) : raw, false);
      units.push(spaced ? { ...u, letterSpaced: true } : u);
    }
  }
  return units;
}

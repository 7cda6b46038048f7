import type { Cleanup, DocNumber, ParsedDocument, ParseWarning, RelationTarget } from '../domain/parse-result';
import { findCnDates, isDateOnly, isoDate, PRINTED_MONTH, PRINTED_SMALL, runTogetherReadings } from '../domain/cn-date';
import { findDocNumbers, findIncompleteDocNumber, parseDocNumber } from '../domain/docnumber';
import { extractValidity } from '../domain/validity';
import { PUBLICATION_NOTE, detectLayout, organDateLine, paragraphs, signerDateLine, type Layout } from './body';
import type { PageMeta } from './page';
import { extractCleanup, onceEach, sameTarget } from './cleanup';
import { decisionItems, type DecisionItem } from './decisions';
import { extraValidity } from './effective';
import { extractAppointments, extractRelations } from './relations';
import { isSalutation, type Head } from './split';
import { bodyCloses, CLOSING_FORMULA, UNIT_WORD, isOrgName, shortNameOf, signatureLabelled, splitIssuers, squeeze } from './text';
import type { Unit } from './units';

/**
 * Metadata of one document from its head and body units: 文号, issuers, 成文日期, kind, normative or not,
 * 施行/有效期, relations, appointments, paragraphs, and warnings for the reviewer.
 */

const KIND_WORDS = [
  '实施意见', '实施方案', '实施细则', '通知', '通报', '意见', '决定', '办法', '规定', '细则', '方案', '规划', '批复',
  '公告', '通告', '公示', '报告', '请示', '复函', '函', '命令', '决议', '纪要', '规则', '制度', '条例', '预案', '计划', '要点',
  '标准', '指南', '目录', '清单', '措施', '指引', '答复',
];
const KIND_CANON: Record<string, string> = { 实施意见: '意见', 实施方案: '方案', 实施细则: '细则', 复函: '函' };

/** Kind from the title's last word; 印发 notices are 通知; appointment notices are 任免. */
export function kindOf(title: string, agency: string | null): string | null {
  const t = squeeze(title).replace(/[（(][^（）()]{1,12}[）)]$/, '');
  if (/任免|任职|免职|任命|挂职/.test(t) && /通知$|决定$/.test(t)) return '任免';
  if (agency && /任$/.test(agency)) return '任免';
  for (const w of KIND_WORDS) if (t.endsWith(w)) return KIND_CANON[w] ?? w;
  return null;
}

/** What a 印发/转发 notice carries: the kind word of `印发《……办法》的通知` or `印发……方案的通知`. */
function carriedKind(title: string): string | null {
  const t = squeeze(title);
  const m = /(?:印发|转发|颁布|发布)(.*)的通知$/.exec(t);
  if (!m) return null;
  const inner = m[1].replace(/[《》]/g, '').replace(/[（(][^（）()]{1,12}[）)]$/, '');
  for (const w of KIND_WORDS) if (inner.endsWith(w)) return KIND_CANON[w] ?? w;
  const ws = /(?:等\d*个?)([\u4e00-\u9fff]{2,4})$/.exec(inner);
  if (ws) for (const w of KIND_WORDS) if (ws[1].endsWith(w)) return KIND_CANON[w] ?? w;
  return null;
}

/** Kinds whose very name says they set rules of general application (办法, 规定, 细则 …). */
const RULE_KINDS = new Set(['办法', '规定', '细则', '规则', '条例']);
/** Kinds that often, but not always, are normative; they get a reminder when no validity clause is found. */
const MAYBE_RULE_KINDS = new Set(['意见', '措施', '标准', '制度']);

export interface NormativeSignals {
  kind: string | null;
  /** kind word of the text a 印发 notice carries */
  carried: string | null;
  hasRegistration: boolean;
  hasValidity: boolean;
  /** agency code of the 文号 (`招政办发`, `便函`) */
  agency?: string | null;
  /** the same file prints 登记号 above other documents: the office registers every normative one */
  registrationInFile?: boolean;
}

/**
 * Normative or not — a heuristic, in order:
 * 1. 任免 notices and letters (函) are not normative;
 * 2. a printed 登记号 or a validity clause makes it normative (Shandong registers and dates every one, and
 *    nothing else gets a validity clause);
 * 3. where the file prints 登记号 for some documents, one without is not registered, so not normative;
 * 4. a 办法/规定/细则/规则/条例 (or a notice that 印发 one) sets general rules: normative;
 * 5. everything else (work notices, 意见 without a validity clause, 方案, 规划, 预案, 清单, 批复 …) is not.
 */
export function isNormativeDoc(s: NormativeSignals): boolean {
  if (s.kind === '任免') return false;
  if (s.agency && /函$/.test(s.agency) && !s.hasRegistration && !s.hasValidity) return false;
  if (s.hasRegistration || s.hasValidity) return true;
  if (s.registrationInFile) return false;
  const k = s.kind === '通知' ? s.carried : s.kind;
  return !!k && RULE_KINDS.has(k);
}

/** Could this be a normative document whose validity clause is missing (worth a reviewer's look)? */
function looksLikeRules(kind: string | null, carried: string | null): boolean {
  const k = kind === '通知' ? carried : kind;
  return !!k && (RULE_KINDS.has(k) || MAYBE_RULE_KINDS.has(k));
}

/** Abolition clauses plus the 废止 entries of a printed list, each document once. */
function withListed(found: RelationTarget[], cleanup: Cleanup | null): RelationTarget[] {
  const out = found.slice();
  // the first entry with each 文号 and each title, kept in maps (a list of 50,000 entries stays linear)
  const byNumber = new Map<string, number>();
  const byTitle = new Map<string, number>();
  const index = (i: number) => {
    const t = out[i];
    if (t.docNumber && !(byNumber.get(t.docNumber)! <= i)) byNumber.set(t.docNumber, i);
    if (t.title && !(byTitle.get(t.title)! <= i)) byTitle.set(t.title, i);
  };
  out.forEach((_, i) => index(i));
  for (const it of cleanup?.items ?? []) {
    if (it.decision !== '废止') continue;
    // (a number hit names the same document unless both have titles and they differ: orders numbered per year)
    const byNo = it.docNumber ? byNumber.get(it.docNumber) : undefined;
    const numberHit = byNo !== undefined && (!it.title || !out[byNo].title || out[byNo].title === it.title) ? byNo : undefined;
    const hits = [numberHit, it.title ? byTitle.get(it.title) : undefined].filter((i) => i !== undefined);
    const same = hits.length ? Math.min(...hits) : -1;
    if (same >= 0) out[same] = { title: out[same].title ?? it.title, docNumber: out[same].docNumber ?? it.docNumber };
    else out.push({ title: it.title, docNumber: it.docNumber });
    index(same >= 0 ? same : out.length - 1);
  }
  return out;
}

/**
 * The document's own 文号 read with a character more or less in front (`通某政发〔2021〕3号` where a cut title runs
 * into it): never a citation of itself.
 */
function sameNumber(cite: string, own: DocNumber | null): boolean {
  if (!own) return false;
  if (cite === own.normalized) return true;
  const c = parseDocNumber(cite);
  return !!c && c.year === own.year && c.serial === own.serial && (c.agency.endsWith(own.agency) || own.agency.endsWith(c.agency));
}

/** The listed items of a decision added to its cleanup result (each document once). */
function addDecided(cleanup: Cleanup, decided: DecisionItem[]): void {
  for (const d of decided) {
    const same = cleanup.items.find((it) => sameTarget(it, d.target));
    if (!same) cleanup.items.push({ decision: d.decision, ...d.target });
  }
}

/** Targets from clauses and from a decision's items, each document once (a title and a number name the same one). */
function mergeTargets(a: RelationTarget[], b: RelationTarget[]): RelationTarget[] {
  const out = a.map((t) => ({ ...t }));
  for (const t of b) {
    const same = out.find((o) => sameTarget(o, t));
    if (same) {
      same.title ??= t.title;
      same.docNumber ??= t.docNumber;
    } else out.push({ ...t });
  }
  return out;
}

/**
 * `省政府令第114号` in a 山东省人民政府 document is `山东省人民政府令第114号`: an order series named by its level is
 * spelt out with the issuer of that level.
 */
function expandOrderAgencies(targets: RelationTarget[], issuers: string[]): void {
  for (const t of targets) {
    // (`政府令第146号` under 南京市人民政府: the level left out too)
    const m = t.docNumber ? /^(省|市|县|区|州|自治区)?(?:人民)?政府令(第\d+号)$/.exec(t.docNumber) : null;
    if (!m) continue;
    const own = issuers.find((x) => new RegExp(`^[\\u4e00-\\u9fff]{2,8}${m[1] ?? '(?:省|市|县|区|州|自治区)'}人民政府$`).test(x));
    if (own) t.docNumber = `${own}令${m[2]}`;
  }
}

/**
 * `市人民政府办公厅关于…` under the letterhead `贵阳市人民政府办公厅`: a title may name its issuer without the place; the full
 * name printed nearby (the letterhead a few lines above the head, the head's own lines) is the issuer's name.
 */
function completeIssuers(issuers: string[], units: Unit[], head: Head, field: string[]): string[] {
  if (!issuers.some((x) => SHORT_ORGAN.test(x))) return issuers;
  // (`市政府关于…的复函` under the page's `发布机构: 苏州市人民政府`: the field names the organ in full; `师市民政局` under the
  // title's `某某市民政局`: a 兵团 city signs as the division and the city in one, `师市`)
  const near: string[] = [...field, ...head.titleIssuers];
  for (let i = Math.max(0, head.start - 8); i <= head.headEnd && i < units.length; i++) {
    if (!units[i].blank) near.push(...(splitIssuers(units[i].text) ?? []));
  }
  const fullOf = (n: string, x: string) => shortNameOf(n, x) || (x.startsWith('师市') && shortNameOf(n, x.slice(1)));
  return issuers.map((x) => (SHORT_ORGAN.test(x) ? (near.find((n) => fullOf(n, x)) ?? x) : x));
}

/**
 * `(京)引种〔2023〕第1号` alone on a line between the head and the salutation: the document's own series number, printed where
 * a 文号 stands (read or not as its 文号), never a document it cites.
 */
function numbersOverText(bodyUnits: Unit[]): Set<string> {
  const found = new Set<string>();
  const lines = bodyUnits.filter((u) => !u.blank).slice(0, 3);
  // (only over a salutation: the lines of a head, not the first lines of a list)
  const salutation = lines.findIndex((u) => isSalutation(u.compact));
  for (const u of lines.slice(0, Math.max(0, salutation))) {
    const numbers = u.compact.length <= 30 ? findDocNumbers(u.compact) : [];
    if (numbers.length === 1 && u.compact.replace(/[（()）]/g, '').length <= numbers[0].raw.length + 6) found.add(numbers[0].normalized);
  }
  return found;
}

/** An organ named without its place (`市政府办公室`, `县民政局`, a 兵团 city's `师市民政局`). */
const SHORT_ORGAN = /^(?:师市|省|市|县|区|州|盟|旗|镇|乡)/;

export interface ExtractResult {
  doc: ParsedDocument;
  warnings: ParseWarning[];
}

/** Builds one ParsedDocument from its head and unit range [head.start, end]. */
export interface ExtractOptions {
  /** some document in the same file has a printed 登记号 */
  registrationInFile?: boolean;
  /** the page's metadata table, for a file that holds this one document: used where the text says nothing */
  meta?: PageMeta;
}

/**
 * `(国家某某局代章)` under an office's name: the organ whose seal the office signs with, not a second signer (a 联席会议's
 * office, a 领导小组's office signs so).
 */
const SEAL_HOLDER = /^[（(][\u4e00-\u9fff]{3,30}代章[）)]$/;
/** `(借章)`, `(代章)`, `（盖章）` after a signing organ's name: a note on the seal, no part of the name. */
const BORROWED_SEAL = /[ \t\u3000]*[（(](?:借章|代章|盖章|印章)[）)][ \t\u3000]*$/;

/**
 * The signature above a date line at bodyUnits[i]: organ lines read upwards (joint issuers stand one per line,
 * `中共某市委办公室` / `某市人民政府办公室`), skipping a publication note and a seal holder's line.
 */
function signatureAbove(bodyUnits: Unit[], i: number, onLine: string[] = []): string[] {
  // (`某县人民政府办公室 2023年5月6日` on one line: its organ is the lowest, joint issuers above it one per line)
  const found: string[][] = onLine.length ? [onLine] : [];
  let joinedName = false;
  // (`某县人民政府` broken as `某县` / `人民政府` over the date: the unit's word waits for the place above it)
  let unitWord = '';
  for (let j = i - 1, seen = 0; j >= 0 && seen < 12; j--) {
    const u = bodyUnits[j];
    if (u.blank) continue;
    seen++;
    if ((PUBLICATION_NOTE.test(u.compact) || SEAL_HOLDER.test(u.compact)) && !found.length) continue;
    if (!found.length && !unitWord && UNIT_WORD.test(u.compact)) {
      unitWord = u.compact;
      continue;
    }
    if (unitWord) {
      const whole = NAME_START.test(u.compact) ? splitIssuers(u.compact + unitWord) : null;
      if (whole?.length !== 1) break;
      found.unshift(whole);
      unitWord = '';
      joinedName = true;
      continue;
    }
    // (`发布单位:某某中心`: the signature printed with its label; `某办公室(借章)`: the seal it borrowed noted after its name)
    const labelled = signatureLabelled(u.compact);
    const names = labelled ? [labelled] : splitIssuers(u.text.replace(BORROWED_SEAL, ''));
    // `某旗公安局` / `交通管理大队`: a unit printed under its organ, its name naming no place, is one organ with it
    if (names?.length === 1 && found.length && found[0].length === 1 && UNIT_UNDER_ORGAN.test(found[0][0]) && ORGAN_OVER_UNIT.test(names[0])) {
      found[0] = [names[0] + found[0][0]];
      continue;
    }
    if (names) {
      found.unshift(names);
      continue;
    }
    // `某县疫情防控现场处置` / `省市县联动指挥部`: one organ's name broken over two lines (at an inner word)
    // (`某县统计局` / `某县人民政府第七次` / `全国人口普查领导小组办公室`: joint issuers above such a name go on upwards)
    const whole = found.length && found[0].length === 1 && !joinedName ? brokenName(u.compact, found[0][0]) : null;
    if (whole) {
      found[0] = whole;
      joinedName = true;
      continue;
    }
    // `某县某某镇中心学校` / `2023年5月6日` under a body's last sentence: an organ whose kind the suffix list lacks still signs
    if (!found.length && seen === 1 && placeNamedSigner(u.compact) && sentenceEndsAbove(bodyUnits, j)) {
      found.unshift([u.compact]);
      break;
    }
    // `…依法进行严肃查处。某市环境保护局` / `某市建筑工程管理局`: the first organ run into the body's last line
    const tail = /[。！!；;]([^。！!；;]{3,30})$/.exec(u.compact);
    const first = tail ? splitIssuers(tail[1]) : null;
    if (first) found.unshift(first);
    break;
  }
  return found.flat();
}

/**
 * A signing organ the suffix list does not know: a place's name, then a unit's (`某县某某镇中心学校`, `某市某某林场`) — no
 * sentence word, no punctuation, not a closing formula, not a posting or a 联系 line.
 */
function placeNamedSigner(c: string): boolean {
  const m = NAME_START.exec(c);
  return !!m && c.length >= m[1].length + 2 && c.length <= 24 && !/[的了要请应须务将把被已在和与及或是为对于从按由向]/.test(c) && !CLOSING_FORMULA.test(c) && !/(?:电话|地址|邮编|联系|网址|来源|编辑|审核|责任)/.test(c) && !SIGNING_OFFICIAL.test(c);
}

/** `自治区主席某某`, `市长某某`: an order's signing official, a person, no organ. */
const SIGNING_OFFICIAL = /(?:主席|[省市县区旗州镇乡]长|[局厅部署处科]长|主任|书记|部长|院长)/;

/** The nearest line above bodyUnits[j] ends a sentence or closes the body (`特此通告`): bodyUnits[j] opens a signature. */
function sentenceEndsAbove(bodyUnits: Unit[], j: number): boolean {
  for (let k = j - 1; k >= 0; k--) if (!bodyUnits[k].blank) return bodyCloses(bodyUnits[k].compact);
  return false;
}

/**
 * `交通管理大队`, `综合行政执法大队`, `高新技术产业开发区大队`: a unit's name without a place (no 省/市/县/区/旗/镇…, no 中共; a zone's
 * 开发区 or 新区 names no place of its own).
 */
const UNIT_UNDER_ORGAN = /^(?!中共)(?:[^省市县区州盟旗镇乡]|(?<=开发|高新|新|园|景|港|保税)区){2,16}(?:大队|支队|中队|总队|分局|派出所|办公室|执法局)$/;
/** The organ a unit is printed under: a named place's 局, 委员会, 政府 (`某旗公安局`). */
const ORGAN_OVER_UNIT = /(?:省|市|县|区|州|盟|旗)[\u4e00-\u9fff]{0,12}(?:局|委员会|人民政府|支队|总队)$/;

/**
 * The first part of an organ's name broken over signature lines: a place, then words — no closing formula (`特此通告`), no
 * sentence left without its full stop (`请各乡镇认真贯彻落实`, `全县人民群众务必积极配合`).
 */
const NAME_START = /^(?![请各望希为现特专此对经按根全我本该])([\u4e00-\u9fff]{1,12}?(?:省|市|县|区|州|盟|旗|镇|乡))(?:[\u4e00-\u9fff]{2,24})?$/;

/**
 * `某县疫情防控现场处置` over `省市县联动指挥部`: one organ, when the upper line opens a name and the lower does not open
 * another one of the same place (`某县防汛抗旱` over `某县人民政府` stays a body line over the signature).
 */
function brokenName(upper: string, lower: string): string[] | null {
  const m = NAME_START.exec(upper);
  // (`…新型冠状病毒感染的肺炎` / `疫情防控指挥部办公室`: the 的 of the disease's name is no sentence's; nor is the 应 of
  // `应对`/`应急` in a 领导小组's or 指挥部's name, `某县应对新冠肺炎疫情` / `工作领导小组办公室`)
  // (`某市新型冠状病毒感染的` / `肺炎疫情防控指挥部`: broken right after that 的)
  const disease = lower.startsWith('肺炎') ? /感染的$/ : /感染的肺炎$/;
  if (!m || /[的要请应须务将把被已]/.test(upper.replace(disease, '').replace(/应对|应急/g, '')) || lower.startsWith(m[1])) return null;
  const whole = splitIssuers(upper + lower);
  return whole?.length === 1 ? whole : null;
}

/**
 * A signing date that lost a glyph in the copy: its 日 (`2018年3月13`, `二〇一八年三月十三`), its separators with one
 * digit each for month and day (`202091`, the one reading), or its 月 and 日 after the year (`2026年18`, the one reading), or
 * printed with one unit glyph for another (`2025年2年28日`). Read only under the signature's organ line (a postal code
 * or a figure elsewhere is no date). ISO, or null.
 */
function damagedDate(raw: string): string | null {
  const t = raw.trim();
  if (t.length > 24) return null;
  if (/月\s*[0-9零〇一二三四五六七八九十]{1,3}$/.test(t) && isDateOnly(`${t}日`)) return findCnDates(`${t}日`)[0]?.iso ?? null;
  const m = /^((?:19|20)\d{2})([1-9])([1-9])$/.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  // `2025年2年28日`, `2025年2月28月`: a unit glyph printed for another, the numbers still year, month and day in order
  const swapped = /^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*[年月]\s*(\d{1,2})\s*[日月号]$/.exec(t);
  if (swapped) return isoDate(Number(swapped[1]), Number(swapped[2]), Number(swapped[3]));
  // `2026年18`: 月 and 日 lost after the year, the one reading of the digits left (1月8日; `2026年111` has two)
  const y = /^((?:19|20)\d{2})年\s*([1-9]\d{1,3})$/.exec(t);
  const readings = y ? (y[2].length === 2 ? [isoDate(Number(y[1]), Number(y[2][0]), Number(y[2][1]))].filter((x) => x !== null) : runTogetherReadings(y[1] + y[2])) : [];
  return readings.length === 1 ? readings[0] : null;
}

/**
 * `…认真贯彻执行。` / `2017年1215`: a damaged date that keeps its 年 standing straight under the body's last sentence, no
 * organ over it (a copy that printed the signing organ only in its head and 版记) — a date, as no figure is printed so.
 */
function closesBody(bodyUnits: Unit[], i: number, text: string): boolean {
  if (!/^(?:19|20)\d{2}年/.test(text.trim())) return false;
  for (let j = i - 1; j >= 0; j--) if (!bodyUnits[j].blank) return /[。！!]$/.test(bodyUnits[j].compact);
  return false;
}

/**
 * `2021年9月`, `二〇二一年九月`: a signing date printed without its day (no 成文日期 can be read from it); `2020年4月 日`, the day
 * left blank for the seal.
 */
const DAY_LOST = new RegExp(`^${PRINTED_MONTH}日?$`);

/**
 * `年12月15日`, `一一年三月十七日`: a signing date that lost its year or the year's first digits (the day and month stand, no
 * 成文日期 can be read).
 */
const YEAR_LOST = new RegExp(`^(?:[〇○零一二三四五六七八九]{1,3}|\\d{1,2})?年${PRINTED_SMALL}月${PRINTED_SMALL}日$`);

/** A signing date no 成文日期 is read from: its day or its year lost, or its digits run together two ways (`2020127日`). */
function undatable(c: string): boolean {
  return DAY_LOST.test(c) || YEAR_LOST.test(c) || runTogetherReadings(c.replace(/日$/, '')).length > 1;
}

/**
 * The organs over such a date (`某市公安局、某市交通局` / `2021年9月`), or over a date that lost its separators and reads
 * two ways (`2025123`: 1月23日 or 12月3日): the signers of a document no whole date signs.
 */
function signersOverDayLost(bodyUnits: Unit[]): string[] {
  for (let i = 0; i < bodyUnits.length; i++) {
    const c = bodyUnits[i].compact;
    const organs = undatable(c) ? signatureAbove(bodyUnits, i) : [];
    if (organs.length) return organs;
  }
  return [];
}

/**
 * A township (`某某镇`, `某某苏木`, `某某乡`, `某某街道`) named in a `发布机构`/`发文机关` field: the organ its portal files the
 * document under, taken as printed like any issuer field (a 苏木 or 镇 signs as its 人民政府 only in its text).
 */
const TOWNSHIP = /^[\u4e00-\u9fff]{1,12}(?:镇|乡|苏木|街道)$/;

/**
 * `…附：某县人民政府办公室《关于…的通知》` / `某县建设局` at the end: a notice signed without a date (a 转发 notice's copy
 * often is). The organ alone on the document's last line, not one line of a list of organs.
 */
function undatedSignature(bodyUnits: Unit[]): string[] {
  const lines = bodyUnits.filter((u) => !u.blank);
  // (a content site's footer after the signature: its name and address, the page's link, a rule)
  while (lines.length && SITE_FOOTER.test(lines[lines.length - 1].compact)) lines.pop();
  // (`获取优`: the first words of the site's next block, where the stored copy ends, under the signature)
  const last = lines.at(-1)?.compact ?? '';
  if (lines.length >= 4 && /^[\u4e00-\u9fff]{1,6}$/.test(last) && !splitIssuers(last) && splitIssuers(lines[lines.length - 2].text)) lines.pop();
  if (lines.length < 3) return [];
  // (`某管理局 来源:某某日报`: the news site's source run onto the signature's line)
  const names = splitIssuers(lines[lines.length - 1].text.replace(SOURCE_AFTER, ''));
  if (!names || names.length > 2 || splitIssuers(lines[lines.length - 2].text)) return [];
  // (`特此通告` / `某州2023年三月街` / `民族节工作委员会`: one organ's name broken over the last two lines, digits in its upper half)
  const upper = lines[lines.length - 2].compact;
  const broken = names.length === 1 && lines.length >= 4 && CLOSING_FORMULA.test(lines[lines.length - 3].compact) && upper.length <= 30 && !/[。，,；;：:！!？?]/.test(upper);
  return broken ? [upper + names[0]] : names;
}

/** ` 来源:某某日报`, ` 编辑:某某` after a line's text, a space before it: the site's, no part of the line. */
const SOURCE_AFTER = /[ \t\u3000]+(?:来源|稿源|作者|编辑|责任编辑)[:：].*$/;

/** `中国通航网 www.ga.cn`, `本文链接地址:…`, `------分隔线------`: a content site's footer lines. */
const SITE_FOOTER = /www\.|https?:|本文(?:链接|地址)|分隔线|转载请注明|版权所有|^[-—=_]{4,}/;

/** The name of a file a page offers for download (`…禁火令(某县政发〔2022〕6号).docx`). */
const FILE_NAME = /\.(?:docx?|wps|pdf|ofd|xlsx?|et|rtf|zip|rar)(?![A-Za-z])/i;

/**
 * The document's own 文号 printed whole only in the name of the file the page offers it as, right after the document's
 * title (`1_ABDR—2022—00004某县人民政府禁火令(某县政发〔2022〕6号).docx` under a head whose copy lost it: `某县政发〔20226`).
 * A file named for another document gives nothing.
 */
function numberInFileName(bodyUnits: Unit[], title: string): DocNumber | null {
  const t = squeeze(title);
  if (t.length < 4) return null;
  for (const u of bodyUnits) {
    if (u.blank || !FILE_NAME.test(u.text)) continue;
    const c = squeeze(u.text);
    const at = c.indexOf(t);
    const m = at < 0 ? null : /^[（(]([^（）()]{4,30}号)[）)]/.exec(c.slice(at + t.length));
    const dn = m ? parseDocNumber(m[1]) : null;
    if (dn) return dn;
  }
  return null;
}

/** `。 二○○六年十二月六日 `: a date alone between spaces right after a sentence (a flattened signature). */
const FLAT_SIGNATURE_DATE = /[。！][ \t\u3000]+([^ \t\u3000]{6,20})(?:[ \t\u3000]|$)/;

/** `二○一○年十二月二日 |`: a forum's table-cell border on a line of the copy (at either end). */
const CELL_BORDER = /^[ \t\u3000]*[|｜][ \t\u3000]*|[ \t\u3000]*[|｜][ \t\u3000]*$/g;

/** The signature block: the first line that is only a date (or an organ and a date), its date and the organs above it. */
function signature(bodyUnits: Unit[], warn: (message: string, line?: number) => void): { dateSigned: string | null; sigIssuers: string[] } {
  let opened = false;
  for (let i = 0; i < bodyUnits.length; i++) {
    const u = bodyUnits[i];
    if (u.blank) continue;
    // (`2015年2月14日(元容)`: a note after the signing date, the drafter's or the seal's name, is no part of it)
    const bare = u.text.replace(CELL_BORDER, '');
    const noted = /^(.{6,20}日)[ \t\u3000]*[（(][\u4e00-\u9fff]{1,6}[）)]$/.exec(bare.trim());
    const text = noted && isDateOnly(noted[1]) ? noted[1] : bare;
    // (`2013.12.31` under the 文号, above the salutation: a portal's posting line, no signature)
    if (!opened && !/年/.test(text) && isDateOnly(text)) continue;
    opened ||= isSalutation(u.compact) || /[。，,；;：:]/.test(u.compact);
    // `2021年9月26日` alone, or `高青县人民政府 2021年9月26日` on one line
    const oneLine = isDateOnly(text) ? null : organDateLine(text);
    const signer = oneLine || isDateOnly(text) ? null : signerDateLine(text);
    const dateText = oneLine ? oneLine.date : isDateOnly(text) ? text : signer;
    if (dateText === null) {
      // `2018年3月13`, `202091`, `2026年18` under the signature's organ line: a signing date that lost a glyph
      const damaged = damagedDate(text);
      const organs = damaged ? signatureAbove(bodyUnits, i) : [];
      if (damaged && (organs.length || closesBody(bodyUnits, i, text))) return { dateSigned: damaged, sigIssuers: organs };
      continue;
    }
    const found = findCnDates(dateText)[0];
    if (found && !found.iso) warn(`成文日期无法识别：${found.raw}`, u.line);
    return { dateSigned: found?.iso ?? null, sigIssuers: signatureAbove(bodyUnits, i, oneLine?.issuers) };
  }
  return { dateSigned: null, sigIssuers: [] };
}

/**
 * `…某镇人民政府2023年4月28日某镇人民政府关于…(征求意见稿).docx。`: on a copy flattened onto one line, the signing organ run
 * into its date, with nothing after the date but the end of the line or the name of the file the page offers. The organ
 * stands after a closing bracket, a full stop or a space (so a name inside a sentence, `经研究,某县人民政府2023年…印发的`,
 * is none).
 */
function gluedSignature(text: string): { dateSigned: string; organs: string[] } | null {
  const dates = findCnDates(text);
  for (let n = dates.length - 1; n >= 0; n--) {
    const d = dates[n];
    const after = text.slice(d.index + d.raw.length);
    // (`…二0一一年九月二七日抄送:…`: the 抄送 line run on after it; a day whose 十 was lost, `二七日`)
    const iso = d.iso ?? lostTen(d.raw);
    if (!iso || !/^(?:\s|$|抄送[:：]|[^\s。；;]{1,160}?\.(?:docx?|wps|pdf|ofd)(?![A-Za-z])[。.]?\s*$)/.test(after)) continue;
    const organ = /(?:^|[。！；;）)》」”\s])([\u4e00-\u9fff]{3,30})$/.exec(text.slice(0, d.index));
    const organs = organ ? splitIssuers(organ[1]) : null;
    if (organs) return { dateSigned: iso, organs };
  }
  return null;
}

/** `二0一一年九月二七日`: a day in Chinese numerals that lost its 十 (`二七` for 二十七), read as the one day it can be. */
function lostTen(raw: string): string | null {
  const t = raw.replace(/(月\s*)([一二三])([一二三四五六七八九])(\s*[日号])$/, '$1$2十$3$4');
  return t === raw ? null : (findCnDates(t)[0]?.iso ?? null);
}

/**
 * `2022128` (or `2022128日`) alone on a line (1月28日 or 12月8日), a signing date run together that reads two ways: the one reading on or before
 * the day the page was posted, else none — the signature stands undated, and no page field's date is read over it (a
 * `成文日期` field naming one of the readings is no more the signature than it is over a cover's date that lost its day).
 * Null when the body prints no such date.
 */
function twoWaySignature(bodyUnits: Unit[], posted: string | null): { date: string | null } | null {
  for (const u of bodyUnits) {
    // (`2022121日`: the 日 kept after the run-together digits)
    const readings = runTogetherReadings(u.text.trim().replace(/日$/, ''));
    if (readings.length < 2) continue;
    const possible = posted ? readings.filter((r) => r <= posted) : [];
    return { date: possible.length === 1 ? possible[0] : null };
  }
  return null;
}

/** The signature of a document flattened onto one line: a date alone between spaces after a sentence, or an organ run into it. */
function flatSignature(bodyUnits: Unit[], sigIssuers: string[]): { dateSigned: string | null; sigIssuers: string[] } {
  for (const u of bodyUnits) {
    const m = FLAT_SIGNATURE_DATE.exec(u.text);
    const iso = m && isDateOnly(m[1]) ? findCnDates(m[1])[0]?.iso : null;
    if (iso) return { dateSigned: iso, sigIssuers };
  }
  for (const u of sigIssuers.length ? [] : bodyUnits) {
    const glued = u.blank ? null : gluedSignature(u.text);
    if (glued) return { dateSigned: glued.dateSigned, sigIssuers: glued.organs };
  }
  return { dateSigned: null, sigIssuers };
}

export function extractDocument(
  units: Unit[],
  head: Head,
  end: number,
  fileLayout: Layout,
  opts: ExtractOptions = {},
): ExtractResult {
  const warnings: ParseWarning[] = [];
  const firstLine = units[head.start].line;
  const warn = (message: string, line: number = firstLine) => warnings.push({ line, message });

  // Last real line of the document.
  let last = end;
  while (last > head.start && (units[last].blank || units[last].noise)) last--;

  // 文号
  let docNumber: DocNumber | null = null;
  if (head.docNumberUnit !== null) {
    docNumber = parseDocNumber(units[head.docNumberUnit].text);
  } else if (head.inlineDocNumber) {
    docNumber = parseDocNumber(head.inlineDocNumber);
  }
  const incomplete = head.inlineDocNumber && !docNumber ? findIncompleteDocNumber(head.inlineDocNumber) : null;

  const bodyUnits = units.slice(head.headEnd + 1, last + 1);
  const layout = detectLayout(bodyUnits) ?? fileLayout;
  const body = paragraphs(bodyUnits, layout, head.titleIssuers);
  // Clauses are searched in whole paragraphs, so sentences broken by hard line breaks read as one.
  const flat = body.map(squeeze).join('\n');

  // 成文日期 and signature issuers: the first line that is only a date (the signature block).
  let { dateSigned, sigIssuers } = signature(bodyUnits, warn);
  if (dateSigned === null && !sigIssuers.length) sigIssuers = signersOverDayLost(bodyUnits);
  // A document flattened onto one line: `…请认真贯彻执行。 二○○六年十二月六日 关于…` (the date standing alone
  // between spaces after a sentence is the signature's), or its organ run into the date (`…(征求意见稿)某镇人民政府2023年4月28日`)
  if (dateSigned === null) ({ dateSigned, sigIssuers } = flatSignature(bodyUnits, sigIssuers));
  const meta = opts.meta;
  const twoWays = dateSigned === null ? twoWaySignature(bodyUnits, meta?.posted ?? null) : null;
  if (twoWays) dateSigned = twoWays.date;
  if (!docNumber && meta?.docNumber) docNumber = parseDocNumber(meta.docNumber);
  docNumber ??= numberInFileName(bodyUnits, head.title);
  // A 政府令 number carries no year: the year it was promulgated (signed).
  if (docNumber && docNumber.year === null && dateSigned) docNumber = { ...docNumber, year: Number(dateSigned.slice(0, 4)) };
  if (!dateSigned && meta?.dateSigned && !head.coverUndated && !twoWays) dateSigned = meta.dateSigned;
  dateSigned ??= head.historyDate ?? null;

  const metaIssuer = meta?.issuer && (isOrgName(meta.issuer) || TOWNSHIP.test(squeeze(meta.issuer))) ? [squeeze(meta.issuer)] : [];
  // (an undated signature names the organ when nothing else does, or names in full the organ the title names short:
  // `三明市三元区人民政府` under `三元区人民政府关于…`)
  const undated = sigIssuers.length || metaIssuer.length ? [] : undatedSignature(bodyUnits);
  const fuller = undated.length > 0 && undated.every((u) => head.titleIssuers.some((t) => u.endsWith(t)));
  if (!sigIssuers.length && (fuller || (!head.titleIssuers.length && !metaIssuer.length))) sigIssuers = undated;
  // (`某省财政厅 某省文化和旅游厅关于…` signed by the first alone: the joint title names every issuer, the signature some)
  const jointTitle = head.titleIssuers.length > 1 && sigIssuers.length > 0 && sigIssuers.length < head.titleIssuers.length && sigIssuers.every((s) => head.titleIssuers.includes(s));
  const issuers = completeIssuers(jointTitle ? head.titleIssuers : sigIssuers.length ? sigIssuers : head.titleIssuers.length ? head.titleIssuers : metaIssuer, units, head, metaIssuer);
  const kind = kindOf(head.title, docNumber?.agency ?? null);
  const carried = carriedKind(head.title);

  const validity = extractValidity(flat, { dateSigned, title: head.title });
  for (const w of validity.warnings) warn(w);
  const extra = extraValidity(flat, dateSigned, validity.effectiveDate);
  if (!validity.effectiveDate && extra.effectiveDate) {
    validity.effectiveDate = extra.effectiveDate;
    validity.effectiveClause ??= extra.effectiveClause;
  }
  if (!validity.validUntil && extra.validUntil) {
    validity.validUntil = extra.validUntil;
    validity.validityClause ??= extra.validityClause;
  }
  if (!validity.effectiveDate && head.historyEffective) validity.effectiveDate = head.historyEffective;
  if (!validity.effectiveDate && meta?.effectiveDate) validity.effectiveDate = meta.effectiveDate;
  if (!validity.validUntil && meta?.validUntil) validity.validUntil = meta.validUntil;

  const relations = extractRelations(flat, docNumber?.normalized ?? null);
  const inEntries = new Set<string>();
  let cleanup = extractCleanup(
    bodyUnits.filter((u) => !u.blank).map((u) => u.text),
    head.title,
    flat,
    inEntries,
  );
  // The items of a decision that abolishes or amends 规章 (`一、废止以下规章：1.某办法（…令第12号公布）…`).
  // (the decision's own history under its title, `（2004年9月29日某市人民政府令第171号发布）`, is no item of it)
  const decided = decisionItems(flat, head.title).filter((d) => !d.target.docNumber || !sameNumber(d.target.docNumber, docNumber));
  if (cleanup) addDecided(cleanup, decided);
  // a decision on `《某规定》等7部…规章` whose list names its items only in its headings (`一、对《某规定》（…令第39号）作如下修改：`)
  // (or one that says it comes from a cleanup or a review: `经过清理，现决定：一、废止下列规章（一）《某办法》（…公布）`)
  else if (decided.length && (/等\d{1,4}(?:件|部|个)/.test(flat) || /清理|全面核查/.test(flat))) cleanup = { scope: null, counts: {}, items: onceEach(decided.map((d) => ({ decision: d.decision, ...d.target }))) };
  // A printed list says what is abolished; clauses in its explanation columns (`原《城市规划法》已废止`) do not.
  const abolishes = withListed(cleanup?.items.length ? [] : relations.abolishes, cleanup ?? { scope: null, counts: {}, items: decided.map((d) => ({ decision: d.decision, ...d.target })) });
  // (a decision's list read as its cleanup items, `（一）《某规定》（政府令第146号）` under `对下列规章作如下修改：`, amends too)
  const amends = mergeTargets(
    mergeTargets(relations.amends, decided.filter((d) => d.decision === '修改').map((d) => d.target)),
    /(?:决定|令)$/.test(squeeze(head.title)) || docNumber?.agency.endsWith('令') ? (cleanup?.items.filter((it) => it.decision === '修改').map(({ title, docNumber: n }) => ({ title, docNumber: n })) ?? []) : [],
  );
  // an item listed without its number that the decision names with one elsewhere (`对《某规定》（…令第39号）作如下修改`)
  for (const it of cleanup?.items ?? []) {
    if (it.docNumber || !it.title) continue;
    it.docNumber = [...amends, ...abolishes].find((t) => t.title === it.title && t.docNumber)?.docNumber ?? null;
  }
  // (a document abolished by a clause, `《…》（某政通〔2022〕2号）同时废止`, is listed under abolishes, not cited; numbers
  // inside a cleanup list's entries are those entries' history)
  const listed = new Set([...[...(cleanup?.items ?? []), ...abolishes].map((t) => t.docNumber), ...(cleanup ? inEntries : [])]);
  const overText = numbersOverText(bodyUnits);
  const cites = relations.cites.filter((c) => !listed.has(c) && !sameNumber(c, docNumber) && !overText.has(c));
  expandOrderAgencies(abolishes, issuers);
  expandOrderAgencies(amends, issuers);
  if (cleanup) expandOrderAgencies(cleanup.items, issuers);
  const appointments = kind === '任免' || /任命|免去/.test(flat) ? extractAppointments(flat) : [];

  const agency = docNumber?.agency ?? (incomplete ? incomplete.replace(/[〔].*$/, '') : null);
  const isNormative = isNormativeDoc({
    kind,
    carried,
    hasRegistration: !!head.registration,
    hasValidity: !!validity.validityClause,
    agency,
    registrationInFile: opts.registrationInFile,
  });

  if (!docNumber) {
    if (incomplete) warn(`文号不完整（缺少序号）：${incomplete}`);
    else warn('未找到文号');
  }
  if (!dateSigned) warn('未找到成文日期');
  if (!validity.validityClause && (isNormative || (looksLikeRules(kind, carried) && !/函$/.test(agency ?? '')))) {
    warn('未找到有效期条款');
  }

  const doc: ParsedDocument = {
    title: head.title,
    docNumber,
    registrationNumber: head.registration,
    issuers,
    dateSigned,
    kind,
    isNormative,
    effectiveClause: validity.effectiveClause,
    effectiveDate: validity.effectiveDate,
    validityClause: validity.validityClause,
    validUntil: validity.validUntil,
    abolishes,
    cites,
    appointments,
    lineStart: firstLine,
    lineEnd: units[last].line,
    amends,
    replaces: relations.replaces,
    body,
    cleanup,
  };
  return { doc, warnings };
}

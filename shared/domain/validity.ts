import { addDays, addMonthsMinusOneDay, addYearsMinusOneDay, cnSmallNumber, findCnDates } from './cn-date';

/**
 * 施行 and 有效期 clauses (山东省行政程序规定 第五十三条): `本意见自公布之日起实施，有效期三年`,
 * `本实施方案自2021年7月2日起施行，有效期至2025年12月19日`. An explicit end date wins; otherwise
 * end = 施行日 + N years − 1 day, where 施行日 is the explicit date or — for 自印发/公布之日 — the 成文日期.
 * No clause gives nulls and a warning, never a guess. Pure; never throws.
 */

export interface ValidityInfo {
  /** the 施行 clause as printed (spaces removed), e.g. `本意见自公布之日起实施` */
  effectiveClause: string | null;
  effectiveDate: string | null;
  /** the 有效期 clause, e.g. `有效期三年` or `有效期至2025年12月19日` */
  validityClause: string | null;
  validUntil: string | null;
  /** length of the period in years when stated in years */
  validityYears: number | null;
  /** Chinese messages for the reviewer */
  warnings: string[];
}

export interface ValidityOptions {
  /** 成文日期, used for 自印发/公布之日起 */
  dateSigned: string | null;
  /** the title, to apply the 暂行/试行 limit */
  title?: string;
  /** longest allowed period in years (default 5; 2 for 暂行/试行) */
  maxYears?: number;
  maxYearsTemporary?: number;
}

/** Removes whitespace between characters, so clauses broken across lines read as one. */
function squeeze(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}

const SIGNED_DAY = /(印发|公布|发布|颁布|发文|签发|下发|公开发布|印发实施|批准)之日/;
/**
 * A 施行 clause (`本办法自2022年3月1日起施行`, `自印发之日起实施`, also `从印发之日起执行`, `本办法于2022年3月1日起
 * 施行` — 从/于 only before a date or a 之日, so `本办法适用于…` is no clause): the one pattern extraction and
 * highlighting use.
 */
export const EFFECT_RE =
  /(本[^，,。；;：:]{0,16}?|此件|该[^，,。；;]{0,8}?)?(?:自|[从于](?=\d{4}|[〇○O0零一二三四五六七八九]{4}年|(?:印发|公布|发布|颁布|发文|签发|下发)之日))([^，,。；;]{1,30}?)(?:起(?:(?:满)?([0-9一二两三四五六七八九十百]{1,3})(?:日|天|个工作日)(?:后|之后)?)?(?:开始)?|开始)(?:施行|实施|执行|生效|试行)/g;
const CN_YEAR = '(?:\\d{4}|[〇○O0零一二三四五六七八九]{4})';
/** `2025年12月31日`, or a month or year end: `2025年12月`, `2025年12月底`, `2025年底`/`2025年末`. */
const END_SRC = `[^，,。；;)）]{6,24}?[日号]|${CN_YEAR}年(?:[0-9一二三四五六七八九十]{1,3}月(?:底|末)?|底|末)`;
const UNTIL_RE = new RegExp(
  `有效期(?:限)?[:：]?(?:为|是|暂定为?)?(?:(?:自|从)?([^，,。；;]{4,24}?)(?:起)?)?(?:至|到|截至|截止(?:到|至)?)(${END_SRC})(?:止)?`,
  'g',
);
const YEARS_RE = /有效期(?:限)?[:：]?(?:为|是|暂定为?)?([0-9一二两三四五六七八九十]{1,3})(个月|年)/g;
/** `有效期为三年，自2022年1月1日起至2024年12月31日止`: the period spelt out right after its length. */
const RANGE_AFTER = new RegExp(`^[，,（(]?(?:自|从)?([^，,。；;]{6,24}?)(?:起)?(?:至|到)(${END_SRC})(?:止)?`);
const MONTH_OR_YEAR_END = new RegExp(`^(${CN_YEAR})年(?:([0-9一二三四五六七八九十]{1,3})月(?:底|末)?|底|末)$`);

/** The day a printed end means: a full date, or the last day of the month or year named (`2025年底` → 12-31). */
function endOf(raw: string): string | null | undefined {
  const dates = findCnDates(raw);
  if (dates.length) return dates[dates.length - 1].iso;
  const m = MONTH_OR_YEAR_END.exec(raw);
  if (!m) return undefined;
  const first = findCnDates(`${m[1]}年${m[2] ?? '12'}月1日`)[0]?.iso;
  return first ? addMonthsMinusOneDay(first, 1) : null;
}

function sentences(text: string): { s: string; start: number }[] {
  const out: { s: string; start: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || '。；;！!？?\n'.includes(text[i])) {
      if (i > start) out.push({ s: text.slice(start, i), start });
      start = i + 1;
    }
  }
  return out;
}

interface ValidityHit {
  clause: string;
  index: number;
  endDate?: string | null;
  endRaw?: string;
  /** `有效期自2021年7月1日至…`: the period's own start */
  startDate?: string | null;
  years?: number;
  months?: number;
}

function validityHits(sentence: string, offset: number): ValidityHit[] {
  const hits: ValidityHit[] = [];
  for (const m of sentence.matchAll(UNTIL_RE)) {
    const endDate = endOf(m[2]);
    if (endDate === undefined) continue;
    const from = m[1] ? findCnDates(m[1])[0] : undefined;
    hits.push({ clause: m[0], index: offset + (m.index ?? 0), endDate, endRaw: m[2], startDate: from?.iso ?? null });
  }
  for (const m of sentence.matchAll(YEARS_RE)) {
    const n = cnSmallNumber(m[1]);
    if (n === null || n === 0) continue;
    const at = offset + (m.index ?? 0);
    if (hits.some((h) => h.index === at)) continue;
    // The explicit period that follows the length wins over computing it.
    const r = RANGE_AFTER.exec(sentence.slice((m.index ?? 0) + m[0].length));
    const endDate = r ? endOf(r[2]) : undefined;
    if (r && endDate !== undefined) {
      const clause = m[0] + r[0];
      hits.push({ clause, index: at, endDate, endRaw: r[2], startDate: findCnDates(r[1])[0]?.iso ?? null });
      continue;
    }
    hits.push(m[2] === '年' ? { clause: m[0], index: at, years: n } : { clause: m[0], index: at, months: n });
  }
  return hits;
}

const NOT_SELF = /^本(市|县|区|省|镇|乡|街道|地|单位|部门|机关|行政区域)/;
const LEAD_MARKER =
  /^(?:第[零〇一二两三四五六七八九十百千\d]+[章节条款](?:附则|总则)?|附\s*则|[\d一二三四五六七八九十]+[、.．]|[（(][\d一二三四五六七八九十]+[）)]|[\d.]+)/;

/**
 * What a clause's sentence says before it, without what only leads in to it: anything up to a colon (an addressee
 * line `各县区人民政府：` that the whitespace squeeze glued on, `附则：`) and numbering or article markers
 * (`第二十条`, `第五章附则`, `六、`, `（一）`, `9.5`). `各县区人民政府：本通知有效期3年` → `本通知有效期3年`.
 */
function subjectPrefix(prefix: string): string {
  let s = prefix.slice(Math.max(prefix.lastIndexOf('：'), prefix.lastIndexOf(':')) + 1);
  for (let m = LEAD_MARKER.exec(s); m && m[0]; m = LEAD_MARKER.exec(s)) s = s.slice(m[0].length);
  return s;
}

/** `新的标准和管理办法将`, `修订后的办法`: the rules a notice carries, named by their kind only (no 《》: another's document is named). */
const CARRIED_SUBJECT = /^(?:新的|新|修订后的|修订的|上述|以上|所附)[^，,。；;《》]{0,20}(?:办法|规定|细则|标准|意见|方案|制度|规则)将?$/;

/** The words of a sentence's last clause before `at` (after its last comma). */
function clauseOf(prefix: string): string {
  return prefix.slice(Math.max(prefix.lastIndexOf('，'), prefix.lastIndexOf(',')) + 1);
}

/** Does the sentence speak of the document itself (`本通知…`, not `本市…`)? */
function selfSubject(prefix: string): boolean {
  const s = subjectPrefix(prefix);
  return /^(本|此件)/.test(s) && !NOT_SELF.test(s);
}

/** Is this 有效期 about the document itself (`本办法…有效期`, a sentence opening with 有效期), not a licence? */
function aboutDocument(sentence: string, hitIndexInSentence: number): boolean {
  const before = subjectPrefix(sentence.slice(0, hitIndexInSentence));
  if (before === '') return true;
  if (/^本|^此件|^该(办法|意见|规定|细则|方案|通知|决定)/.test(before)) return true;
  // `…(某专项组)本令有效期…`: a line without end punctuation that the copy ran into the clause's own sentence
  const glued = /[)）》」”』\]】\d](本[^，,。；;：:（(本]{1,8})$/.exec(before);
  if (glued && !NOT_SELF.test(glued[1])) return true;
  // `正式认定某某等48个基地为…基地(名单见附件)，有效期5年`: the period closing the decision the notice makes (a recognition,
  // a naming) after its comma — the notice's own effect, not a licence the document regulates
  if (/^[^。；;]*(?:正式|现)?(?:认定|命名|确定|评定|授予)[^。；;]{2,120}为[^。；;]{2,80}[，,]$/.test(before)) return true;
  return /(施行|实施|执行|生效|发布)[，,]?$/.test(before);
}

/** Finds the 施行 and 有效期 clauses in a document body and computes the dates. */
export function extractValidity(text: string, opts: ValidityOptions): ValidityInfo {
  const info: ValidityInfo = {
    effectiveClause: null,
    effectiveDate: null,
    validityClause: null,
    validUntil: null,
    validityYears: null,
    warnings: [],
  };
  try {
    if (typeof text !== 'string' || !text) return info;
    const flat = squeeze(text.length > 2_000_000 ? text.slice(-2_000_000) : text);
    const sents = sentences(flat);

    // 施行 clause: the last one that speaks of this document (本… or a sentence that starts with 自).
    let effSentence: { s: string; start: number } | null = null;
    for (const sent of sents) {
      for (const m of sent.s.matchAll(EFFECT_RE)) {
        // Unnamed (`自…起施行`): only at the sentence's start, or after the document's own subject in the same
        // sentence (`本通知有效期3年，自2022年1月1日起施行`).
        const prefix = sent.s.slice(0, m.index);
        // (`…重新修订了…办法，新的标准和管理办法将于2011年1月1日起实施。现印发给你们`: the rules the notice carries, unnamed)
        const atStart = subjectPrefix(prefix) === '' || selfSubject(prefix) || CARRIED_SUBJECT.test(clauseOf(prefix));
        if (!m[1] && !atStart) continue;
        if (m[1] && NOT_SELF.test(m[1])) continue;
        const when = m[2];
        // A clause that names no day (`…本市自2021年起实施的项目`) does not undo one that did.
        if (info.effectiveDate && !findCnDates(when).length && !SIGNED_DAY.test(when)) continue;
        info.effectiveClause = m[0];
        effSentence = sent;
        // `自发布之日起30日后施行`: the day N days after publication (the publication day is not counted).
        const delay = m[3] ? cnSmallNumber(m[3]) : 0;
        const dates = findCnDates(when);
        if (dates.length) {
          info.effectiveDate = dates[0].iso && delay ? addDays(dates[0].iso, delay) : dates[0].iso;
          if (!dates[0].iso) info.warnings.push(`施行日期无法识别：${dates[0].raw}`);
        } else if (SIGNED_DAY.test(when)) {
          info.effectiveDate = opts.dateSigned && delay ? addDays(opts.dateSigned, delay) : opts.dateSigned;
          if (!opts.dateSigned) info.warnings.push('施行日期取成文日期，但未找到成文日期');
        } else {
          info.effectiveDate = null;
        }
      }
    }

    // 有效期 clause: prefer the one in the same sentence as the 施行 clause, else one that speaks of the document.
    let chosen: ValidityHit | null = null;
    if (effSentence) {
      const hits = validityHits(effSentence.s, effSentence.start);
      if (hits.length) chosen = hits[0];
    }
    if (!chosen) {
      for (const sent of sents) {
        if (!sent.s.includes('有效期')) continue;
        for (const h of validityHits(sent.s, sent.start)) {
          if (aboutDocument(sent.s, h.index - sent.start)) chosen = h;
        }
      }
    }
    if (chosen) {
      info.validityClause = chosen.clause;
      if (!info.effectiveDate && chosen.startDate) info.effectiveDate = chosen.startDate;
      const start = chosen.startDate ?? info.effectiveDate ?? opts.dateSigned;
      if (chosen.endRaw !== undefined) {
        info.validUntil = chosen.endDate ?? null;
        if (!chosen.endDate) info.warnings.push(`有效期截止日期无法识别：${chosen.endRaw}`);
      } else if (chosen.years !== undefined) {
        info.validityYears = chosen.years;
        info.validUntil = start ? addYearsMinusOneDay(start, chosen.years) : null;
        if (!start) info.warnings.push('无法计算有效期截止日期：缺少施行日期和成文日期');
      } else if (chosen.months !== undefined) {
        info.validityYears = chosen.months / 12;
        info.validUntil = start ? addMonthsMinusOneDay(start, chosen.months) : null;
        if (!start) info.warnings.push('无法计算有效期截止日期：缺少施行日期和成文日期');
      }
      checkLength(info, start, opts);
    }
  } catch {
    // Never throw: what was found so far stands.
  }
  return info;
}

/**
 * The longest validity allowed in years under a rule: its general limit, or the one for 暂行/试行 titles. Without
 * limits given, Shandong's (5, 2) — callers that know the issuer's jurisdiction pass its rule (`ruleLimits`).
 */
export function maxValidityYears(title: string, limits: Pick<ValidityOptions, 'maxYears' | 'maxYearsTemporary'> = {}): number {
  return /暂行|试行/.test(title) ? (limits.maxYearsTemporary ?? 2) : (limits.maxYears ?? 5);
}

/**
 * Length is judged only against a rule the caller names (the issuer's jurisdiction): extraction alone does not know
 * whose rule applies, so it never warns that a period is too long.
 */
function checkLength(info: ValidityInfo, start: string | null, opts: ValidityOptions): void {
  if (opts.maxYears !== undefined || opts.maxYearsTemporary !== undefined) {
    const temporary = /暂行|试行/.test(opts.title ?? '');
    const max = maxValidityYears(opts.title ?? '', opts);
    let tooLong = false;
    if (info.validityYears !== null) tooLong = info.validityYears > max;
    else if (info.validUntil && start) {
      const limit = addYearsMinusOneDay(start, max);
      tooLong = !!limit && info.validUntil > limit;
    }
    if (tooLong) info.warnings.push(temporary ? `暂行/试行文件有效期超过${max}年` : `有效期超过${max}年`);
  }
  if (info.validUntil && start && info.validUntil < start) info.warnings.push('有效期截止日期早于施行日期');
}

/**
 * A province's rule on the validity of normative documents (山东省行政程序规定第五十三条: 3–5 years, 暂行/试行 1–2).
 * Keyed by the issuer's province: a document is judged only by the rule of the province its issuer belongs to.
 */
export interface ValidityRule {
  /** the province as its name begins (`山东`, `云南`, `内蒙古`) */
  province: string;
  /** where the rule is written, as warnings cite it: `山东省行政程序规定第五十三条` */
  basis: string;
  /** places of the province whose issuers' names begin with them (`招远市`, `高青县`, `烟台市`): the issuer's name
   * rarely says its province */
  places: string[];
  minYears: number;
  maxYears: number;
  minYearsTemporary: number;
  maxYearsTemporary: number;
}

/** Prefecture cities, counties and districts of Shandong (names old and new), as an issuer's name begins. */
const SHANDONG_PLACES = `济南市 历下区 槐荫区 天桥区 历城区 长清区 章丘市 章丘区 济阳县 济阳区 莱芜市 莱芜区 钢城区 平阴县 商河县
青岛市 市南区 市北区 黄岛区 崂山区 李沧区 城阳区 即墨市 即墨区 胶州市 胶南市 平度市 莱西市
淄博市 淄川区 张店区 博山区 临淄区 周村区 桓台县 高青县 沂源县
枣庄市 薛城区 峄城区 台儿庄区 山亭区 滕州市
东营市 河口区 垦利县 垦利区 利津县 广饶县
烟台市 芝罘区 福山区 牟平区 莱山区 蓬莱市 蓬莱区 龙口市 莱阳市 莱州市 招远市 栖霞市 海阳市 长岛县
潍坊市 潍城区 寒亭区 坊子区 奎文区 青州市 诸城市 寿光市 安丘市 高密市 昌邑市 临朐县 昌乐县
济宁市 任城区 兖州市 兖州区 曲阜市 邹城市 微山县 鱼台县 金乡县 嘉祥县 汶上县 泗水县 梁山县
泰安市 泰山区 岱岳区 新泰市 肥城市 宁阳县 东平县
威海市 环翠区 文登市 文登区 荣成市 乳山市
日照市 东港区 岚山区 五莲县 莒县
临沂市 兰山区 罗庄区 沂南县 郯城县 沂水县 兰陵县 苍山县 费县 平邑县 莒南县 蒙阴县 临沭县
德州市 德城区 陵县 陵城区 乐陵市 禹城市 宁津县 庆云县 临邑县 齐河县 平原县 夏津县 武城县
聊城市 东昌府区 茌平县 茌平区 临清市 阳谷县 莘县 东阿县 冠县 高唐县
滨州市 滨城区 沾化县 沾化区 邹平县 邹平市 惠民县 阳信县 无棣县 博兴县
菏泽市 牡丹区 定陶县 定陶区 曹县 单县 成武县 巨野县 郓城县 鄄城县 东明县`.split(/\s+/);

/** Shandong's rule, the shipped default: it applies to Shandong issuers only. */
export const SHANDONG_VALIDITY_RULE: ValidityRule = {
  province: '山东',
  basis: '山东省行政程序规定第五十三条',
  places: SHANDONG_PLACES,
  minYears: 3,
  maxYears: 5,
  minYearsTemporary: 1,
  maxYearsTemporary: 2,
};

/**
 * Provinces, autonomous regions and municipalities with the abbreviation their agency codes begin with (`鲁政发`);
 * none where a city's code reads the same (青政发 is Qingdao's, 宁政发 Nanjing's, 吉政发 also Jilin city's).
 */
const PROVINCES: ReadonlyArray<[string, string]> = [
  ['北京', '京'], ['天津', '津'], ['河北', '冀'], ['山西', '晋'], ['内蒙古', ''], ['辽宁', '辽'], ['吉林', ''], ['黑龙江', '黑'],
  ['上海', '沪'], ['江苏', '苏'], ['浙江', '浙'], ['安徽', '皖'], ['福建', '闽'], ['江西', '赣'], ['山东', '鲁'], ['河南', '豫'],
  ['湖北', '鄂'], ['湖南', '湘'], ['广东', '粤'], ['广西', '桂'], ['海南', '琼'], ['重庆', '渝'], ['四川', '川'], ['贵州', '黔'],
  ['云南', '云'], ['西藏', '藏'], ['陕西', '陕'], ['甘肃', ''], ['青海', ''], ['宁夏', ''], ['新疆', ''], ['台湾', ''],
  ['香港', ''], ['澳门', ''],
];

/** The issuer names of a document: its issuers, else the issuer its title opens with (`云南省人民政府关于…`). */
function issuerNames(doc: { issuers: readonly string[]; title: string }): string[] {
  if (doc.issuers.length) return [...doc.issuers];
  const k = doc.title.indexOf('关于');
  return k > 0 ? [doc.title.slice(0, k)] : [doc.title];
}

/**
 * The province a document's issuer belongs to, or null when nothing says: a province named at the start of an
 * issuer (`云南省…`, `广西壮族自治区…`), a place a rule lists (`招远市人民政府` under 山东), or a provincial agency code
 * (`鲁政办发`). Never a guess from anything else.
 */
export function jurisdictionOf(doc: { issuers: readonly string[]; title: string; docNumber?: string | null }, rules: readonly ValidityRule[]): string | null {
  const names = issuerNames(doc).map((n) => n.replace(/\s+/g, ''));
  for (const n of names) {
    const named = PROVINCES.find(([p]) => new RegExp(`^${p}(?:省|市|(?:[\u4e00-\u9fff]{0,4})?自治区)`).test(n));
    if (named) return named[0];
  }
  for (const n of names) {
    const rule = rules.find((r) => r.places.some((place) => place && n.startsWith(place)));
    if (rule) return rule.province;
  }
  const agency = doc.docNumber ? /^([\u4e00-\u9fff])政/.exec(doc.docNumber)?.[1] : undefined;
  return PROVINCES.find(([, abbr]) => abbr === agency)?.[0] ?? null;
}

/** The validity rule that applies to a document: its issuer's province's, or null (no rule, no warning). */
export function validityRuleFor(doc: { issuers: readonly string[]; title: string; docNumber?: string | null }, rules: readonly ValidityRule[]): ValidityRule | null {
  const province = jurisdictionOf(doc, rules);
  return province ? (rules.find((r) => r.province === province) ?? null) : null;
}

/** The limits a rule sets for a title (暂行/试行 or not), with the words a warning uses. */
export function ruleLimits(rule: ValidityRule, title: string): { temporary: boolean; min: number; max: number; range: string; cite: string } {
  const temporary = /暂行|试行/.test(title);
  const min = temporary ? rule.minYearsTemporary : rule.minYears;
  const max = temporary ? rule.maxYearsTemporary : rule.maxYears;
  return { temporary, min, max, range: `${temporary ? '暂行、试行文件' : ''}${min}至${max}年`, cite: `依${rule.basis}` };
}

import { NO_LINE_END, NO_LINE_START } from './linebreak';

/**
 * Where a document title breaks (GB/T 9704 7.3.3: 回行时要做到词意完整，排列对称，长短适宜): at meaningful points
 * (after the issuer, after 关于, around 《…》, before 的通知), never inside a word, a name, a number with its unit or
 * a short quotation, into lines of balanced length. Both renderers set the lines this returns, so the PDF and the
 * DOCX break a title alike.
 */

/** full-width characters count 1, ASCII 0.6 (digits of the title faces run wider than half an em) */
const charWidth = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2000 ? 0.6 : 1), 0);

const FORBIDDEN = Number.POSITIVE_INFINITY;
const KIND_AFTER_DE = '(?:通知|通报|意见|实施意见|决定|批复|通告|公告|报告|方案|实施方案|办法|规定|细则|规划|函)';
const VERB_AFTER_GUANYU = /(印发|转发|贯彻|公布|做好|加快|推进|开展|进一步|加强|促进|继续|调整|建立|实施|落实|规范|设立|成立|深入)$/;

/**
 * Terms of government titles the word segmenter cuts (it knows 养老 and 保险, not 养老保险): kept whole.
 * A supplement to its dictionary, not a list of the sample titles.
 */
const TERMS = [
  '养老保险', '医疗保险', '社会保险', '电子政务', '政务服务', '营商环境', '重点项目', '建设项目', '工程建设', '安全生产', '生产安全',
  '应急预案', '实施方案', '实施意见', '实施细则', '管理办法', '工作方案', '高质量发展', '体制机制', '审批制度', '行政规范性文件',
  '规范性文件', '清理结果', '市场主体', '残疾人', '婴幼儿', '违法违规', '违法建设', '专项工作', '工作人员', '职务任免', '深加工',
  '涉企经营', '生物医药', '城乡社区', '服务体系', '清洁取暖', '综合整治', '人民政府', '办公室', '委员会', '常务会议', '乡村振兴', '疫情防控',
  '环境保护', '生态环境', '招商引资', '优化提升', '创新突破', '要素市场化', '扶持资金', '专项资金', '补助资金', '管理条例',
];

let segmenter: Intl.Segmenter | null = null;
/**
 * Word boundaries of a short string (offsets). Runs of single characters the segmenter could not place (招|远|市,
 * 征|缴) count as one word; a lone single character beside a word is marked, as it is often a cut word (残疾|人).
 */
function wordBoundaries(text: string): Map<number, { singleBefore: boolean; singleAfter: boolean }> {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const segs = [...segmenter.segment(text)];
  const single = (k: number) => k >= 0 && k < segs.length && segs[k].segment.length === 1 && /[\u4e00-\u9fa5]/.test(segs[k].segment);
  const out = new Map<number, { singleBefore: boolean; singleAfter: boolean }>();
  for (let i = 1; i < segs.length; i++) {
    if (single(i - 1) && single(i)) continue;
    out.set(segs[i].index, { singleBefore: single(i - 1) && !single(i - 2), singleAfter: single(i) && !single(i + 1) });
  }
  return out;
}

/** Spans no break may fall inside: numbers with their unit, names, short quotations and book titles, years. */
function protectedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const add = (re: RegExp, group = 0) => {
    for (const m of text.matchAll(re)) {
      const start = m.index + (group ? m[0].indexOf(m[group]) : 0);
      spans.push([start, start + m[group].length]);
    }
  };
  add(/[0-9０-９]+(?:[.．][0-9]+)?[名个项件岁年月日号期条批类家户人元万亿%]?/g);
  add(/[〔［[（(]\s*[0-9]{4}\s*[〕］\]）)]\s*[0-9]+号/g);
  add(/[（(][0-9]{4}\s*[—\-–－~～至]+\s*[0-9]{4}年?[）)]/g);
  add(/“[^”]{1,10}”/g);
  for (const term of TERMS) for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) spans.push([at, at + term.length]);
  add(/《[^》]{1,8}》/g);
  add(/[^\s，、。；：]{1,8}(?:人民政府|人民政府办公室|办公室)(?=关于)/g);
  // personal names listed before a count: 关于徐凤、任文兵2名… / 关于杨凡等15名…
  for (const m of text.matchAll(/关于([\u4e00-\u9fa5、]{2,40}?)(?:等|同志)?[0-9一二三四五六七八九十]+名/g)) {
    let at = m.index + 2;
    for (const name of m[1].split('、')) {
      spans.push([at, at + name.length]);
      at += name.length + 1;
    }
  }
  return spans;
}

/** The cost of breaking before `text[i]` (lower is better; infinite where no break may be). */
export function breakCost(text: string, i: number, words = wordBoundaries(text), spans = protectedSpans(text)): number {
  const before = text.slice(0, i);
  const after = text.slice(i);
  const a = before[before.length - 1];
  const b = after[0];
  if (NO_LINE_START.has(b) || NO_LINE_END.has(a)) return FORBIDDEN;
  if (/[0-9A-Za-z]/.test(a) && /[0-9A-Za-z]/.test(b)) return FORBIDDEN;
  if (spans.some(([s, e]) => s < i && i < e)) return FORBIDDEN;
  // depth inside 《…》: breaking in a cited title is worse than around it
  const open = (before.match(/《/g) ?? []).length - (before.match(/》/g) ?? []).length;
  const inside = open > 0 ? 15 : 0;
  if (/关于$/.test(before) && !/《关于$/.test(before)) return 0 + inside;
  if (/(人民政府|办公室|委员会|[局厅部])$/.test(before) && /^关于/.test(after)) return 0;
  if (new RegExp(`^的${KIND_AFTER_DE}$`).test(after) || new RegExp(`^的${KIND_AFTER_DE}`).test(after) && after.length <= 6) return 2;
  if (b === '《' || a === '》') return 6 + inside;
  if (VERB_AFTER_GUANYU.test(before) && /关于\S{0,6}$/.test(before)) return 8 + inside;
  if (/[、，]/.test(a)) return 12 + inside;
  const w = words.get(i);
  if (!w) return FORBIDDEN;
  // after a place name (高青县|电子政务…), the segmenter's single characters notwithstanding
  if (/[\u4e00-\u9fa5]{1,4}[省市县区]$/.test(before) && !w.singleAfter && !/^[市县区]/.test(after)) return 10 + inside;
  if (b === '的') return 25 + inside;
  if (/^[和及与并]/.test(after)) return 15 + inside;
  if (a === '的') return 18 + inside;
  if (w.singleBefore && w.singleAfter) return 160 + inside;
  if (w.singleBefore || w.singleAfter) return 70 + inside;
  return 35 + inside;
}

/**
 * Splits a title into lines of at most `maxWidth` characters (full-width = 1): the fewest lines, then the best
 * sum of break costs and balance. Falls back to the plain widest fill when no allowed break fits (a very long word).
 */
export function titleLines(title: string, maxWidth: number): string[] {
  const text = title.trim();
  const total = charWidth(text);
  if (total <= maxWidth || text.length < 2) return [text];
  const words = wordBoundaries(text);
  const spans = protectedSpans(text);
  const cost: number[] = [];
  for (let i = 1; i < text.length; i++) cost[i] = breakCost(text, i, words, spans);
  const widthOf = (from: number, to: number) => charWidth(text.slice(from, to));

  const minLines = Math.ceil(total / maxWidth);
  for (let lines = minLines; lines <= minLines + 2; lines++) {
    const best = bestSplit(text.length, lines, cost, widthOf, maxWidth, total / lines);
    if (best) return best.map(([s, e]) => text.slice(s, e));
  }
  // nothing allowed fits: break anywhere the 禁则 allow
  const loose = cost.map((c, i) => (Number.isFinite(c) ? c : NO_LINE_START.has(text[i]) || NO_LINE_END.has(text[i - 1]) ? FORBIDDEN : 500));
  for (let lines = minLines; lines <= minLines + 3; lines++) {
    const best = bestSplit(text.length, lines, loose, widthOf, maxWidth, total / lines);
    if (best) return best.map(([s, e]) => text.slice(s, e));
  }
  return [text];
}

/** Dynamic programme over break positions: exactly `lines` lines, each ≤ maxWidth, least cost. */
function bestSplit(
  n: number,
  lines: number,
  cost: number[],
  widthOf: (from: number, to: number) => number,
  maxWidth: number,
  mean: number,
): Array<[number, number]> | null {
  // dp[k][i]: least cost of setting text[0..i) in k lines
  const dp: number[][] = Array.from({ length: lines + 1 }, () => new Array<number>(n + 1).fill(FORBIDDEN));
  const from: number[][] = Array.from({ length: lines + 1 }, () => new Array<number>(n + 1).fill(-1));
  dp[0][0] = 0;
  const lineCost = (s: number, e: number, last: boolean) => {
    const w = widthOf(s, e);
    if (w > maxWidth + 0.01) return FORBIDDEN;
    const dev = w - mean;
    // a last line far shorter than the others reads as a leftover (趴窝), whatever the break
    const stub = last && w < mean * 0.5 ? 200 : 0;
    return 1.5 * dev * dev + stub;
  };
  for (let k = 1; k <= lines; k++) {
    for (let e = 1; e <= n; e++) {
      if (k === lines && e !== n) continue;
      const brk = e === n ? 0 : cost[e];
      if (!Number.isFinite(brk)) continue;
      for (let s = k - 1; s < e; s++) {
        if (!Number.isFinite(dp[k - 1][s])) continue;
        const c = dp[k - 1][s] + lineCost(s, e, k === lines) + brk;
        if (c < dp[k][e]) {
          dp[k][e] = c;
          from[k][e] = s;
        }
      }
    }
  }
  if (!Number.isFinite(dp[lines][n])) return null;
  const out: Array<[number, number]> = [];
  let e = n;
  for (let k = lines; k > 0; k--) {
    const s = from[k][e];
    out.unshift([s, e]);
    e = s;
  }
  return out;
}

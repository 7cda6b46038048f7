/**
 * A synthetic city library for the scale and load benches (issue 25), from a generator of our own: the paragraphs
 * of the shipped sample gazettes, recombined into documents of realistic length (a long-tailed spread around
 * 3,000 characters) from city, district, county and department issuers, with 文号 in the loose spellings people
 * type, dates and validity clauses, abolitions and citations of earlier documents, and gazette issues. Deterministic:
 * document i is the same text in every run, so a cached library and its substring-scan answers stay valid.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../electron/core/test-support/random';

/** Bump when the generated texts change (it keys the cached libraries). */
export const GENERATOR_VERSION = 1;

const CORPUS_DIR = join(import.meta.dirname, '..', '..', 'resources', 'samples');

/** The seeded random source the other benchmarks and the hostile corpus use (the same numbers as before). */
export const rng = seededRandom;

export const paragraphs = readdirSync(CORPUS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .flatMap((f) => readFileSync(join(CORPUS_DIR, f), 'utf8').split(/\n\s*\n|\n(?=\S)/))
  .map((p) => p.trim())
  // body paragraphs only: no headings, tables of contents, dates or 文号 lines the parser would take for a new document
  .filter((p) => p.length >= 40 && !/[〔［[【（(]\s*\d{4}\s*[〕］\]】）)]|\.{4}|……\s*\(|^第[一二三四五六七八九十\d]+[章节条]|号$|日$|公报/.test(p));

/** city, its districts and counties, their offices and departments: [issuer, 文号 prefix] */
export const ISSUERS: Array<[string, string]> = [];
const PLACES: Array<[string, string]> = [
  ['烟台市', '烟'], ['烟台市莱山区', '烟莱'], ['烟台市芝罘区', '烟芝'], ['烟台市福山区', '烟福'], ['烟台市牟平区', '烟牟'],
  ['招远市', '招'], ['龙口市', '龙'], ['莱阳市', '莱阳'], ['莱州市', '莱州'], ['蓬莱市', '蓬'], ['海阳市', '海'], ['栖霞市', '栖'],
  ['高青县', '高'], ['长岛县', '长'],
];
for (const [place, p] of PLACES) {
  ISSUERS.push([`${place}人民政府`, `${p}政发`], [`${place}人民政府办公室`, `${p}政办发`], [`${place}人民政府办公室`, `${p}政办字`]);
  for (const [dept, d] of [['教育局', '教'], ['财政局', '财'], ['自然资源和规划局', '自然资规'], ['市场监督管理局', '市监'], ['民政局', '民']] as const) {
    ISSUERS.push([`${place}${dept}`, `${p}${d}发`]);
  }
}
export const TOPICS = [
  '加快黄金深加工产业发展', '扶持工业企业发展', '促进生物医药产业高质量发展', '重点项目建设专项扶持资金补助',
  '残疾人事业发展', '砂石资源综合整治', '养犬管理', '燃放烟花爆竹管理', '市场主体培育', '居民养老保险征缴',
  '城乡社区服务体系建设', '农村人居环境整治', '安全生产责任制', '政府信息公开', '行政规范性文件管理',
  '防汛抗旱', '校外培训机构监管', '婴幼儿照护服务', '老旧小区改造', '耕地保护', '住房公积金缴存', '城市供热管理',
  '历史文化街区保护', '政府采购内部控制', '农村集体资产管理', '渔业船舶安全', '海域使用金征收', '公共资源交易',
];
const KINDS = ['办法', '实施意见', '实施方案', '规定', '实施细则', '管理办法'];
const ADDRESSEES = ['各镇人民政府，各街道办事处，市政府各部门：', '各区市人民政府，市政府各部门，各直属机构：', '各乡镇人民政府，县政府各部门：'];
/** the loose ways 文号 are printed and typed */
export const SPELL = [
  (a: string, y: number, s: number) => `${a}〔${y}〕${s}号`,
  (a: string, y: number, s: number) => `${a}[${y}]${s}号`,
  (a: string, y: number, s: number) => `${a}（${y}）${s}号`,
  (a: string, y: number, s: number) => `${a}【${y}】${s}号`,
];
const CN_DIGIT = '〇一二三四五六七八九';
const cnNumber = (n: number) => (n <= 10 ? ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][n] : n < 20 ? `十${CN_DIGIT[n - 10]}` : `${CN_DIGIT[Math.floor(n / 10)]}十${n % 10 ? CN_DIGIT[n % 10] : ''}`);

export interface DocMeta {
  i: number;
  issuer: string;
  code: string;
  year: number;
  serial: number;
  kind: string;
  topic: string;
  month: number;
  day: number;
  bodySeed: number;
  target: number;
  validYears: number | null;
}

/** The facts of document i (cheap: no text). Serials are unique per 文号 prefix and year. */
export function docMeta(i: number): DocMeta {
  const r = rng(0x9e3779b9 ^ (i * 2654435761));
  const [issuer, code] = ISSUERS[i % ISSUERS.length];
  const year = 2006 + (Math.floor(i / ISSUERS.length) % 20);
  const serial = Math.floor(i / (ISSUERS.length * 20)) + 1;
  // long tail: most documents 1,500–5,000 characters, a few past 20,000
  const u = r();
  const target = Math.round(1200 + 2600 * -Math.log(1 - u * 0.999));
  return {
    i, issuer, code, year, serial,
    kind: KINDS[Math.floor(r() * KINDS.length)],
    topic: TOPICS[Math.floor(r() * TOPICS.length)],
    month: 1 + Math.floor(r() * 12),
    day: 1 + Math.floor(r() * 28),
    bodySeed: Math.floor(r() * 2 ** 31),
    target,
    validYears: r() < 0.5 ? 2 + Math.floor(r() * 4) : null,
  };
}
export const docNumberOf = (m: DocMeta) => `${m.code}〔${m.year}〕${m.serial}号`;
export const titleOf = (m: DocMeta) => `${m.issuer}关于印发${m.topic}${m.kind}的通知`;

/** Document i as printed (the text of a .txt file a person imports). */
export function docText(i: number, n: number): string {
  const m = docMeta(i);
  const r = rng(m.bodySeed);
  const lines = [m.issuer, titleOf(m), SPELL[i % SPELL.length](m.code, m.year, m.serial), ADDRESSEES[i % ADDRESSEES.length]];
  lines.push(`现将《${m.topic}${m.kind}》印发给你们，请认真贯彻执行。`);
  let len = 0;
  while (len < m.target) {
    const p = paragraphs[Math.floor(r() * paragraphs.length)];
    lines.push(p);
    len += p.length;
  }
  // about a third abolish an earlier document of the same issuer, a third cite one elsewhere
  const earlier = (k: number) => docMeta(Math.max(0, k));
  if (i >= ISSUERS.length && r() < 0.3) {
    const t = earlier(i - ISSUERS.length * (1 + Math.floor(r() * 3)));
    lines.push(`原《${titleOf(t).replace(/^.*关于印发|的通知$/g, '')}》（${docNumberOf(t)}）同时废止。`);
  }
  if (i > 0 && r() < 0.3) {
    const t = earlier(Math.floor(r() * Math.min(i, n)));
    lines.push(`根据《${titleOf(t)}》（${docNumberOf(t)}）有关规定，结合本地实际，制定本${m.kind}。`);
  }
  const start = `${m.year}年${m.month}月${m.day}日`;
  lines.push(m.validYears ? `本${m.kind}自${start}起施行，有效期${cnNumber(m.validYears)}年。` : `本${m.kind}自${start}起施行。`);
  lines.push(m.issuer, `${m.year}年${m.month}月${m.day}日`);
  return lines.join('\n');
}

/** Gazette issue k: the 8 documents [8k, 8k+8) under an issue header of their place. */
export function gazetteText(k: number, n: number): string {
  const first = docMeta(8 * k);
  const place = first.issuer.replace(/人民政府.*|[^市区县]*局$/, '');
  const year = first.year;
  const number = 1 + (k % 12);
  const head = [`${place}人民政府公报`, `${year}年第${number}期（总第${k + 1}期）`, `${place}人民政府主办`, `${year}年${Math.min(12, number)}月28日出版`];
  const docs = Array.from({ length: Math.min(8, n - 8 * k) }, (_, j) => docText(8 * k + j, n));
  return [...head, '', ...docs.flatMap((d) => [d, ''])].join('\n');
}

/**
 * The real development set (test/fixtures/real): loading, the normalizations the answer keys are compared with,
 * and the key check — every string in a hand-written key must occur in its text (whitespace ignored; 文号 in any
 * printed spelling; dates only need their year). Run: `npx tsx scripts/check-real-keys.ts` (exit 1 on problems).
 *
 * Self-contained on purpose: the answer keys must not change meaning when the parser's own helpers change.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'real');
/** Texts kept out of tuning: measured, never used to change the parser (see test/fixtures/real/README.md). */
export const HOLDOUT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'real-holdout');

export const CLEANUP_DECISIONS = ['继续有效', '修改', '废止', '宣布失效'] as const;
export type CleanupDecision = (typeof CLEANUP_DECISIONS)[number];

export interface KeyRelation {
  title: string | null;
  docNumber: string | null;
}
export interface KeyCleanupItem extends KeyRelation {
  decision: CleanupDecision;
}
export interface KeyDocument {
  /** null when the stored page does not print the document's title (the page starts below it) */
  title: string | null;
  docNumber: string | null;
  issuers: string[];
  dateSigned: string | null;
  effectiveDate: string | null;
  validUntil: string | null;
  abolishes: KeyRelation[];
  /** documents this one amends (`修改下列规章`, `关于修改《…》的决定`); optional in older keys, read as [] */
  amends?: KeyRelation[];
  cites: string[];
  cleanup: { counts: Partial<Record<CleanupDecision, number>>; items: KeyCleanupItem[] } | null;
  /** date fields computed from a clause (`自公布之日起30日后施行`, `有效期5年`): their year need not be printed */
  derived?: ('effectiveDate' | 'validUntil')[];
}
export interface KeyFile {
  source: string;
  province: string;
  level: 'province' | 'city' | 'county' | 'department';
  classes: number[];
  documents: KeyDocument[];
}
export interface Fixture {
  /** file name without `.txt` */
  name: string;
  /** the text as the parser gets it: the file without its first line (`来源：<url>`) */
  text: string;
  firstLine: string;
  key: KeyFile;
  bytes: number;
}

/** Every fixture pair in the directory, in name order. Throws on a `.txt` without `.key.json` (and vice versa). */
export function loadFixtures(dir = FIXTURE_DIR): Fixture[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir);
  const texts = files.filter((f) => f.endsWith('.txt')).sort();
  const keys = new Set(files.filter((f) => f.endsWith('.key.json')));
  const out: Fixture[] = [];
  for (const t of texts) {
    const name = t.slice(0, -'.txt'.length);
    const keyName = `${name}.key.json`;
    if (!keys.has(keyName)) throw new Error(`${t}: no ${keyName}`);
    keys.delete(keyName);
    const raw = readFileSync(join(dir, t), 'utf8');
    const nl = raw.indexOf('\n');
    const firstLine = (nl < 0 ? raw : raw.slice(0, nl)).replace(/\r$/, '');
    const text = nl < 0 ? '' : raw.slice(nl + 1);
    const key = JSON.parse(readFileSync(join(dir, keyName), 'utf8')) as KeyFile;
    out.push({ name, text, firstLine, key, bytes: statSync(join(dir, t)).size });
  }
  if (keys.size) throw new Error(`answer keys without a text: ${[...keys].join(', ')}`);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Normalization

/** Whitespace of every kind removed (also U+3000 and NBSP), full-width digits and letters made ASCII. */
export function compact(s: string): string {
  return s
    .replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '')
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Title for matching: compact, without 《》〈〉<>“”"', parentheses in one width. */
export function normTitle(s: string | null | undefined): string {
  if (!s) return '';
  return compact(s)
    .replace(/[《》〈〉<>“”"'‘’「」『』]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
}

const OPEN = '〔\\[（(【［﹝〖„{';
const CLOSE = '〕\\]）)】］﹞〗‟}';
const BRACKETED = new RegExp(`^(.+?)[${OPEN}]((?:19|20)\\d{2})年?[${CLOSE}]第?0*(\\d{1,6})号$`);
const LING = /^(.+令)[(（]?第?0*(\d{1,5})号[)）]?$/;
/** An older 文号 printed year first: `〔94〕财农字第345号` → `财农字〔1994〕345号`. */
const YEAR_FIRST = new RegExp(`[${OPEN}]((?:19)?\\d{2})年?[${CLOSE}]([\\u3400-\\u9fff]{1,10}?)第?0*(\\d{1,6})号`);
const fullYear = (y: string): number => (y.length === 2 ? 1900 + Number(y) : Number(y));

/**
 * The normalized 文号: `招政发〔2018〕27号` (any bracket, spaces, leading zeros, `第` folded), or for a 令 number
 * `X人民政府令第15号`. Anything else is only compacted.
 */
export function normDocNo(s: string | null | undefined): string {
  if (!s) return '';
  let t = compact(s)
    .replace(/^(?:文号|发文字号)[:：]/, '')
    .replace(/[。，,；;、]+$/, '');
  if (/^[(（].*[)）]$/.test(t) && !LING.test(t)) t = t.slice(1, -1);
  const m = BRACKETED.exec(t);
  if (m) return `${m[1]}〔${m[2]}〕${Number(m[3])}号`;
  const l = LING.exec(t);
  if (l) return `${l[1]}第${Number(l[2])}号`;
  const y = new RegExp(`^${YEAR_FIRST.source}$`).exec(t);
  if (y) return `${y[2]}〔${fullYear(y[1])}〕${Number(y[3])}号`;
  return t;
}

/** Canonical cleanup decision for what a parser or a page may call it (修订 → 修改, 失效 → 宣布失效, 保留 → 继续有效). */
export function canonicalDecision(s: string): string {
  const t = compact(s);
  if (/^(继续有效|保留|有效|现行有效)$/.test(t)) return '继续有效';
  if (/^(修改|修订|拟修改|需修改)$/.test(t)) return '修改';
  if (/^(废止|予以废止|宣布废止)$/.test(t)) return '废止';
  if (/^(宣布失效|失效|予以失效)$/.test(t)) return '宣布失效';
  return t;
}

// ---------------------------------------------------------------------------------------------------------------
// The key check

const CN_YEAR_DIGIT = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const ZERO_FORMS = ['〇', '○', 'O', '0', '零', 'Ｏ', '０', 'o'];

/** Ways a year is printed: `2005`, `二〇〇五`, `二○○五`, `二OO五`, `二00五`, `二零零五`, and with the zeros lost (`二五`). */
export function yearSpellings(year: number): string[] {
  const digits = String(year).split('').map(Number);
  const out = new Set<string>([String(year)]);
  for (const z of ZERO_FORMS) out.add(digits.map((d) => (d === 0 ? z : CN_YEAR_DIGIT[d])).join(''));
  out.add(digits.filter((d) => d !== 0).map((d) => CN_YEAR_DIGIT[d]).join(''));
  return [...out];
}

const IN_TEXT = new RegExp(`([\\u3400-\\u9fff]{1,16})[${OPEN}]((?:19|20)\\d{2})年?[${CLOSE}]第?0*(\\d{1,6})号`, 'g');

/** Every normalized 文号 the text could be read as holding (each suffix of the agency run is a candidate). */
export function docNumberCandidates(text: string): Set<string> {
  const s = compact(text);
  const out = new Set<string>();
  for (const m of s.matchAll(IN_TEXT)) {
    const agency = m[1];
    for (let k = 1; k <= agency.length; k++) out.add(`${agency.slice(-k)}〔${m[2]}〕${Number(m[3])}号`);
  }
  for (const m of s.matchAll(new RegExp(YEAR_FIRST.source, 'g'))) out.add(`${m[2]}〔${fullYear(m[1])}〕${Number(m[3])}号`);
  return out;
}

function docNumberOccurs(key: string, text: string, cands: Set<string>, ctext: string): boolean {
  const n = normDocNo(key);
  if (cands.has(n)) return true;
  const l = /^(.+)令第(\d+)号$/.exec(n);
  if (l) {
    // `河北省人民政府令第15号` printed as `河北省人民政府` … `政府令〔2010〕第15号`, or `…令` / `第77号` on two lines
    const serial = new RegExp(`(第0*${l[2]}号|令0*${l[2]}号)`);
    return ctext.includes(compact(l[1])) && serial.test(ctext);
  }
  return ctext.includes(compact(key));
}

/** A count as printed: one 件/份/个文件/部/项 number, or two of them for two kinds (`18部规章和4部规范性文件`). */
export function countPrinted(n: number, ctext: string): boolean {
  if ([`${n}件`, `${n}份`, `${n}个文件`, `${n}部`, `${n}项`].some((w) => ctext.includes(w))) return true;
  for (const m of ctext.matchAll(/(\d{1,5})(?:件|份|部|项)[^，,。；;：:\d]{0,16}?和(\d{1,5})(?:件|份|部|项)/g)) {
    if (Number(m[1]) + Number(m[2]) === n) return true;
  }
  return false;
}

export interface KeyProblem {
  file: string;
  where: string;
  value: string;
  problem: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const LEVELS = new Set(['province', 'city', 'county', 'department']);

/** Checks every fixture's key against its text. Returns the problems (empty when clean). */
export function checkKeys(fixtures: Fixture[] = loadFixtures()): KeyProblem[] {
  const problems: KeyProblem[] = [];
  for (const f of fixtures) {
    const p = (where: string, value: unknown, problem: string): void => {
      problems.push({ file: f.name, where, value: typeof value === 'string' ? value : JSON.stringify(value), problem });
    };
    const k = f.key;
    const ctext = compact(f.text);
    const cands = docNumberCandidates(f.text);
    const occurs = (where: string, s: string | null): void => {
      if (s !== null && !ctext.includes(compact(s))) p(where, s, 'not in the text');
    };
    const docNo = (where: string, s: string | null): void => {
      if (s === null) return;
      if (normDocNo(s) !== s) p(where, s, `not normalized (should be ${normDocNo(s)})`);
      if (!docNumberOccurs(s, f.text, cands, ctext)) p(where, s, '文号 not in the text in any spelling');
    };
    const date = (where: string, s: string | null, derived = false): void => {
      if (s === null) return;
      if (!ISO.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`))) return p(where, s, 'not a YYYY-MM-DD date');
      if (!derived && !yearSpellings(Number(s.slice(0, 4))).some((y) => ctext.includes(y))) p(where, s, 'year not in the text');
    };

    if (f.firstLine !== `来源：${k.source}`) p('line 1', f.firstLine, `should be exactly 来源：${k.source}`);
    if (f.bytes > 64 * 1024) p('size', String(f.bytes), 'text larger than 64 KB');
    if (!k.province) p('province', k.province, 'missing');
    if (!LEVELS.has(k.level)) p('level', k.level, 'not province|city|county|department');
    if (!Array.isArray(k.classes) || !k.classes.length || k.classes.some((c) => !Number.isInteger(c) || c < 1 || c > 12))
      p('classes', k.classes, 'classes must be 1–12');
    if (!Array.isArray(k.documents) || !k.documents.length) p('documents', k.documents, 'no documents keyed');

    (k.documents ?? []).forEach((d, i) => {
      const at = (field: string): string => `documents[${i}].${field}`;
      if (d.title === null && d.docNumber === null && !d.issuers.length && d.dateSigned === null && !d.cleanup)
        p(at('title'), null, 'an untitled document needs something else to be matched by');
      occurs(at('title'), d.title);
      docNo(at('docNumber'), d.docNumber);
      if (!Array.isArray(d.issuers)) p(at('issuers'), d.issuers, 'not an array');
      else d.issuers.forEach((s, j) => occurs(at(`issuers[${j}]`), s));
      date(at('dateSigned'), d.dateSigned);
      date(at('effectiveDate'), d.effectiveDate, d.derived?.includes('effectiveDate'));
      date(at('validUntil'), d.validUntil, d.derived?.includes('validUntil'));
      if (!Array.isArray(d.abolishes)) p(at('abolishes'), d.abolishes, 'not an array');
      else
        d.abolishes.forEach((a, j) => {
          if (a.title === null && a.docNumber === null) p(at(`abolishes[${j}]`), a, 'neither title nor 文号');
          occurs(at(`abolishes[${j}].title`), a.title);
          docNo(at(`abolishes[${j}].docNumber`), a.docNumber);
        });
      if (d.amends !== undefined && !Array.isArray(d.amends)) p(at('amends'), d.amends, 'not an array');
      else
        (d.amends ?? []).forEach((a, j) => {
          if (a.title === null && a.docNumber === null) p(at(`amends[${j}]`), a, 'neither title nor 文号');
          occurs(at(`amends[${j}].title`), a.title);
          docNo(at(`amends[${j}].docNumber`), a.docNumber);
        });
      if (d.docNumber !== null && (d.cites ?? []).some((c) => normDocNo(c) === normDocNo(d.docNumber)))
        p(at('cites'), d.docNumber, 'the document\'s own 文号 is not a cite');
      if (!Array.isArray(d.cites)) p(at('cites'), d.cites, 'not an array');
      else d.cites.forEach((c, j) => docNo(at(`cites[${j}]`), c));
      if (d.cleanup !== null && d.cleanup !== undefined) {
        for (const [cat, n] of Object.entries(d.cleanup.counts ?? {})) {
          if (!(CLEANUP_DECISIONS as readonly string[]).includes(cat)) p(at(`cleanup.counts.${cat}`), cat, 'unknown decision');
          if (!Number.isInteger(n) || !countPrinted(n, ctext)) p(at(`cleanup.counts.${cat}`), String(n), '`N件`/`N份`/`N个文件`/`N部`/`N项` (or two joined by 和) not in the text');
        }
        (d.cleanup.items ?? []).forEach((it, j) => {
          if (!(CLEANUP_DECISIONS as readonly string[]).includes(it.decision))
            p(at(`cleanup.items[${j}].decision`), it.decision, 'unknown decision');
          occurs(at(`cleanup.items[${j}].title`), it.title);
          docNo(at(`cleanup.items[${j}].docNumber`), it.docNumber);
        });
      } else if (d.cleanup === undefined) p(at('cleanup'), 'undefined', 'write cleanup: null when there is none');
    });
  }
  return problems;
}

function main(): void {
  const fixtures = [...loadFixtures(), ...loadFixtures(HOLDOUT_DIR)];
  const problems = checkKeys(fixtures);
  for (const q of problems) console.log(`${q.file}  ${q.where}  ${q.value}  — ${q.problem}`);
  const docs = fixtures.reduce((n, f) => n + f.key.documents.length, 0);
  console.log(`${fixtures.length} texts, ${docs} keyed documents: ${problems.length ? `${problems.length} problem(s)` : 'every key string occurs in its text'}`);
  if (problems.length) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

/**
 * Search benchmark (issue 4): `npm run bench:search -- --docs 20000 [--queries 100] [--rebuild]`.
 * Builds a deterministic synthetic library from resources/samples paragraphs, checks every query against a plain
 * substring scan of the same normalized texts (recall/precision), and prints latencies, build and edit times,
 * start-up to first answer in a fresh process, and peak memory. Numbers, not assertions.
 * The generated library (and the substring-scan baseline) is cached under bench/.cache/, keyed by the corpus,
 * the document count, the query count and the search schema/normalization sources, so later runs skip the
 * build (its time is printed when it is built); `--rebuild` forces a build.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { normalizeBodyJson, normalizeIssuersJson, normalizeText } from '../shared/search/normalize';
import { parseQuery } from '../electron/core/features/search/query';
import { openSearchLibrary } from '../electron/core/test-support/search-library';
import { seededRandom } from '../electron/core/test-support/random';

// the sample gazettes shipped in the repository
const CORPUS_DIR = join(import.meta.dirname, '..', 'resources', 'samples');

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '2000' },
    queries: { type: 'string', default: '100' },
    rebuild: { type: 'boolean', default: false },
    startup: { type: 'string' },
  },
});

// ---- child mode: fresh process on an existing library, time to the first answer ----
if (values.startup) {
  const t0 = performance.now();
  const lib = openSearchLibrary({ dataDir: values.startup });
  const tOpen = performance.now();
  const r = await lib.call('search:query', { text: '人民政府', limit: 50 });
  const t1 = performance.now();
  const r2 = await lib.call('search:query', { text: '实施意见', limit: 50 });
  const afterStartRssMb = process.resourceUsage().maxRSS / 1024;
  // Then every benchmark query, as a person working all day would: the peak memory of the process that searches.
  const queries = JSON.parse(readFileSync(join(values.startup, 'queries.json'), 'utf8')) as string[];
  for (const text of queries) await lib.call('search:query', { text, limit: 50, sort: 'relevance' });
  await lib.close();
  process.stdout.write(
    JSON.stringify({
      appToFirstMs: t1 - t0,
      openMs: tOpen - t0, // openDatabase, including its PRAGMA quick_check over the whole file
      searchToFirstMs: t1 - tOpen,
      processToFirstMs: t1, // performance.now() counts from process start
      total: r.total + r2.total,
      afterStartRssMb,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      queries: queries.length,
    }),
  );
  process.exit(0);
}

// ---- deterministic corpus ----
const rand = seededRandom(20261122);
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];

const paragraphs = readdirSync(CORPUS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .flatMap((f) => readFileSync(join(CORPUS_DIR, f), 'utf8').split(/\n\s*\n|\n(?=\S)/))
  .map((p) => p.trim())
  .filter((p) => p.length >= 20);

const AGENCIES = [
  ['招远市人民政府', '招政发'],
  ['招远市人民政府办公室', '招政办发'],
  ['招远市人民政府办公室', '招政办字'],
  ['高青县人民政府', '高政发'],
  ['高青县人民政府办公室', '高政办发'],
  ['烟台市莱山区人民政府', '烟莱政发'],
  ['烟台市莱山区人民政府办公室', '烟莱政办发'],
  ['高青县人民政府', '高政任'],
];
const TOPICS = [
  '加快黄金深加工产业发展', '扶持工业企业发展', '促进生物医药产业高质量发展', '重点项目建设专项扶持资金补助',
  '残疾人事业发展', '砂石资源综合整治', '养犬管理', '燃放烟花爆竹管理', '市场主体培育', '居民养老保险征缴',
  '城乡社区服务体系建设', '农村人居环境整治', '安全生产责任制', '政府信息公开', '行政规范性文件管理',
  '防汛抗旱', '校外培训机构监管', '婴幼儿照护服务', '老旧小区改造', '耕地保护',
];
const KINDS = ['办法', '实施意见', '方案', '规定', '细则'];
const SPELL = [
  (a: string, y: number, s: number) => `${a}〔${y}〕${s}号`,
  (a: string, y: number, s: number) => `${a}[${y}]${s}号`,
  (a: string, y: number, s: number) => `${a}（${y}）${String(s).padStart(2, '0')}号`,
  (a: string, y: number, s: number) => `${a}【${y}】${s} 号`,
  (a: string, y: number, s: number) => `${a} 〔${y}〕 0${s}号`,
];

interface GenDoc {
  id: string;
  title: string;
  raw: string;
  normalized: string;
  issuer: string;
  date: string;
  kind: string;
  body: string[];
}

const N = Number(values.docs);
const metas = Array.from({ length: N }, (_, i) => {
  const [issuer, code] = pick(AGENCIES);
  const year = 2012 + Math.floor(rand() * 12);
  const serial = 1 + (i % 150);
  const kind = pick(KINDS);
  const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
  return {
    id: `doc-${String(i).padStart(6, '0')}`,
    issuer,
    code,
    year,
    serial,
    kind,
    topic: pick(TOPICS),
    date: `${year}-${month}-${day}`,
    spell: Math.floor(rand() * SPELL.length),
    bodySeed: Math.floor(rand() * 2 ** 31),
    target: 2000 + Math.floor(rand() * 10_000),
  };
});
function generate(i: number): GenDoc {
  const m = metas[i];
  const r = seededRandom(m.bodySeed);
  const body: string[] = [];
  let len = 0;
  while (len < m.target) {
    const p = paragraphs[Math.floor(r() * paragraphs.length)];
    body.push(p);
    len += p.length;
  }
  if (i > 0 && r() < 0.3) {
    const t = metas[Math.floor(r() * i)];
    body.push(`本${m.kind}自印发之日起施行。原《关于${t.topic}的${t.kind}》（${SPELL[Math.floor(r() * SPELL.length)](t.code, t.year, t.serial)}）同时废止。`);
  }
  return {
    id: m.id,
    title: `${m.issuer}关于印发${m.topic}${m.kind}的通知`,
    raw: SPELL[m.spell](m.code, m.year, m.serial),
    normalized: `${m.code}〔${m.year}〕${m.serial}号`,
    issuer: m.issuer,
    date: m.date,
    kind: m.kind,
    body,
  };
}

// ---- queries per class ----
const Q = Number(values.queries);
const sampleText = () => normalizeText(pick(paragraphs));
function substringOf(len: number): string {
  for (;;) {
    const t = Array.from(sampleText());
    if (t.length < len + 2) continue;
    const start = Math.floor(rand() * (t.length - len));
    const s = t.slice(start, start + len).join('');
    if (/^[\p{Script=Han}\d]/u.test(s) && !/[\s"]/.test(s)) return s;
  }
}
const classes: Record<string, string[]> = {
  '1–2 字': [...['的', '犬', '市', '黄金', '条例'], ...Array.from({ length: Q - 5 }, (_, i) => substringOf(1 + (i % 2)))],
  '3–4 字': Array.from({ length: Q }, (_, i) => substringOf(3 + (i % 2))),
  长短语: Array.from({ length: Q }, () => `"${substringOf(8 + Math.floor(rand() * 12))}"`),
  '文号（各种写法）': Array.from({ length: Q }, (_, i) => {
    const m = metas[Math.floor(rand() * N)];
    return [
      `${m.code}[${m.year}]0${m.serial}号`,
      `${m.code} （${m.year}） ${m.serial} 号`,
      `${m.code}【${m.year}】${m.serial}号`,
      `${m.code}(${m.year})${String(m.serial).padStart(3, '0')}号`,
    ][i % 4];
  }),
  查无此词: Array.from({ length: Q }, (_, i) => ['鲸鳄蟒貔', '量子纠缠', 'zzqx', '貔貅', '鳄'][i % 5] + (i >= 5 ? String(i) : '')),
};
const allQueries = Object.values(classes).flat();
const clauses = allQueries.map((q) => parseQuery(q).clauses.filter((c) => !c.exclude).map((c) => c.text.toLowerCase()));
const expected = allQueries.map(() => new Set<string>());

// ---- build the library (or reuse the cached one), scanning the same normalized texts as we go ----
const key = createHash('sha256');
// What the index holds depends on the schema, the generator and how text is normalized (by behaviour, so a
// change elsewhere in normalize.ts keeps the cache).
// Bump GENERATOR when the corpus generator or the queries change.
const GENERATOR = 1;
key.update(`generator ${GENERATOR}`);
key.update(readFileSync(join(import.meta.dirname, '../electron/core/db/migrations/0002_search.ts')));
key.update(paragraphs.join('\n'));
key.update(normalizeBodyJson(JSON.stringify(paragraphs.slice(0, 300))));
const dir = join(import.meta.dirname, '.cache', `search-${N}-${Q}-${key.digest('hex').slice(0, 12)}`);
const expectedFile = join(dir, 'expected.json');
const cached = !values.rebuild && existsSync(expectedFile);
if (!cached) {
  // Libraries built by older search code are of no further use (each is ~1 GB at 20,000 documents).
  const cacheRoot = join(import.meta.dirname, '.cache');
  if (existsSync(cacheRoot)) {
    for (const old of readdirSync(cacheRoot)) if (old.startsWith(`search-${N}-${Q}-`)) rmSync(join(cacheRoot, old), { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
}
const log = { info() {}, error: (m: string, e?: unknown) => console.error(m, e) };
const lib = openSearchLibrary({ dataDir: dir, log });
const insert = lib.ctx.db.prepare(
  `INSERT INTO documents (id, title, doc_number_raw, doc_number, doc_agency, doc_year, doc_serial, issuers, date_signed, kind,
     is_normative, valid_until, body, content_hash, created_at, updated_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, '2026-01-01', '2026-01-01')`,
);
let buildMs: number;
let chars = 0;
if (cached) {
  const saved = JSON.parse(readFileSync(expectedFile, 'utf8')) as { chars: number; buildMs: number; expected: string[][] };
  chars = saved.chars;
  buildMs = saved.buildMs;
  saved.expected.forEach((ids, qi) => ids.forEach((id) => expected[qi].add(id)));
} else {
  const tBuild = performance.now();
  // Batches the size of a large import (the import service writes a whole reviewed batch in one transaction).
  const BATCH = 1000;
  for (let start = 0; start < N; start += BATCH) {
    lib.ctx.db.transaction(() => {
      for (let i = start; i < Math.min(N, start + BATCH); i++) {
        const d = generate(i);
        const m = metas[i];
        const issuers = JSON.stringify([d.issuer]);
        const bodyJson = JSON.stringify(d.body);
        const validUntil = i % 3 === 0 ? `${m.year + 3}-12-31` : null;
        insert.run(d.id, d.title, d.raw, d.normalized, m.code, m.year, m.serial, issuers, d.date, d.kind, validUntil, bodyJson, `h${i}`);
        chars += d.body.reduce((s, p) => s + p.length, 0);
        // The baseline: substring test over the same normalization, independent of the indexes.
        const texts = [normalizeText(d.title), d.normalized + ' ' + normalizeText(d.raw), normalizeIssuersJson(issuers), normalizeBodyJson(bodyJson)].map(
          (t) => t.toLowerCase(),
        );
        clauses.forEach((terms, qi) => {
          if (terms.length && terms.every((t) => texts.some((x) => x.includes(t)))) expected[qi].add(d.id);
        });
      }
    })();
    if (start % 5000 === 0 && start > 0) process.stderr.write(`  已写入 ${start} 件…\n`);
  }
  buildMs = performance.now() - tBuild;
  writeFileSync(expectedFile, JSON.stringify({ chars, buildMs, expected: expected.map((s) => [...s]) }));
}
const dbMb = ['normdesk.db', 'normdesk.db-wal']
  .map((f) => join(dir, f))
  .filter((f) => existsSync(f))
  .reduce((s, f) => s + statSync(f).size / 2 ** 20, 0);

// ---- queries ----
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const rows: string[][] = [];
let qi = 0;
// Warm the process (JIT, statement and page caches) with queries outside the classes; then each benchmark
// query is timed the first time it is asked, as a person asks it (the service keeps no result cache).
for (const q of ['通知', '实施办法', '"人民政府办公室"', '招政发〔2020〕5号', '养老']) await lib.call('search:query', { text: q, limit: 50 });
for (const [name, queries] of Object.entries(classes)) {
  const lat: number[] = [];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let totalsOk = 0;
  let slowest = '';
  for (const q of queries) {
    const exp = expected[qi++];
    const t0 = performance.now();
    const r = await lib.call('search:query', { text: q, limit: 50 });
    lat.push(performance.now() - t0);
    if (lat[lat.length - 1] >= Math.max(...lat)) slowest = `${q}（${lat[lat.length - 1].toFixed(0)} ms，${r.total} 件）`;
    const got = new Set(lib.search!.matchIds(q));
    for (const id of got) if (exp.has(id)) tp++;
    else fp++;
    for (const id of exp) if (!got.has(id)) fn++;
    if (r.total === exp.size) totalsOk++;
  }
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  rows.push([
    name,
    String(queries.length),
    (recall * 100).toFixed(2) + ' %',
    (precision * 100).toFixed(2) + ' %',
    `${totalsOk}/${queries.length}`,
    pct(lat, 50).toFixed(1),
    pct(lat, 95).toFixed(1),
    String(Math.round(tp / queries.length)),
    slowest,
  ]);
}

// ---- an edit, searchable how soon? ----
const editedId = metas[Math.floor(N / 2)].id;
const bodyBefore = lib.ctx.db.prepare<[string], string>('SELECT body FROM documents WHERE id = ?').pluck().get(editedId)!;
const tEdit = performance.now();
lib.ctx.db.prepare('UPDATE documents SET body = ? WHERE id = ?').run(JSON.stringify(['本办法新增条款：鲸鳄蟒貔专项整治行动。']), editedId);
const edited = await lib.call('search:query', { text: '鲸鳄蟒貔专项整治', limit: 50 });
const editMs = performance.now() - tEdit;
// Put the cached library back as it was.
lib.ctx.db.prepare('UPDATE documents SET body = ? WHERE id = ?').run(bodyBefore, editedId);

// ---- a newly imported document (a full-length body), searchable how soon? ----
const newDoc = generate(0);
const tNew = performance.now();
insert.run('doc-new', '关于鳄蟒貔貅专项整治的通知', '高政发〔2026〕1号', '高政发〔2026〕1号', '高政发', 2026, 1, JSON.stringify([newDoc.issuer]), '2026-11-01', '通知', null,
  JSON.stringify([...newDoc.body, '本通知所称鳄蟒貔貅专项整治，指……']), 'h-new');
const added = await lib.call('search:query', { text: '鳄蟒貔貅专项整治', limit: 50 });
const newMs = performance.now() - tNew;
lib.ctx.db.prepare("DELETE FROM documents WHERE id = 'doc-new'").run();
const mainRss = process.resourceUsage().maxRSS / 1024;
await lib.close();

// ---- fresh process on the existing library ----
writeFileSync(join(dir, 'queries.json'), JSON.stringify(allQueries));
const fresh = (...extra: string[]) => {
  const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--startup', dir, ...extra], { encoding: 'utf8' });
  if (child.status !== 0) console.error(child.stderr);
  return child.status === 0 ? (JSON.parse(child.stdout) as Record<string, number>) : null;
};
const startup = fresh();

// The same from the built CLI (what users run), when `npm run build` has produced it: no tsx transpiling.
const builtCli = join(import.meta.dirname, '..', 'out', 'main', 'cli.js');
const builtFirstMs = existsSync(builtCli)
  ? await new Promise<number | null>((resolve) => {
      const t0 = performance.now();
      const c = spawn(process.execPath, [builtCli, 'search', '婴幼儿照护', '--json', '--limit', '50', '--data', dir], { stdio: ['ignore', 'pipe', 'ignore'] });
      let first: number | null = null;
      c.stdout.on('data', () => (first ??= performance.now() - t0));
      c.on('exit', (code) => resolve(code === 0 ? first : null));
    })
  : null;

const table = (head: string[], body: string[][]) => {
  const w = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)) + 2);
  return [head, ...body].map((r) => r.map((c, i) => c.padEnd(w[i])).join('')).join('\n');
};
console.log(`\nNormDesk 检索基准：${N} 件，正文 ${(chars / 1e6).toFixed(1)} M 字，数据库 ${dbMb.toFixed(0)} MB，数据目录 ${dir}${cached ? '（缓存）' : ''}\n`);
console.log(table(['查询类别', '条数', '查全率', '查准率', '总数一致', 'p50 ms', 'p95 ms', '平均命中', '最慢的一条'], rows));
console.log('');
console.log(
  table(
    ['指标', '数值'],
    [
      [`写入 + FTS5/短词索引（触发器，同事务）${cached ? '，建库时测得' : ''}`, `${(buildMs / 1000).toFixed(1)} s（${((N / buildMs) * 1000).toFixed(0)} 件/秒）`],
      ['修改一件后可被检索到', `${editMs.toFixed(1)} ms（${edited.total === 1 ? '已找到' : '未找到！'}）`],
      ['新导入一件（全文）后可被检索到', `${newMs.toFixed(1)} ms（${added.total === 1 ? '已找到' : '未找到！'}）`],
      ['新进程启动到首个结果（应用内，含打开数据库）', startup ? `${startup.appToFirstMs.toFixed(0)} ms` : '失败'],
      ['  其中打开数据库（openDatabase，含 quick_check）', startup ? `${startup.openMs.toFixed(0)} ms` : '失败'],
      ['  其中检索服务到首个结果', startup ? `${startup.searchToFirstMs.toFixed(0)} ms` : '失败'],
      ['新进程启动到首个结果（tsx 从源码运行，含进程启动与即时转译）', startup ? `${startup.processToFirstMs.toFixed(0)} ms` : '失败'],
      ['已构建的命令行（out/main/cli.js，用户实际运行的）新进程到首个结果', builtFirstMs === null ? '未构建（先运行 npm run build）' : `${builtFirstMs.toFixed(0)} ms`],
      ['新进程首个结果后常驻内存峰值', startup ? `${startup.afterStartRssMb.toFixed(0)} MB` : '失败'],
      [`新进程跑完全部 ${startup?.queries ?? allQueries.length} 条查询后常驻内存峰值（检索进程）`, startup ? `${startup.maxRssMb.toFixed(0)} MB` : '失败'],
      ['基准脚本自身峰值（含建库、基线扫描与答案集，不属应用）', `${mainRss.toFixed(0)} MB`],
    ],
  ),
);

/**
 * `npm run bench:scale -- [--docs 100000] [--queries 30] [--import 2000] [--build]` (issue 25): a city's library on
 * one server. Builds once (cached under the temp directory, keyed by the count, the generator and the schema) a
 * synthetic library from bench/scale/corpus.ts, then measures the BUILT app as users run it:
 * - a fresh `normdesk serve`: time to listening and to its first search answer, then search p50/p95 per query
 *   class over HTTP, each answer's total checked against a substring scan of the same texts (and that scan's own
 *   p50/p95 in this process), facet-filtered searches, suggestions, the library list and the dashboard;
 * - the server's memory: peak (VmHWM) and steady (VmRSS after the calls and a pause);
 * - a fresh CLI process (`normdesk search …`): time to its answer;
 * - import: `normdesk import FILE… --yes` of generated .txt files in one process, into an empty library and into a
 *   copy of this one (documents/s each, so a cost growing with the library shows; scale/cli-import.ts). With
 *   `--import-only` nothing else is measured.
 * Prints numbers with the load average beside them; asserts nothing.
 */
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { SEARCH_PAGE_SIZE } from '../shared/contract/search';
import { parseQuery } from '../electron/core/features/search/query';
import { normalizeBodyJson, normalizeText } from '../shared/search/normalize';
import { docMeta, docNumberOf, paragraphs, rng, SPELL } from './scale/corpus';
import { benchAccounts, CLI, cpuMsOf, ensureBuilt, login, machine, memoryOf, NO_SESSION, pct, rpc, startServer, table, transportRetries, type Session } from './scale/http';
import { measureImports, printImports } from './scale/cli-import';
import { ensureLibrary } from './scale/library';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '30' },
    import: { type: 'string', default: '2000' },
    build: { type: 'boolean', default: false },
    'import-only': { type: 'boolean', default: false },
  },
});
const N = Number(values.docs);
const Q = Number(values.queries);
const IMPORT = Number(values.import);
const say = (s: string) => process.stderr.write(s + '\n');

console.log(`NormDesk 规模基准：${N} 件；本机 ${cpus().length} 核 ${cpus()[0]?.model ?? ''}；开始时${machine()}`);
ensureBuilt(values.build);
const lib = await ensureLibrary(N, say);
console.log(`资料库：${lib.dir}（${lib.built ? '本次生成' : '缓存'}，生成用时 ${(lib.buildMs / 1000).toFixed(0)} s，经导入服务批量写入）`);
if (values['import-only']) {
  printImports(await measureImports(lib.dir, N, IMPORT, say));
  console.log(`\n结束时${machine()}`);
  process.exit(0);
}

// ---- queries per class (deterministic) ----
const rand = rng(25_2026);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
function substringOf(len: number): string {
  for (;;) {
    const t = Array.from(normalizeText(pick(paragraphs)));
    if (t.length < len + 2) continue;
    const start = Math.floor(rand() * (t.length - len));
    const s = t.slice(start, start + len).join('');
    if (/^[\p{Script=Han}\d]/u.test(s) && !/[\s"]/.test(s)) return s;
  }
}
const classes: Record<string, string[]> = {
  '1–2 字': [...['的', '犬', '市', '黄金', '条例'], ...Array.from({ length: Math.max(0, Q - 5) }, (_, i) => substringOf(1 + (i % 2)))],
  '3–4 字': Array.from({ length: Q }, (_, i) => substringOf(3 + (i % 2))),
  长短语: Array.from({ length: Q }, () => `"${substringOf(8 + Math.floor(rand() * 12))}"`),
  '文号（各种写法）': Array.from({ length: Q }, (_, i) => {
    const m = docMeta(Math.floor(rand() * N));
    return i % 5 === 4 ? docNumberOf(m) : SPELL[i % 4](m.code, m.year, m.serial).replace('号', i % 2 ? ' 号' : '号');
  }),
  '两词（机关 + 主题）': Array.from({ length: Q }, () => `${pick(['招远', '莱山', '高青', '教育局', '财政局'])} ${substringOf(2)}`),
  查无此词: Array.from({ length: Q }, (_, i) => ['鲸鳄蟒貔', '量子纠缠', 'zzqx', '貔貅', '鳄'][i % 5] + (i >= 5 ? String(i) : '')),
};

// ---- the baseline: a substring scan of the same normalized texts, in this process ----
say('读取全文用于子串扫描基线…');
const db = new Database(join(lib.dir, 'normdesk.db'), { readonly: true, fileMustExist: true });
const rows = db
  .prepare<[], { title: string; docnum: string; issuers: string; body: string }>(
    'SELECT m.title, m.docnum, m.issuers, d.body FROM search_map m JOIN documents d ON d.id = m.doc_id',
  )
  .all();
db.close();
const texts = rows.map((r) => [r.title, r.docnum, r.issuers, normalizeBodyJson(r.body)].map((t) => t.toLowerCase()));
rows.length = 0;
const scan = (q: string) => {
  const terms = parseQuery(q).clauses.filter((c) => !c.exclude).map((c) => c.text.toLowerCase());
  let n = 0;
  for (const doc of texts) if (terms.length && terms.every((t) => doc.some((x) => x.includes(t)))) n++;
  return n;
};

// ---- a fresh server: listening, first answer ----
const server = await startServer(lib.dir);
const accounts = benchAccounts(lib.dir);
const admin = accounts.find((a) => a.role === 'admin');
let session: Session = NO_SESSION;
if (admin) session = await login(server.url, admin.name, admin.password);
const first = await rpc<{ total: number }>(server.url, 'search:query', { text: '人民政府', limit: SEARCH_PAGE_SIZE }, session);
const firstAnswerMs = performance.now() - server.t0;
const startMem = memoryOf(server.child.pid!);
if (!first.ok) throw new Error(`首次检索失败：${first.error?.message}`);
say(`服务器就绪：监听 ${server.listenMs.toFixed(0)} ms，首个答案 ${firstAnswerMs.toFixed(0)} ms`);

// The server's start-up work ends ≈ 1.5 s after its first answer (the library page's rows, serve.ts warmUp): the
// classes measure searches after it, as people meet them all day; start-up is measured above and by `later` below.
await new Promise((r) => setTimeout(r, 2_500));
// warm-up outside the classes (JIT, page cache), then each query timed the first time it is asked
for (const q of ['通知', '实施办法', '"人民政府办公室"', '养老']) await rpc(server.url, 'search:query', { text: q, limit: SEARCH_PAGE_SIZE }, session);
const results: string[][] = [];
const inexact: string[] = [];
for (const [name, queries] of Object.entries(classes)) {
  const http: number[] = [];
  const scanMs: number[] = [];
  let exact = 0;
  const cpu0 = cpuMsOf(server.child.pid!);
  for (const q of queries) {
    const r = await rpc<{ total: number }>(server.url, 'search:query', { text: q, limit: SEARCH_PAGE_SIZE }, session);
    if (!r.ok) throw new Error(`检索“${q}”失败：${r.error?.message}`);
    http.push(r.ms);
    const t = performance.now();
    const expected = scan(q);
    scanMs.push(performance.now() - t);
    if (r.data.total === expected) exact++;
    else inexact.push(`${q}：服务器 ${r.data.total}，扫描 ${expected}`);
  }
  // The server's own CPU per query (independent of how busy the machine is; includes answering HTTP).
  const cpuPerQuery = (cpuMsOf(server.child.pid!) - cpu0) / queries.length;
  results.push([
    name,
    String(queries.length),
    `${exact}/${queries.length}`,
    pct(http, 50).toFixed(1),
    pct(http, 95).toFixed(1),
    cpuPerQuery.toFixed(1),
    pct(scanMs, 50).toFixed(1),
    pct(scanMs, 95).toFixed(1),
  ]);
}

// ---- facets, suggestions, browsing, the dashboard ----
const other: Array<[string, string, () => unknown]> = [
  ['检索 + 状态筛选（现行有效）', 'search:query', () => ({ text: pick(['管理', '实施', '补助', '安全']), limit: SEARCH_PAGE_SIZE, filters: { status: ['现行有效'] } })],
  ['检索 + 机关与年份筛选', 'search:query', () => ({ text: pick(['管理', '实施', '补助', '安全']), limit: SEARCH_PAGE_SIZE, filters: { issuer: docMeta(Math.floor(rand() * N)).issuer, year: 2010 + Math.floor(rand() * 10) } })],
  ['按日期排序检索', 'search:query', () => ({ text: pick(['办法', '方案', '意见']), limit: SEARCH_PAGE_SIZE, sort: 'date' })],
  ['输入提示（search:suggest）', 'search:suggest', () => ({ text: pick(['招远', '关于印发', '烟政发', '婴幼儿']) })],
  ['文件库页面（documents:list，界面的请求：首页 200 行）', 'documents:list', () => ({ limit: 200 })],
  ['文件列表一页 100 行（documents:list）', 'documents:list', () => ({ offset: Math.floor(rand() * 20) * 100, limit: 100 })],
  ['文件详情（documents:get）', 'documents:get', () => ({ id: '' })],
  ['监督看板（oversight:dashboard）', 'oversight:dashboard', () => ({})],
];
const someIds = ((await rpc<{ results: Array<{ id: string }> }>(server.url, 'search:query', { text: '通知', limit: 200 }, session)).data.results ?? []).map((h) => h.id);
const otherRows: string[][] = [];
for (const [label, channel, body] of other) {
  const lat: number[] = [];
  let errors = 0;
  for (let i = 0; i < Math.max(10, Math.floor(Q / 2)); i++) {
    const req = body() as Record<string, unknown>;
    if (channel === 'documents:get') req.id = someIds[i % someIds.length];
    const r = await rpc(server.url, channel, req, session);
    if (!r.ok) errors++;
    lat.push(r.ms);
  }
  otherRows.push([label, String(lat.length), pct(lat, 50).toFixed(1), pct(lat, 95).toFixed(1), String(errors)]);
}
const peak = memoryOf(server.child.pid!);
await new Promise((r) => setTimeout(r, 5000));
const steady = memoryOf(server.child.pid!);
await server.stop();

// ---- a fresh server asked 3 s after it started, as a person opening the page would ----
const later = await startServer(lib.dir);
await new Promise((r) => setTimeout(r, 3000));
const laterSession = admin ? await login(later.url, admin.name, admin.password) : NO_SESSION;
const laterFirst = await rpc(later.url, 'search:query', { text: '人民政府', limit: SEARCH_PAGE_SIZE }, laterSession);
await later.stop();

// ---- a fresh CLI ----
const cliFirst = await new Promise<{ firstMs: number; exitMs: number; ok: boolean }>((resolve) => {
  const t0 = performance.now();
  const c = spawn(process.execPath, [CLI, 'search', '婴幼儿照护', '--json', '--limit', '50', '--data', lib.dir], { stdio: ['ignore', 'pipe', 'ignore'] });
  let firstMs = NaN;
  c.stdout.on('data', () => (firstMs = Number.isNaN(firstMs) ? performance.now() - t0 : firstMs));
  c.on('exit', (code) => resolve({ firstMs, exitMs: performance.now() - t0, ok: code === 0 }));
});

// ---- import by the CLI, one process, as users do ----
const importRows = await measureImports(lib.dir, N, IMPORT, say);

// ---- report ----
console.log(`\n检索（HTTP，新启动的服务器；“扫描”为本进程内对同一规范化文本的子串扫描）：`);
console.log(table(['查询类别', '条数', '总数与扫描一致', 'HTTP p50 ms', 'HTTP p95 ms', '服务器 CPU ms/次', '扫描 p50 ms', '扫描 p95 ms'], results));
if (inexact.length) console.log(`不一致：\n  ${inexact.slice(0, 10).join('\n  ')}`);
console.log('\n其他调用（HTTP）：');
console.log(table(['调用', '次数', 'p50 ms', 'p95 ms', '错误'], otherRows));
console.log('\n启动与内存：');
console.log(
  table(
    ['指标', '数值'],
    [
      ['服务器：启动到监听', `${server.listenMs.toFixed(0)} ms`],
      ['服务器：启动到首个检索答案', `${firstAnswerMs.toFixed(0)} ms（首个检索本身 ${first.ms.toFixed(0)} ms）`],
      ['服务器：启动 3 秒后的首个检索（启动时已预先载入）', `${laterFirst.ms.toFixed(0)} ms`],
      ['服务器：首个答案时常驻内存', `${startMem.rssMb.toFixed(0)} MB`],
      ['服务器：常驻内存峰值（VmHWM）', `${peak.peakMb.toFixed(0)} MB`],
      ['服务器：调用结束 5 秒后常驻内存', `${steady.rssMb.toFixed(0)} MB`],
      ['命令行：新进程到首个输出（normdesk search）', cliFirst.ok ? `${cliFirst.firstMs.toFixed(0)} ms（退出 ${cliFirst.exitMs.toFixed(0)} ms）` : '失败'],
    ],
  ),
);
printImports(importRows);
console.log(`\n连接被重置后重发的请求：${transportRetries}；结束时${machine()}`);

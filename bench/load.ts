/**
 * `npm run bench:load -- [--docs 100000] [--users 50] [--writers 10] [--duration 300] [--think 1000] [--import 200]`
 * (issue 25): many people at once on one server over HTTP, with sessions, as in intranet mode.
 * - Accounts are made once per cached library with the CLI (`normdesk user add NAME --role …`, the strong random
 *   password on standard input, as the command reads it) and kept in the library's bench-accounts.json.
 * - `users − writers` readers search, browse the list (a page at a time, as the library page asks), open documents, ask for suggestions and the dashboard, and
 *   export a document; `writers` edit documents (half) or decide cleanup items (half); each waits a random think
 *   time (mean `--think` ms) between calls. Loops end at the deadline; only loopback is used.
 * - Optionally one `normdesk import … --yes` of `--import` files runs alongside (another process writing: where
 *   SQLITE_BUSY shows up), started a third of the way in.
 * Prints p50/p95/p99 per call, errors by code, refusals because another program held the library (the server's
 * SQLITE_BUSY retries ran out), and lost writes: every acknowledged write is read back after the run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SEARCH_PAGE_SIZE } from '../shared/contract/search';
import { docText } from './scale/corpus';
import { benchAccounts, CLI, ensureBuilt, login, machine, memoryOf, pct, rpc, startServer, table, transportRetries, type Answer, type Session } from './scale/http';
import { ensureLibrary } from './scale/library';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '100000' },
    users: { type: 'string', default: '50' },
    writers: { type: 'string', default: '10' },
    duration: { type: 'string', default: '300' },
    think: { type: 'string', default: '1000' },
    import: { type: 'string', default: '200' },
  },
});
const N = Number(values.docs);
const USERS = Number(values.users);
const WRITERS = Math.min(USERS, Number(values.writers));
const DURATION_MS = Number(values.duration) * 1000;
const THINK = Number(values.think);
const IMPORT = Number(values.import);
const say = (s: string) => process.stderr.write(s + '\n');

console.log(`NormDesk 并发基准：${N} 件，${USERS} 人（${USERS - WRITERS} 人检索浏览导出，${WRITERS} 人编辑与清理决定），${DURATION_MS / 1000} s；本机 ${cpus().length} 核；开始时${machine()}`);
ensureBuilt();
const lib = await ensureLibrary(N, say);

// ---- accounts, made with the CLI as an administrator would (once per library) ----
type Account = { name: string; role: string; password: string };
let accounts: Account[] = benchAccounts(lib.dir);
const want = (i: number): Account['role'] => (i === 0 ? 'admin' : i <= USERS - WRITERS ? 'viewer' : i % 2 ? 'editor' : 'reviewer');
if (accounts.length < USERS + 1) {
  say(`用命令行创建 ${USERS + 1 - accounts.length} 个账户…`);
  for (let i = accounts.length; i <= USERS; i++) {
    const a = { name: `bench${String(i).padStart(2, '0')}`, role: want(i), password: `Nd-${randomBytes(12).toString('base64url')}` };
    const r = spawnSync(process.execPath, [CLI, 'user', 'add', a.name, '--role', a.role, '--data', lib.dir], { input: `${a.password}\n${a.password}\n`, encoding: 'utf8' });
    if (r.status !== 0 && !/已存在/.test(r.stderr)) throw new Error(`创建账户 ${a.name} 失败：${r.stderr}`);
    accounts.push(a);
    writeFileSync(join(lib.dir, 'bench-accounts.json'), JSON.stringify(accounts));
  }
}
accounts = accounts.slice(0, USERS + 1);

const server = await startServer(lib.dir);
say(`服务器：${server.url}（启动到监听 ${server.listenMs.toFixed(0)} ms）`);
const adminSession = await login(server.url, accounts[0].name, accounts[0].password);
const sessions: Session[] = [];
for (const a of accounts.slice(1)) sessions.push(await login(server.url, a.name, a.password));

// what the users work on
const pool = (await rpc<{ results: Array<{ id: string }> }>(server.url, 'search:query', { text: '通知', limit: 200 }, adminSession)).data.results.map((h) => h.id);
const campaigns = (await rpc<Array<{ id: string }>>(server.url, 'cleanup:list', {}, adminSession)).data ?? [];
const campaign = campaigns[0]?.id ?? null;
const items = campaign
  ? ((await rpc<{ rows: Array<{ documentId: string }> }>(server.url, 'cleanup:items', { id: campaign, limit: 2000 }, adminSession)).data?.rows ?? []).map((r) => r.documentId)
  : [];
const WORDS = ['管理', '实施意见', '补助', '安全生产', '养犬', '婴幼儿照护', '招政发〔2015〕3号', '"农村人居环境整治"', '耕地', '公积金', '莱山 教育', '市场监督'];

// ---- the run ----
const lat = new Map<string, number[]>();
const errors = new Map<string, number>();
let busyRefusals = 0;
let conflicts = 0;
const acknowledged = new Map<string, string>(); // document id → validity clause the server acknowledged
const decided = new Map<string, string>(); // campaign document id → decision acknowledged
const deadline = performance.now() + DURATION_MS;
const rand = () => Math.random();
const think = () => new Promise((r) => setTimeout(r, THINK * (0.5 + rand())));

function note(label: string, a: Answer): void {
  (lat.get(label) ?? lat.set(label, []).get(label)!).push(a.ms);
  if (a.ok) return;
  if (/另一个程序写入|SQLITE_BUSY/.test(a.error?.message ?? '')) busyRefusals++;
  else if (a.error?.code === 'CONFLICT') conflicts++;
  const key = `${label}: ${a.error?.code ?? a.status}`;
  errors.set(key, (errors.get(key) ?? 0) + 1);
}
async function call<T = { document: { updatedAt: string } }>(label: string, channel: string, body: unknown, s: Session): Promise<Answer<T>> {
  try {
    const a = await rpc<T>(server.url, channel, body, s);
    note(label, a);
    return a;
  } catch (err) {
    const key = `${label}: ${(err as Error).message}`;
    errors.set(key, (errors.get(key) ?? 0) + 1);
    return { status: 0, ok: false, data: null as T, ms: 0 };
  }
}

const SORTS = ['docNumber', 'title', 'issuer', 'dateSigned', 'status', 'validUntil'];
const STATUS_FILTERS = [['现行有效'], ['即将到期'], ['已失效', '已废止']];

/**
 * The library page as the UI asks for it: its first page of 200 rows (most often in the default order, else
 * sorted by a column or filtered by status), and, one time in three, a page further down where the person scrolled.
 */
async function library(s: Session): Promise<void> {
  const query: Record<string, unknown> = { limit: 200 };
  if (rand() < 0.3) Object.assign(query, { sort: SORTS[Math.floor(rand() * SORTS.length)], dir: rand() < 0.5 ? 'asc' : 'desc' });
  if (rand() < 0.2) query.status = STATUS_FILTERS[Math.floor(rand() * STATUS_FILTERS.length)];
  const first = await call<{ total: number }>('文件库页面（首页 200 行）', 'documents:list', query, s);
  if (first.ok && rand() < 1 / 3 && first.data.total > 200) {
    const offset = Math.floor((rand() * first.data.total) / 200) * 200;
    await call('文件库滚动到的一页', 'documents:list', { ...query, offset }, s);
  }
}

async function reader(s: Session): Promise<void> {
  while (performance.now() < deadline) {
    const r = rand();
    if (r < 0.5) await call('检索', 'search:query', { text: WORDS[Math.floor(rand() * WORDS.length)], limit: SEARCH_PAGE_SIZE }, s);
    else if (r < 0.65) await library(s);
    else if (r < 0.85) await call('打开文件', 'documents:get', { id: pool[Math.floor(rand() * pool.length)] }, s);
    else if (r < 0.93) await call('输入提示', 'search:suggest', { text: WORDS[Math.floor(rand() * WORDS.length)].slice(0, 2) }, s);
    else if (r < 0.97) await call('监督看板', 'oversight:dashboard', {}, s);
    else await call('导出 Word', 'export:document', { id: pool[Math.floor(rand() * pool.length)], format: 'docx' }, s);
    await think();
  }
}

async function editor(s: Session, k: number): Promise<void> {
  // each writer its own documents, so a refusal is a real fault, not two people editing one file
  const mine = pool.filter((_, i) => i % WRITERS === k);
  let seq = 0;
  while (performance.now() < deadline && mine.length) {
    const id = mine[seq % mine.length];
    const got = await call('打开文件（编辑前）', 'documents:get', { id }, s);
    if (got.ok) {
      const clause = `本文件有效期五年（负载测试 ${k} 第 ${++seq} 次修改）`;
      const a = await call('保存修改', 'documents:update', { id, patch: { validityClause: clause }, expectedUpdatedAt: got.data.document.updatedAt }, s);
      if (a.ok) acknowledged.set(id, clause);
    }
    await think();
  }
}

async function reviewer(s: Session, k: number): Promise<void> {
  const mine = items.filter((_, i) => i % WRITERS === k);
  const choices = ['继续有效', '修改', '废止', '宣布失效'];
  let seq = 0;
  while (performance.now() < deadline && campaign && mine.length) {
    const batch = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => mine[seq++ % mine.length]);
    const decision = choices[Math.floor(rand() * choices.length)];
    const a = await call('清理决定', 'cleanup:decide', { id: campaign, documentIds: [...new Set(batch)], decision, reason: decision === '继续有效' ? '' : '上位法已修改', note: '' }, s);
    if (a.ok) for (const id of batch) decided.set(id, decision);
    else await call('清理项（看错误）', 'cleanup:items', { id: campaign, limit: 10 }, s);
    await think();
  }
}

// another program writing meanwhile: a CLI import, started a third of the way in
let importResult: { ms: number; code: number | null } | null = null;
const importer =
  IMPORT > 0
    ? new Promise<void>((resolve) => {
        setTimeout(() => {
          const folder = mkdtempSync(join(tmpdir(), 'normdesk-load-files-'));
          const files = Array.from({ length: IMPORT }, (_, k) => {
            const f = join(folder, `并发导入-${k}.txt`);
            writeFileSync(f, docText(N + 2_000_000 + Date.now() % 100_000 + k, N + 3_000_000));
            return f;
          });
          const t0 = performance.now();
          const c = spawn(process.execPath, [CLI, 'import', ...files, '--yes', '--no-ocr', '--data', lib.dir], { stdio: 'ignore' });
          c.on('exit', (code) => {
            importResult = { ms: performance.now() - t0, code };
            rmSync(folder, { recursive: true, force: true });
            resolve();
          });
        }, DURATION_MS / 3);
      })
    : Promise.resolve();

let peakMb = 0;
const sampler = setInterval(() => (peakMb = Math.max(peakMb, memoryOf(server.child.pid!).rssMb)), 1000);
const t0 = performance.now();
await Promise.all([
  ...sessions.map((s, i) => (i < USERS - WRITERS ? reader(s) : (i - (USERS - WRITERS)) % 2 === 0 ? editor(s, i - (USERS - WRITERS)) : reviewer(s, i - (USERS - WRITERS)))),
  importer,
]);
const ranMs = performance.now() - t0;
clearInterval(sampler);

// ---- every acknowledged write, read back ----
let lostEdits = 0;
for (const [id, clause] of acknowledged) {
  const a = await rpc<{ document: { validityClause: string | null } }>(server.url, 'documents:get', { id }, adminSession);
  if (!a.ok || a.data.document.validityClause !== clause) lostEdits++;
}
let lostDecisions = 0;
if (campaign && decided.size) {
  const rows = (await rpc<{ rows: Array<{ documentId: string; decision: string | null }> }>(server.url, 'cleanup:items', { id: campaign, limit: 20_000 }, adminSession)).data.rows;
  const byId = new Map(rows.map((r) => [r.documentId, r.decision]));
  for (const [id, d] of decided) if (byId.get(id) !== d) lostDecisions++;
}
const mem = memoryOf(server.child.pid!);
await server.stop();
const serverErrors = server.stderr().trim();

const body = [...lat].map(([label, xs]) => {
  const errs = [...errors].filter(([k]) => k.startsWith(`${label}:`)).reduce((s, [, n]) => s + n, 0);
  return [label, String(xs.length), (xs.length / (ranMs / 1000)).toFixed(1), pct(xs, 50).toFixed(0), pct(xs, 95).toFixed(0), pct(xs, 99).toFixed(0), String(errs)];
});
console.log(`\n运行 ${(ranMs / 1000).toFixed(0)} s，思考时间平均 ${THINK} ms：`);
console.log(table(['调用', '次数', '次/秒', 'p50 ms', 'p95 ms', 'p99 ms', '错误'], body));
if (errors.size) console.log(`错误：\n  ${[...errors].map(([k, n]) => `${k} × ${n}`).join('\n  ')}`);
console.log(
  table(
    ['指标', '数值'],
    [
      ['已确认的修改 / 读回不符（丢失）', `${acknowledged.size} / ${lostEdits}`],
      ['已确认的清理决定（文件）/ 读回不符（丢失）', `${decided.size} / ${lostDecisions}`],
      ['编辑冲突（CONFLICT，非他程序占用）', String(conflicts)],
      ['因另一程序写入而放弃（SQLITE_BUSY 重试用尽）', String(busyRefusals)],
      ['同时运行的命令行导入', importResult ? `${IMPORT} 个文件 ${((importResult as { ms: number }).ms / 1000).toFixed(1)} s，退出码 ${(importResult as { code: number | null }).code}` : '未运行'],
      ['服务器常驻内存：峰值（每秒采样）/ 结束时 / VmHWM', `${peakMb.toFixed(0)} / ${mem.rssMb.toFixed(0)} / ${mem.peakMb.toFixed(0)} MB`],
    ],
  ),
);
if (serverErrors) console.log(`服务器日志（错误）：\n${serverErrors.slice(0, 3000)}`);
console.log(`\n连接被重置后重发的请求：${transportRetries}；结束时${machine()}`);

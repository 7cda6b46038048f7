// Hostile files against the real CLI and server (issue 26), a part of `npm run test:reliability`:
// - a 1 MB PDF whose page inflates to 1 GB, through `parse`, `import` and an upload to `serve`, each under a
//   memory ceiling (the peak resident memory of the process, read from /proc);
// - texts in mixed encodings (GBK then Big5, Big5 then GBK): nothing stored as mojibake, no part lost silently;
// - a corpus of hostile files generated from a seed (see hostile-corpus.ts), each parsed for review and imported,
//   in batches, every process under a time and memory ceiling, the library checked after each batch.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { encodeLegacy, pdfInflateBomb } from '../../electron/core/test-support/hostile-files';
import { hostileCorpus, MIXED_SAMPLES } from './hostile-corpus';

type Check = (name: string, problems: string[], detail?: string) => void;

import type { Snapshot } from './run';

export interface HostileContext {
  /** node arguments that start the CLI */
  cli: string[];
  root: string;
  work: string;
  check: Check;
  /** files in the hostile corpus (0: none) */
  corpus: number;
  seed: number;
  snapshot: (dataDir: string) => Snapshot;
  consistencyProblems: (s: Snapshot) => string[];
  log: (line: string) => void;
}

interface Measured {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** peak resident memory of the process in MB (VmHWM; NaN where /proc is not there) */
  peakMb: number;
  ms: number;
}

/** Bounds every process here must stay within (the old build took 2.2 GB on the bomb). */
const MEMORY_CEILING_MB = 900;
const TIME_CEILING_MS = 180_000;

function peakOf(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Runs a node process, reading its peak memory until it ends; killed past the time ceiling. */
function measured(root: string, args: string[], timeoutMs = TIME_CEILING_MS, onStdout?: (all: string) => void): { done: Promise<Measured>; kill: () => void } {
  const started = Date.now();
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, NORMDESK_DATA: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let peak = NaN;
  const poll = setInterval(() => {
    const p = peakOf(child.pid!);
    if (!Number.isNaN(p)) peak = Number.isNaN(peak) ? p : Math.max(peak, p);
  }, 25);
  child.stdout.on('data', (d) => {
    stdout += d;
    onStdout?.(stdout);
  });
  child.stderr.on('data', (d) => (stderr += d));
  const guard = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const done = new Promise<Measured>((resolveDone) =>
    child.on('close', (code, signal) => {
      clearInterval(poll);
      clearTimeout(guard);
      resolveDone({ code, signal, stdout, stderr, peakMb: peak, ms: Date.now() - started });
    }),
  );
  return { done, kill: () => child.kill('SIGTERM') };
}

const run = (ctx: HostileContext, args: string[]) => measured(ctx.root, [...ctx.cli, ...args]).done;

/** What is wrong with how a process went: killed, over a ceiling, a stack trace or an internal error shown. */
function processProblems(p: Measured, what: string): string[] {
  const out: string[] = [];
  if (p.signal) out.push(`${what}被信号 ${p.signal} 结束（超过 ${TIME_CEILING_MS / 1000} 秒？）`);
  if (p.peakMb > MEMORY_CEILING_MB) out.push(`${what}内存峰值 ${Math.round(p.peakMb)} MB，超过 ${MEMORY_CEILING_MB} MB`);
  if (/\bat .*\.(ts|js|mjs):\d+|Error: |程序内部错误|INTERNAL/.test(p.stderr + p.stdout)) out.push(`${what}输出中有堆栈或内部错误：${(p.stderr || p.stdout).slice(0, 300)}`);
  if (/解析超过 \d+ 秒的时限/.test(p.stderr + p.stdout)) out.push(`${what}有文件解析超过时限（应在限度内被拒绝）`);
  return out;
}

const mbOf = (p: Measured) => (Number.isNaN(p.peakMb) ? '内存未测' : `内存峰值 ${Math.round(p.peakMb)} MB`);

function unchanged(before: Snapshot, after: Snapshot): string[] {
  const changed = [...before.docs].filter(([id, h]) => after.docs.get(id) !== h).length;
  return changed ? [`${changed} 件已有文件被改动或丢失`] : [];
}

/** Item 4: the inflate bomb through parse, import and an upload to the server. */
async function bombCases(ctx: HostileContext, data: string): Promise<void> {
  const file = join(ctx.work, '炸弹.pdf');
  writeFileSync(file, pdfInflateBomb(1 << 30));
  const refused = /数据流解压后超过 64 MB 的上限/;
  const parsed = await run(ctx, ['parse', file]);
  ctx.check(
    'PDF 解压炸弹（1 MB → 1 GB）：parse 拒绝且内存有上限',
    [...processProblems(parsed, 'parse '), ...(parsed.code !== 0 && refused.test(parsed.stderr) ? [] : [`退出码 ${parsed.code}：${parsed.stderr.slice(0, 200)}`])],
    `${(parsed.ms / 1000).toFixed(1)} 秒，${mbOf(parsed)}`,
  );
  const before = ctx.snapshot(data);
  const imp = await run(ctx, ['import', file, '--yes', '--data', data]);
  const after = ctx.snapshot(data);
  ctx.check(
    'PDF 解压炸弹：import 拒绝，文件库不变，内存有上限',
    [
      ...processProblems(imp, 'import '),
      ...(imp.code === 1 && refused.test(imp.stderr + imp.stdout) ? [] : [`退出码 ${imp.code}：${(imp.stderr || imp.stdout).slice(0, 200)}`]),
      ...ctx.consistencyProblems(after),
      ...unchanged(before, after),
      ...(after.documents === before.documents ? [] : ['文件数变了']),
    ],
    `${(imp.ms / 1000).toFixed(1)} 秒，${mbOf(imp)}`,
  );
  await serverBomb(ctx, file, refused);
}

async function serverBomb(ctx: HostileContext, file: string, refused: RegExp): Promise<void> {
  const name = 'PDF 解压炸弹：上传到浏览器模式的服务，拒绝且服务内存有上限';
  if (!existsSync(join(ctx.root, 'out', 'renderer', 'index.html'))) {
    ctx.check(name, [], '跳过：界面未构建（npm run build 后运行）');
    return;
  }
  const data = join(ctx.work, 'server-data');
  let url: string | null = null;
  let ready!: () => void;
  const up = new Promise<void>((r) => (ready = r));
  const server = measured(ctx.root, [...ctx.cli, 'serve', '--port', '0', '--data', data], 120_000, (out) => {
    const m = /已启动：(http:\/\/\S+)/.exec(out);
    if (m && !url) {
      url = m[1].endsWith('/') ? m[1] : `${m[1]}/`;
      ready();
    }
  });
  const timeout = new Promise<void>((r) => setTimeout(r, 30_000));
  await Promise.race([up, timeout, server.done.then(() => undefined)]);
  const problems: string[] = [];
  if (!url) problems.push('服务没有启动');
  else {
    const body = JSON.stringify({ files: [{ name: '炸弹.pdf', dataBase64: readFileSync(file).toString('base64') }] });
    type Answer = { ok: boolean; data?: Array<{ error: string | null }>; error?: { message: string } };
    const answer: Answer = await fetch(`${url}api/rpc/import:parse`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      .then((r) => r.json() as Promise<Answer>)
      .catch((e: Error) => ({ ok: false, error: { message: e.message } }));
    const error = answer.ok ? answer.data?.[0]?.error : answer.error?.message;
    if (!error || !refused.test(error)) problems.push(`上传没有被按上限拒绝：${JSON.stringify(answer).slice(0, 200)}`);
    const health = await fetch(`${url}api/health`).then((r) => r.ok, () => false);
    if (!health) problems.push('拒绝之后服务不再应答');
  }
  server.kill();
  const s = await server.done;
  if (s.peakMb > MEMORY_CEILING_MB) problems.push(`服务内存峰值 ${Math.round(s.peakMb)} MB，超过 ${MEMORY_CEILING_MB} MB`);
  ctx.check(name, problems, mbOf(s));
}

/** Item 5: mixed encodings are stored without mojibake and without a part lost silently. */
async function mixedCases(ctx: HostileContext, data: string): Promise<void> {
  const { GB_DOC, GB_DOC2, BIG5_DOC } = MIXED_SAMPLES;
  const known = new Set([...GB_DOC, ...GB_DOC2, ...BIG5_DOC, ' ', '\n', '\r']);
  for (const [name, bytes] of [
    ['先 GBK 后 Big5.txt', Buffer.concat([encodeLegacy(GB_DOC, 'gbk'), encodeLegacy(BIG5_DOC, 'big5')])],
    ['先 Big5 后 GBK.txt', Buffer.concat([encodeLegacy(BIG5_DOC, 'big5'), encodeLegacy(GB_DOC2, 'gbk')])],
  ] as const) {
    const file = join(ctx.work, name);
    writeFileSync(file, bytes);
    const before = ctx.snapshot(data);
    const imp = await run(ctx, ['import', file, '--yes', '--json', '--data', data]);
    const after = ctx.snapshot(data);
    const problems = [...processProblems(imp, 'import '), ...ctx.consistencyProblems(after), ...unchanged(before, after)];
    let result: { files: Array<{ encodingNote: string | null; warnings: Array<{ message: string }> }> } | null = null;
    try {
      result = JSON.parse(imp.stdout);
    } catch {
      problems.push(`输出不是 JSON（退出码 ${imp.code}）：${imp.stderr.slice(0, 200)}`);
    }
    const f = result?.files[0];
    if (f && !/混有不同的编码/.test(f.encodingNote ?? '')) problems.push(`审核中没有说明混合编码：${f.encodingNote ?? '（无提示）'}`);
    // every stored character comes from one of the two texts: nothing decoded in the wrong encoding
    const db = new Database(join(data, 'normdesk.db'), { readonly: true });
    const fresh = (db.prepare('SELECT id, title, body FROM documents').all() as Array<{ id: string; title: string; body: string }>).filter((d) => !before.docs.has(d.id));
    db.close();
    const garbled = fresh.flatMap((d) => [...d.title, ...(JSON.parse(d.body) as string[]).join('')].filter((c) => !known.has(c)));
    if (garbled.length) problems.push(`保存的文字中有乱码：${garbled.slice(0, 20).join('')}`);
    if (!fresh.length) problems.push('一件也没有保存');
    const lost = f?.warnings.filter((w) => /没有识别出公文，不会导入/.test(w.message)).map((w) => w.message) ?? [];
    ctx.check(`混合编码（${name}）：分段读取，没有乱码，未导入的部分有说明`, problems, `保存 ${fresh.length} 件${lost.length ? `；${lost.join('；')}` : ''}`);
  }
}

/** The corpus: each batch parsed for review and then imported, every process bounded, the library checked after. */
async function corpusCases(ctx: HostileContext, data: string): Promise<void> {
  if (ctx.corpus <= 0) return;
  const t0 = Date.now();
  const files = await hostileCorpus(ctx.corpus, ctx.seed);
  const dir = join(ctx.work, 'hostile');
  mkdirSync(dir, { recursive: true });
  const paths = files.map((f) => {
    const full = typeof f.name === 'string' ? join(dir, f.name) : Buffer.concat([Buffer.from(`${dir}/`), f.name]);
    writeFileSync(full, f.bytes);
    // as a shell passes it: a name that is not UTF-8 arrives decoded as UTF-8, with U+FFFD
    return typeof full === 'string' ? full : resolve(full.toString('utf8'));
  });
  ctx.log(`  恶意文件 ${files.length} 个（种子 ${ctx.seed}），生成用时 ${((Date.now() - t0) / 1000).toFixed(1)} 秒`);
  const BATCH = 15;
  let refused = 0;
  let stored = 0;
  let worstMb = 0;
  let slowest = 0;
  for (let at = 0; at < files.length; at += BATCH) {
    const batch = paths.slice(at, at + BATCH);
    const kinds = [...new Set(files.slice(at, at + BATCH).map((f) => f.kind))];
    const before = ctx.snapshot(data);
    const review = await run(ctx, ['import', ...batch, '--json', '--data', data]);
    const imp = await run(ctx, ['import', ...batch, '--yes', '--json', '--data', data]);
    const after = ctx.snapshot(data);
    const problems = [...processProblems(review, '审核（解析）'), ...processProblems(imp, '导入'), ...ctx.consistencyProblems(after), ...unchanged(before, after)];
    if (!after.docs.size && before.docs.size) problems.push('文件库被清空');
    try {
      const out = JSON.parse(imp.stdout) as { files: Array<{ name: string; error: string | null; documents: unknown[] }> };
      if (out.files.length !== batch.length) problems.push(`结果 ${out.files.length} 个文件，应为 ${batch.length} 个`);
      for (const f of out.files) {
        if (f.error && !/[\u4e00-\u9fff]/.test(f.error)) problems.push(`“${f.name}”的提示不是中文：${f.error}`);
        if (f.error) refused++;
      }
      stored += after.documents - before.documents;
    } catch {
      problems.push(`导入输出不是 JSON（退出码 ${imp.code}）：${imp.stderr.slice(0, 300)}`);
    }
    worstMb = Math.max(worstMb, review.peakMb || 0, imp.peakMb || 0);
    slowest = Math.max(slowest, review.ms, imp.ms);
    ctx.check(
      `恶意文件第 ${at + 1}–${Math.min(at + BATCH, files.length)} 个（${kinds.join('、')}）`,
      problems,
      `审核 ${(review.ms / 1000).toFixed(1)} 秒 ${mbOf(review)}，导入 ${(imp.ms / 1000).toFixed(1)} 秒 ${mbOf(imp)}`,
    );
  }
  ctx.log(`  恶意文件合计：${files.length} 个，拒绝 ${refused} 个，新增文件 ${stored} 件，最慢一批 ${(slowest / 1000).toFixed(1)} 秒，内存峰值 ${Math.round(worstMb)} MB`);
}

/** Every hostile-file case; a library of its own under `work`. */
export async function hostileFileCases(ctx: HostileContext): Promise<void> {
  const data = join(ctx.work, 'hostile-data');
  const seed = join(ctx.root, 'resources', 'samples');
  const first = await run(ctx, ['import', join(seed, '004_3ab14222ae9e6d15.txt'), '--yes', '--data', data]);
  ctx.check('恶意文件用的文件库', first.code === 0 && existsSync(join(data, 'normdesk.db')) ? [] : [`退出码 ${first.code}：${first.stderr.slice(0, 200)}`]);
  if (first.code !== 0) return;
  await bombCases(ctx, data);
  await mixedCases(ctx, data);
  await corpusCases(ctx, data);
}

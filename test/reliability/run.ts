// Reliability checks of issue 14 ("nothing a user does or imports can lose the library"), against real processes:
//   npm run test:reliability -- [ROUNDS] [--built]
// Each round kills (SIGKILL) a CLI import and an editing process at a random moment, then checks the library:
// PRAGMA integrity_check, search_map rows = documents rows, no relation pointing to a missing document, every
// stored document's title equal to its newest audit row (an edit and its audit row are stored together), and
// every document stored before the round unchanged (import) or changed only by an audited edit.
// Then the export path cases (data directory refused, existing file refused without --force, a folder as target,
// no .tmp left) and backup/restore after a crash (a stale -wal beside the library).
// Every case checks what the person sees (exit code and message) and that nothing already stored changed.
// `--built` runs `node out/main/cli.js` (after npm run build) instead of the sources through tsx.
// Then the hostile-file cases of issue 26 (hostile.ts): `--corpus N` files (default 300), `--seed S` to repeat a corpus.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { hardeningCasesA } from './hardening-a';
import { hostileFileCases } from './hostile';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLES = join(ROOT, 'resources', 'samples');

export interface CaseResult {
  name: string;
  ok: boolean;
  detail: string;
}

interface Proc {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface ReliabilityOptions {
  rounds: number;
  /** use the built CLI (out/main/cli.js) */
  built?: boolean;
  log?: (line: string) => void;
  /** random source (tests may fix it) */
  random?: () => number;
  /** hostile files to generate, parse and import (issue 26; hostile.ts); 0 for none, default 300 */
  corpus?: number;
  /** seed of the hostile corpus (printed, so a failure can be made again) */
  seed?: number;
}

function cliArgs(built: boolean): string[] {
  return built ? [join(ROOT, 'out', 'main', 'cli.js')] : ['--import', 'tsx', join(ROOT, 'electron', 'cli', 'index.ts')];
}

/** Runs a node process; with `killAfter`, SIGKILLs it that many ms after `readyText` appears on stdout (or after start). */
function run(
  args: string[],
  opts: { killAfter?: number; readyText?: string; timeoutMs?: number; killWhen?: () => boolean } = {},
): Promise<Proc> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, NORMDESK_DATA: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let armed = false;
    const arm = () => {
      if (armed || opts.killAfter === undefined) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), opts.killAfter);
    };
    child.stdout.on('data', (d) => {
      stdout += d;
      if (opts.readyText && stdout.includes(opts.readyText)) arm();
    });
    child.stderr.on('data', (d) => (stderr += d));
    // either a condition polled every 2 ms (e.g. the -wal starts changing), or a fixed delay
    const poll = opts.killWhen
      ? setInterval(() => {
          if (opts.killWhen!()) {
            clearInterval(poll!);
            arm();
          }
        }, 2)
      : null;
    if (!opts.readyText && !opts.killWhen) arm();
    const guard = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('close', (code, signal) => {
      if (poll) clearInterval(poll);
      clearTimeout(guard);
      done({ code, signal, stdout, stderr });
    });
  });
}

export interface Snapshot {
  integrity: string;
  documents: number;
  searchMap: number;
  unmapped: number;
  danglingRelations: number;
  /** documents whose title differs from their newest audited title (or that have no audit row at all) */
  unaudited: string[];
  /** id → hash of title, body and updated_at */
  docs: Map<string, string>;
  relations: number;
  audit: number;
}

/** Reads the library the way a fresh start would (after a crash SQLite recovers from the -wal). */
export function snapshot(dataDir: string): Snapshot {
  const db = new Database(join(dataDir, 'normdesk.db'), { fileMustExist: true });
  try {
    const one = (sql: string) => db.prepare(sql).pluck().get() as number;
    const docs = new Map<string, string>();
    for (const r of db.prepare('SELECT id, title, body, updated_at FROM documents').all() as { id: string; title: string; body: string; updated_at: string }[]) {
      docs.set(r.id, createHash('sha256').update(`${r.title}\0${r.body}\0${r.updated_at}`).digest('hex'));
    }
    const unaudited = db
      .prepare(
        `SELECT d.id FROM documents d LEFT JOIN (
           SELECT entity_id, json_extract(after, '$.title') AS title FROM audit_log WHERE id IN (
             SELECT max(id) FROM audit_log WHERE entity = 'document' AND json_extract(after, '$.title') IS NOT NULL GROUP BY entity_id)
         ) a ON a.entity_id = d.id
         WHERE a.title IS NULL OR a.title <> d.title`,
      )
      .pluck()
      .all() as string[];
    return {
      integrity: String(db.pragma('integrity_check', { simple: true })),
      documents: one('SELECT count(*) FROM documents'),
      searchMap: one('SELECT count(*) FROM search_map'),
      unmapped: one('SELECT count(*) FROM documents WHERE id NOT IN (SELECT doc_id FROM search_map)'),
      danglingRelations: one(
        `SELECT count(*) FROM relations WHERE source_id NOT IN (SELECT id FROM documents)
           OR (target_id IS NOT NULL AND target_id NOT IN (SELECT id FROM documents))`,
      ),
      unaudited,
      docs,
      relations: one('SELECT count(*) FROM relations'),
      audit: one('SELECT count(*) FROM audit_log'),
    };
  } finally {
    db.close();
  }
}

/** What must hold after any crash. */
export function consistencyProblems(s: Snapshot): string[] {
  const p: string[] = [];
  if (s.integrity !== 'ok') p.push(`integrity_check：${s.integrity}`);
  if (s.searchMap !== s.documents || s.unmapped) p.push(`search_map ${s.searchMap} 行，documents ${s.documents} 行，${s.unmapped} 件未编入`);
  if (s.danglingRelations) p.push(`${s.danglingRelations} 条关系指向不存在的文件`);
  if (s.unaudited.length) p.push(`${s.unaudited.length} 件文件与其修改记录不符：${s.unaudited.slice(0, 3).join('，')}`);
  return p;
}

/** Sample gazettes made distinct for round `n` (a re-import of the same file stores nothing, which tests nothing). */
function roundFiles(work: string, n: number): string[] {
  const dir = join(work, `round-${n}`);
  mkdirSync(dir, { recursive: true });
  return readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => {
      const target = join(dir, f);
      writeFileSync(target, readFileSync(join(SAMPLES, f), 'utf8').replaceAll('关于', `关于第${n}轮`));
      return target;
    });
}

function fileHash(file: string): string {
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'missing';
}

function tmpLeft(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.tmp') || n.endsWith('.partial')) : [];
}

/** Runs every case and returns one result per case; never throws for a failed check. */
export async function runReliability(opts: ReliabilityOptions): Promise<CaseResult[]> {
  const log = opts.log ?? (() => {});
  const random = opts.random ?? Math.random;
  const cli = cliArgs(!!opts.built);
  const results: CaseResult[] = [];
  const check = (name: string, problems: string[], detail = '') => {
    const r = { name, ok: problems.length === 0, detail: problems.length ? problems.join('；') : detail };
    results.push(r);
    log(`${r.ok ? '通过' : '失败'}  ${name}${r.detail ? `：${r.detail}` : ''}`);
  };
  const work = mkdtempSync(join(tmpdir(), 'nd-reliability-'));
  const data = join(work, 'data');
  try {
    // a library to start from: the sample gazettes, imported completely
    const seed = await run([...cli, 'import', ...roundFiles(work, 0), '--yes', '--data', data]);
    const seeded = existsSync(join(data, 'normdesk.db')) ? snapshot(data) : null;
    check('初始导入', seed.code === 0 && seeded && seeded.documents > 0 ? [] : [`退出码 ${seed.code}：${seed.stderr.slice(0, 300)}`], `${seeded?.documents ?? 0} 件`);
    if (!seeded || seeded.documents === 0) return results;

    for (let n = 1; n <= opts.rounds; n++) {
      // kill -9 during an import
      const before = snapshot(data);
      const files = roundFiles(work, n);
      // odd rounds: a random moment of the whole run; even rounds: while the import's transaction is being written
      // (the -wal has grown by 64 KB), plus up to 30 ms
      const wal = join(data, 'normdesk.db-wal');
      const walSize = () => statSync(wal, { throwIfNoEntry: false })?.size ?? 0;
      const walBefore = walSize();
      const imp = await run(
        [...cli, 'import', ...files, '--yes', '--data', data],
        n % 2 === 1
          ? { killAfter: 300 + Math.floor(random() * 1700) }
          : { killWhen: () => walSize() > walBefore + 64 * 1024, killAfter: Math.floor(random() * 30) },
      );
      const after = snapshot(data);
      const lost = [...before.docs].filter(([id, h]) => after.docs.get(id) !== h).length;
      check(
        `第 ${n} 轮：导入中途 kill -9`,
        [...consistencyProblems(after), ...(lost ? [`${lost} 件已有文件被改动或丢失`] : [])],
        `${imp.signal === 'SIGKILL' ? '进程被杀' : `进程已结束（${imp.code}）`}，文件 ${before.documents} → ${after.documents}`,
      );

      // kill -9 during edits
      const beforeEdit = snapshot(data);
      const ed = await run(['--import', 'tsx', join(ROOT, 'test', 'reliability', 'edit-worker.ts'), data], {
        readyText: 'ready',
        killAfter: 50 + Math.floor(random() * 450),
      });
      const afterEdit = snapshot(data);
      const problems = consistencyProblems(afterEdit);
      if (ed.signal !== 'SIGKILL') problems.push(`编辑进程未被杀死（退出码 ${ed.code}）：${ed.stderr.slice(0, 300)}`);
      if (afterEdit.documents !== beforeEdit.documents) problems.push(`文件数 ${beforeEdit.documents} → ${afterEdit.documents}（编辑不应增删文件）`);
      const changed = [...beforeEdit.docs].filter(([id, h]) => afterEdit.docs.get(id) !== h).length;
      check(`第 ${n} 轮：编辑中途 kill -9`, problems, `${changed} 件被修改，均有修改记录`);
    }

    // the app starts normally on the library that survived every crash
    const info = await run([...cli, 'info', '--json', '--data', data]);
    const final = snapshot(data);
    let infoCount = -1;
    try {
      infoCount = JSON.parse(info.stdout).documentCount;
    } catch {
      // reported below
    }
    check('崩溃后正常打开', info.code === 0 && infoCount === final.documents ? [] : [`退出码 ${info.code}，${info.stderr.slice(0, 200)}`], `${final.documents} 件`);

    await exportCases(cli, data, work, check);
    await backupRestoreCases(cli, data, work, check);
    await hardeningCasesA({ root: ROOT, cli, data, work, run, check });
    const corpusSeed = opts.seed ?? Math.floor(random() * 1e9);
    await hostileFileCases({ cli, root: ROOT, work, check, corpus: opts.corpus ?? 300, seed: corpusSeed, snapshot, consistencyProblems, log });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return results;
}

type Check = (name: string, problems: string[], detail?: string) => void;

function expectRefusal(p: Proc, code: number, message: RegExp): string[] {
  const problems: string[] = [];
  if (p.code !== code) problems.push(`退出码 ${p.code}，应为 ${code}`);
  if (!message.test(p.stderr)) problems.push(`提示应含 ${message}，实为：${p.stderr.trim().slice(0, 200) || '（无）'}`);
  if (/\bat .*\.(ts|js):\d+|ENOENT|EISDIR|EACCES/.test(p.stderr)) problems.push('提示中有英文错误码或堆栈');
  return problems;
}

async function exportCases(cli: string[], data: string, work: string, check: Check): Promise<void> {
  const id = [...snapshot(data).docs.keys()][0];
  const dbFile = join(data, 'normdesk.db');
  const unchanged = () => snapshot(data);
  const before = unchanged();
  const dbHash = fileHash(dbFile);
  // the refusals only read the library, so they run side by side
  const targets = ['normdesk.db', 'normdesk.db-wal', join('backups', 'x.pdf'), join('search-lunr', 'shard-0.json')];
  const refusals = await Promise.all(
    targets.map((target) => run([...cli, 'export', 'doc', id, '--format', 'pdf', '--out', join(data, target), '--force', '--data', data])),
  );
  const after = unchanged();
  targets.forEach((target, i) => {
    const problems = expectRefusal(refusals[i], 1, /不能写入 NormDesk 的数据目录/);
    if (target === 'normdesk.db' && fileHash(dbFile) !== dbHash && after.docs.size !== before.docs.size) problems.push('数据库被改动');
    if ([...before.docs].some(([k, h]) => after.docs.get(k) !== h)) problems.push('已有文件被改动');
    check(`导出到数据目录（${target}，即使加 --force）被拒绝`, problems);
  });
  const outDir = join(work, 'exports');
  mkdirSync(outDir, { recursive: true });
  const existing = join(outDir, '已有.docx');
  writeFileSync(existing, 'KEEP');
  const keep = await run([...cli, 'export', 'doc', id, '--format', 'docx', '--out', existing, '--data', data]);
  check('不加 --force 不覆盖已有文件', [...expectRefusal(keep, 1, /文件已存在.*--force/), ...(readFileSync(existing, 'utf8') === 'KEEP' ? [] : ['已有文件被覆盖'])]);
  const forced = await run([...cli, 'export', 'doc', id, '--format', 'docx', '--out', existing, '--force', '--data', data]);
  const replaced = readFileSync(existing);
  check('加 --force 覆盖已有文件', forced.code === 0 && replaced.subarray(0, 2).toString() === 'PK' ? [] : [`退出码 ${forced.code}：${forced.stderr.slice(0, 200)}`]);
  const [folder, missing, backupIn] = await Promise.all([
    run([...cli, 'export', 'doc', id, '--format', 'docx', '--out', outDir, '--data', data]),
    run([...cli, 'export', 'doc', id, '--format', 'docx', '--out', join(outDir, '没有', 'a.docx'), '--data', data]),
    run([...cli, 'backup', '--out', join(data, 'normdesk.db'), '--force', '--data', data]),
  ]);
  // a folder as --out: the export goes inside it under its own name (issue 26), nothing else in the folder changes
  const inside = readdirSync(outDir).filter((n) => n.endsWith('.docx') && n !== '已有.docx');
  check('目标是文件夹时写入其中（用导出的文件名）', folder.code === 0 && inside.length === 1 && readFileSync(existing).subarray(0, 2).toString() === 'PK' ? [] : [`退出码 ${folder.code}，文件夹中新文件 ${inside.length} 个：${folder.stderr.slice(0, 200)}`]);
  check('目标文件夹不存在时给出中文提示', expectRefusal(missing, 1, /目标文件夹不存在/));
  check('备份不能写到数据库文件上', [...expectRefusal(backupIn, 1, /不能写入 NormDesk 的数据目录/), ...(fileHash(dbFile) === dbHash || snapshot(data).documents === before.documents ? [] : ['数据库被改动'])]);
  const left = [...tmpLeft(outDir), ...tmpLeft(data), ...tmpLeft(join(data, 'backups'))];
  check('没有遗留 .tmp 文件', left.length ? [`遗留：${left.join('，')}`] : []);
}

async function backupRestoreCases(cli: string[], data: string, work: string, check: Check): Promise<void> {
  const backup = join(work, '备份.db');
  const b = await run([...cli, 'backup', '--out', backup, '--data', data]);
  check('在线备份', b.code === 0 && /已备份/.test(b.stdout) ? [] : [`退出码 ${b.code}：${b.stderr.slice(0, 200)}`]);
  if (b.code !== 0) return;
  const atBackup = snapshot(data);

  // a crash leaves the library's last edits in its -wal
  const ed = await run(['--import', 'tsx', join(ROOT, 'test', 'reliability', 'edit-worker.ts'), data], { readyText: 'ready', killAfter: 300 });
  const wal = join(data, 'normdesk.db-wal');
  const walBytes = existsSync(wal) ? statSync(wal).size : 0;
  const stale = walBytes > 0;

  const bad = join(work, '坏的备份.db');
  writeFileSync(bad, 'not a database '.repeat(500));
  const beforeBad = fileHash(join(data, 'normdesk.db')) + fileHash(wal);
  const refused = await run([...cli, 'restore', '--from', bad, '--data', data]);
  check('损坏的备份不能恢复，文件库不变', [
    ...expectRefusal(refused, 1, /不是 NormDesk 的数据库或已损坏|已损坏/),
    ...(fileHash(join(data, 'normdesk.db')) + fileHash(wal) === beforeBad ? [] : ['文件库被改动']),
  ]);

  const r = await run([...cli, 'restore', '--from', backup, '--data', data]);
  const restored = snapshot(data);
  const problems = consistencyProblems(restored);
  if (r.code !== 0 || !/已从 .* 恢复/.test(r.stdout)) problems.push(`退出码 ${r.code}：${(r.stderr || r.stdout).slice(0, 300)}`);
  if (restored.documents !== atBackup.documents) problems.push(`恢复后 ${restored.documents} 件，备份中 ${atBackup.documents} 件`);
  const differs = [...atBackup.docs].filter(([id, h]) => restored.docs.get(id) !== h).length;
  if (differs) problems.push(`${differs} 件文件与备份不同（旧 -wal 被重放？）`);
  const aside = readdirSync(data).find((n) => n.startsWith('before-restore-'));
  if (!aside || !existsSync(join(data, aside, 'normdesk.db'))) problems.push('原文件库没有另存');
  check(
    `崩溃后恢复备份（${stale ? `遗留 -wal ${walBytes} 字节` : '无遗留 -wal'}，编辑进程${ed.signal === 'SIGKILL' ? '被杀' : '已结束'}）`,
    problems,
    `恢复 ${restored.documents} 件，原文件库在 ${aside}`,
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const rounds = Number(args.find((a, i) => /^\d+$/.test(a) && !/^--/.test(args[i - 1] ?? '')) ?? 20);
  const built = args.includes('--built');
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 && /^\d+$/.test(args[i + 1] ?? '') ? Number(args[i + 1]) : undefined;
  };
  if (built && !existsSync(join(ROOT, 'out', 'main', 'cli.js'))) {
    process.stderr.write('未找到 out/main/cli.js：请先运行 npm run build\n');
    process.exit(1);
  }
  const t0 = Date.now();
  const results = await runReliability({ rounds, built, corpus: option('--corpus'), seed: option('--seed'), log: (l) => process.stdout.write(l + '\n') });
  const failed = results.filter((r) => !r.ok);
  process.stdout.write(`\n${results.length} 项检查，${failed.length} 项失败（${((Date.now() - t0) / 1000).toFixed(1)} 秒）\n`);
  process.exitCode = failed.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) void main();

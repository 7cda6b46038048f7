// Hardening scenarios of issue 26, part A (accounts, audit, live library, killed backup), for test/reliability/run.ts.
// Each runs real processes — browser mode (serve-worker.ts) and the CLI — and fails on a build without the fix:
// - a burst of 100 parallel logins for one account from one address checks no more passwords than the throttle allows;
// - a user name typed at the login page with line breaks, tabs, ESC and a direction override never prints as an
//   audit line of its own in `normdesk audit`;
// - `restore --from` while browser mode has the library open is refused, naming the process, and changes nothing;
// - a backup killed (kill -9) while writing its temporary copy leaves nothing behind once NormDesk starts again.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

interface Proc {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

type Run = (args: string[], opts?: { killAfter?: number; killWhen?: () => boolean; timeoutMs?: number }) => Promise<Proc>;
type Check = (name: string, problems: string[], detail?: string) => void;

export interface HardeningContext {
  root: string;
  /** how to run the CLI: [script] for the built one, or tsx and the sources */
  cli: string[];
  /** the library the runner built (sample gazettes, survived the crash rounds) */
  data: string;
  work: string;
  run: Run;
  check: Check;
}

const ADMIN = 'wang';
const PASSWORD = 'reliability-admin-pw-2026';

/** Browser mode in its own process over `dataDir`; resolves once it listens. */
function startServer(root: string, dataDir: string, admin?: [string, string]): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test', 'reliability', 'serve-worker.ts'), dataDir, ...(admin ?? [])], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`服务未启动：${err.slice(0, 300)}`)), 60_000);
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      out += d;
      const m = /ready (\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      const stop = () =>
        new Promise<void>((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
        });
      resolve({ url: m[1], child, stop });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`服务进程退出（${code}）：${err.slice(0, 300)}`));
    });
  });
}

async function login(url: string, user: string, password: string): Promise<number> {
  const res = await fetch(new URL('api/session', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user, password }) });
  await res.arrayBuffer();
  return res.status;
}

/** A typed user name built to print as an audit line of its own (and to clear the screen, and reverse text). */
const FORGED = `x\n2026-12-07T08:00:00.000Z\t${ADMIN}\tuser.create\tuser:mallory\u001b[2J\u202e`;
const UNSAFE = ['\u001b', '\u202e', '\u0007'];

async function loginCases(ctx: HardeningContext): Promise<void> {
  const dir = join(ctx.work, 'hardening-login');
  const server = await startServer(ctx.root, dir, [ADMIN, PASSWORD]);
  try {
    // the forged name first: the burst below locks this address for a while
    const forgedStatus = await login(server.url, FORGED, 'some wrong guess');
    const text = await ctx.run([...ctx.cli, 'audit', '--data', dir]);
    const rows = await ctx.run([...ctx.cli, 'audit', '--json', '--data', dir]);
    const problems: string[] = [];
    let count = -1;
    try {
      count = (JSON.parse(rows.stdout) as unknown[]).length;
    } catch {
      problems.push(`audit --json 无法解析：${rows.stderr.slice(0, 200)}`);
    }
    const lines = text.stdout.trimEnd().split('\n');
    if (forgedStatus !== 401) problems.push(`伪造用户名的登录应得 401，实为 ${forgedStatus}`);
    if (text.code !== 0) problems.push(`audit 退出码 ${text.code}：${text.stderr.slice(0, 200)}`);
    if (count >= 0 && lines.length !== count + 1) problems.push(`audit 打印了 ${lines.length - 1} 行记录，日志中只有 ${count} 条（用户名中的换行被当作新的一行）`);
    const bad = lines.filter((l) => l.split('\t').length !== 4 && !/^共 \d+ 条$/.test(l));
    if (bad.length) problems.push(`有 ${bad.length} 行不是 4 列：${JSON.stringify(bad[0]).slice(0, 120)}`);
    if (UNSAFE.some((c) => text.stdout.includes(c))) problems.push('输出中有终端控制字符或方向覆盖字符');
    ctx.check('登录页输入的用户名不能在 normdesk audit 中伪造一行审计记录', problems, `${count} 条记录，${lines.length - 1} 行`);

    const tries = Array.from({ length: 100 }, (_, i) => (i === 99 ? PASSWORD : `wrong guess ${i}`));
    const statuses = await Promise.all(tries.map((p) => login(server.url, ADMIN, p)));
    const checked = statuses.filter((s) => s === 401 || s === 200).length;
    const limited = statuses.filter((s) => s === 429).length;
    ctx.check(
      '同一账户、同一地址并发 100 次登录：核对密码不超过 5 次',
      checked <= 5 ? [] : [`核对了 ${checked} 次密码（其中 ${statuses.filter((s) => s === 200).length} 次登录成功），限流形同虚设`],
      `核对 ${checked} 次，${limited} 次被限流`,
    );
  } finally {
    await server.stop();
  }
}

async function restoreUnderServer(ctx: HardeningContext): Promise<void> {
  const backup = join(ctx.work, 'hardening-backup.db');
  const b = await ctx.run([...ctx.cli, 'backup', '--out', backup, '--data', ctx.data]);
  if (b.code !== 0) {
    ctx.check('服务运行时恢复备份被拒绝', [`备份失败（${b.code}）：${b.stderr.slice(0, 200)}`]);
    return;
  }
  const asides = () => readdirSync(ctx.data).filter((n) => n.startsWith('before-restore-')).length;
  const before = asides();
  const server = await startServer(ctx.root, ctx.data);
  try {
    const r = await ctx.run([...ctx.cli, 'restore', '--from', backup, '--data', ctx.data]);
    const problems: string[] = [];
    if (r.code === 0) problems.push('恢复没有被拒绝：服务此后确认的修改会写进被移走的旧文件库');
    else if (r.code !== 1) problems.push(`退出码 ${r.code}，应为 1：${r.stderr.slice(0, 200)}`);
    if (r.code !== 0 && !new RegExp(`浏览器模式.*进程 ${server.child.pid}`).test(r.stderr)) problems.push(`提示应指明正在使用文件库的进程（${server.child.pid}），实为：${r.stderr.trim().slice(0, 200)}`);
    if (asides() !== before) problems.push('文件库被移走了');
    const health = await fetch(new URL('api/health', server.url)).then((res) => res.status).catch(() => 0);
    if (health !== 200) problems.push(`服务不再应答（${health}）`);
    ctx.check('浏览器模式运行时 restore --from 被拒绝，并指明进程', problems);
  } finally {
    await server.stop();
  }
}

async function killedBackup(ctx: HardeningContext): Promise<void> {
  const dir = join(ctx.work, 'hardening-killed-backup');
  mkdirSync(dir, { recursive: true });
  const temps = () => (existsSync(dir) ? readdirSync(dir).filter((n) => n.includes('.tmp')) : []);
  let caught = 0;
  for (let attempt = 1; attempt <= 10 && !caught; attempt++) {
    const p = await ctx.run([...ctx.cli, 'backup', '--out', join(dir, `b${attempt}.db`), '--data', ctx.data], { killWhen: () => temps().length > 0, killAfter: 0 });
    if (p.signal === 'SIGKILL' && temps().length) caught = attempt;
  }
  if (!caught) {
    ctx.check('备份中途被杀留下的临时文件在下次启动时清除', ['10 次都未能在备份写入临时文件时杀死进程（无法检验）']);
    return;
  }
  const left = temps();
  const next = await ctx.run([...ctx.cli, 'info', '--json', '--data', ctx.data]);
  const after = temps();
  const problems = after.length ? [`下次启动后仍留有：${after.join('，')}（其中有文件库和密码散列的副本）`] : [];
  if (next.code !== 0) problems.push(`下次启动失败（${next.code}）：${next.stderr.slice(0, 200)}`);
  ctx.check('备份中途被杀（kill -9）留下的临时文件在下次启动时清除', problems, `第 ${caught} 次在写入时被杀，留下 ${left.length} 个临时文件，启动后 ${after.length} 个`);
}

/** The four scenarios, one after the other (each reports through `check`, never throws for a failed check). */
export async function hardeningCasesA(ctx: HardeningContext): Promise<void> {
  for (const scenario of [loginCases, restoreUnderServer, killedBackup]) {
    try {
      await scenario(ctx);
    } catch (err) {
      ctx.check(`加固场景 ${scenario.name}`, [`未能运行：${err instanceof Error ? err.message : String(err)}`]);
    }
  }
}

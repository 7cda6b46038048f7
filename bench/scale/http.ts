/**
 * The built server and CLI as users run them (`npm run build` first): a server started on a free loopback port,
 * calls over HTTP the way the UI makes them (JSON POST to /api/rpc/<channel>, with a session cookie and CSRF token
 * once the library has accounts), and the server's memory read from /proc.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'out', 'main', 'cli.js');

/** Builds the app when it has not been built (or when asked). */
export function ensureBuilt(force = false): void {
  if (!force && existsSync(CLI) && existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) return;
  process.stderr.write('正在构建（npm run build）…\n');
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('npm run build 失败');
}

export interface Server {
  url: string;
  child: ChildProcess;
  /** spawn to "listening" line */
  listenMs: number;
  t0: number;
  /** what the server wrote to stderr (its error log) */
  stderr(): string;
  stop(): Promise<void>;
}

export async function startServer(dir: string): Promise<Server> {
  const t0 = performance.now();
  // BENCH_SERVER_NODE_ARGS: e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see where the server's time goes
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, CLI, 'serve', '--port', '0', '--data', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(https?:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`服务器退出（${code}）：${err}`)));
  });
  const listenMs = performance.now() - t0;
  // never leave a server behind when the bench stops early
  process.once('exit', () => child.kill('SIGTERM'));
  return {
    url,
    child,
    listenMs,
    t0,
    stderr: () => err,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Resident and peak resident memory of a process, in MB. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/**
 * CPU time (user + system) the main thread of a process has used so far, in ms — the thread that answers requests,
 * not its workers (integrity check, exports). Clock ticks of 10 ms: compare sums over many calls.
 */
export function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export interface Session {
  cookie: string | null;
  csrf: string | null;
}
export const NO_SESSION: Session = { cookie: null, csrf: null };

export interface Answer<T = unknown> {
  status: number;
  ok: boolean;
  data: T;
  error?: { code: string; message: string };
  ms: number;
}

/** Requests asked again after the connection was reset (reported by the benches). */
export let transportRetries = 0;

export async function rpc<T = unknown>(url: string, channel: string, body: unknown, s: Session = NO_SESSION): Promise<Answer<T>> {
  const t = performance.now();
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (s.cookie) headers.cookie = s.cookie;
  if (s.csrf) headers['x-csrf-token'] = s.csrf;
  let res: Response;
  try {
    res = await fetch(`${url}/api/rpc/${channel}`, { method: 'POST', headers, body: JSON.stringify(body) });
  } catch {
    // a keep-alive connection the server closed just as it was reused: asked again once on a new one, and counted
    transportRetries++;
    res = await fetch(`${url}/api/rpc/${channel}`, { method: 'POST', headers: { ...headers, connection: 'close' }, body: JSON.stringify(body) });
  }
  const json = (await res.json()) as { ok: boolean; data: T; error?: { code: string; message: string } };
  return { status: res.status, ok: json.ok, data: json.data, error: json.error, ms: performance.now() - t };
}

/** Logs in; retries while the login throttle asks to wait. */
export async function login(url: string, user: string, password: string): Promise<Session> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const res = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user, password }) });
    const json = (await res.json()) as { ok: boolean; data?: { csrfToken: string }; error?: { message: string } };
    if (res.ok && json.ok) return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], csrf: json.data!.csrfToken };
    if (res.status !== 429) throw new Error(`登录失败（${user}）：${json.error?.message}`);
    await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get('retry-after') ?? 1)));
  }
  throw new Error(`登录一直被限速（${user}）`);
}

/** Accounts the load bench created in this library (so every bench logs in once a library has accounts). */
export function benchAccounts(dir: string): Array<{ name: string; role: string; password: string }> {
  const f = join(dir, 'bench-accounts.json');
  return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as Array<{ name: string; role: string; password: string }>) : [];
}

export const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
export const machine = () => `负载（1/5/15 分钟平均）${loadavg().map((l) => l.toFixed(1)).join(' / ')}`;

export const table = (head: string[], body: string[][]) => {
  const w = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)) + 2);
  return [head, ...body].map((r) => r.map((c, i) => (c ?? '').padEnd(w[i])).join('')).join('\n');
};

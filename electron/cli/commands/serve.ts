import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findAppRoot } from '../../core/kernel/paths';
import { startHttpServer } from '../../server/http-server';
import { isLoopback, refusalToServe } from '../../server/sessions';
import type { CliCommand } from '../command';
import { UsageError } from '../command';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: '以浏览器模式启动（默认仅本机；有管理员账户时可用 --host 在内网提供服务）',
  usage: 'normdesk serve [--port N] [--host 127.0.0.1|ADDRESS] [--cert CERT.pem --key KEY.pem] [--data DIR]',
  options: { port: { type: 'string' }, host: { type: 'string' }, cert: { type: 'string' }, key: { type: 'string' } },
  async run(ctx) {
    const raw = ctx.values.port === undefined ? '5610' : String(ctx.values.port);
    const port = /^\d{1,5}$/.test(raw.trim()) ? Number(raw) : NaN;
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`端口号无效：${raw}（应为 0–65535 之间的整数，0 表示自动选择）`);
    const staticDir = join(findAppRoot(), 'out', 'renderer');
    const host = typeof ctx.values.host === 'string' ? ctx.values.host : '127.0.0.1';
    const tls = readTls(ctx.values.cert, ctx.values.key);
    const app = ctx.openApp('browser');
    let running;
    let statusesLoaded: Promise<void> | null = null;
    try {
      // what the options ask for is checked before what the installation lacks (the built renderer)
      const refusal = refusalToServe(app, host);
      if (refusal) throw new UsageError(refusal);
      if (!existsSync(join(staticDir, 'index.html'))) throw new UsageError('界面尚未构建：请先运行 npm run build（或使用 npm run serve）');
      // Today's statuses need every document's inputs and relations: read in a worker thread on a connection of its
      // own, started before listening, while this thread listens and loads the search columns (issue 25).
      statusesLoaded = app.services.statuses.loadAllOffThread();
      running = await startHttpServer({ app, staticDir, host, port, tls });
    } catch (err) {
      await app.close();
      if (err instanceof UsageError) throw err;
      const code = String((err as NodeJS.ErrnoException).code ?? '');
      if (code === 'EADDRINUSE') throw new UsageError(`端口 ${port} 已被占用，请用 --port 指定其他端口`);
      if (code === 'EADDRNOTAVAIL') throw new UsageError(`本机没有地址 ${host}，请检查 --host`);
      if (code.startsWith('ERR_OSSL')) throw new UsageError('证书或私钥无效（须为 PEM 格式且相互匹配）：请检查 --cert 和 --key');
      if (code === 'EACCES') throw new UsageError(`没有权限使用端口 ${port}，请用 --port 指定 1024 以上的端口`);
      throw err;
    }
    ctx.out(`NormDesk 浏览器模式已启动：${running.url}`);
    // While nobody has asked yet, load what the first search needs — the search columns and today's statuses of
    // every document — one step at a time, so a request that arrives meanwhile is answered between the steps
    // (issue 25); the library page's rows in their default order (≈ 0.7 s at 100,000 documents) come after a pause,
    // so they do not hold up the first search.
    warmUp([
      () => app.services.search.prime(),
      () => statusesLoaded,
      () => void app.call('documents:list', { limit: 1 }).catch(() => undefined),
    ], [0, 0, 1_500]);
    if (!isLoopback(host)) {
      ctx.out('内网模式：每个请求都需要登录（账户用 normdesk user 管理）。');
      if (!tls) ctx.err('警告：正在以明文 HTTP 在内网提供服务，密码和会话可能被同一网络中的人截获。请用 --cert 和 --key 提供本单位的证书以启用 HTTPS。');
    }
    ctx.out(`数据目录：${app.ctx.dataDir}`);
    ctx.out('按 Ctrl+C 停止。');
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await running.close();
    await app.close();
  },
};

/** The office's certificate and key (PEM files), both or neither. */
function readTls(cert: unknown, key: unknown): { cert: Buffer; key: Buffer } | undefined {
  if (cert === undefined && key === undefined) return undefined;
  if (typeof cert !== 'string' || typeof key !== 'string') throw new UsageError('--cert 和 --key 须同时提供（PEM 格式的证书和私钥文件）');
  const read = (file: string, what: string) => {
    try {
      return readFileSync(file);
    } catch {
      throw new UsageError(`无法读取${what}文件：${file}`);
    }
  };
  return { cert: read(cert, '证书（--cert）'), key: read(key, '私钥（--key）') };
}

/**
 * Runs each step after its delay from the end of the previous one (a step may return a promise), on timers that do
 * not keep the process alive; a failing step is skipped.
 */
function warmUp(steps: Array<() => unknown>, delays: number[], i = 0): void {
  if (i >= steps.length) return;
  setTimeout(() => {
    // a warm-up only saves the first person a wait: whatever failed is done again when asked
    void Promise.resolve()
      .then(steps[i])
      .catch(() => undefined)
      .then(() => warmUp(steps, delays, i + 1));
  }, delays[i]).unref();
}

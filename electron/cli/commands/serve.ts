import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findAppRoot } from '../../core/kernel/paths';
import { startHttpServer } from '../../server/http-server';
import type { CliCommand } from '../command';
import { UsageError } from '../command';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: '以浏览器模式启动（仅本机 127.0.0.1）',
  usage: 'normdesk serve [--port N] [--host 127.0.0.1] [--data DIR]',
  options: { port: { type: 'string' }, host: { type: 'string' } },
  async run(ctx) {
    const raw = ctx.values.port === undefined ? '5610' : String(ctx.values.port);
    const port = /^\d{1,5}$/.test(raw.trim()) ? Number(raw) : NaN;
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`端口号无效：${raw}（应为 0–65535 之间的整数，0 表示自动选择）`);
    const staticDir = join(findAppRoot(), 'out', 'renderer');
    if (!existsSync(join(staticDir, 'index.html'))) {
      throw new UsageError('界面尚未构建：请先运行 npm run build（或使用 npm run serve）');
    }
    const host = typeof ctx.values.host === 'string' ? ctx.values.host : '127.0.0.1';
    const app = ctx.openApp('browser');
    let running;
    try {
      running = await startHttpServer({ app, staticDir, host, port });
    } catch (err) {
      await app.close();
      if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`端口 ${port} 已被占用，请用 --port 指定其他端口`);
      if ((err as NodeJS.ErrnoException).code === 'EACCES') throw new UsageError(`没有权限使用端口 ${port}，请用 --port 指定 1024 以上的端口`);
      throw err;
    }
    ctx.out(`NormDesk 浏览器模式已启动：${running.url}`);
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

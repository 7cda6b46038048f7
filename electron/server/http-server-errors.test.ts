import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../../shared/contract';
import { createApp, type App } from '../core/composition';
import { createDispatch } from '../core/kernel/dispatch';
import { startHttpServer, type RunningServer } from './http-server';

// Issue 14: bad requests get 400/403 with a Chinese message (never 500), stalled connections are closed.

let app: App;
let server: RunningServer;
const logged: string[] = [];

beforeAll(async () => {
  const staticDir = mkdtempSync(join(tmpdir(), 'nd-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>NormDesk</title>');
  app = createApp({ dataDir: ':memory:', shell: 'browser', log: { info: () => {}, error: (m) => void logged.push(m) } });
  server = await startHttpServer({ app, staticDir, port: 0, timeouts: { headersMs: 400, requestMs: 800, checkEveryMs: 100 } });
});
afterAll(async () => {
  await server.close();
  await app.close();
});

/** Sends raw bytes and returns what came back and whether the server closed the connection. */
function raw(text: string, waitMs = 3_000): Promise<{ data: string; closed: boolean }> {
  const { port } = new URL(server.url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let data = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ data, closed: false });
    }, waitMs);
    socket.on('data', (d) => (data += d.toString('utf8')));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ data, closed: true });
    });
    socket.on('error', () => {});
    socket.write(text);
  });
}

describe('browser-mode server: error answers', () => {
  it('answers broken percent-escapes with 400 and a Chinese message, for pages and the API', async () => {
    for (const path of ['/%', '/%zz/index.html', '/api/rpc/app%3', '/assets/%E4%B8']) {
      const res = await fetch(`${server.url.replace(/\/$/, '')}${path}`, path.startsWith('/api') ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' } : {});
      expect(res.status, path).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('INVALID_INPUT');
      expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('refuses a malformed Origin header with 403, not 500', async () => {
    for (const origin of ['http://[::1', 'not a url', 'http://%zz']) {
      const res = await fetch(`${server.url}api/rpc/app:info`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: '{}' });
      expect(res.status, origin).toBe(403);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain('拒绝');
    }
    const ok = await fetch(`${server.url}api/rpc/app:info`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url.slice(0, -1) }, body: '{}' });
    expect(ok.status).toBe(200);
  });

  it('closes a connection whose headers never finish (slowloris)', async () => {
    const t0 = Date.now();
    const { data, closed } = await raw('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    expect(closed).toBe(true);
    expect(Date.now() - t0).toBeLessThan(2_500);
    expect(data === '' || data.startsWith('HTTP/1.1 408')).toBe(true);
  });

  it('closes a connection whose body never arrives', async () => {
    const { closed } = await raw('POST /api/rpc/app:info HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
    expect(closed).toBe(true);
  });

  it('reports a damaged database in one Chinese line over HTTP, logged without a stack', async () => {
    const lines: string[] = [];
    const log = { info: () => {}, error: (m: string, e?: unknown) => void lines.push(`${m}${e ? ' STACK' : ''}`) };
    const corrupt = Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
    const dispatch = createDispatch({ 'documents:list': async () => { throw corrupt; } } as unknown as Handlers, log);
    const fake = { ctx: { ...app.ctx, log }, caller: app.caller, services: app.services, dispatch } as unknown as App;
    const staticDir = mkdtempSync(join(tmpdir(), 'nd-static-'));
    const other = await startHttpServer({ app: fake, staticDir, port: 0 });
    try {
      const res = await fetch(`${other.url}api/rpc/documents:list`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(res.status).toBe(500);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.message).toContain('数据库文件已损坏');
      expect(body.error.message).toContain('从备份恢复');
      expect(body.error.message).not.toContain('malformed');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('数据库文件已损坏');
      expect(lines[0]).not.toContain('STACK');
    } finally {
      await other.close();
    }
  });
});

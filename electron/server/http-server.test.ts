import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES } from '../../shared/contract';
import { createApp, type App } from '../core/composition';
import { startHttpServer, type RunningServer } from './http-server';

let app: App;
let server: RunningServer;

beforeAll(async () => {
  const staticDir = mkdtempSync(join(tmpdir(), 'nd-static-'));
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>NormDesk</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  app = createApp({ dataDir: ':memory:', shell: 'browser', log: { info: () => {}, error: () => {} } });
  server = await startHttpServer({ app, staticDir, port: 0 });
});
afterAll(async () => {
  await server.close();
  await app.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies are checked field by field below
const json = (res: Response): Promise<any> => res.json();

function rpc(channel: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${server.url}api/rpc/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

describe('browser-mode server', () => {
  it('answers the health check with version and schema version', async () => {
    const res = await fetch(`${server.url}api/health`);
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ ok: true, version: expect.any(String), schemaVersion: expect.any(Number) });
  });

  it('serves the same contract over POST /api/rpc/<channel>', async () => {
    const res = await rpc('app:info', '{}');
    const body = await json(res);
    expect(res.status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.data.shell).toBe('browser');
  });

  it('answers invalid calls with INVALID_INPUT', async () => {
    for (const [channel, body] of [
      ['nope:nothing', '{}'],
      ['settings:update', '{"expiryWindowMonths":"x"}'],
      ['settings:get', '{not json'],
    ]) {
      const res = await rpc(channel, body);
      expect(res.status).toBe(400);
      expect((await json(res)).error.code).toBe('INVALID_INPUT');
    }
  });

  it('refuses a body over the transport limit before it reaches a handler', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(MAX_REQUEST_BYTES + 1) });
    const res = await rpc('search:suggest', big);
    expect(res.status).toBe(413);
    expect((await json(res)).error.code).toBe('TOO_LARGE');
  });

  it('refuses calls that are not JSON or come from another site', async () => {
    const plain = await fetch(`${server.url}api/rpc/app:info`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(plain.status).toBe(415);
    const foreign = await rpc('app:info', '{}', { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}api/health`, { headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('serves the renderer with a strict Content-Security-Policy and never outside its folder', async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('NormDesk');
    const asset = await fetch(`${server.url}assets/app.js`);
    expect(asset.headers.get('content-type')).toContain('javascript');
    const escape = await fetch(`${server.url}..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).not.toContain('root:');
  });

  it('refuses to bind a non-loopback address while the library has no administrator, and says why', async () => {
    await expect(startHttpServer({ app, staticDir: '/tmp', host: '0.0.0.0', port: 0 })).rejects.toThrow(/至少有一位管理员/);
  });
});

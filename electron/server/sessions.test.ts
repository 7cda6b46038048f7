import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../core/composition';
import { BY } from '../core/test-support/fixtures';
import { startHttpServer, type RunningServer } from './http-server';

const staticDir = mkdtempSync(join(tmpdir(), 'nd-static-'));
mkdirSync(join(staticDir, 'assets'));
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>NormDesk</title>');

let t = new Date('2026-11-22T09:00:00').getTime();
const MIN = 60_000;
const quiet = { info: () => {}, error: () => {} };

async function libraryWithAccounts(): Promise<App> {
  const app = createApp({ dataDir: ':memory:', shell: 'browser', log: quiet, now: () => new Date(t) });
  await app.services.accounts.add(BY, { name: 'wang', displayName: '王科长', role: 'admin', password: 'admin password' });
  await app.services.accounts.add(BY, { name: 'li', displayName: '李编辑', role: 'editor', password: 'editor password' });
  return app;
}

let app: App;
let server: RunningServer;
beforeAll(async () => {
  app = await libraryWithAccounts();
  server = await startHttpServer({ app, staticDir, port: 0 });
});
afterAll(async () => {
  await server.close();
  await app.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies are checked field by field
const json = (res: Response): Promise<any> => res.json();

function post(path: string, body: unknown, headers: Record<string, string> = {}, method = 'POST') {
  return fetch(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

async function login(user: string, password: string) {
  const res = await post('api/session', { user, password });
  const body = await json(res);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return { res, body, cookie, csrf: body.data?.csrfToken as string, headers: { cookie, 'x-csrf-token': body.data?.csrfToken as string } };
}

describe('browser mode with accounts (on loopback too)', () => {
  it('refuses every call without a session with 401 UNAUTHORIZED', async () => {
    const res = await post('api/rpc/app:info', {});
    expect(res.status).toBe(401);
    expect(await json(res)).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: expect.stringContaining('请先登录') } });
    expect((await fetch(`${server.url}api/session`)).status).toBe(401);
    // the page itself (with its login form) is served
    expect((await fetch(server.url)).status).toBe(200);
  });

  it('logs in with an HttpOnly, SameSite=Strict cookie and answers user, role and the CSRF token', async () => {
    const bad = await post('api/session', { user: 'li', password: 'wrong password' });
    expect(bad.status).toBe(401);
    expect((await json(bad)).error).toEqual({ code: 'UNAUTHORIZED', message: '用户名或密码不正确' });
    expect(bad.headers.get('set-cookie')).toBeNull();

    const { res, body } = await login('li', 'editor password');
    expect(res.status).toBe(200);
    expect(body).toEqual({ ok: true, data: { user: 'li', displayName: '李编辑', role: 'editor', access: ['read', 'edit'], csrfToken: expect.any(String), accounts: true } });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^nd_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Secure'); // plain HTTP on loopback
  });

  it('needs the CSRF header on every call, acts as the logged-in user, and refuses what the role lacks with 403', async () => {
    const s = await login('li', 'editor password');
    const noToken = await post('api/rpc/app:info', {}, { cookie: s.cookie });
    expect(noToken.status).toBe(403);
    expect((await json(noToken)).error.message).toContain('CSRF');
    const wrongToken = await post('api/rpc/app:info', {}, { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(43) });
    expect(wrongToken.status).toBe(403);

    const info = await post('api/rpc/session:info', {}, s.headers);
    expect(info.status).toBe(200);
    expect((await json(info)).data).toMatchObject({ user: 'li', role: 'editor', accounts: true });
    const users = await post('api/rpc/users:list', {}, s.headers);
    expect(users.status).toBe(403);
    expect((await json(users)).error).toEqual({ code: 'FORBIDDEN', message: '当前用户（li）没有“管理”权限，不能执行此操作。' });
    // a reloaded page gets its token back from GET /api/session
    const again = await json(await fetch(`${server.url}api/session`, { headers: { cookie: s.cookie } }));
    expect(again.data.csrfToken).toBe(s.csrf);
    // the audit log names the account for what it does
    const admin = await login('wang', 'admin password');
    const audit = await json(await post('api/rpc/audit:list', { user: 'li' }, admin.headers));
    expect(audit.data.map((r: { action: string }) => r.action)).toContain('session.login');
  });

  it('refuses other sites: a foreign Origin gets 403 even with a valid session', async () => {
    const s = await login('wang', 'admin password');
    const res = await post('api/rpc/app:info', {}, { ...s.headers, origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    const loginFromElsewhere = await post('api/session', { user: 'wang', password: 'admin password' }, { origin: 'http://evil.example' });
    expect(loginFromElsewhere.status).toBe(403);
  });

  it('logs out: the cookie is cleared and the session no longer works', async () => {
    const s = await login('wang', 'admin password');
    const withoutToken = await post('api/session', {}, { cookie: s.cookie }, 'DELETE');
    expect(withoutToken.status).toBe(403);
    const out = await post('api/session', {}, s.headers, 'DELETE');
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^nd_session=; .*Max-Age=0/);
    expect((await post('api/rpc/app:info', {}, s.headers)).status).toBe(401);
  });

  it('ends an idle session after 30 minutes', async () => {
    const s = await login('li', 'editor password');
    t += 29 * MIN;
    expect((await post('api/rpc/app:info', {}, s.headers)).status).toBe(200);
    t += 31 * MIN;
    const expired = await post('api/rpc/app:info', {}, s.headers);
    expect(expired.status).toBe(401);
  });

  it('answers 429 with the wait in Chinese after five failed logins, and Retry-After', async () => {
    for (let i = 0; i < 5; i++) expect((await post('api/session', { user: 'wang', password: `guess ${i}` })).status).toBe(401);
    const res = await post('api/session', { user: 'wang', password: 'admin password' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('300');
    expect((await json(res)).error).toEqual({ code: 'RATE_LIMITED', message: '登录失败次数过多，请 5 分钟后再试' });
    t += 6 * MIN;
    expect((await post('api/session', { user: 'wang', password: 'admin password' })).status).toBe(200);
  });

  it('refuses a login without user name or password, naming the fields', async () => {
    const res = await post('api/session', { user: 'wang' });
    expect(res.status).toBe(400);
    expect((await json(res)).error.message).toBe('请填写用户名（user）和密码（password）');
  });
});

describe('serving beyond loopback', () => {
  it('is refused while the library has no administrator', async () => {
    const empty = createApp({ dataDir: ':memory:', shell: 'browser', log: quiet });
    await expect(startHttpServer({ app: empty, staticDir, host: '0.0.0.0', port: 0 })).rejects.toThrow(/至少有一位管理员.*user add/);
    await empty.close();
  });

  it('serves HTTPS with the office certificate, and the cookie is Secure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=normdesk.test'], { stdio: 'ignore' });
    const office = await libraryWithAccounts();
    const tls = { cert: readFileSync(join(dir, 'cert.pem')), key: readFileSync(join(dir, 'key.pem')) };
    const running = await startHttpServer({ app: office, staticDir, host: '0.0.0.0', port: 0, tls });
    expect(running.url).toMatch(/^https:\/\/0\.0\.0\.0:\d+\/$/);
    const port = new URL(running.url).port;
    const call = (path: string, method: string, body: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
        const req = httpsRequest({ host: '127.0.0.1', port, path, method, rejectUnauthorized: false, headers: { 'content-type': 'application/json', host: `normdesk.test:${port}`, ...headers } }, (res) => {
          let data = '';
          res.on('data', (d) => (data += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
        });
        req.on('error', reject);
        req.end(body);
      });
    expect((await call('/api/rpc/app:info', 'POST', '{}')).status).toBe(401);
    const ok = await call('/api/session', 'POST', JSON.stringify({ user: 'wang', password: 'admin password' }));
    expect(ok.status).toBe(200);
    const cookie = (ok.headers['set-cookie'] as string[])[0];
    expect(cookie).toContain('Secure');
    const info = await call('/api/rpc/app:info', 'POST', '{}', { cookie: cookie.split(';')[0], 'x-csrf-token': JSON.parse(ok.body).data.csrfToken });
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body).data.user).toBe('wang');
    await running.close();
    await office.close();
  });
});

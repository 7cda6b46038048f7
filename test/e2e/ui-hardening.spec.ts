import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newPage, ROOT, screenshot, startBrowserMode, type BrowserModeApp } from './harness';

// Issue 26 in the browser: a user name typed at the login page shows in the audit view as what it is (its line
// breaks and direction override visible, not obeyed), and a library without accounts does not offer to create the
// first administrator over HTTP (only the CLI on the server machine may).
let browser: Browser;
const apps: BrowserModeApp[] = [];
const errors: string[] = [];
const FORGED = 'x\n2026-12-07 08:00\twang\t创建用户\u202emallory';

function cli(args: string[], input = ''): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'out', 'main', 'cli.js'), ...args], { cwd: ROOT, input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`normdesk ${args.join(' ')} 失败（${r.status}）：${r.stderr}`);
  return r.stdout;
}

async function page(): Promise<Page> {
  const p = await newPage(browser);
  p.on('pageerror', (e) => errors.push(e.message));
  return p;
}

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const a of apps) await a.stop();
});

describe('UI hardening (issue 26)', () => {
  it('shows a forged user name in the audit view as one cell with its control characters visible', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'nd-e2e-hardening-'));
    cli(['user', 'add', 'wang', '--role', 'admin', '--display-name', '王科长', '--data', dataDir], 'admin password 1\nadmin password 1\n');
    const app = await startBrowserMode(dataDir);
    apps.push(app);
    const res = await fetch(`${app.url}api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: FORGED, password: 'some wrong guess' }) });
    expect(res.status).toBe(401);

    const p = await page();
    await p.goto(app.url);
    await p.getByLabel('用户名').fill('wang');
    await p.getByLabel('密码').fill('admin password 1');
    await p.getByRole('button', { name: '登录' }).click();
    await p.getByRole('navigation', { name: '主导航' }).waitFor();
    await p.goto(`${app.url}#/audit`);
    const table = p.getByRole('table', { name: '审计日志' });
    await table.getByText('登录失败').first().waitFor();
    const cells = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
    const failed = cells.find((c) => c[2] === '登录失败')!;
    expect(failed[1]).toBe('x\\n2026-12-07 08:00\\twang\\t创建用户\\u202emallory');
    expect(cells.filter((c) => c[2] === '创建用户')).toHaveLength(1); // the real one only
    await screenshot(p, 'ui-hardening-audit-forged-name');
  });

  it('a library without accounts says the first administrator is created with the CLI, and offers no form', async () => {
    const app = await startBrowserMode();
    apps.push(app);
    const p = await page();
    await p.goto(`${app.url}#/settings/users`);
    await p.getByRole('heading', { name: '设置 · 用户' }).waitFor();
    await p.getByText('第一位管理员只能在服务器本机用命令行创建').waitFor();
    expect(await p.getByRole('button', { name: '创建用户' }).count()).toBe(0);
    await screenshot(p, 'ui-hardening-first-admin');
    const res = await fetch(`${app.url}api/rpc/users:add`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'evil', role: 'admin', password: 'long enough pass' }) });
    expect(res.status).toBe(403);
    expect(errors).toEqual([]);
  });
});

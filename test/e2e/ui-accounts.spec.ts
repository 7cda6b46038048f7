import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { corpusFile, launchChromium, newPage, ROOT, screenshot, startBrowserMode, type BrowserModeApp } from './harness';

// Intranet mode as an office sets it up: the administrator is created on the server machine with the CLI, then
// everything else happens in browsers. Two browser contexts = two colleagues with their own cookies.
let app: BrowserModeApp;
let browser: Browser;
let admin: Page;
let editor: Page;
let doc: { id: string; title: string };
const errors: string[] = [];

function cli(args: string[], input = ''): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'out', 'main', 'cli.js'), ...args], { cwd: ROOT, input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`normdesk ${args.join(' ')} 失败（${r.status}）：${r.stderr}`);
  return r.stdout;
}

async function login(page: Page, user: string, password: string) {
  await page.goto(app.url);
  await page.getByRole('form', { name: '登录' }).waitFor();
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('navigation', { name: '主导航' }).waitFor({ timeout: 10_000 }).catch(async (err) => {
    await screenshot(page, `ui-accounts-login-failed-${user}`);
    throw err;
  });
}

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nd-e2e-accounts-'));
  cli(['import', corpusFile('001'), '--yes', '--data', dataDir]);
  // password from standard input, twice (not a terminal: two lines)
  cli(['user', 'add', 'wang', '--role', 'admin', '--display-name', '王科长', '--data', dataDir], 'admin password 1\nadmin password 1\n');
  const docs = JSON.parse(cli(['list', '--json', '--data', dataDir])) as Array<{ id: string; title: string }>;
  doc = docs[0];
  app = await startBrowserMode(dataDir);
  browser = await launchChromium();
  admin = await newPage(browser);
  editor = await newPage(browser); // a second context: its own cookies
  for (const p of [admin, editor]) p.on('pageerror', (e) => errors.push(e.message));
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('UI: accounts, roles and the audit view', () => {
  it('asks for a login on loopback too once the library has accounts, and says why a login failed', async () => {
    await admin.goto(app.url);
    await admin.getByRole('form', { name: '登录' }).waitFor();
    await admin.getByLabel('用户名').fill('wang');
    await admin.getByLabel('密码').fill('wrong password');
    await admin.getByRole('button', { name: '登录' }).click();
    await admin.getByRole('alert').getByText('用户名或密码不正确').waitFor();
    await screenshot(admin, 'ui-accounts-login');
  });

  it('the administrator creates a 编辑 user in 设置 · 用户', async () => {
    await login(admin, 'wang', 'admin password 1');
    expect(await admin.getByRole('button', { name: '当前用户' }).textContent()).toBe('王科长 · 管理员');
    await admin.getByRole('link', { name: '设置 · 用户' }).click();
    await admin.getByRole('heading', { name: '设置 · 用户' }).waitFor();
    await admin.getByLabel('用户名').fill('li');
    await admin.getByLabel('姓名').fill('李编辑');
    await admin.getByLabel('角色', { exact: true }).first().click();
    await admin.getByRole('option', { name: '编辑' }).click();
    await admin.getByLabel('初始密码').fill('editor password 1');
    await admin.getByLabel('再输入一次').fill('editor password 1');
    await admin.getByRole('button', { name: '创建用户' }).click();
    await admin.getByText('已创建用户 li（编辑）').waitFor();
    await admin.getByRole('cell', { name: '李编辑' }).waitFor();
    await screenshot(admin, 'ui-accounts-users');
  });

  it('the editor logs in from another browser, edits a document, and cannot open user management', async () => {
    await login(editor, 'li', 'editor password 1');
    const nav = editor.getByRole('navigation', { name: '主导航' });
    expect(await nav.getByRole('link', { name: '导入' }).isVisible()).toBe(true);
    expect(await nav.getByRole('link', { name: '设置 · 用户' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: '审计日志' }).count()).toBe(0);

    await editor.goto(`${app.url}#/documents/${encodeURIComponent(doc.id)}`);
    await editor.getByRole('button', { name: '编辑', exact: true }).click();
    const modal = editor.getByRole('dialog', { name: '编辑文件信息' });
    await modal.getByLabel('登记号').fill('ZYDR-2026-0010001');
    await modal.getByRole('button', { name: '保存' }).click();
    await modal.waitFor({ state: 'hidden' });
    await editor.getByText('ZYDR-2026-0010001').first().waitFor();

    await editor.goto(`${app.url}#/settings/users`);
    await editor.getByRole('alert').getByText('用户管理只对管理员开放。').waitFor();
    await screenshot(editor, 'ui-accounts-editor-refused');
    // the server refuses too, whatever the page shows
    const answer = await editor.evaluate(async () => {
      const s = await (await fetch('./api/session')).json();
      const r = await fetch('./api/rpc/users:list', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': s.data.csrfToken }, body: '{}' });
      return { status: r.status, body: await r.json() };
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('FORBIDDEN');
  });

  it("the audit view shows the editor's change, filtered by user", async () => {
    await admin.getByRole('link', { name: '审计日志' }).click();
    await admin.getByRole('heading', { name: '审计日志' }).waitFor();
    await admin.getByLabel('用户', { exact: true }).first().click();
    await admin.getByRole('option', { name: '李编辑（li）' }).click();
    const table = admin.getByRole('table', { name: '审计日志' });
    const row = table.getByRole('row').filter({ hasText: '修改文件信息' });
    await row.waitFor();
    expect(await row.textContent()).toContain('li');
    expect(await row.textContent()).toContain(`${doc.title}（登记号）`);
    expect(await table.getByRole('row').filter({ hasText: 'wang' }).count()).toBe(0);
    expect(await table.getByRole('row').filter({ hasText: '登录' }).count()).toBeGreaterThan(0);
    await screenshot(admin, 'ui-accounts-audit');
  });

  it('logs out: the login page returns and the session no longer works', async () => {
    await editor.goto(app.url);
    await editor.getByRole('button', { name: '当前用户' }).click();
    await editor.getByRole('menuitem', { name: '退出登录' }).click();
    await editor.getByRole('form', { name: '登录' }).waitFor();
    const status = await editor.evaluate(async () => (await fetch('./api/session')).status);
    expect(status).toBe(401);
    expect(errors).toEqual([]);
  });
});

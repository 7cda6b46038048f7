import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { corpusFile, launchChromium, newPage, ROOT, screenshot, startBrowserMode, type BrowserModeApp } from './harness';

// Issue 22 (Also): a 查看 (read-only) account sees the actions it may not take disabled, with the reason on hover, and
// the 导入 page opened by its address says why instead of offering a form the server would refuse once filled in.
let app: BrowserModeApp;
let browser: Browser;
let page: Page;
let campaign: string;
const errors: string[] = [];

function cli(args: string[], input = ''): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'out', 'main', 'cli.js'), ...args], { cwd: ROOT, input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`normdesk ${args.join(' ')} 失败（${r.status}）：${r.stderr}`);
  return r.stdout;
}

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nd-e2e-roles-'));
  cli(['import', corpusFile('001'), '--yes', '--data', dataDir]);
  campaign = (JSON.parse(cli(['cleanup', 'create', '--name', '2022年清理', '--cutoff', '2022-12-31', '--json', '--data', dataDir])) as { id: string }).id;
  cli(['user', 'add', 'zhao', '--role', 'viewer', '--display-name', '赵查看', '--data', dataDir], 'viewer password 1\nviewer password 1\n');
  app = await startBrowserMode(dataDir);
  browser = await launchChromium();
  page = await newPage(browser);
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.url);
  await page.getByRole('form', { name: '登录' }).waitFor();
  await page.getByLabel('用户名').fill('zhao');
  await page.getByLabel('密码').fill('viewer password 1');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('navigation', { name: '主导航' }).waitFor({ timeout: 10_000 });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** The button is there but disabled, and hovering it says which permission it needs. */
async function refused(name: string | RegExp) {
  const button = page.getByRole('button', { name });
  await button.waitFor();
  expect(await button.isDisabled()).toBe(true);
  await button.locator('xpath=..').hover();
  const tip = page.getByRole('tooltip');
  await tip.waitFor();
  expect(await tip.textContent()).toMatch(/需要「(编辑|法制审核|管理)」权限：「查看」账号（赵查看）不能进行此操作/);
  await page.mouse.move(0, 0);
  await tip.waitFor({ state: 'hidden' });
}

describe('UI: a 查看 account', () => {
  it('sees 新建公报, 公报设置 and 新建一期 disabled with the reason', async () => {
    await page.goto(`${app.url}#/gazettes`);
    await refused('新建公报');
    await refused('公报设置');
    await refused('新建一期');
    await screenshot(page, 'ui-roles-gazettes');
  });

  it('is not offered the 新建清理 form, and sees 公布并应用… and 导入返回的意见表… disabled', async () => {
    await page.goto(`${app.url}#/cleanup`);
    await page.getByTestId('campaign-list').waitFor();
    expect(await page.getByRole('button', { name: '建立清理项目并锁定范围' }).count()).toBe(0);
    expect(await page.getByText(/新建清理：需要「法制审核」权限/).isVisible()).toBe(true);
    await page.goto(`${app.url}#/cleanup/${campaign}`);
    await refused('公布并应用…');
    await refused('导入返回的意见表…');
  });

  it('sees 清空回收站 disabled', async () => {
    await page.goto(`${app.url}#/trash`);
    await refused('清空回收站');
  });

  it('opening 导入 by its address shows why, not the form', async () => {
    await page.goto(`${app.url}#/import`);
    await page.getByTestId('route-refused').waitFor();
    expect(await page.getByRole('button', { name: '选择文件…' }).count()).toBe(0);
    expect(await page.getByTestId('route-refused').textContent()).toContain('需要「编辑」权限');
    await screenshot(page, 'ui-roles-import');
    expect(errors).toEqual([]);
  });
});

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, newPage, screenshot, startBrowserMode, type BrowserModeApp, rpcCall as callRpc } from './harness';

let app: BrowserModeApp;
let browser: Browser;

beforeAll(async () => {
  app = await startBrowserMode();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const rpc = <T>(channel: string, body: unknown) => callRpc<T>(app, channel, body);
const count = async () => (await rpc<{ documentCount: number }>('app:info', {})).documentCount;

describe('browser mode: 设置 → 备份与恢复', () => {
  it('立即备份, then 恢复 brings back deleted documents without restarting the server', async () => {
    await rpc('import:samples', {});
    const before = await count();
    expect(before).toBeGreaterThan(0);
    const page = await newPage(browser);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.url}#/settings`);
    await page.getByRole('button', { name: '立即备份' }).click();
    await expect.poll(() => page.getByText(/已备份 .* 件/).first().isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('backup-row').count()).toBeGreaterThan(0);

    const { rows } = await rpc<{ rows: { id: string }[] }>('documents:list', {});
    await rpc('documents:delete', { id: rows[0].id });
    await rpc('documents:delete', { id: rows[1].id });
    expect(await count()).toBe(before - 2);

    await page.getByRole('button', { name: /^恢复 normdesk-.*-manual\.db$/ }).first().click();
    await expect.poll(() => page.getByText(/替换当前文件库/).isVisible()).toBe(true);
    await screenshot(page, 'settings-restore-confirm');
    await page.getByRole('button', { name: '确认恢复' }).click();
    await expect.poll(() => page.getByText(/原文件库保存在/).first().isVisible(), { timeout: 30_000 }).toBe(true);
    await screenshot(page, 'settings-restored');
    // the same server process now answers from the restored library
    expect(await count()).toBe(before);
    expect((await rpc<{ total: number }>('documents:list', {})).total).toBe(before);
    const aside = readdirSync(app.dataDir).find((n) => n.startsWith('before-restore-'));
    expect(aside && existsSync(join(app.dataDir, aside, 'normdesk.db'))).toBe(true);
    expect(errors).toEqual([]);
  });
});

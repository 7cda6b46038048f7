import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, newPage, screenshot, startBrowserMode, type BrowserModeApp } from './harness';

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

describe('browser mode: the Chinese shell', () => {
  it('answers the health check', async () => {
    const res = await fetch(`${app.url}api/health`);
    expect(await res.json()).toMatchObject({ ok: true, version: expect.any(String), schemaVersion: expect.any(Number) });
  });

  it('refuses invalid RPC calls with INVALID_INPUT', async () => {
    const res = await fetch(`${app.url}api/rpc/documents:get`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"id": 5}' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('INVALID_INPUT');
  });

  it('opens on the library with an honest empty state, and the settings page shows the facts', async () => {
    const page = await newPage(browser);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(app.url);
    await expect.poll(() => page.getByText('NormDesk').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: /文件库/ }).first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/导入/).first().isVisible()).toBe(true);
    await screenshot(page, 'shell-empty-library');

    await page.getByRole('link', { name: /设置/ }).first().click();
    await expect.poll(() => page.getByText(app.dataDir).first().isVisible()).toBe(true);
    const text = await page.locator('body').innerText();
    expect(text).toMatch(/版本/);
    expect(text).toMatch(/数据库/);
    expect(text).toContain('浏览器');
    await screenshot(page, 'shell-settings');
    expect(errors).toEqual([]);
  });
});

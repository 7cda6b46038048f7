import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../electron/core/composition';
import { BY, commitFile, parsedDoc } from '../../electron/core/test-support/fixtures';
import { launchChromium, newPage, rpcCall, screenshot, startBrowserMode, type BrowserModeApp } from './harness';

// The library page of a library larger than one page (issue 25): the page asks for 200 rows at a time, as the
// person scrolls or moves with the keys, and every row is still reachable, sorted and filtered as before.
const N = 650;
let app: BrowserModeApp;
let browser: Browser;
let page: Page;
const errors: string[] = [];
const asked: Array<{ offset?: number; limit?: number }> = [];

const day = (i: number) => new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nd-e2e-paging-'));
  const seed = createApp({ dataDir, shell: 'cli', log: { info() {}, error() {} } });
  const docs = Array.from({ length: N }, (_, i) =>
    parsedDoc({
      title: `第${String(i + 1).padStart(3, '0')}号测试办法`,
      docNumber: `招政发〔${2000 + Math.floor(i / 50)}〕${i + 1}号`,
      dateSigned: day(i),
      effectiveDate: day(i),
      validityClause: i % 3 ? null : '有效期五年',
      validUntil: i % 3 ? null : day(i + 5 * 365),
      body: [`第${i + 1}件的正文。`],
    }),
  );
  seed.services.imports.commitParsed(BY, [commitFile('many.txt', docs)]);
  await seed.close();
  app = await startBrowserMode(dataDir);
  browser = await launchChromium();
  page = await newPage(browser);
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (r.url().endsWith('/api/rpc/documents:list')) asked.push(JSON.parse(r.postData() ?? '{}'));
  });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const rowText = (index: number) => page.locator(`[role="row"][aria-rowindex="${index + 2}"]`).innerText();

describe('UI: the library a page at a time', () => {
  it('shows the whole count, fetches only pages, and reaches the last row by scrolling and by the keys', async () => {
    await page.goto(`${app.url}#/library`);
    const table = page.getByRole('table', { name: '文件列表' });
    await table.waitFor();
    await expect.poll(() => page.getByTestId('library-count').innerText()).toBe(`共 ${N} 件`);
    expect(await table.getAttribute('aria-rowcount')).toBe(String(N + 1));
    // newest first: the last document signed is the first row
    await expect.poll(() => rowText(0)).toContain(`第${N}号测试办法`);
    await screenshot(page, 'ui-library-paging');

    // scrolled to the end: the oldest document, from the fourth page
    await page.getByTestId('library-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => rowText(N - 1), { timeout: 10_000 }).toContain('第001号测试办法');
    expect(asked.every((q) => q.limit === 200)).toBe(true);
    expect(asked.map((q) => q.offset ?? 0)).toContain(600);

    // back at the top, PageDown moves ten rows at a time across the page boundary at row 200
    await page.getByTestId('library-scroll').evaluate((el) => (el.scrollTop = 0));
    await page.locator('[role="row"][aria-rowindex="2"]').focus();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'));
    for (let k = 1; k <= 21; k++) {
      await page.keyboard.press('PageDown');
      await expect.poll(focused).toBe(String(10 * k + 2));
    }
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '')).toContain(`第${N - 210}号测试办法`);
    expect(errors).toEqual([]);
  });

  it('sorting and the status filter give what the service gives for the whole list', async () => {
    await page.getByTestId('library-scroll').evaluate((el) => (el.scrollTop = 0));
    await page.locator('button[title="按文号排序"]').click();
    const byNumber = await rpcCall<{ rows: Array<{ title: string }> }>(app, 'documents:list', { sort: 'docNumber', dir: 'asc', limit: 1 });
    await expect.poll(() => rowText(0)).toContain(byNumber.rows[0].title);
    await page.locator('button[title="按文号排序"]').click();
    const desc = await rpcCall<{ rows: Array<{ title: string }> }>(app, 'documents:list', { sort: 'docNumber', dir: 'desc', limit: 1 });
    await expect.poll(() => rowText(0)).toContain(desc.rows[0].title);

    await page.goto(`${app.url}#/library?status=${encodeURIComponent('现行有效')}`);
    const inForce = await rpcCall<{ total: number; rows: Array<{ title: string }> }>(app, 'documents:list', { status: ['现行有效'], limit: 200 });
    expect(inForce.total).toBeGreaterThan(200);
    await expect.poll(() => page.getByTestId('library-count').innerText()).toBe(`共 ${inForce.total} 件`);
    await page.getByTestId('library-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
    const last = await rpcCall<{ rows: Array<{ title: string }> }>(app, 'documents:list', { status: ['现行有效'], offset: inForce.total - 1, limit: 1 });
    await expect.poll(() => rowText(inForce.total - 1), { timeout: 10_000 }).toContain(last.rows[0].title);
    expect(errors).toEqual([]);
  });

  it('a page still on its way shows placeholder rows, then its rows', async () => {
    await page.goto(`${app.url}#/library?sort=title&dir=asc`);
    await page.getByRole('table', { name: '文件列表' }).waitFor();
    await page.getByTestId('library-scroll').evaluate((el) => (el.scrollTop = 0));
    await expect.poll(() => rowText(0)).toContain('第001号测试办法');
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/rpc/documents:list', async (route) => {
      if ((JSON.parse(route.request().postData() ?? '{}') as { offset?: number }).offset) await held;
      await route.continue();
    });
    await page.getByTestId('library-scroll').evaluate((el) => (el.scrollTop = 300 * 38));
    await page.locator('[role="row"][aria-busy="true"]').first().waitFor();
    expect(await page.locator('[role="row"][aria-busy="true"]').first().innerText()).toContain('载入中');
    await screenshot(page, 'ui-library-page-loading');
    release();
    await expect.poll(() => rowText(300)).toContain('第301号测试办法');
    expect(await page.locator('[role="row"][aria-busy="true"]').count()).toBe(0);
    await page.unroute('**/api/rpc/documents:list');
    expect(errors).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rpcCall, screenshot, type BrowserModeApp, startUiSession, type UiSession } from './harness';

// The start page's numbers open the library filtered to exactly those documents; the filter lives in the URL,
// so opening a document and going back keeps it. The 检查 page lists findings with links.
let session: UiSession;
let app: BrowserModeApp;
let page: Page;
let errors: string[] = [];

const rpc = <T>(channel: string, body: unknown) => rpcCall<T>(app, channel, body);

beforeAll(async () => {
  session = await startUiSession();
  ({ app, page, errors } = session);
  await rpc('import:samples', {});
});
afterAll(async () => {
  await session?.close();
});

describe('UI: dashboard → filtered library round trip', () => {
  it('the start page shows counts by status; a count opens the library filtered to those documents', async () => {
    const asOf = '2023-06-30';
    const expected = await rpc<{ byStatus: Array<{ status: string; count: number }> }>('oversight:dashboard', { asOf });
    const inForce = expected.byStatus.find((s) => s.status === '现行有效')!.count;
    expect(inForce).toBeGreaterThan(0);
    await page.goto(`${app.url}`);
    await page.getByRole('heading', { name: '首页' }).waitFor();
    await screenshot(page, 'ui-dashboard');
    // A typed 状态日期: the numbers are those of that day, and the count opens exactly those documents.
    const day = page.getByRole('textbox', { name: '状态日期' });
    await day.fill('2023年6月30日');
    await day.blur();
    await expect.poll(() => page.getByTestId('stat-现行有效').innerText()).toMatch(new RegExp(`^${inForce}\\b`));
    await page.getByTestId('stat-现行有效').click();
    await page.getByRole('table', { name: '文件列表' }).waitFor();
    expect(decodeURIComponent(page.url())).toContain(`status=现行有效&asOf=${asOf}`);
    await expect.poll(() => page.getByTestId('library-count').textContent()).toContain(`共 ${inForce} 件`);

    await page.goto(`${app.url}#/`);
    const link = page.getByTestId('stat-现行有效');
    await link.waitFor();
    const todayCount = Number((await link.innerText()).split('\n')[0].replace(/,/g, ''));
    await link.click();
    await page.getByRole('table', { name: '文件列表' }).waitFor();
    expect(decodeURIComponent(page.url())).toContain('#/library?status=现行有效&asOf=');
    await expect.poll(() => page.getByTestId('library-count').textContent()).toContain(`共 ${todayCount} 件`);
    const rows = page.locator('[role=row][aria-rowindex]');
    expect(await rows.count()).toBe(Math.min(todayCount, await rows.count()));
    for (const badge of await page.locator('[role=row][aria-rowindex] [role=cell]:nth-child(5)').allInnerTexts()) expect(badge).toBe('现行有效');
    await screenshot(page, 'ui-dashboard-to-library');

    // Open a document and come back: the filter is still there.
    await rows.first().click();
    await page.waitForURL(/#\/documents\//);
    await page.goBack();
    await page.getByRole('table', { name: '文件列表' }).waitFor();
    expect(decodeURIComponent(page.url())).toContain('status=现行有效');
    await expect.poll(() => page.getByTestId('library-count').textContent()).toContain(`共 ${todayCount} 件`);
  });

  it('a monthly lapse link lists exactly that month', async () => {
    const d = await rpc<{ lapsesByMonth: Array<{ month: string; count: number }>; asOf: string }>('oversight:dashboard', {});
    const month = d.lapsesByMonth.find((m) => m.count > 0);
    await page.goto(`${app.url}#/`);
    await page.getByRole('heading', { name: '首页' }).waitFor();
    if (!month) return;
    const [y, m] = month.month.split('-').map(Number);
    await page.getByRole('link', { name: `${y}年${m}月 ${month.count} 件` }).last().click();
    await page.getByRole('table', { name: '文件列表' }).waitFor();
    await expect.poll(() => page.getByTestId('library-count').textContent()).toContain(`共 ${month.count} 件`);
  });

  it('at 1024 pixels the status and 有效期至 columns stay visible; arrow keys move between rows and Enter opens', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`${app.url}#/library`);
    await page.getByRole('table', { name: '文件列表' }).waitFor();
    const header = await page.getByRole('columnheader', { name: /有效期至/ }).boundingBox();
    expect(header!.x + header!.width).toBeLessThanOrEqual(1024);
    const status = await page.getByRole('columnheader', { name: /状态/ }).boundingBox();
    expect(status!.x + status!.width).toBeLessThanOrEqual(1024);
    await screenshot(page, 'ui-library-1024');
    const rows = page.locator('[role=row][aria-rowindex]');
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe('4');
    const title = await rows.nth(2).locator('[role=cell]').nth(1).getAttribute('title');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/documents\//);
    await page.getByRole('heading', { name: title! }).waitFor();
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('the 检查 page lists the findings with links to the documents', async () => {
    const report = await rpc<{ checks: Array<{ id: string; count: number; documents: Array<{ id: string; title: string }> }> }>('oversight:checks', {});
    await page.goto(`${app.url}#/checks`);
    const total = report.checks.reduce((s, c) => s + c.count, 0);
    await expect.poll(() => page.getByTestId('checks-summary').textContent()).toContain(`发现 ${total} 处问题`);
    await screenshot(page, 'ui-checks');
    expect(errors).toEqual([]);
  });
});

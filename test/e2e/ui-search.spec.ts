import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, type BrowserModeApp, startUiSession, type UiSession } from './harness';

// Search from the header box (Ctrl+K), the results page with highlighted snippets, and into a document.
let session: UiSession;
let app: BrowserModeApp;
let page: Page;
let errors: string[] = [];

beforeAll(async () => {
  session = await startUiSession();
  ({ app, page, errors } = session);
  // The samples are the corpus gazettes: a real library to search.
  const res = await fetch(`${app.url}api/rpc/import:samples`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(res.status).toBe(200);
});
afterAll(async () => {
  await session?.close();
});

describe('UI: full-text search', () => {
  it('Ctrl+K focuses the header search; Enter shows highlighted results', async () => {
    await page.goto(`${app.url}#/library`);
    await page.getByRole('table', { name: '文件列表' }).waitFor();
    await page.keyboard.press('Control+k');
    await page.keyboard.type('有效期');
    await page.keyboard.press('Enter');
    await page.getByTestId('search-total').waitFor();
    expect(page.url()).toContain('#/search?q=');
    expect(await page.locator('[data-testid=search-hit] mark.nd-hl-term').count()).toBeGreaterThan(0);
    await screenshot(page, 'ui-search-results');
  });

  it('the header box suggests titles while typing', async () => {
    await page.goto(`${app.url}#/library`);
    await page.getByRole('table', { name: '文件列表' }).waitFor();
    await page.locator('header input[aria-label="全文检索"]').fill('招远');
    await page.getByRole('option').first().waitFor({ timeout: 10_000 });
    await screenshot(page, 'ui-search-suggest');
    await page.getByRole('option').first().click();
    await page.getByTestId('document-body').waitFor();
    expect(page.url()).toContain('#/documents/');
  });

  it('a 文号 in odd spelling finds documents, and a result opens with the matches highlighted', async () => {
    await page.goto(`${app.url}#/search?q=${encodeURIComponent('招政发[2018]27号')}`);
    await page.getByTestId('search-hit').first().waitFor();
    await page.getByTestId('search-hit').first().getByRole('link').first().click();
    await page.getByTestId('document-body').waitFor();
    expect(page.url()).toContain('?t=');
    // The body writes it as 招政发〔2018〕27 号; the highlight matches it as search did.
    expect(await page.locator('.nd-body mark.nd-hl-term').count()).toBeGreaterThan(0);
    await screenshot(page, 'ui-search-document');
  });

  it('malformed queries never break the page', async () => {
    for (const q of ['"', '-', '标题:', '+ ~ ^']) {
      await page.goto(`${app.url}#/search?q=${encodeURIComponent(q)}`);
      await expect.poll(async () => (await page.getByTestId('search-total').count()) + (await page.getByRole('alert').count())).toBeGreaterThan(0);
      expect(await page.getByText('此页面出现错误').count()).toBe(0);
    }
    expect(errors).toEqual([]);
  });
});

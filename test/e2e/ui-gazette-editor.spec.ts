import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, type BrowserModeApp, rpcCall as callRpc, startUiSession, type UiSession } from './harness';

// The gazette editor's whole job in Chromium: a new gazette, an issue of six library documents in two sections,
// reordered by drag and drop and by keyboard, previewed, published and exported — and the contents' page numbers
// in the PDF are the pages where each title is printed.
let session: UiSession;
let app: BrowserModeApp;
let page: Page;
let errors: string[] = [];
let picked: Array<{ id: string; title: string }> = [];

const rpc = <T>(channel: string, body: unknown) => callRpc<T>(app, channel, body);

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const order = () => page.locator('[data-entry]').evaluateAll((els) => els.map((e) => e.getAttribute('data-entry')));

beforeAll(async () => {
  session = await startUiSession();
  ({ app, page, errors } = session);
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await rpc('import:samples', {});
  // six normative documents of the samples with a 文号, shortest titles first (short titles keep the test readable)
  const list = await rpc<{ rows: Array<{ id: string; title: string; docNumber: string | null }> }>('documents:list', { normative: true });
  picked = list.rows
    .filter((r) => r.docNumber)
    .sort((a, b) => a.title.length - b.title.length)
    .slice(0, 6);
  expect(picked).toHaveLength(6);
});
afterAll(async () => {
  await session?.close();
});

describe('UI: gazette issue editor', () => {
  it('creates a gazette with its own masthead and a new issue with proposed numbers', async () => {
    await page.goto(`${app.url}#/gazettes`);
    await page.getByRole('button', { name: '新建公报' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('公报名称').fill('博兴县人民政府公报');
    await dialog.getByLabel('主办').fill('博兴县人民政府');
    await dialog.getByLabel('编辑出版').fill('博兴县人民政府办公室');
    await dialog.getByLabel('邮编').fill('256500');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByLabel('公报').first().inputValue()).toBe('博兴县人民政府公报');

    await page.getByRole('button', { name: '新建一期' }).click();
    await page.getByRole('dialog').getByLabel('出版日期').fill('2026-11-20');
    await expect.poll(() => page.getByRole('dialog').getByLabel('当年第几期').inputValue()).toBe('1');
    await page.getByRole('dialog').getByRole('button', { name: '新建' }).click();
    await page.getByRole('heading', { name: '博兴县人民政府公报 2026年第1期' }).waitFor();
    expect(await page.getByTestId('issue-state').textContent()).toBe('编辑中');
  });

  it('adds six documents from the library into two sections, with their checks', async () => {
    const sectionSelect = page.getByTestId('add-section');
    for (const [i, doc] of picked.entries()) {
      await sectionSelect.click();
      await page.getByRole('option', { name: i < 3 ? '【市政府文件】' : '【部门文件】', exact: true }).click();
      await page.getByTestId('add-search').fill(doc.title.slice(0, 24));
      const row = page.locator(`[data-testid=add-results] [data-doc="${doc.id}"]`);
      await row.getByRole('button', { name: '加入' }).click();
      await row.getByRole('button', { name: '已在本期' }).waitFor();
    }
    expect(await order()).toEqual(picked.map((d) => d.id));
    expect(await page.locator('[data-section="【部门文件】"] [data-entry]').count()).toBe(3);
    // every document is checked: a badge per problem, or 检查通过
    await expect.poll(() => page.locator('.nd-issue-entry .mantine-Badge-root').count()).toBeGreaterThanOrEqual(6);
  });

  it('reorders by drag and drop and by keyboard, and the preview follows', async () => {
    const entry = (id: string) => page.locator(`[data-entry="${id}"]`);
    // HTML5 drag events with one DataTransfer (a mouse-driven drag is timing-sensitive on a loaded machine)
    const data = await page.evaluateHandle(() => new DataTransfer());
    await entry(picked[2].id).dispatchEvent('dragstart', { dataTransfer: data });
    await entry(picked[0].id).dispatchEvent('dragover', { dataTransfer: data });
    await entry(picked[0].id).dispatchEvent('drop', { dataTransfer: data });
    await expect.poll(order, { timeout: 30_000 }).toEqual([picked[2], picked[0], picked[1], ...picked.slice(3)].map((d) => d.id));
    await entry(picked[3].id).focus();
    await page.keyboard.press('Alt+ArrowDown');
    // the focus stays on the moved document, so it can be moved again
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-entry')), { timeout: 30_000 }).toBe(picked[3].id);
    await expect.poll(order, { timeout: 30_000 }).toEqual([picked[2], picked[0], picked[1], picked[4], picked[3], picked[5]].map((d) => d.id));

    const contents = page.getByTestId('preview-contents').locator('tr');
    await expect.poll(() => contents.count(), { timeout: 60_000 }).toBe(6);
    await expect.poll(() => contents.first().textContent(), { timeout: 60_000 }).toContain(picked[2].title);
    await page.waitForFunction(() => {
      const c = document.querySelector('[aria-label=印刷预览] canvas') as HTMLCanvasElement | null;
      return !!c && c.width > 0;
    });
    await screenshot(page, 'ui-gazette-editor');
  });

  it('publishes, fixes the issue, and exports a PDF whose contents point at the pages the titles are printed on', async () => {
    await page.getByRole('button', { name: '出版', exact: true }).click();
    await page.getByRole('button', { name: '确认出版' }).click();
    await expect.poll(() => page.getByTestId('issue-state').textContent(), { timeout: 30_000 }).toBe('已出版');
    expect(await page.getByRole('button', { name: '上移' }).count()).toBe(0);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 PDF' }).click();
    const file = await download;
    const path = join(app.dataDir, 'issue.pdf');
    await file.saveAs(path);
    const pages = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).split('\f').map(squash);
    expect(pages[0]).toContain('博兴县人民政府公报');
    expect(pages[0]).toContain('博兴县人民政府主办');
    const tocAt = pages.findIndex((p) => p.includes('目录'));
    expect(tocAt).toBeGreaterThan(0);
    const toc = pages[tocAt];
    const expected = [picked[2], picked[0], picked[1], picked[4], picked[3], picked[5]];
    for (const doc of expected) {
      const title = squash(doc.title);
      const printedAt = pages.findIndex((p, i) => i > tocAt && p.includes(title));
      expect(printedAt, doc.title).toBeGreaterThan(tocAt);
      const folio = /—(\d+)—/.exec(pages[printedAt]);
      expect(folio, `page number on the page of ${doc.title}`).not.toBeNull();
      const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const listed = new RegExp(`${escaped}[.·…]*(\\d+)`).exec(toc);
      expect(listed?.[1], `contents line of ${doc.title}`).toBe(folio![1]);
    }
    // the preview listed the same page numbers
    const previewPages = await page.getByTestId('preview-page').allTextContents();
    expect(previewPages.length).toBe(6);
    expect(errors).toEqual([]);
  });

  it("lists the issue in its gazette's archive by year, imported gazettes beside it", async () => {
    await page.goto(`${app.url}#/gazettes`);
    await page.getByRole('heading', { name: '2026年' }).waitFor();
    const row = page.getByRole('row', { name: /2026年第1期/ });
    expect(await row.textContent()).toContain('已出版');
    expect(await row.textContent()).toContain('6 件');
    await page.getByRole('button', { name: '公报设置' }).click();
    expect(await page.getByRole('dialog').getByLabel('主办').inputValue()).toBe('博兴县人民政府');
    await screenshot(page, 'ui-gazette-settings');
    await page.keyboard.press('Escape');
    await screenshot(page, 'ui-gazette-archive');
    expect(errors).toEqual([]);
  });
});

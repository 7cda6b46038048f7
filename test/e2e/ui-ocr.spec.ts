import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { exportedPages, scanLike, SCAN_DOC_NUMBER } from '../../electron/core/test-support/scans';
import { screenshot, type BrowserModeApp, startUiSession, type UiSession } from './harness';

// A county clerk imports a scanned page (the scan is made at test time from NormDesk's own export): the review
// shows it was read by OCR, the page beside the text with unsure characters marked, a line is corrected against
// the page, the batch is saved, and the document page says where its text came from and shows the page.
let session: UiSession;
let app: BrowserModeApp;
let page: Page;
let errors: string[] = [];
let scanFile: string;

beforeAll(async () => {
  const [first] = await exportedPages(200);
  scanFile = join(mkdtempSync(join(tmpdir(), 'nd-ui-ocr-')), '招政发2022-8号扫描件.jpg');
  writeFileSync(scanFile, await scanLike(first));
  session = await startUiSession();
  ({ app, page, errors } = session);
}, 120_000);
afterAll(async () => {
  await session?.close();
});

describe('UI: scanned paper', () => {
  it('reads a scan with OCR, lets a line be corrected against the page, and keeps the page with the document', async () => {
    await page.goto(`${app.url}#/import`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件…' }).click();
    await (await chooser).setFiles([scanFile]);
    await page.getByTestId('ocr-badge').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('ocr-badge').innerText()).toMatch(/扫描件 · OCR 识别 1 页/);
    const row = page.getByTestId('review-row').filter({ hasText: '招政发' });
    await row.getByRole('button', { name: /对照原图校对/ }).click();
    await page.getByTestId('scan-page').locator('img').waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector('[data-testid="scan-page"] img') as HTMLImageElement | null;
      return !!img && img.complete && img.naturalWidth > 0;
    });
    await screenshot(page, 'ui-ocr-proof');

    // Correct the 文号 line as the person reads it on the page: the document is extracted again.
    await page.getByTestId('scan-lines').getByText(/招政发/).first().click();
    const input = page.getByRole('textbox', { name: /改正第 \d+ 行/ });
    await input.fill('招政发〔2022〕18号');
    await input.press('Enter');
    await page.getByText('已校对').first().waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('review-row').filter({ hasText: '招政发〔2022〕18号' }).waitFor();

    await page.getByRole('button', { name: /^保存/ }).click();
    await page.getByText('导入完成').waitFor();
    await page.goto(`${app.url}#/library`);
    await screenshot(page, 'ui-ocr-library');
    await page.getByText('招远市人民政府关于印发招远市重点项目建设专项扶持资金补助办法的通知').first().click();
    await page.getByTestId('ocr-note').waitFor();
    expect(await page.getByTestId('ocr-note').innerText()).toMatch(/正文由 OCR 识别自扫描件“招政发2022-8号扫描件.jpg”（1 页/);
    await page.getByAltText('扫描原件第 1 页').waitFor();
    expect(await page.getByTestId('import-corrections').innerText()).toMatch(/OCR 文字校对（第\d+行）：由“招政发〔2022〕8号”改为“招政发〔2022〕18号”/);
    await page.getByAltText('扫描原件第 1 页').scrollIntoViewIfNeeded();
    await screenshot(page, 'ui-ocr-document');
    expect(errors).toEqual([]);
    expect(SCAN_DOC_NUMBER).toBe('招政发〔2022〕8号');
  }, 240_000);
});

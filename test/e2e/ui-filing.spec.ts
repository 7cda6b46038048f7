import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, rpcCall as rpc, screenshot, startBrowserMode, startUiSession, type BrowserModeApp, type UiSession } from './harness';

// 备案 between two offices, each with its own library and its own NormDesk: the county files an overdue normative
// document with its materials, the city imports the filing package, registers it and answers, the county imports
// the answer and sees 已登记. Packages travel as downloaded files, as they would on a USB stick.
let session: UiSession;
let county: BrowserModeApp;
let city: BrowserModeApp;
let countyPage: Page;
let cityPage: Page;
const files = mkdtempSync(join(tmpdir(), 'nd-e2e-filing-'));

beforeAll(async () => {
  session = await startUiSession();
  county = session.app;
  countyPage = session.page;
  city = await startBrowserMode();
  cityPage = await newPage(session.browser);
  await rpc(county, 'import:samples', {});
  await rpc(county, 'office:update', { name: '高青县人民政府办公室', filingReceiver: '淄博市人民政府', issuers: ['高青县人民政府办公室'] });
  await rpc(city, 'office:update', { name: '淄博市人民政府办公室' });
}, 120_000);
afterAll(async () => {
  await city?.stop();
  await session?.close();
});

/** Clicks a button that downloads a file and keeps the file. */
async function download(page: Page, button: string, name: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const file = join(files, name);
  await d.saveAs(file);
  return file;
}

/** Picks one option of a segmented control by its label. */
async function segment(page: Page, label: string): Promise<void> {
  await page.locator('label').filter({ hasText: new RegExp(`^${label}$`) }).click();
}

async function importPackage(page: Page, app: BrowserModeApp, file: string): Promise<void> {
  await page.goto(`${app.url}#/filing`);
  await page.getByRole('tab', { name: '数据包' }).click();
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByTestId('package-preview').waitFor();
}

describe('UI: 备案与交换', () => {
  it('files an overdue document with its materials, the city registers it, the county sees 已登记', async () => {
    // the settings show the office and its key fingerprint
    await countyPage.goto(`${county.url}#/settings`);
    await countyPage.getByText(/密钥指纹：[0-9A-F]{4} /).waitFor();

    await countyPage.goto(`${county.url}#/filing`);
    await segment(countyPage, '已逾期');
    const table = countyPage.getByTestId('filing-table');
    const first = table.getByRole('row').nth(1);
    await first.waitFor();
    expect(await first.textContent()).toMatch(/已逾期\d+天/);
    const title = (await first.getByRole('link').textContent())!;
    await screenshot(countyPage, 'filing-overdue');

    // attach the 制定说明, then send
    await first.getByRole('button', { name: '0 份' }).click();
    const dialog = countyPage.getByRole('dialog');
    const note = join(files, '制定说明.txt');
    writeFileSync(note, '关于本文件的制定说明');
    await dialog.locator('input[type=file]').setInputFiles(note);
    await dialog.getByText('制定说明：制定说明.txt').waitFor();
    await countyPage.keyboard.press('Escape');
    await first.getByRole('checkbox').check();
    const filing = await download(countyPage, '报送备案（1件）', 'filing.ndpkg');
    await segment(countyPage, '已报备');
    await table.getByRole('row', { name: new RegExp(title) }).getByText('已报备').waitFor();

    // the city imports it into its review queue
    await importPackage(cityPage, city, filing);
    const preview = cityPage.getByTestId('package-preview');
    expect(await preview.textContent()).toContain('发送机关：高青县人民政府办公室');
    expect(await preview.textContent()).toContain('首次收到，请核对指纹');
    await screenshot(cityPage, 'filing-package-preview');
    await cityPage.getByRole('button', { name: '导入', exact: true }).click();
    await cityPage.getByText('已导入“高青县人民政府办公室”的数据包').waitFor();
    await cityPage.getByRole('tab', { name: '备案审查' }).click();
    const row = cityPage.getByTestId('review-table').getByRole('row', { name: new RegExp(title) });
    await row.getByText('待登记').waitFor();
    await row.getByRole('button', { name: '处理' }).click();
    // the reviewer reads the 制定说明 that came with the filing
    const [material] = await Promise.all([cityPage.waitForEvent('download'), cityPage.getByRole('dialog').getByRole('button', { name: '制定说明.txt' }).click()]);
    expect(material.suggestedFilename()).toBe('制定说明.txt');
    await screenshot(cityPage, 'filing-review-dialog');
    await cityPage.getByRole('button', { name: '予以备案登记' }).click();
    await cityPage.getByRole('dialog').getByText('已登记（审查中）').waitFor();
    await cityPage.keyboard.press('Escape');
    const answer = await download(cityPage, '生成给“高青县人民政府办公室”的答复包', 'answer.ndpkg');
    await screenshot(cityPage, 'filing-review-queue');

    // the county imports the answer
    await importPackage(countyPage, county, answer);
    expect(await countyPage.getByTestId('package-preview').textContent()).toContain('已报备 → 已登记');
    await countyPage.getByRole('button', { name: '导入', exact: true }).click();
    await countyPage.getByText('已导入“淄博市人民政府办公室”的数据包').waitFor();
    await countyPage.getByRole('tab', { name: '报送备案' }).click();
    await segment(countyPage, '已报备');
    await countyPage.getByTestId('filing-table').getByRole('row', { name: new RegExp(title) }).getByText('已登记').waitFor();
    await screenshot(countyPage, 'filing-registered');
    const filed = await rpc<Array<{ title: string; stateLabel: string; registrationNumber: string }>>(county, 'filing:list', { show: 'filed' });
    expect(filed).toMatchObject([{ title, stateLabel: '已登记', registrationNumber: expect.stringMatching(/-001$/) }]);
    expect(session.errors).toEqual([]);
  }, 120_000);
});

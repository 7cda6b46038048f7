import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zip } from '../../electron/core/test-support/hostile-files';
import { rpcCall, screenshot, startUiSession, type BrowserModeApp, type UiSession } from './harness';

// Issue 20 in the real UI: an office's archive folder — a Word 97–2003 file in a subfolder, a saved GBK web
// page, a .zip holding an .odt and a photo — chosen as a folder, read, reviewed (the page's source shown, the
// skipped photo named) and saved.
let session: UiSession;
let app: BrowserModeApp;
let page: Page;
let errors: string[] = [];
const FIXTURES = resolve(import.meta.dirname, '../fixtures/formats');

function archiveFolder(): string {
  const root = join(mkdtempSync(join(tmpdir(), 'nd-ui-formats-')), '法制办档案');
  mkdirSync(join(root, '2015'), { recursive: true });
  copyFileSync(join(FIXTURES, 'notice.doc'), join(root, '2015', '信息公开办法.doc'));
  // the same page with another 文号 (GBK bytes of 〔2021〕12 → 〔2021〕13), so it is not a duplicate of the .doc
  const html = readFileSync(join(FIXTURES, 'notice-gbk.html'), 'latin1').replace('\xa1\xb22021\xa1\xb312', '\xa1\xb22021\xa1\xb313');
  writeFileSync(join(root, '网页通知.htm'), Buffer.from(html, 'latin1'));
  const odt = readFileSync(join(FIXTURES, 'notice.odt'));
  const entry = (name: string, b: Buffer) => ({ name, data: deflateRawSync(b), size: b.length, crc: crc32(b) });
  writeFileSync(join(root, '旧网站.zip'), zip([entry('通知.odt', odt), entry('照片.bmp', Buffer.from('x'))]));
  return root;
}

beforeAll(async () => {
  session = await startUiSession();
  ({ app, page, errors } = session);
});
afterAll(async () => {
  await session?.close();
});

describe('UI: an archive folder of .doc, web pages and a .zip', () => {
  it('reads every supported file of a chosen folder, shows a page’s source and what was skipped, and saves', async () => {
    await page.goto(`${app.url}#/import`);
    await page.getByText(/\.doc、\.wps/).first().waitFor({ state: 'visible' });
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件夹…' }).click();
    await (await chooser).setFiles(archiveFolder());
    await page.getByTestId('file-origin').waitFor({ timeout: 60_000 });
    await screenshot(page, 'ui-import-formats-review');
    expect(await page.getByTestId('file-origin').textContent()).toMatch(/来源：http:\/\/www\.zhaoyuan\.gov\.cn\/art\/2021\/4\/21\/art_123_456\.html，发布日期 2021年4月21日/);
    expect(await page.getByTestId('review-file').count()).toBe(4);
    expect(await page.getByText('已跳过：不支持的文件类型', { exact: true }).count()).toBe(1);
    expect(await page.getByText('法制办档案/旧网站.zip/照片.bmp', { exact: true }).count()).toBe(1);
    expect(await page.getByText('法制办档案/2015/信息公开办法.doc', { exact: true }).count()).toBe(1);
    expect(await page.getByText('法制办档案/旧网站.zip/通知.odt', { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: /^保存 \d+ 件/ }).click();
    await page.getByText('导入完成').waitFor({ timeout: 60_000 });
    await screenshot(page, 'ui-import-formats-done');
    // the page's document names the page it came from
    const { rows } = await rpcCall<{ rows: Array<{ id: string; docNumber: string | null }> }>(app, 'documents:list', {});
    const fromPage = rows.find((r) => r.docNumber === '招政办发〔2021〕13号')!;
    await page.goto(`${app.url}#/documents/${fromPage.id}`);
    const source = page.getByTestId('import-source');
    await source.waitFor();
    expect(await source.textContent()).toBe('导入自网页“法制办档案/网页通知.htm”，网址 http://www.zhaoyuan.gov.cn/art/2021/4/21/art_123_456.html，发布日期 2021年4月21日。');
    await source.scrollIntoViewIfNeeded();
    await screenshot(page, 'ui-import-formats-source');
    expect(errors).toEqual([]);
  });
});

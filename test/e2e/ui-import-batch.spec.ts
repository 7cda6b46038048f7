import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, type BrowserModeApp, startUiSession, type UiSession } from './harness';

// Issues 14 and 16 in the real UI: a folder of more than 50 files, one 8 MB file, one whose 有效期 ends before its
// 施行, one broken file — all read and saved in chunks; the rest stored, the broken one named with its reason.
let session: UiSession;
let app: BrowserModeApp;
let page: Page;
let errors: string[] = [];

function folder(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'nd-ui-batch-'));
  const files: string[] = [];
  for (let i = 1; i <= 60; i++) {
    const validity = i === 7 ? '有效期至2021年12月31日' : '有效期五年';
    // One file of about 8 MB: its body repeats a paragraph (the upload limit is per file, 10 MB).
    const filler = i === 60 ? Array.from({ length: 130_000 }, () => '各镇要结合实际制定具体措施，明确责任分工。').join('\n') : '请认真贯彻执行。';
    const file = join(dir, `${String(i).padStart(3, '0')}.txt`);
    writeFileSync(file, [`招远市人民政府关于印发招远市第${i}号管理办法的通知`, `招政发〔2023〕${i}号`, '各镇人民政府，各街道办事处：',
      filler, `本办法自2022年3月1日起施行，${validity}。`, '招远市人民政府', '2022年2月7日', ''].join('\n'));
    files.push(file);
  }
  const broken = join(dir, '损坏.docx');
  writeFileSync(broken, 'PK not a zip');
  return [...files, broken];
}

beforeAll(async () => {
  session = await startUiSession();
  ({ app, page, errors } = session);
});
afterAll(async () => {
  await session?.close();
});

describe('UI: a large batch', () => {
  it('reads and saves 61 files (one of 8 MB) in chunks; stores 60, flags the contradicting one, names the broken one', async () => {
    await page.goto(`${app.url}#/import`);
    // The limit is stated before the person picks anything (waits for the page to render: isVisible does not wait).
    await page.getByText(/单个文件不超过 10 MB/).waitFor({ state: 'visible' });
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件…' }).click();
    await (await chooser).setFiles(folder());
    await page.getByRole('button', { name: '保存 60 件' }).waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('review-file').count()).toBe(61);
    expect(await page.getByText('此文件无法导入').count()).toBe(1);
    await page.getByRole('button', { name: '保存 60 件' }).click();
    await page.getByText('导入完成').waitFor({ timeout: 120_000 });
    expect(await page.getByText(/新增 60 件/).isVisible()).toBe(true);
    expect(await page.getByText(/已按原文保存并标记待核对：/).count()).toBe(1);
    await screenshot(page, 'ui-import-batch-done');
    const info = await (await fetch(`${app.url}api/rpc/app:info`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
    expect(info.data.documentCount).toBe(60);
    expect(errors).toEqual([]);
  });
});

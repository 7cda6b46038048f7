import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rpcCall as rpc, screenshot, startUiSession, type BrowserModeApp, type UiSession } from './harness';

// A cleanup result published by the county government arrives as a text: importing it through 导入 recognises its
// annex lists, and the office applies them as a completed campaign — the listed documents change status.
let session: UiSession;
let app: BrowserModeApp;
let page: Page;
let errors: string[] = [];
type Row = { id: string; title: string; docNumber: string | null };
let keep: Row;
let abolish: Row;

function noticeFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'nd-notice-')), '清理结果通知.txt');
  const lines = [
    '高青县人民政府', '关于公布行政规范性文件清理结果的通知', '高政字〔2023〕9号', '',
    '各镇人民政府、街道办事处，县政府各部门：',
    '根据《山东省行政规范性文件管理办法》规定，县政府对截至2022年12月31日的行政规范性文件进行了全面清理。经清理，继续有效1件、废止1件。现将清理结果予以公布。',
    '', '附件：1.继续有效的行政规范性文件目录', '      2.决定废止的行政规范性文件目录', '', '高青县人民政府', '2023年3月1日', '',
    '附件1', '继续有效的行政规范性文件目录', '序号 文件名称 文号', `1 ${keep.title} ${keep.docNumber}`, '',
    '附件2', '决定废止的行政规范性文件目录', '序号 文件名称 文号', `1 ${abolish.title} ${abolish.docNumber}`, '',
  ];
  writeFileSync(file, lines.join('\n'));
  return file;
}

beforeAll(async () => {
  session = await startUiSession();
  ({ app, page, errors } = session);
  await rpc(app, 'import:samples', {});
  const { rows } = await rpc<{ rows: Row[] }>(app, 'documents:list', { normative: true, asOf: '2023-03-01' });
  const current = rows.filter((r) => r.docNumber);
  [keep, abolish] = current;
  expect(abolish).toBeDefined();
});
afterAll(async () => {
  await session?.close();
});

const statusOn = async (id: string) => (await rpc<{ status: string }>(app, 'documents:get', { id, asOf: '2023-06-01' })).status;

describe('UI: importing a published cleanup result', () => {
  it('marks the notice in the review, offers to apply it after saving, and applies it as a completed campaign', async () => {
    const before = await statusOn(abolish.id);
    expect(before).not.toBe('已废止');
    await page.goto(`${app.url}#/import`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件…' }).click();
    await (await chooser).setFiles([noticeFile()]);
    await page.getByText('清理结果通知：继续有效 1 件、废止 1 件').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: /^保存 1 件$/ }).click();
    await page.getByText('导入完成').waitFor({ timeout: 60_000 });

    const offer = page.getByTestId('cleanup-offer');
    expect(await offer.textContent()).toContain('附件列有 2 件文件的清理结论');
    await offer.getByRole('button', { name: '核对并应用…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('目录共 2 行，文件库中找到 2 件，未找到 0 件（未找到的不会应用）。').waitFor();
    expect(await dialog.getByLabel('通知文号').inputValue()).toBe('高政字〔2023〕9号');
    expect(await dialog.getByLabel('公布日期').inputValue()).toBe('2023-03-01');
    await page.waitForTimeout(400); // the dialog's opening transition, so the screenshot shows it settled
    await screenshot(page, 'ui-import-cleanup-offer');
    await dialog.getByRole('button', { name: '作为已完成的清理应用到文件库' }).click();
    await dialog.getByText(/已建立并公布清理项目/).waitFor();

    expect(await statusOn(abolish.id)).toBe('已废止');
    expect(await statusOn(keep.id)).not.toBe('已废止');
    // the notice imported a moment ago is the document the abolition comes from, not a second copy of it
    const notices = (await rpc<{ rows: Row[] }>(app, 'documents:list', { q: '高政字〔2023〕9号' })).rows;
    expect(notices).toHaveLength(1);
    const campaigns = await rpc<Array<{ name: string; state: string }>>(app, 'cleanup:list', {});
    expect(campaigns).toEqual([expect.objectContaining({ name: '高青县人民政府关于公布行政规范性文件清理结果的通知', state: 'published' })]);
    expect(errors).toEqual([]);
  });
});

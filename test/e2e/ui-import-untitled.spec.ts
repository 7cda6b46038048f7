import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rpcCall, screenshot, type BrowserModeApp, startUiSession, type UiSession } from './harness';

// Issue 22, defect 6: a document without a title is completed or skipped at the review — never reported as saved and
// then refused, never a duplicate of another untitled one; and a title over a 文号 line and a table of names is found.
let session: UiSession;
let app: BrowserModeApp;
let page: Page;
let errors: string[] = [];

function files(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'nd-ui-untitled-'));
  const write = (name: string, lines: string[]) => {
    const file = join(dir, name);
    writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  };
  return [
    write('无标题甲.txt', ['请各单位认真贯彻执行。', '高青县人民政府', '2021年3月1日']),
    write('无标题乙.txt', ['各镇人民政府：', '现将有关事项通知如下。', '请认真贯彻执行。', '高青县人民政府', '2021年3月1日']),
    write('名单.txt', ['2021年度劳动模范名单', '高政任〔2021〕5号', '姓名\t性别\t单位', '张三\t男\t县教育局', '李四\t女\t县财政局']),
  ];
}

beforeAll(async () => {
  session = await startUiSession();
  ({ app, page, errors } = session);
});
afterAll(async () => {
  await session?.close();
});

describe('UI: untitled documents at the import review', () => {
  it('must be completed or skipped; the save button says so; nothing is refused after “saving”', async () => {
    await page.goto(`${app.url}#/import`);
    await page.getByText(/单个文件不超过 10 MB/).waitFor({ state: 'visible' });
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件…' }).click();
    await (await chooser).setFiles(files());
    await page.getByTestId('review-file').nth(2).waitFor({ timeout: 60_000 });

    // the list's title is recognised over its 文号 line and its table
    expect(await page.getByText('2021年度劳动模范名单', { exact: true }).count()).toBe(1);
    // two untitled documents: not duplicates of each other, and the save waits for them
    expect(await page.getByText(/与本批次/).count()).toBe(0);
    const save = page.getByTestId('save-import');
    expect(await save.textContent()).toBe('保存 1 件（2 件缺标题待补填）');
    expect(await save.isDisabled()).toBe(true);
    await screenshot(page, 'ui-import-untitled-review');

    await page.getByRole('button', { name: '补填标题' }).first().click();
    await page.getByRole('dialog').getByLabel('标题', { exact: true }).fill('高青县人民政府关于贯彻执行有关事项的通知');
    await page.getByRole('button', { name: '确定' }).click();
    await page.getByRole('button', { name: '跳过没有标题的 1 件' }).click();
    expect(await save.textContent()).toBe('保存 2 件（跳过 1 件）');
    await save.click();
    await page.getByText('导入完成').waitFor({ timeout: 60_000 });
    expect(await page.getByText(/新增 2 件/).isVisible()).toBe(true);
    expect(await page.getByText(/项未保存/).count()).toBe(0);
    await screenshot(page, 'ui-import-untitled-done');
    const info = await rpcCall<{ documentCount: number }>(app, 'app:info', {});
    expect(info.documentCount).toBe(2);
    expect(errors).toEqual([]);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { corpusFile, screenshot, type BrowserModeApp, startUiSession, type UiSession } from './harness';

// The library flow a newcomer takes: empty library → import a gazette through the review screen →
// the table → a document page with its relations. Screenshots land in test-results/screenshots.
let session: UiSession;
let app: BrowserModeApp;
let page: Page;
let errors: string[] = [];

// 001 abolishes 招政发〔2018〕27号, which is in no corpus file: a small stand-in lets the relation resolve.
function abolishedDocument(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'nd-ui-')), '招政发2018-27.txt');
  writeFileSync(
    file,
    ['招远市人民政府关于全市重点项目建设专项扶持资金补助办法的通知', '招政发〔2018〕27号', '各镇人民政府，各街道办事处：',
      '为加快重点项目建设，现将有关事项通知如下。', '本办法自印发之日起施行，有效期五年。', '招远市人民政府', '2018年5月10日', ''].join('\n'),
  );
  return file;
}

/** Two documents the parser reads as one (the second title has no 关于…的通知): the person splits them at review. */
function twoDocumentsAsOne(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'nd-ui-')), '停车与公路.txt');
  writeFileSync(
    file,
    ['招远市人民政府', '关于印发招远市城区停车管理办法的通知', '招政发〔2024〕3号', '', '各镇人民政府、街道办事处，市政府各部门：',
      '现将《招远市城区停车管理办法》印发给你们，请认真贯彻执行。', '本办法自2024年3月1日起施行，有效期五年。', '', '招远市人民政府', '2024年2月10日', '',
      '招远市人民政府办公室', '印发招远市农村公路养护工作方案', '招政办发〔2024〕8号', '', '各镇人民政府、街道办事处：',
      '现将农村公路养护工作方案印发给你们，请结合实际认真抓好落实。', '', '招远市人民政府办公室', '2024年2月20日', ''].join('\n'),
  );
  return file;
}
const ROAD_TITLE = '招远市人民政府办公室关于印发招远市农村公路养护工作方案的通知';

beforeAll(async () => {
  session = await startUiSession();
  ({ app, page, errors } = session);
});
afterAll(async () => {
  await session?.close();
});

describe('UI: import, library, document', () => {
  it('shows the empty library with the sample offer', async () => {
    await page.goto(app.url);
    await page.getByText('文件库中还没有文件').waitFor();
    expect(await page.getByRole('button', { name: '载入示例公报' }).isVisible()).toBe(true);
    await screenshot(page, 'ui-empty-library');
  });

  it('imports two corpus gazettes and an older document through the review screen', async () => {
    await page.goto(`${app.url}#/import`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件…' }).click();
    await (await chooser).setFiles([corpusFile('001'), corpusFile('004'), abolishedDocument()]);
    await page.getByTestId('review-file').nth(2).waitFor({ timeout: 60_000 });
    const rows = await page.getByTestId('review-row').count();
    expect(rows).toBeGreaterThan(5);
    expect(await page.getByText('招远市人民政府公报').first().isVisible()).toBe(true);
    await screenshot(page, 'ui-import-review');
    await page.getByRole('button', { name: /^保存 \d+ 件$/ }).click();
    await page.getByText('导入完成').waitFor({ timeout: 60_000 });
    expect(await page.getByText(/新增 \d+ 件/).isVisible()).toBe(true);
    await screenshot(page, 'ui-import-done');
  });

  it('lists the imported documents and sorts by a column', async () => {
    await page.goto(`${app.url}#/library`);
    await page.getByRole('table', { name: '文件列表' }).waitFor();
    await expect.poll(() => page.getByTestId('library-count').innerText()).toMatch(/共 \d+ 件/);
    await page.getByRole('button', { name: '文号' }).click();
    await expect.poll(() => page.getByRole('columnheader', { name: /文号/ }).getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('button', { name: '成文日期' }).click();
    await screenshot(page, 'ui-library');
  });

  it('opens the abolishing document and shows the relation both ways', async () => {
    await page.getByLabel('快速筛选').fill('招政发〔2022〕11号');
    await page.getByRole('row').filter({ hasText: '招政发〔2022〕11号' }).first().click();
    await page.getByTestId('document-body').waitFor();
    const relations = page.getByTestId('relations');
    expect(await relations.getByText('废止', { exact: true }).first().isVisible()).toBe(true);
    await screenshot(page, 'ui-document');
    await relations.getByRole('link').filter({ hasText: '27号' }).first().click();
    await page.getByText('被废止').first().waitFor();
    expect(await page.getByText('已废止').first().isVisible()).toBe(true);
    await screenshot(page, 'ui-document-abolished');
    expect(errors).toEqual([]);
  });

  it('a dropped file that is not a PDF gets a clear Chinese message and changes nothing', async () => {
    const before = await (await fetch(`${app.url}api/rpc/app:info`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
    await page.goto(`${app.url}#/import`);
    const dt = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['这不是 PDF'], '假文件.pdf', { type: 'application/pdf' }));
      return transfer;
    });
    await page.dispatchEvent('[data-testid=dropzone]', 'drop', { dataTransfer: dt });
    await page.getByText('此文件无法导入').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('button', { name: '保存 0 件' }).isDisabled()).toBe(true);
    await screenshot(page, 'ui-import-bad-file');
    const after = await (await fetch(`${app.url}api/rpc/app:info`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
    expect(after.data.documentCount).toBe(before.data.documentCount);
  });

  it('splits two documents the parser read as one at the line the second starts, fixes a title, and keeps the corrections with the file', async () => {
    await page.goto(`${app.url}#/import`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件…' }).click();
    await (await chooser).setFiles([twoDocumentsAsOne()]);
    await page.getByTestId('review-row').first().waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('review-row').count()).toBe(1);

    await page.getByRole('button', { name: '拆分 招远市人民政府关于印发招远市城区停车管理办法的通知' }).click();
    const lines = page.getByTestId('split-lines');
    // A click on the line in the document's text: the first 招远市人民政府办公室 (line 12) starts the second document.
    await lines.locator('label', { hasText: '招远市人民政府办公室' }).first().click();
    await screenshot(page, 'ui-import-split-choose');
    await page.getByText(/第一件：第 1–11 行（11 行）；第二件：第 12–20 行（9 行）/).waitFor();
    // The lines are a radio group: the arrow keys move the split point.
    await page.keyboard.press('ArrowDown');
    await page.getByText(/第一件：第 1–12 行（12 行）；第二件：第 13–20 行（8 行）/).waitFor();
    await page.keyboard.press('ArrowUp');
    await page.getByText(/第二件：第 12–20 行（9 行）/).waitFor();
    await page.getByRole('button', { name: '拆分为两件' }).click();
    await expect.poll(() => page.getByTestId('review-row').count()).toBe(2);
    const second = page.getByTestId('review-row').nth(1);
    expect(await second.innerText()).toMatch(/印发招远市农村公路养护工作方案[\s\S]*招政办发〔2024〕8号[\s\S]*2024年2月20日/);

    await second.getByRole('button', { name: '修改' }).click();
    await page.getByLabel('标题').fill(ROAD_TITLE);
    await page.getByRole('button', { name: '确定' }).click();
    await second.getByText(ROAD_TITLE).waitFor();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await screenshot(page, 'ui-import-split-review');
    await page.getByRole('button', { name: '保存 2 件' }).click();
    await page.getByText('导入完成').waitFor({ timeout: 60_000 });
    expect(await page.getByText(/新增 2 件/).isVisible()).toBe(true);

    await page.goto(`${app.url}#/library`);
    await page.getByLabel('快速筛选').fill('〔2024〕');
    await expect.poll(() => page.getByTestId('library-count').innerText()).toMatch(/共 2 件/);
    expect(await page.getByRole('row').filter({ hasText: '招政发〔2024〕3号' }).count()).toBe(1);
    await page.getByRole('row').filter({ hasText: '招政办发〔2024〕8号' }).first().click();
    const corrections = page.getByTestId('import-corrections');
    await corrections.waitFor();
    expect(await page.getByRole('heading', { name: ROAD_TITLE }).isVisible()).toBe(true);
    expect(await corrections.innerText()).toContain(`标题 由“印发招远市农村公路养护工作方案”改为“${ROAD_TITLE}”`);
    expect(await corrections.innerText()).toMatch(/拆分：原识别为一件 《招远市人民政府关于印发招远市城区停车管理办法的通知》（第1–20行），拆为两件（第1–11行；第12–20行）/);
    await screenshot(page, 'ui-document-import-corrections');
    expect(errors).toEqual([]);
  });
});

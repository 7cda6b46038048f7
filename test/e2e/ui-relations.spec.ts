import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rpcCall, screenshot, startUiSession, type BrowserModeApp, type UiSession } from './harness';

// A relation added by hand on the document page: 废止 makes the target 已废止, removing it gives the status back,
// and both documents' history names the other one; an edit shows its before → after values.
let session: UiSession;
let app: BrowserModeApp;
let page: Page;

interface Row {
  id: string;
  title: string;
  docNumber: string | null;
  status: string;
}

const rpc = <T>(channel: string, body: unknown) => rpcCall<T>(app, channel, body);
const statusOf = async (id: string) => (await rpc<{ status: string }>('documents:get', { id })).status;

let source: Row;
let target: Row;

beforeAll(async () => {
  session = await startUiSession();
  ({ app, page } = session);
  await rpc('import:samples', {});
  const list = await rpc<{ rows: Row[] }>('documents:list', { status: ['现行有效'], sort: 'dateSigned', dir: 'desc' });
  const withNumber = list.rows.filter((r) => r.docNumber);
  expect(withNumber.length).toBeGreaterThan(1);
  [source, target] = withNumber;
});
afterAll(async () => {
  await session?.close();
});

async function openDocument(row: Row) {
  await page.goto(`${app.url}#/documents/${row.id}`);
  await page.getByRole('heading', { name: row.title }).waitFor();
}

describe('UI: relations by hand, status and history', () => {
  it('adds a 废止 relation picked from the library: the target becomes 已废止, removing it gives 现行有效 back', async () => {
    await openDocument(source);
    await page.getByRole('button', { name: '添加关系' }).click();
    const dialog = page.getByRole('dialog', { name: '添加关系' });
    await dialog.getByRole('radio', { name: '废止' }).check();
    await dialog.getByRole('combobox', { name: '目标文件' }).fill(target.docNumber!);
    await page.getByRole('option', { name: new RegExp(target.title.slice(0, 12)) }).first().click();
    await expect.poll(() => dialog.getByTestId('relation-target-hint').innerText()).toContain(`将关联文件库中的《${target.title}》`);
    await screenshot(page, 'ui-relation-add');
    await dialog.getByRole('button', { name: '添加' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = page.getByTestId('relation-row').filter({ hasText: target.title });
    await expect.poll(() => row.innerText()).toContain('已废止');
    expect(await statusOf(target.id)).toBe('已废止');
    await screenshot(page, 'ui-relation-source');

    // The target's own page: status 已废止, history names the abolishing document with a link.
    await openDocument(target);
    await expect.poll(() => page.getByTestId('relations').innerText()).toContain('被废止');
    const header = page.locator('h2', { hasText: target.title }).locator('xpath=..');
    await expect.poll(() => header.innerText()).toContain('已废止');
    const entry = page.getByTestId('history-relation').first();
    expect(await entry.innerText()).toContain(`关系：本文件被《${source.title}》`);
    await page.getByText('历史记录').scrollIntoViewIfNeeded();
    await screenshot(page, 'ui-relation-target');
    await entry.getByRole('link').click();
    await page.getByRole('heading', { name: source.title }).waitFor();

    // Remove it on the source page, confirming first.
    await page.getByRole('button', { name: new RegExp(`^删除关系：废止《${escape(target.title)}`) }).click();
    const confirm = page.getByRole('dialog', { name: '删除关系' });
    await confirm.getByRole('button', { name: '删除关系' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('relation-row').filter({ hasText: target.title }).count()).toBe(0);
    expect(await statusOf(target.id)).toBe('现行有效');
  });

  it('the target’s history shows the relation both ways by name, and an edit as before → after', async () => {
    await openDocument(target);
    await page.getByRole('button', { name: '编辑' }).click();
    const edit = page.getByRole('dialog', { name: '编辑文件信息' });
    await edit.getByRole('textbox', { name: '文种' }).fill('办法');
    await edit.getByRole('textbox', { name: '登记号' }).fill('ZYDR-2022-0010001');
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'hidden' });
    const changes = page.getByTestId('history-changes').first();
    await expect.poll(() => changes.innerText()).toContain('登记号：（空） → ZYDR-2022-0010001');
    const relationLines = (await page.getByTestId('history-relation').allInnerTexts()).filter((l) => l.includes(source.title));
    expect(relationLines).toEqual([`关系：本文件被《${source.title}》（${source.docNumber}）废止`, `关系：本文件被《${source.title}》（${source.docNumber}）废止`]);
    const history = page.getByText('历史记录').locator('xpath=ancestor::div[contains(@class,"mantine-Paper-root")][1]');
    await history.scrollIntoViewIfNeeded();
    await screenshot(page, 'ui-relation-history');
    expect(await page.getByText(/Invalid|expected/).count()).toBe(0);
    expect(session.errors).toEqual([]);
  });

  it('library filters, sort and 状态日期 survive opening a document and going back; the header scrolls with the rows', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`${app.url}#/library`);
    await page.getByRole('table', { name: '文件列表' }).waitFor();
    await page.getByRole('columnheader', { name: /有效期至/ }).getByRole('button').click();
    const day = page.getByRole('textbox', { name: '状态日期' });
    await day.fill('2023/6/30');
    await day.blur();
    await page.waitForURL(/asOf=2023-06-30/);
    expect(decodeURIComponent(page.url())).toMatch(/sort=validUntil/);
    await page.locator('[role=row][aria-rowindex]').first().click();
    await page.waitForURL(/#\/documents\//);
    await page.goBack();
    await page.getByRole('table', { name: '文件列表' }).waitFor();
    expect(decodeURIComponent(page.url())).toMatch(/sort=validUntil.*asOf=2023-06-30|asOf=2023-06-30.*sort=validUntil/);
    expect(await page.getByRole('columnheader', { name: /有效期至/ }).getAttribute('aria-sort')).not.toBe('none');
    expect(await page.getByRole('textbox', { name: '状态日期' }).inputValue()).toBe('2023年6月30日');

    // Narrower than the table: the header and the rows scroll sideways together.
    await page.setViewportSize({ width: 760, height: 768 });
    const table = page.getByRole('table', { name: '文件列表' });
    const before = (await page.getByRole('columnheader').first().boundingBox())!.x;
    const rowBefore = (await page.locator('[role=row][aria-rowindex] [role=cell]').first().boundingBox())!.x;
    await table.evaluate((t) => (t.parentElement!.scrollLeft = 120));
    const moved = before - (await page.getByRole('columnheader').first().boundingBox())!.x;
    const rowMoved = rowBefore - (await page.locator('[role=row][aria-rowindex] [role=cell]').first().boundingBox())!.x;
    expect(moved).toBeGreaterThan(0);
    expect(rowMoved).toBe(moved);
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, type BrowserModeApp, rpcCall as callRpc, startUiSession, type UiSession } from './harness';

// A whole cleanup campaign over the sample library, through the UI: create → review (bulk and one by one) →
// the publication gate → publish and apply → the statuses in the library → the exported PDF → revert.
let session: UiSession;
let app: BrowserModeApp;
let page: Page;
let errors: string[] = [];

const rpc = <T>(channel: string, body: unknown) => callRpc<T>(app, channel, body);
const statusOf = async (id: string) => (await rpc<{ status: string }>('documents:get', { id })).status;

beforeAll(async () => {
  session = await startUiSession();
  ({ app, page, errors } = session);
  await rpc('import:samples', {});
});
afterAll(async () => {
  await session?.close();
});

describe('UI: cleanup campaign', () => {
  let campaignId = '';
  let abolishedId = '';
  let abolishedBefore = '';
  let declaredId = '';
  let before: string[] = [];
  const allStatuses = async () => {
    const { rows } = await rpc<{ rows: Array<{ documentId: string }> }>('cleanup:items', { id: campaignId, limit: 1000 });
    return Promise.all(rows.map((r) => statusOf(r.documentId)));
  };

  it('creates a campaign whose scope is frozen from the filters', async () => {
    await page.goto(`${app.url}#/cleanup`);
    await page.getByLabel('清理名称').fill('2022年行政规范性文件清理');
    await page.getByLabel('截止日期').fill('2022-12-31');
    await page.getByLabel('清理依据文号').fill('鲁司〔2020〕66号');
    await page.getByRole('button', { name: '建立清理项目并锁定范围' }).click();
    await page.getByTestId('review-row').first().waitFor();
    campaignId = decodeURIComponent(/#\/cleanup\/([^/?]+)/.exec(page.url())![1]);
    const c = await rpc<{ total: number; decided: number }>('cleanup:get', { id: campaignId });
    expect(c.total).toBeGreaterThan(3);
    expect(await page.getByTestId('progress').textContent()).toContain(`已决定 0/${c.total}`);
    await screenshot(page, 'ui-cleanup-review');
  });

  it('refuses to publish while documents are undecided, listing them', async () => {
    await page.getByRole('button', { name: '公布并应用…' }).click();
    await page.getByTestId('missing-list').waitFor();
    expect(await page.getByText(/尚有 \d+ 件文件缺少决定或理由/).isVisible()).toBe(true);
    await screenshot(page, 'ui-cleanup-gate');
    await page.keyboard.press('Escape');
  });

  it('decides in bulk and one document with the keyboard and a reason', async () => {
    await page.getByLabel('全选本页').check();
    await page.getByTestId('bulk-bar').waitFor();
    await page.getByTestId('bulk-bar').getByPlaceholder('决定').click();
    await page.getByRole('option', { name: '继续有效' }).click();
    await page.getByRole('button', { name: '批量决定' }).click();
    await page.getByTestId('bulk-bar').waitFor({ state: 'detached' });
    const c = await rpc<{ total: number; decided: number }>('cleanup:get', { id: campaignId });
    await page.getByText(`已决定 ${c.total}/${c.total}`).waitFor();

    // The first document: 废止 with a standard reason.
    await page.getByTestId('review-row').first().click();
    const items = await rpc<{ rows: Array<{ documentId: string }> }>('cleanup:items', { id: campaignId, limit: 1 });
    abolishedId = items.rows[0].documentId;
    abolishedBefore = await statusOf(abolishedId);
    await page.getByText('3 废止').click();
    await page.getByPlaceholder('选择或输入理由').click();
    await page.getByRole('option', { name: '上位法已废止' }).click();
    await page.getByRole('button', { name: '保存决定' }).click();
    await page.getByText('废止 1').waitFor();
    // Keyboard: ↓ then 4 chooses 宣布失效 for the second document; without a reason nothing is saved — the form asks.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('4');
    await page.getByText('决定“宣布失效”须填写理由，填写后才能保存').waitFor();
    const gate = await rpc<{ complete: boolean }>('cleanup:gate', { id: campaignId });
    expect(gate.complete).toBe(true);
    await page.getByPlaceholder('选择或输入理由').click();
    await page.getByRole('option', { name: '工作任务已完成' }).click();
    await page.getByRole('button', { name: '保存决定' }).click();
    await page.getByText('宣布失效 1').waitFor();
    await screenshot(page, 'ui-cleanup-decided');
  });

  it('publishes and applies: the abolished document is 已废止 in the library', async () => {
    before = await allStatuses();
    declaredId = (await rpc<{ rows: Array<{ documentId: string }> }>('cleanup:items', { id: campaignId, decision: '宣布失效' })).rows[0].documentId;
    await page.getByRole('button', { name: '公布并应用…' }).click();
    // made without an organising body: the dialog asks whose notice it is
    await page.getByRole('dialog').getByLabel('发文机关').fill('高青县人民政府');
    await page.getByLabel('清理结果通知文号').fill('高政字〔2023〕5号');
    await page.getByLabel('公布日期').fill('2023-01-15');
    await page.getByRole('button', { name: '公布并应用', exact: true }).click();
    await page.getByTestId('campaign-state').filter({ hasText: '已公布' }).waitFor();
    expect(await statusOf(abolishedId)).toBe('已废止');
    expect(await statusOf(declaredId)).toBe('宣布失效');
    await screenshot(page, 'ui-cleanup-published');
  });

  it('exports the result notice with its annexes as PDF', async () => {
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: '导出 PDF' }).click();
    const file = await (await download).path();
    expect(readFileSync(file!).subarray(0, 4).toString()).toBe('%PDF');
    await page.getByText('已生成').waitFor();
    await page.keyboard.press('Escape');
  });

  it('exports the campaign report with the decisions by issuer', async () => {
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: '清理情况报告 ▾' }).click();
    await page.getByRole('menuitem', { name: '导出报告 PDF' }).click();
    const file = (await (await download).path())!;
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('2022年行政规范性文件清理情况报告');
    expect(text).toContain('三、各制定机关情况');
    expect(text).toMatch(/清理结果已于2023年1月15日以高政字〔2023〕5号公布/);
    await page.getByText('已生成').waitFor();
    await page.keyboard.press('Escape');
  });

  it('shows the campaign on the document page', async () => {
    await page.goto(`${app.url}#/documents/${abolishedId}`);
    await page.getByTestId('document-campaigns').waitFor();
    expect(await page.getByTestId('document-campaigns').textContent()).toContain('废止');
    await page.goto(`${app.url}#/cleanup/${campaignId}`);
  });

  it('reverts as a whole: every status as before', async () => {
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: '撤销公布' }).click();
    await page.getByTestId('campaign-state').filter({ hasText: '审查中' }).waitFor();
    expect(await statusOf(abolishedId)).toBe(abolishedBefore);
    expect(await allStatuses()).toEqual(before);
    await page.goto(`${app.url}#/cleanup`);
    await page.getByTestId('campaign-list').waitFor();
    await screenshot(page, 'ui-cleanup-campaigns');
    expect(errors).toEqual([]);
  });
});

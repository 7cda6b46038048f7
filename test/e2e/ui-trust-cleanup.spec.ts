import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, type BrowserModeApp, rpcCall as callRpc, startUiSession, type UiSession } from './harness';

// Issue 22, defects 2, 3, 4, 5 and 7, through the cleanup review of the sample library: the opinion box shows the
// selected row's own stored opinion; 废止/宣布失效 are never saved without a reason; the result notice names the
// campaign's organising body; the annex keeps 令 numbers, prints 文号 normalised and never leaves 号 alone on a
// line of the DOCX; the review list and the department sheet show the status as of the cut-off date.
let session: UiSession;
let app: BrowserModeApp;
let page: Page;
let errors: string[] = [];

const rpc = <T>(channel: string, body: unknown) => callRpc<T>(app, channel, body);
interface Item {
  documentId: string;
  docNumber: string | null;
  decision: string | null;
  reason: string;
  opinion: string | null;
  opinionReason: string;
}
const ORDER = '招远市人民政府令第77号';
const squash = (s: string) => s.replace(/\s+/g, '');
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

let campaignId = '';
const ids: Record<string, string> = {};
const item = async (documentId: string) => (await rpc<{ rows: Item[] }>('cleanup:items', { id: campaignId, limit: 1000 })).rows.find((r) => r.documentId === documentId)!;
const row = (n: string) => page.getByTestId('review-row').filter({ hasText: n });
const opinionBox = () => page.locator('input[aria-label="起草机关意见理由"]');
const reasonBox = () => page.locator('input[aria-label="理由"]');
const saveDecision = () => page.getByRole('button', { name: '保存决定' });

beforeAll(async () => {
  session = await startUiSession();
  ({ app, page, errors } = session);
  await rpc('import:samples', {});
  const all = await rpc<Array<{ id: string; docNumber: { normalized: string } | null }>>('documents:all', {});
  for (const n of ['招政发〔2022〕8号', '招政发〔2022〕9号', '招政发〔2022〕10号', '招政发〔2022〕11号', '招政办字〔2022〕4号']) {
    ids[n] = all.find((d) => d.docNumber?.normalized === n)!.id;
  }
  // a 政府令 in the library: its number is a 令's, not a 文号
  await rpc('documents:update', { id: ids['招政发〔2022〕11号'], patch: { docNumber: ORDER } });
});
afterAll(async () => {
  await session?.close();
});

describe('UI: trustworthy cleanup review (issue 22)', () => {
  it('defect 5: the library gives the 令 number it shows (list --json reads the same)', async () => {
    const all = await rpc<Array<{ id: string; docNumber: { normalized: string } | null }>>('documents:all', {});
    expect(all.find((d) => d.id === ids['招政发〔2022〕11号'])!.docNumber?.normalized).toBe(ORDER);
  });

  it('creates a campaign with its organising body', async () => {
    await page.goto(`${app.url}#/cleanup`);
    await page.getByLabel('清理名称').fill('2022年行政规范性文件清理');
    await page.getByLabel('截止日期').fill('2022-12-31');
    await page.getByLabel('组织清理的机关').first().fill('招远市人民政府');
    await page.getByRole('button', { name: '建立清理项目并锁定范围' }).click();
    await page.getByTestId('review-row').first().waitFor();
    campaignId = decodeURIComponent(/#\/cleanup\/([^/?]+)/.exec(page.url())![1]);
    expect((await rpc<{ organizer: string }>('cleanup:get', { id: campaignId })).organizer).toBe('招远市人民政府');
  });

  it('defect 7: the review list shows the status on the cut-off date, today\'s beside it; so does the department sheet', async () => {
    const lapsed = row('〔2022〕8号');
    await lapsed.waitFor();
    const text = (await lapsed.textContent()) ?? '';
    expect(text).toContain('现行有效');
    expect(text).toContain('今日：已失效');
    expect(await page.getByRole('columnheader', { name: '截止日状态' }).count()).toBe(1);

    const sheet = await rpc<{ dataBase64: string }>('cleanup:sheet', { id: campaignId, issuer: '招远市人民政府' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(sheet.dataBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const header = Array.from(ws.getRow(1).values as unknown[], (v) => String(v ?? ''));
    const at = header.findIndex((h) => h.startsWith('状态（截至2022年12月31日）'));
    const today = header.indexOf('今日状态');
    expect(at).toBeGreaterThan(0);
    expect(today).toBeGreaterThan(0);
    let found = false;
    ws.eachRow((r) => {
      if (String(r.getCell(3).value) !== '招政发〔2022〕8号') return;
      found = true;
      expect([r.getCell(at).value, r.getCell(today).value]).toEqual(['现行有效', '已失效']);
    });
    expect(found).toBe(true);
    await screenshot(page, 'ui-trust-cleanup-cutoff');
  });

  it('defect 2: the opinion box shows the selected row\'s own opinion (free text too) and saves only that row\'s', async () => {
    await rpc('cleanup:opinion', { id: campaignId, documentId: ids['招政发〔2022〕9号'], opinion: '宣布失效', reason: '适用期已过' });
    await rpc('cleanup:opinion', { id: campaignId, documentId: ids['招政发〔2022〕10号'], opinion: '废止', reason: '已由2023年新办法代替，建议废止' });
    await page.reload();
    await row('〔2022〕9号').click();
    await expect.poll(() => opinionBox().inputValue()).toBe('适用期已过');
    await row('〔2022〕10号').click();
    await expect.poll(() => opinionBox().inputValue()).toBe('已由2023年新办法代替，建议废止');
    await row('〔2022〕8号').click();
    await expect.poll(() => opinionBox().inputValue()).toBe('');
    await row('〔2022〕10号').click();
    await expect.poll(() => opinionBox().inputValue()).toBe('已由2023年新办法代替，建议废止');
    expect(await page.getByRole('button', { name: '保存意见' }).isDisabled()).toBe(true);
    await opinionBox().fill('已由2023年新办法代替，建议废止；请法制机构审定');
    await page.getByRole('button', { name: '保存意见' }).click();
    await expect.poll(async () => (await item(ids['招政发〔2022〕10号'])).opinionReason).toBe('已由2023年新办法代替，建议废止；请法制机构审定');
    expect((await item(ids['招政发〔2022〕9号'])).opinionReason).toBe('适用期已过');
    await screenshot(page, 'ui-trust-cleanup-opinion');
  });

  it('defect 3: 废止 is not saved without a reason — by key, by re-picking the reason, by clearing it', async () => {
    const target = ids['招政办字〔2022〕4号'];
    await row('〔2022〕4号').click();
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('3');
    await page.getByText('决定“废止”须填写理由，填写后才能保存').waitFor();
    expect((await item(target)).decision).toBeNull();
    expect(await saveDecision().isDisabled()).toBe(true);

    await reasonBox().click();
    await page.getByRole('option', { name: '上位法已废止' }).click();
    await expect.poll(() => reasonBox().inputValue()).toBe('上位法已废止');
    // picking the chosen reason again keeps it
    await reasonBox().click();
    await page.getByRole('option', { name: '上位法已废止' }).click();
    await expect.poll(() => reasonBox().inputValue()).toBe('上位法已废止');
    expect(await saveDecision().isDisabled()).toBe(false);
    await reasonBox().fill('');
    await expect.poll(() => saveDecision().isDisabled()).toBe(true);
    await reasonBox().fill('上位法已废止');
    await saveDecision().click();
    await expect.poll(async () => (await item(target)).decision).toBe('废止');
    expect((await item(target)).reason).toBe('上位法已废止');
    // the server refuses it too
    const res = await fetch(`${app.url}api/rpc/cleanup:decide`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: campaignId, documentIds: [target], decision: '宣布失效', reason: '' }),
    });
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('必须填写理由');
    expect((await item(target)).decision).toBe('废止');
  });

  it('defect 3: changing the decision by key drops the other decision\'s reason', async () => {
    const target = ids['招政发〔2022〕9号'];
    await rpc('cleanup:decide', { id: campaignId, documentIds: [target], decision: '宣布失效', reason: '适用期已过' });
    await page.reload();
    await row('〔2022〕9号').click();
    await expect.poll(() => reasonBox().inputValue()).toBe('适用期已过');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('1');
    await expect.poll(async () => (await item(target)).decision).toBe('继续有效');
    expect((await item(target)).reason).toBe('');
  });

  it('defect 5: the annex keeps the 令 number, prints 文号 normalised, and the DOCX never leaves 号 alone on a line', async () => {
    await rpc('cleanup:decide', { id: campaignId, documentIds: [ids['招政发〔2022〕11号']], decision: '废止', reason: '上位法已废止' });
    const { rows } = await rpc<{ rows: Item[] }>('cleanup:items', { id: campaignId, decision: 'none', limit: 1000 });
    await rpc('cleanup:decide', { id: campaignId, documentIds: rows.map((r) => r.documentId), decision: '继续有效' });
    await page.reload();
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: '导出 DOCX' }).click();
    const dir = mkdtempSync(join(tmpdir(), 'nd-trust-'));
    const docx = join(dir, 'notice.docx');
    await (await download).saveAs(docx);
    await page.getByText('已生成').waitFor();
    await page.keyboard.press('Escape');
    const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' });
    const cells = [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
    expect(cells).toContain(ORDER);
    const numbers = cells.filter((c) => /〔\d{4}〕/.test(c));
    expect(numbers.length).toBeGreaterThan(3);
    for (const n of numbers) expect(n).toMatch(/^\S+〔\d{4}〕[1-9]\d*号$/);
    if (!has('soffice')) return;
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'lo')}`, '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'ignore', timeout: 120_000 });
    const lines = execFileSync('pdftotext', ['-layout', join(dir, 'notice.pdf'), '-'], { encoding: 'utf8' }).split('\n');
    // a cell's line of its own holding only 号 (pdftotext puts each cell's lines at their own column)
    expect(lines.filter((l) => /(^|\s{2,})号(\s{2,}|$)/.test(l))).toEqual([]);
    expect(squash(lines.join(''))).toContain(ORDER);
  });

  it('defect 4: the publish dialog shows the 发文机关 — the campaign\'s organiser, not the first issuer in scope', async () => {
    await page.getByRole('button', { name: '公布并应用…' }).click();
    const issuer = page.getByLabel('发文机关');
    await issuer.waitFor();
    expect(await issuer.inputValue()).toBe('招远市人民政府');
    await page.getByLabel('清理结果通知文号').fill('招政字〔2023〕5号');
    await page.getByLabel('公布日期').fill('2023-01-15');
    await screenshot(page, 'ui-trust-cleanup-publish');
    await page.getByRole('button', { name: '公布并应用', exact: true }).click();
    await page.getByTestId('campaign-state').filter({ hasText: '已公布' }).waitFor();
    const c = await rpc<{ noticeDocumentId: string }>('cleanup:get', { id: campaignId });
    const notice = await rpc<{ document: { title: string; issuers: string[] } }>('documents:get', { id: c.noticeDocumentId });
    expect(notice.document.issuers).toEqual(['招远市人民政府']);
    expect(notice.document.title).toBe('招远市人民政府关于公布行政规范性文件清理结果的通知');
    expect(errors).toEqual([]);
  });
});

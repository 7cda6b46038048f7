import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARSE_LIMITS } from '../../electron/core/features/import/limits';
import { readOfdPages } from '../../electron/core/features/import/ofd/read-ofd';
import { rpcCall, screenshot, startUiSession, type UiSession } from './harness';

/** 导出 OFD from the document page's export menu and from a gazette issue: the file downloads and reads back. */

let session: UiSession;
let docId: string;
let docTitle: string;
let issueId: string;

beforeAll(async () => {
  session = await startUiSession();
  await rpcCall(session.app, 'import:samples', {});
  const list = await rpcCall<{ rows: Array<{ id: string; title: string; docNumber: string | null }> }>(session.app, 'documents:list', {});
  const doc = list.rows.find((r) => r.docNumber)!;
  docId = doc.id;
  docTitle = doc.title;
  issueId = (await rpcCall<Array<{ id: string }>>(session.app, 'gazettes:list', {}))[0].id;
});
afterAll(async () => {
  await session?.close();
});

const pagesOf = (file: string) => readOfdPages(new Uint8Array(readFileSync(file)), DEFAULT_PARSE_LIMITS);

describe('UI: export as OFD', () => {
  it('exports a document as OFD from its export menu, with the 版头 when asked', async () => {
    const { page, app } = session;
    await page.goto(`${app.url}#/documents/${docId}`);
    await page.getByRole('button', { name: '导出 ▾' }).click();
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('menuitem', { name: '导出 OFD（公文格式）' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toMatch(/\.ofd$/);
    const read = pagesOf((await d.path())!);
    expect(read.title).toBe(docTitle.replace(/\s+/g, ''));
    expect(read.pages[0].join('')).toContain(docTitle.replace(/\s+/g, '').slice(0, 10));
    await page.getByText('已生成').waitFor();
    expect(await page.getByRole('dialog').textContent()).toContain('导出 OFD');
    await screenshot(page, 'ui-export-ofd-document');
    // the 版头 option exports again, with the issuer's mark on the first page
    const again = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByLabel('加印版头（红色发文机关标志和分隔线）').check();
    const withHead = pagesOf((await (await again).path())!);
    expect(withHead.pages[0][0]).toMatch(/文件$/);
    await page.keyboard.press('Escape');
  });

  it('exports a gazette issue as OFD from the issue editor', async () => {
    const { page, app, errors } = session;
    await page.goto(`${app.url}#/gazettes/${encodeURIComponent(issueId)}`);
    const download = page.waitForEvent('download', { timeout: 90_000 });
    await page.getByRole('button', { name: '导出 OFD' }).click();
    const read = pagesOf((await (await download).path())!);
    await page.getByText('已生成').waitFor({ timeout: 90_000 });
    const shown = await page.getByRole('dialog').textContent();
    expect(shown).toContain(`共 ${read.pages.length} 页`);
    expect(read.pages.length).toBeGreaterThan(3);
    await screenshot(page, 'ui-export-ofd-gazette');
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });
});

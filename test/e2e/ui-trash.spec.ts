import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rpcCall as rpc, screenshot, startUiSession, type BrowserModeApp, type UiSession } from './harness';

// Deleting never loses anything: a document and a gazette issue both go to the 回收站, from where they come back
// whole (the document with its place in the library, the issue with its contents).
let session: UiSession;
let app: BrowserModeApp;
let page: Page;
let errors: string[] = [];
let doc: { id: string; title: string };

beforeAll(async () => {
  session = await startUiSession();
  ({ app, page, errors } = session);
  await rpc(app, 'import:samples', {});
  const list = await rpc<{ rows: Array<{ id: string; title: string }> }>(app, 'documents:list', { normative: true });
  doc = list.rows.sort((a, b) => a.title.length - b.title.length)[0];
});
afterAll(async () => {
  await session?.close();
});

const inLibrary = async (id: string) => (await rpc<Array<{ id: string }>>(app, 'documents:all', {})).some((d) => d.id === id);

describe('UI: the trash', () => {
  it('deletes a document from its page into the trash and restores it', async () => {
    await page.goto(`${app.url}#/documents/${doc.id}`);
    await page.getByRole('heading', { name: doc.title }).waitFor();
    await page.getByRole('button', { name: '删除', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '移入回收站' }).click();
    await page.waitForURL((u) => !u.hash.includes(doc.id));
    expect(await inLibrary(doc.id)).toBe(false);

    await page.goto(`${app.url}#/trash`);
    const row = page.getByRole('row', { name: new RegExp(doc.title) });
    await row.waitFor();
    expect(await row.getByRole('cell').first().textContent()).toBe('文件');
    await row.getByRole('button', { name: '恢复' }).click();
    await page.getByRole('status').filter({ hasText: `已恢复《${doc.title}》` }).waitFor();
    expect(await inLibrary(doc.id)).toBe(true);
  });

  it('deletes a draft gazette issue into the trash with its contents and restores it', async () => {
    const g = await rpc<{ id: string }>(app, 'gazette:create', { title: '博兴县人民政府公报' });
    const issue = await rpc<{ id: string }>(app, 'issue:create', { gazetteId: g.id, publishDate: '2026-11-20', issueNumber: 5 });
    await rpc(app, 'issue:add', { id: issue.id, documentId: doc.id, section: '【县政府文件】' });

    await page.goto(`${app.url}#/gazettes/${issue.id}`);
    await page.getByRole('heading', { name: '博兴县人民政府公报 2026年第5期' }).waitFor();
    await page.getByRole('button', { name: '删除本期' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toContain('其中的文件仍留在文件库中');
    await dialog.getByRole('button', { name: '移入回收站' }).click();
    await page.waitForURL(/#\/gazettes$/);
    expect((await rpc<Array<{ id: string }>>(app, 'gazettes:list', {})).map((i) => i.id)).not.toContain(issue.id);
    expect(await inLibrary(doc.id)).toBe(true);

    await page.goto(`${app.url}#/trash`);
    const row = page.getByRole('row', { name: /《博兴县人民政府公报》2026年第5期/ });
    await row.waitFor();
    expect(await row.getByRole('cell').first().textContent()).toBe('公报期次');
    await screenshot(page, 'trash-with-issue');
    await row.getByRole('button', { name: '恢复' }).click();
    await page.getByRole('status').filter({ hasText: '已恢复《博兴县人民政府公报》2026年第5期及其目录' }).waitFor();
    const back = await rpc<{ entries: Array<{ documentId: string }> }>(app, 'gazettes:get', { id: issue.id });
    expect(back.entries.map((e) => e.documentId)).toEqual([doc.id]);
    expect(errors).toEqual([]);
  });
});

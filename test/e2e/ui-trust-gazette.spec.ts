import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, type BrowserModeApp, rpcCall as callRpc, startUiSession, type UiSession } from './harness';

// Issue 22, defect 1: publishing a gazette issue never re-dates a document published before. The sample library's
// 招政发〔2022〕10号 (自公布之日起实施，有效期五年) is printed in 招远市人民政府公报 2022年第1期; a new 2026 issue that
// carries it again leaves its dates alone, while a new document 自公布之日起施行 takes the 2026 date — shown before
// publishing, named in its history with the issue, and put back when the issue is re-opened.
let session: UiSession;
let app: BrowserModeApp;
let page: Page;
let errors: string[] = [];

const rpc = <T>(channel: string, body: unknown) => callRpc<T>(app, channel, body);
interface Doc {
  id: string;
  title: string;
  docNumber: { normalized: string } | null;
  effectiveDate: string | null;
  validUntil: string | null;
}
const docs = () => rpc<Doc[]>('documents:all', {});
const byNumber = async (n: string) => (await docs()).find((d) => d.docNumber?.normalized === n)!;

const NEW_TEXT = [
  '招远市人民政府关于印发招远市城区停车管理办法的通知',
  '招政发〔2026〕3号',
  '各镇人民政府、街道办事处，市政府各部门：',
  '现将《招远市城区停车管理办法》印发给你们，请认真贯彻执行。',
  '招远市人民政府',
  '2026年2月20日',
  '第一条 为规范城区停车秩序，制定本办法。',
  '第二条 本办法自公布之日起施行，有效期五年。',
].join('\n');

beforeAll(async () => {
  session = await startUiSession();
  ({ app, page, errors } = session);
  await rpc('import:samples', {});
  const [parsed] = await rpc<Array<{ stagedId: string; gazette: unknown; documents: unknown[] }>>('import:parse', {
    files: [{ name: 'tingche.txt', dataBase64: Buffer.from(NEW_TEXT).toString('base64') }],
  });
  await rpc('import:commit', { files: [{ stagedId: parsed.stagedId, gazette: parsed.gazette, documents: parsed.documents.map((_, index) => ({ index })) }] });
});
afterAll(async () => {
  await session?.close();
});

describe('UI: publishing a gazette issue (issue 22, defect 1)', () => {
  let issueId = '';
  let old: Doc;
  let fresh: Doc;

  it('shows, before it commits, which documents it dates and which it leaves alone', async () => {
    old = await byNumber('招政发〔2022〕10号');
    fresh = await byNumber('招政发〔2026〕3号');
    expect([old.effectiveDate, old.validUntil]).toEqual(['2022-02-07', '2027-02-06']);
    const gazette = (await rpc<Array<{ id: string; title: string }>>('gazette:all', {})).find((g) => g.title === '招远市人民政府公报')!;
    issueId = (await rpc<{ id: string }>('issue:create', { gazetteId: gazette.id, publishDate: '2026-03-02' })).id;
    for (const d of [old, fresh]) await rpc('issue:add', { id: issueId, documentId: d.id, section: '【市政府文件】' });

    await page.goto(`${app.url}#/gazettes/${issueId}`);
    await page.getByRole('button', { name: '出版', exact: true }).click();
    const kept = page.getByTestId('kept-list');
    await kept.waitFor();
    expect(await kept.textContent()).toContain('招远市人民政府关于印发《关于促进生物医药产业高质量发展实施意见》的通知');
    expect(await kept.textContent()).toContain('已在招远市人民政府公报 第1号公布');
    const derive = await page.getByTestId('derive-list').textContent();
    expect(derive).toContain('招远市城区停车管理办法');
    expect(derive).toContain('2026年3月2日');
    expect(derive).not.toContain('生物医药');
    await screenshot(page, 'ui-trust-gazette-publish');
  });

  it('publishes without touching the 2022 document; the new one is dated from the issue, named in its history', async () => {
    await page.getByRole('button', { name: '确认出版' }).click();
    await expect.poll(() => page.getByTestId('issue-state').textContent(), { timeout: 30_000 }).toBe('已出版');
    const after = await byNumber('招政发〔2022〕10号');
    expect([after.effectiveDate, after.validUntil]).toEqual(['2022-02-07', '2027-02-06']);
    expect((await rpc<{ status: string }>('documents:get', { id: old.id, asOf: '2026-03-03' })).status).toBe('现行有效');
    const dated = await byNumber('招政发〔2026〕3号');
    expect([dated.effectiveDate, dated.validUntil]).toEqual(['2026-03-02', '2031-03-01']);

    await page.goto(`${app.url}#/documents/${fresh.id}`);
    const cause = page.getByTestId('history-cause').first();
    await cause.waitFor();
    expect(await cause.textContent()).toContain('招远市人民政府公报');
    expect(await page.getByText('依公报出版日期确定施行日期').count()).toBe(1);
    expect(await page.getByTestId('history-changes').first().textContent()).toContain('2026年3月2日');
  });

  it('re-opening the issue shows and puts back the dates it derived', async () => {
    await page.goto(`${app.url}#/gazettes/${issueId}`);
    await page.getByRole('button', { name: '重新打开' }).click();
    const revert = page.getByTestId('revert-list');
    await revert.waitFor();
    expect(await revert.textContent()).toContain('招远市城区停车管理办法');
    await page.getByLabel('理由（记入操作日志）').fill('撤下停车管理办法');
    await page.getByRole('dialog').getByRole('button', { name: '重新打开' }).click();
    await expect.poll(() => page.getByTestId('issue-state').textContent(), { timeout: 30_000 }).not.toBe('已出版');
    const back = await byNumber('招政发〔2026〕3号');
    expect([back.effectiveDate, back.validUntil]).toEqual([fresh.effectiveDate, fresh.validUntil]);
    const history = (await rpc<{ history: Array<{ action: string; after: { cause?: { reason?: string } } | null }> }>('documents:get', { id: fresh.id })).history;
    expect(history.at(-1)).toMatchObject({ action: 'document.dates-reverted', after: { cause: { reason: '重新打开：撤下停车管理办法' } } });
    expect(errors).toEqual([]);
  });
});

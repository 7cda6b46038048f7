import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeLegacy } from '../../electron/core/test-support/hostile-files';
import { screenshot, startUiSession, type UiSession } from './harness';

// Issue 26: what a person sees of a damaged file (U+FFFD in its text) and of a text in two encodings — at review,
// after saving, and on the document page (待核对).
let session: UiSession;

const DAMAGED = ['招远市人民政府关于印发招远市城区停车管理办法的通知', '招政发〔2024〕3号', '各镇人民政府、街道办事处，市政府各部门：',
  '现将《招远市城区停车\ufffd\ufffd管理办法》印发给你们，请认真贯彻执行。', '本办法自2024年3月1日起施行，有效期五年。', '招远市人民政府', '2024年2月10日', ''].join('\n');
const GB = '招远市人民政府办公室关于印发招远市农村公路养护工作方案的通知\n招政办发〔2024〕8号\n各镇人民政府、街道办事处：\n现将农村公路养护工作方案印发给你们，请结合实际认真抓好落实。\n招远市人民政府办公室\n2024年2月20日\n';
const BIG5 = '臺北市政府關於印發臺北市社區發展協會管理辦法的通知\n府社發〔2021〕12號\n各區公所、市府各局處：\n現將《臺北市社區發展協會管理辦法》印發給你們，請認真貫徹執行。\n臺北市政府\n2021年3月5日\n';

beforeAll(async () => {
  session = await startUiSession();
});
afterAll(async () => {
  await session?.close();
});

describe('UI: damaged and mixed-encoding files', () => {
  it('warns at review, saves flagged, and shows 待核对 on the document', async () => {
    const { app, page, errors } = session;
    const dir = mkdtempSync(join(tmpdir(), 'nd-ui-damaged-'));
    writeFileSync(join(dir, '损坏的通知.txt'), DAMAGED);
    writeFileSync(join(dir, '两种编码.txt'), Buffer.concat([encodeLegacy(BIG5, 'big5'), encodeLegacy(GB, 'gbk')]));
    await page.goto(`${app.url}#/import`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件…' }).click();
    await (await chooser).setFiles([join(dir, '损坏的通知.txt'), join(dir, '两种编码.txt')]);
    await page.getByTestId('review-file').nth(1).waitFor({ timeout: 60_000 });
    await page.getByText(/文件中混有不同的编码，已分段读取/).waitFor();
    expect(await page.getByText(/第 1–6 行按 Big5（繁体中文）/).first().isVisible()).toBe(true);
    await screenshot(page, 'ui-import-damaged-review');
    await page.getByRole('button', { name: /^保存 \d+ 件$/ }).click();
    await page.getByText('导入完成').waitFor({ timeout: 60_000 });
    await page.getByText(/文字有损坏，已按原文保存并标记待核对/).waitFor();
    await screenshot(page, 'ui-import-damaged-done');
    await page.getByRole('link', { name: '招远市人民政府关于印发招远市城区停车管理办法的通知' }).first().click();
    await page.getByTestId('review-flags').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('review-flags').innerText()).toMatch(/文字中有 2 处无法识别的字符/);
    await screenshot(page, 'ui-document-damaged');
    expect(errors).toEqual([]);
  });
});

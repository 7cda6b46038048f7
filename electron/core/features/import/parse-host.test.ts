import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../kernel/errors';
import { DEFAULT_PARSE_LIMITS } from './limits';
import { createParseHost } from './parse-host';
import { zipBomb } from '../../test-support/hostile-files';

const log = { info: () => {}, error: () => {} };
const PATTERN = '[A-Z]{4}-\\d{4}-\\d{7}';
const NOTICE = Buffer.from('招远市人民政府关于印发某某办法的通知\n招政发〔2022〕8号\n各镇人民政府：\n本办法自印发之日起施行，有效期三年。\n招远市人民政府\n2022年2月7日\n');

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const hosts: Array<ReturnType<typeof createParseHost>> = [];
afterAll(async () => {
  for (const h of hosts) await h.close();
});

describe('parsing in a bounded worker (issue 14)', () => {
  it('reads and extracts a file in the worker', async () => {
    const host = createParseHost(log);
    hosts.push(host);
    const r = await host.extract('通知.txt', NOTICE, PATTERN);
    expect(r.encoding).toBe('utf-8');
    expect(r.result.documents[0].docNumber?.normalized).toBe('招政发〔2022〕8号');
  });

  it('refuses a .docx zip bomb by its declared size before inflating it, and carries on', async () => {
    const host = createParseHost(log);
    hosts.push(host);
    const bomb = await zipBomb(100);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const e = await rejection(host.extract('炸弹.docx', bomb, PATTERN));
    expect(e.message).toMatch(/Word 文档正文解压后过大（超过 64 MB 的上限）/);
    expect((await host.extract('通知.txt', NOTICE, PATTERN)).result.documents).toHaveLength(1);
  });

  it('stops a zip bomb that lies about its size at the size it declares, and carries on', async () => {
    const host = createParseHost(log, { ...DEFAULT_PARSE_LIMITS, workerHeapMb: 96 });
    hosts.push(host);
    const bomb = await zipBomb(200, 4096);
    const e = await rejection(host.extract('说谎的炸弹.docx', bomb, PATTERN));
    expect(e.message).toMatch(/Word 文档已损坏，已拒绝：其中的“word\/document.xml”解压后的大小与声明不符/);
    expect((await host.extract('通知.txt', NOTICE, PATTERN)).result.documents).toHaveLength(1);
  });

  it('refuses a PDF with too many pages, and a page with too many text items, naming the limit', async () => {
    const host = createParseHost(log, { ...DEFAULT_PARSE_LIMITS, maxPdfItemsPerPage: 1_000 });
    hosts.push(host);
    const many = await PDFDocument.create();
    for (let i = 0; i < 2_050; i++) many.addPage([100, 100]);
    const e = await rejection(host.extract('很多页.pdf', await many.save(), PATTERN));
    expect(e.message).toBe('PDF 页数过多（2050 页，上限 2000 页），请拆分后再导入');

    const dense = await PDFDocument.create();
    const font = await dense.embedFont(StandardFonts.Helvetica);
    const page = dense.addPage([600, 800]);
    for (let i = 0; i < 1_200; i++) page.drawText('x', { x: (i % 100) * 5, y: 10 + Math.floor(i / 100) * 20, size: 4, font });
    const d = await rejection(host.extract('很多字.pdf', await dense.save(), PATTERN));
    expect(d.message).toMatch(/PDF 第 1 页的文字片段过多（超过 1000 个的上限）/);
  });

  it('refuses a text longer than the limit, and a file that takes longer than the time limit', async () => {
    const host = createParseHost(log, { ...DEFAULT_PARSE_LIMITS, maxTextChars: 100_000 });
    hosts.push(host);
    const e = await rejection(host.extract('很长.txt', Buffer.from('文'.repeat(200_000)), PATTERN));
    expect(e.message).toMatch(/文字内容过长（超过 10 万 字的上限）/);
    const slow = createParseHost(log, { ...DEFAULT_PARSE_LIMITS, timeoutMs: 1 });
    hosts.push(slow);
    const t = await rejection(slow.extract('慢.txt', NOTICE, PATTERN));
    expect(t.message).toMatch(/文件“慢.txt”解析超过 1 毫秒的时限，已停止解析/);
  });

  it('answers files sent ahead in order, each with its own result, around one refused in the middle (issue 25)', async () => {
    const host = createParseHost(log, { ...DEFAULT_PARSE_LIMITS, maxPdfItemsPerPage: 1_000 });
    hosts.push(host);
    const dense = await PDFDocument.create();
    const font = await dense.embedFont(StandardFonts.Helvetica);
    const page = dense.addPage([600, 800]);
    for (let i = 0; i < 1_200; i++) page.drawText('x', { x: (i % 100) * 5, y: 10 + Math.floor(i / 100) * 20, size: 4, font });
    const notice = (n: number) => Buffer.from(NOTICE.toString('utf8').replace('8号', `${n}号`));
    // all sent at once, as a parse request does: the worker reads the next while this thread is busy
    const asked = [host.extract('一.txt', notice(1), PATTERN), host.extract('很多字.pdf', await dense.save(), PATTERN), host.extract('二.txt', notice(2), PATTERN), host.extract('三.txt', notice(3), PATTERN)];
    const [one, refused, two, three] = await Promise.allSettled(asked);
    const numberOf = (r: PromiseSettledResult<Awaited<(typeof asked)[number]>>) => (r.status === 'fulfilled' ? r.value.result.documents[0].docNumber?.normalized : r.reason);
    expect([numberOf(one), numberOf(two), numberOf(three)]).toEqual(['招政发〔2022〕1号', '招政发〔2022〕2号', '招政发〔2022〕3号']);
    expect(refused.status === 'rejected' && (refused.reason as AppError).message).toMatch(/PDF 第 1 页的文字片段过多（超过 1000 个的上限）/);
  });

  it('when a file passes the time limit its worker is ended, and every file sent after it still gets its own answer', async () => {
    const host = createParseHost(log, { ...DEFAULT_PARSE_LIMITS, timeoutMs: 1 });
    hosts.push(host);
    const answers = await Promise.allSettled(['甲.txt', '乙.txt', '丙.txt'].map((name) => host.extract(name, NOTICE, PATTERN)));
    expect(answers.map((a) => (a.status === 'rejected' ? (a.reason as AppError).message : 'read'))).toEqual(
      ['甲.txt', '乙.txt', '丙.txt'].map((name) => `文件“${name}”解析超过 1 毫秒的时限，已停止解析（文件可能过于复杂或经过恶意构造）`),
    );
  });
});

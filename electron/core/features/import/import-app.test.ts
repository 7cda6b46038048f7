import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../composition';
import { zipBomb } from '../../test-support/hostile-files';

const app = createApp({ dataDir: ':memory:', shell: 'cli', resourcesDir: '/nonexistent', log: { info: () => {}, error: () => {} } });
afterAll(() => app.close());

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const NOTICE = '招远市人民政府关于印发某某办法的通知\n招政发〔2022〕8号\n各镇人民政府：\n本办法自2022年3月1日起施行，有效期至2021年12月31日。\n招远市人民政府\n2022年2月7日\n';

describe('import through the contract (issues 9, 14, 16)', () => {
  it('a hostile file gets a Chinese message while other requests are answered, and the next import works', async () => {
    const bomb = await zipBomb(200, 4096); // lies about its size: only inflating it finds out
    let parsedAt = 0;
    const parsing = app.call('import:parse', { files: [{ name: '炸弹.docx', dataBase64: b64(bomb) }] }).then((r) => {
      parsedAt = performance.now();
      return r;
    });
    const listed = await app.call('documents:list', {});
    const listedAt = performance.now();
    expect(listed.total).toBe(0);
    const [bad] = await parsing;
    expect(listedAt).toBeLessThan(parsedAt);
    expect(bad.stagedId).toBeNull();
    expect(bad.error).toMatch(/Word 文档|内存/);

    const [good] = await app.call('import:parse', { files: [{ name: '通知.txt', dataBase64: b64(Buffer.from(NOTICE)) }] });
    expect(good.documents[0].reviewWarnings.map((w) => w.kind)).toContain('inconsistent-dates');
    const summary = await app.call('import:commit', { files: [{ stagedId: good.stagedId!, gazette: null, documents: [{ index: 0 }] }] });
    expect(summary.created).toHaveLength(1);
    expect(summary.flagged[0].reason).toMatch(/有效期截止日期（2021-12-31）早于施行日期（2022-03-01）/);
    // The same staged parse cannot be stored twice: the message says to parse again.
    const again = await app.call('import:commit', { files: [{ stagedId: good.stagedId!, gazette: null, documents: [{ index: 0 }] }] });
    expect(again.refused[0].reason).toMatch(/文件“通知.txt”未保存.*请重新解析/);
  }, 60_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../composition';
import { blankScan, exportedPages, scanLike, SCAN_DOC_NUMBER, SCAN_TITLE } from '../../test-support/scans';
import { tableCounts } from '../../test-support/fixtures';

// A scanned page through the contract, as the import page uses it: parse (OCR in the worker), look at the page
// and the unsure characters, correct a line, commit; the stored document keeps its page and says it came from OCR.

const app = createApp({ dataDir: ':memory:', shell: 'cli', resourcesDir: '/nonexistent', log: { info: () => {}, error: () => {} } });
afterAll(() => app.close());
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
let scan: Buffer;
let pages: Buffer[];
beforeAll(async () => {
  pages = await exportedPages(200);
  scan = await scanLike(pages[0]);
}, 120_000);

describe('importing scanned paper (issue 21)', () => {
  it('stages a scanned page with its image and unsure characters, takes line corrections, and keeps the page with the document', async () => {
    const [file] = await app.call('import:parse', { files: [{ name: '扫描件.jpg', dataBase64: b64(scan) }] });
    expect(file.error).toBeNull();
    expect(file.scan).toMatchObject({ pages: 1 });
    const index = file.documents.findIndex((d) => d.docNumber?.normalized === SCAN_DOC_NUMBER);
    expect(index).toBeGreaterThanOrEqual(0);

    const view = (await app.call('import:scan', { stagedId: file.stagedId!, index }))!;
    expect(view.pages.map((p) => p.page)).toEqual([0]);
    expect(view.lines.length).toBeGreaterThan(5);
    const image = await app.call('import:scanPage', { stagedId: file.stagedId!, page: 0 });
    expect(Buffer.from(image.jpegBase64, 'base64').subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));

    // A person reads the page and corrects the 文号 line: the document is extracted again from the corrected text.
    const numberLine = view.lines.find((l) => l.text.includes('招政发'))!;
    const fixed = await app.call('import:correctLine', { stagedId: file.stagedId!, index, line: numberLine.line, corrected: '招政发〔2022〕18号' });
    expect(fixed.documents[index].docNumber?.normalized).toBe('招政发〔2022〕18号');
    expect((await app.call('import:scan', { stagedId: file.stagedId!, index }))!.lines.find((l) => l.line === numberLine.line)).toMatchObject({ corrected: true, low: [] });
    // A line that is not in the document is refused with a reason.
    await expect(app.call('import:correctLine', { stagedId: file.stagedId!, index, line: 99_999, corrected: 'x' })).rejects.toThrow(/没有第 99999 行/);

    const summary = await app.call('import:commit', { files: [{ stagedId: file.stagedId!, gazette: null, documents: [{ index }] }] });
    expect(summary.created).toHaveLength(1);
    const id = summary.created[0].id;
    const stored = (await app.call('documents:get', { id })).document;
    expect(stored.title.replace(/\s+/g, '')).toBe(SCAN_TITLE);
    const kept = (await app.call('import:documentScan', { documentId: id }))!;
    expect(kept).toMatchObject({ fileName: '扫描件.jpg', pages: [{ page: 0 }] });
    expect(kept.engine).toMatch(/PaddleOCR/);
    expect((await app.call('import:documentScanPage', { documentId: id, page: 0 })).jpegBase64.length).toBeGreaterThan(10_000);
    const corrections = await app.call('import:corrections', { documentId: id });
    expect(corrections).toContainEqual(expect.objectContaining({ kind: 'field', field: 'text', correctedValue: '招政发〔2022〕18号' }));
    // Search finds the corrected text.
    const found = await app.call('search:query', { text: '招政发〔2022〕18号' });
    expect(found.results.map((r) => r.id)).toContain(id);
  }, 180_000);

  it('a blank page gives no document and stores nothing', async () => {
    const before = tableCounts(app.ctx);
    const [file] = await app.call('import:parse', { files: [{ name: '空白.jpg', dataBase64: b64(await blankScan()) }] });
    expect(file.stagedId).toBeNull();
    expect(file.error).toMatch(/没有识别出文字/);
    expect(tableCounts(app.ctx)).toEqual(before);
  }, 60_000);

  it('cancel stops a long scan while it is read: nothing is staged or stored, and the next file is read', async () => {
    const sharp = (await import('sharp')).default;
    const tiffPages = await Promise.all(Array.from({ length: 4 }, (_, i) => scanLike(pages[i % pages.length], { seed: i + 1 })));
    const tiff = await sharp(tiffPages, { join: { animated: true } }).tiff().toBuffer();
    const before = tableCounts(app.ctx);
    const parsing = app.call('import:parse', { files: [{ name: '多页扫描.tif', dataBase64: b64(tiff) }] });
    let progress = null;
    for (let i = 0; i < 600 && !(progress && progress.done >= 1); i++) {
      await new Promise((r) => setTimeout(r, 100));
      progress = await app.call('import:progress', {});
    }
    expect(progress).toMatchObject({ file: '多页扫描.tif', total: 4 });
    expect(await app.call('import:cancel', {})).toEqual({ cancelled: true });
    const [file] = await parsing;
    expect(file.stagedId).toBeNull();
    expect(file.error).toMatch(/已取消/);
    expect(await app.call('import:progress', {})).toBeNull();
    expect(tableCounts(app.ctx)).toEqual(before);
    const [next] = await app.call('import:parse', { files: [{ name: '下一个.jpg', dataBase64: b64(scan) }] });
    expect(next.error).toBeNull();
  }, 240_000);
});

import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseText } from '../../../../../shared/parse';
import { AppError } from '../../../kernel/errors';
import { blankScan, exportedPages, greyOf, scanLike, sharpLib, SCAN_DOC_NUMBER, SCAN_TITLE } from '../../../test-support/scans';
import { readImportFile } from '../read-file';
import { restoreDocNumberBrackets } from './read';

// Scans made at test time from the project's own official-format export (see test-support/scans.ts): the text
// on them is known, so what OCR reads can be checked against it. The models ship in an npm package: no network.

let pages: Buffer[];
beforeAll(async () => {
  pages = await exportedPages(200);
}, 120_000);

const squash = (s: string) => s.replace(/\s+/g, '');

async function read(name: string, bytes: Buffer, opts = {}) {
  const r = await readImportFile(name, new Uint8Array(bytes), undefined, opts);
  return { ...r, parsed: parseText(r.text, { file: name, encoding: r.encoding }) };
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('reading scanned paper offline (issue 21)', () => {
  it('reads a scanned page into a document with its title, 文号 and date', async () => {
    const r = await read('扫描件.jpg', await scanLike(pages[0]));
    expect(r.encoding).toBe('ocr');
    const doc = r.parsed.documents[0];
    expect(squash(doc.title)).toBe(SCAN_TITLE);
    expect(doc.docNumber?.normalized).toBe(SCAN_DOC_NUMBER);
    expect(doc.dateSigned).toBe('2022-02-07');
    // what the review needs: one page image, and per line its place and confidences
    expect(r.ocr!.pages).toHaveLength(1);
    expect(r.ocr!.lines).toHaveLength(r.text.split('\n').length);
    expect(r.ocr!.lines.every((l) => l && l.confidence.length === [...r.text.split('\n')[r.ocr!.lines.indexOf(l)]].length)).toBe(true);
  }, 120_000);

  it('reads a page scanned upside down or sideways the right way up', async () => {
    for (const quarter of [2, 1] as const) {
      const r = await read(`转向${quarter}.png`, await scanLike(pages[0], { quarter, angle: -0.8 }));
      expect(squash(r.parsed.documents[0].title), `${quarter * 90}°`).toBe(SCAN_TITLE);
    }
  }, 180_000);

  it('gives no text for a blank page, and says so', async () => {
    const e = await rejection(read('空白页.jpg', await blankScan()));
    expect(e.message).toMatch(/没有识别出文字/);
  }, 60_000);

  it('reads a two-page spread as two pages, left then right', async () => {
    const sharp = await sharpLib();
    const [left, right] = [pages[0], pages[1] ?? pages[0]];
    const meta = await sharp(left).metadata();
    const spread = await sharp({ create: { width: meta.width! * 2 + 80, height: meta.height!, channels: 3, background: '#ffffff' } })
      .composite([{ input: left, left: 0, top: 0 }, { input: right, left: meta.width! + 80, top: 0 }])
      .png()
      .toBuffer();
    const r = await read('跨页.jpg', await scanLike(spread, { angle: 0.3 }));
    expect(r.ocr!.pages).toHaveLength(2);
    const firstOnRight = r.ocr!.lines.findIndex((l) => l?.page === 1);
    expect(firstOnRight).toBeGreaterThan(0);
    expect(squash(r.text.split('\n').slice(0, firstOnRight).join(''))).toContain(SCAN_TITLE);
  }, 180_000);

  it('does not read a red seal or red masthead as text', async () => {
    const sharp = await sharpLib();
    const meta = await sharp(pages[0]).metadata();
    const seal = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${meta.width}" height="${meta.height}">` +
        `<text x="50%" y="5%" text-anchor="middle" font-size="90" fill="#e60012" font-family="Noto Serif CJK SC">红头文件专用章样</text>` +
        `<circle cx="${meta.width! * 0.6}" cy="${meta.height! * 0.3}" r="170" stroke="#e60012" stroke-width="10" fill="none"/>` +
        `<text x="${meta.width! * 0.6}" y="${meta.height! * 0.3}" text-anchor="middle" font-size="46" fill="#e60012" font-family="Noto Serif CJK SC">印章专用样</text></svg>`,
    );
    const colour = await sharp(pages[0]).toColourspace('srgb').composite([{ input: seal }]).jpeg({ quality: 85 }).toBuffer();
    const r = await read('带章.jpg', colour);
    expect(r.text).not.toMatch(/专用/);
    expect(squash(r.parsed.documents[0].title)).toBe(SCAN_TITLE);
  }, 120_000);

  it('reads the scanned pages of a PDF without a text layer, and refuses them with --no-ocr', async () => {
    const pdf = await PDFDocument.create();
    for (const png of pages) {
      const jpg = await pdf.embedJpg(await scanLike(png));
      pdf.addPage([595, 842]).drawImage(jpg, { x: 0, y: 0, width: 595, height: 842 });
    }
    const bytes = Buffer.from(await pdf.save());
    const progress: number[] = [];
    const r = await read('扫描件.pdf', bytes, { onPage: (done: number) => progress.push(done) });
    expect(r.encoding).toBe('pdf+ocr');
    expect(r.ocr!.pages).toHaveLength(pages.length);
    expect(progress).toEqual(pages.map((_, i) => i + 1));
    expect(r.parsed.documents[0].docNumber?.normalized).toBe(SCAN_DOC_NUMBER);
    const e = await rejection(read('扫描件.pdf', bytes, { ocr: false }));
    expect(e.message).toMatch(/扫描件|OCR/);
  }, 180_000);

  it('refuses a broken image with a message, not a crash', async () => {
    const e = await rejection(read('坏图.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])));
    expect(e.message).toMatch(/无法读取图片/);
    expect((await greyOf(await blankScan(100, 100))).width).toBe(100);
  });

  it('puts the official 〔〕 back in a 文号 read with [ ] and the dash in a range of years, and nowhere else', () => {
    expect(restoreDocNumberBrackets('（招政发[2022]8号）')).toBe('（招政发〔2022〕8号）');
    expect(restoreDocNumberBrackets('见附件[2022]表')).toBe('见附件[2022]表');
    expect(restoreDocNumberBrackets('服务体系建设规划（2021－2025年）的通知')).toBe('服务体系建设规划（2021—2025年）的通知');
    expect(restoreDocNumberBrackets('电话 2021-2025')).toBe('电话 2021-2025');
  });
});

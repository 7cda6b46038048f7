import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error';
import { readImportFile } from './readers';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');
const enc = (s: string) => new TextEncoder().encode(s);

async function rejects(p: Promise<unknown>, message: RegExp) {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe('INVALID_INPUT');
  expect((e as AppError).message).toMatch(message);
}

describe('readImportFile .txt', () => {
  it('UTF-8 with and without BOM', async () => {
    expect(await readImportFile('a.txt', enc('关于印发的通知'))).toEqual({ text: '关于印发的通知', encoding: 'utf-8' });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc('高政字〔2021〕60号')]);
    expect(await readImportFile('a.TXT', bom)).toEqual({ text: '高政字〔2021〕60号', encoding: 'utf-8-bom' });
  });
  it('GB18030/GBK is detected', async () => {
    // GBK bytes of 招远市 + CRLF
    const gb = new Uint8Array([0xd5, 0xd0, 0xd4, 0xb6, 0xca, 0xd0, 0x0d, 0x0a]);
    expect(await readImportFile('gb.txt', gb)).toEqual({ text: '招远市\r\n', encoding: 'gb18030' });
  });
  it('a corpus file survives a UTF-8 round trip unchanged', async () => {
    const f = readdirSync(CORPUS).find((x) => x.startsWith('001'))!;
    const bytes = readFileSync(path.join(CORPUS, f));
    expect((await readImportFile(f, new Uint8Array(bytes))).text).toBe(bytes.toString('utf8'));
  });
  it('UTF-16 with BOM', async () => {
    const s = '通知';
    const bytes = new Uint8Array(2 + s.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < s.length; i++) {
      bytes[2 + i * 2] = s.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = s.charCodeAt(i) >> 8;
    }
    expect(await readImportFile('u16.txt', bytes)).toEqual({ text: '通知', encoding: 'utf-16le' });
  });
  it('bad input gets a clear Chinese message', async () => {
    await rejects(readImportFile('empty.txt', new Uint8Array()), /文件为空/);
    await rejects(readImportFile('bin.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])), /二进制|编码/);
    await rejects(readImportFile('x.exe', enc('MZ')), /不支持的文件类型/);
    await rejects(readImportFile('big.txt', new Uint8Array(50 * 1024 * 1024 + 1)), /文件过大/);
    await rejects(readImportFile('spaces.txt', enc('   \n  ')), /没有文字/);
  });
});

describe('readImportFile .docx and .pdf', () => {
  it('reads a .docx', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('高青县人民政府'), new Paragraph('关于公布清理结果的通知')] }] });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const r = await readImportFile('a.docx', bytes);
    expect(r.encoding).toBe('docx');
    expect(r.text).toContain('关于公布清理结果的通知');
    await rejects(readImportFile('cut.docx', bytes.subarray(0, Math.floor(bytes.length / 2))), /Word/);
    await rejects(readImportFile('fake.docx', enc('not a zip')), /Word/);
  });
  it('reads a .pdf text layer, refuses scans and fakes', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage();
    page.drawText('Line one 2021', { x: 50, y: 700, font, size: 12 });
    page.drawText('Line two', { x: 50, y: 680, font, size: 12 });
    const r = await readImportFile('a.pdf', await pdf.save());
    expect(r.text.split('\n')).toEqual(['Line one 2021', 'Line two']);

    const blank = await PDFDocument.create();
    blank.addPage();
    await rejects(readImportFile('scan.pdf', await blank.save()), /OCR/);
    await rejects(readImportFile('fake.pdf', enc('hello world')), /不是有效的 PDF/);
  }, 30_000);
});

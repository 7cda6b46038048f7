import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../../../shared/parse';
import { AppError } from '../../kernel/errors';
import { readImportFile } from './read-file';

const CORPUS = path.resolve(__dirname, '../../../../resources/samples');
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
    await rejects(readImportFile('bin.txt', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2])), /二进制|编码/);
    // a PNG named .txt is read as what it is (a scan), and says so when it is broken
    await rejects(readImportFile('png.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])), /无法读取图片/);
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

const hasIconv = (() => {
  try {
    execFileSync('iconv', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('GB18030 copies of the corpus', () => {
  if (!hasIconv) console.warn('iconv not found: GB18030 corpus round trip skipped');
  it.skipIf(!hasIconv)('each corpus file parses identically from GB18030 bytes', async () => {
    for (const f of readdirSync(CORPUS).filter((x) => x.endsWith('.txt')).sort()) {
      const utf8 = readFileSync(path.join(CORPUS, f));
      const gb = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: utf8, maxBuffer: 64 * 1024 * 1024 });
      expect(gb.equals(utf8), f).toBe(false);
      const read = await readImportFile(f, new Uint8Array(gb));
      expect(read.encoding).toBe('gb18030');
      expect(read.text).toBe(utf8.toString('utf8'));
      const a = parseText(utf8.toString('utf8'), { file: f, encoding: 'utf-8' });
      const b = parseText(read.text, { file: f, encoding: 'utf-8' });
      expect(b).toEqual(a);
    }
  }, 60_000);
});

describe('bad files', () => {
  it('a 100 MB text is refused as too large before it is decoded', async () => {
    const big = new Uint8Array(100 * 1024 * 1024).fill(0x41);
    const t0 = performance.now();
    await rejects(readImportFile('big.txt', big), /文件过大/);
    expect(performance.now() - t0).toBeLessThan(200);
  });
  it('binary, truncated .docx and a .pdf that is not a PDF', async () => {
    const bin = new Uint8Array(4096).map((_, i) => (i * 131 + 7) & 0xff);
    await rejects(readImportFile('random.txt', bin), /二进制|编码/);
    await rejects(readImportFile('zip.docx', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])), /Word/);
    await rejects(readImportFile('a.pdf', enc('%PDF-1.7 garbage')), /PDF/);
    // a .doc that is a text file is read as one; one that is neither Word nor text says what to do
    expect((await readImportFile('old.doc', enc('关于印发的通知'))).text).toBe('关于印发的通知');
    await rejects(readImportFile('old.doc', new Uint8Array([1, 2, 3, 0, 0, 9, 200, 1])), /\.docx/);
  });
});

describe('a real .docx notice end to end', () => {
  it('reads paragraphs through mammoth and parses the notice', async () => {
    const lines = [
      '某某县人民政府办公室',
      '关于印发某某县农村饮水安全管理办法的通知',
      '某政办发〔2021〕5号',
      '各乡镇人民政府，县政府各部门：',
      '现将《某某县农村饮水安全管理办法》印发给你们，请认真贯彻执行。',
      '某某县人民政府办公室',
      '2021年3月1日',
      '某某县农村饮水安全管理办法',
      '第一条 为了保障农村饮水安全，制定本办法。',
      '第二条 本办法自2021年4月1日起施行，有效期五年。《某某县农村供水管理规定》（某政办发〔2015〕3号）同时废止。',
    ];
    const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] });
    const r = await readImportFile('notice.docx', new Uint8Array(await Packer.toBuffer(doc)));
    const parsed = parseText(r.text, { file: 'notice.docx', encoding: r.encoding });
    expect(parsed.documents).toHaveLength(1);
    expect(parsed.documents[0]).toMatchObject({
      title: '某某县人民政府办公室关于印发某某县农村饮水安全管理办法的通知',
      docNumber: { normalized: '某政办发〔2021〕5号' },
      dateSigned: '2021-03-01',
      effectiveDate: '2021-04-01',
      validUntil: '2026-03-31',
      isNormative: true,
      abolishes: [{ title: '某某县农村供水管理规定', docNumber: '某政办发〔2015〕3号' }],
    });
  });
});

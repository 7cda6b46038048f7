import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../kernel/errors';
import {
  docxWith,
  pdfDoubleFlateBomb,
  pdfFromObjects,
  pdfInflateBomb,
  pdfStream,
  pdfWithText,
  pdfXObjectFanOut,
  zlibOfRepeated,
} from '../../test-support/hostile-files';
import { DEFAULT_PARSE_LIMITS } from './limits';
import { createParseHost } from './parse-host';
import { decodedLength } from './pdf-streams';
import { readImportFile } from './read-file';

// Issue 26: hostile PDFs and damaged zips (items 4, 6, 7).

async function refusal(p: Promise<unknown>): Promise<string> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe('INVALID_INPUT');
  return (e as AppError).message;
}

const log = { info: () => {}, error: () => {} };
const hosts: Array<ReturnType<typeof createParseHost>> = [];
afterAll(async () => {
  for (const h of hosts) await h.close();
});

describe('PDF streams are bounded before pdf.js inflates them', () => {
  it('a 1 MB PDF whose page inflates to 1 GB is refused at once, without the memory', async () => {
    const bomb = pdfInflateBomb(1 << 30);
    expect(bomb.length).toBeLessThan(1.2 * 1024 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)), 5);
    const message = await refusal(readImportFile('炸弹.pdf', new Uint8Array(bomb)));
    clearInterval(watch);
    expect(message).toBe('PDF 中有数据流解压后超过 64 MB 的上限（可能是恶意构造的压缩炸弹），已拒绝');
    expect(peak - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('a stream deflated twice, and streams that together pass the file bound, are refused naming the bound', async () => {
    expect(await refusal(readImportFile('两次压缩.pdf', new Uint8Array(pdfDoubleFlateBomb(256 << 20))))).toMatch(/超过 64 MB 的上限/);
    // eight content streams of 1 MB each under a file bound of 4 MB
    const streams = Array.from({ length: 8 }, () => pdfStream('/Filter /FlateDecode', zlibOfRepeated(1 << 20)));
    const many = pdfFromObjects([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [4 0 R 5 0 R 6 0 R 7 0 R 8 0 R 9 0 R 10 0 R 11 0 R] >>',
      ...streams,
    ]);
    const limits = { ...DEFAULT_PARSE_LIMITS, maxPdfInflatedBytes: 4 << 20 };
    expect(await refusal(readImportFile('很多流.pdf', new Uint8Array(many), limits))).toBe('PDF 的数据流解压后共超过 4 MB 的上限（可能是恶意构造的压缩炸弹），已拒绝');
  });

  it('an ordinary PDF is still read', async () => {
    expect((await readImportFile('a.pdf', new Uint8Array(pdfWithText(['Notice 2021', 'Second line'])))).text).toBe('Notice 2021\nSecond line');
  });

  it('LZW is decoded as the PDF reference gives it, and bounded', () => {
    // ISO 32000-1, 7.4.4.2: codes 45 45 258 258 65 259 66 257
    const data = Uint8Array.from([0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01]);
    expect(decodedLength(data, ['LZWDecode'], 100)).toBe(10);
    expect(decodedLength(data, ['LZWDecode'], 9)).toBeNull();
    expect(decodedLength(Uint8Array.from([0x02, 0x41, 0x42, 0x43, 0x81, 0x44, 0x80]), ['RunLengthDecode'], 1000)).toBe(3 + 128);
    expect(decodedLength(Uint8Array.from([0x81, 0x41]), ['RL'], 100)).toBeNull();
  });
});

describe('memory outside the worker heap is watched', () => {
  it('a stream inflating under the stream bound but past the memory bound ends the worker with a message', async () => {
    const host = createParseHost(log, { ...DEFAULT_PARSE_LIMITS, workerHeapMb: 512, externalMb: 16, maxPdfStreamBytes: 1 << 30, maxPdfInflatedBytes: 1 << 30 });
    hosts.push(host);
    expect(await refusal(host.extract('大流.pdf', pdfInflateBomb(768 << 20), undefined))).toMatch(/文件“大流.pdf”解析时占用内存超过上限（512 MB，解压数据 16 MB）/);
    expect((await host.extract('下一个.pdf', pdfWithText(['Next file 2022']), undefined)).text).toBe('Next file 2022');
  }, 60_000);
});

describe('a PDF whose forms fan out', () => {
  it('is refused at the item limit, and the next file is read by a fresh worker', async () => {
    const host = createParseHost(log, { ...DEFAULT_PARSE_LIMITS, maxPdfItemsPerPage: 2_000 });
    hosts.push(host);
    const fan = pdfXObjectFanOut(9, 10);
    expect(fan.length).toBeLessThan(4096);
    const started = Date.now();
    expect(await refusal(host.extract('扇出.pdf', fan, undefined))).toMatch(/PDF 第 1 页的文字片段过多（超过 2000 个的上限）/);
    expect(Date.now() - started).toBeLessThan(60_000);
    const next = await host.extract('下一个.pdf', pdfWithText(['Next file 2022']), undefined);
    expect(next.text).toBe('Next file 2022');
  }, 90_000);
});

describe('damaged .docx', () => {
  it('a flipped byte in word/document.xml is refused naming the part, not stored as U+FFFD', async () => {
    const good = await docxWith(['高青县人民政府', '关于公布清理结果的通知']);
    expect((await readImportFile('好的.docx', new Uint8Array(good))).text).toContain('关于公布清理结果的通知');
    const bad = await docxWith(['高青县人民政府', '关于公布清理结果的通知'.repeat(50)], true);
    expect(await refusal(readImportFile('坏的.docx', new Uint8Array(bad)))).toMatch(/Word 文档已损坏，已拒绝：其中的“word\/document.xml”(校验和（CRC）不符|数据不完整或已损坏|解压后的大小与声明不符)/);
  });

  it('a truncated .docx is refused with a Chinese message', async () => {
    const good = await docxWith(['关于公布清理结果的通知']);
    expect(await refusal(readImportFile('截断.docx', new Uint8Array(good.subarray(0, Math.floor(good.length * 0.7)))))).toMatch(/Word 文档|已损坏/);
  });
});

import { stripControlChars } from '../../../../shared/domain/control-chars';
import { detectAndDecode } from './encoding';
import { chooseReader, invalid, type FormatReader, type ReadResult } from './formats';
import { DEFAULT_PARSE_LIMITS, mb, type ParseLimits } from './limits';
import { docReader } from './read-doc';
import { htmlReader, mhtmlReader } from './read-html';
import { odtReader } from './read-odt';
import { rtfReader } from './read-rtf';
import { readScanImage, type ReadOptions } from './ocr/scan-reader';
import { readOfd } from './ofd/read-ofd';
import { capText, decodeText, readDocx, readPdf } from './readers';

/**
 * Every format NormDesk reads, and the one way to read an import file. A new format is one entry here: a
 * FormatReader (formats.ts) with its extensions, a content check and a read function.
 */

export const textReader: FormatReader = { id: 'txt', label: '纯文本', extensions: ['txt', 'text'], read: (bytes) => decodeText(bytes) };

/** JPEG, PNG and TIFF (both byte orders) by their first bytes. */
const SCAN_MAGIC = [[0xff, 0xd8, 0xff], [0x89, 0x50, 0x4e, 0x47], [0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a]];

/** Scanned pages as images: JPEG, PNG, TIFF (any number of pages), read by OCR (ocr/). */
export const scanReader: FormatReader = {
  id: 'scan',
  label: '扫描图片（OCR 识别）',
  extensions: ['jpg', 'jpeg', 'png', 'tif', 'tiff'],
  sniff: (p) => SCAN_MAGIC.some((magic) => magic.every((b, i) => p.bytes[i] === b)),
  read: (b, l, name, o) => readScanImage(name, b, l, o ?? {}),
};

export const FORMAT_READERS: readonly FormatReader[] = [
  { id: 'pdf', label: 'PDF（文字层；无文字层的扫描页经 OCR 识别）', extensions: ['pdf'], sniff: (p) => p.head.slice(0, 1024).includes('%PDF-'), read: (b, l, _n, o) => readPdf(b, l, o) },
  // an OFD package is a zip with OFD.xml at its root (before the .docx check, which looks at zips too)
  { id: 'ofd', label: 'OFD 版式文档', extensions: ['ofd'], sniff: (p) => p.zipNames()?.some((n) => /^OFD\.xml$/i.test(n)) === true, read: (b, l) => readOfd(b, l) },
  { id: 'docx', label: 'Word 文档', extensions: ['docx', 'docm', 'dotx'], sniff: (p) => p.zipNames()?.includes('word/document.xml') === true, read: (b, l) => readDocx(b, l) },
  docReader,
  odtReader,
  rtfReader,
  mhtmlReader,
  htmlReader,
  scanReader,
  textReader,
];

/** True when the start of the bytes reads as text in some encoding (a binary format's extension on a text file). */
function looksLikeText(bytes: Uint8Array): boolean {
  let end = Math.min(bytes.length, 65_536);
  if (end < bytes.length) end = bytes.lastIndexOf(0x0a, end) > 0 ? bytes.lastIndexOf(0x0a, end) : end;
  const decoded = detectAndDecode(bytes.subarray(0, end));
  // a reading the detector doubts (garbled, or a rare encoding) is no reason to take a binary for text
  if (!decoded || decoded.note) return false;
  const sample = decoded.text.slice(0, 20_000);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return sample.length > 0 && control / sample.length <= 0.05;
}

/** Which reader takes this file (by content first, then by extension). */
export const readerFor = (name: string, bytes: Uint8Array, readers: readonly FormatReader[] = FORMAT_READERS) =>
  chooseReader(readers, textReader, name, bytes, looksLikeText);

/**
 * Reads an import file's bytes into text within `limits`; throws AppError('INVALID_INPUT') with a Chinese
 * message on bad input or a limit passed.
 */
export async function readImportFile(name: string, bytes: Uint8Array, limits: ParseLimits = DEFAULT_PARSE_LIMITS, opts: ReadOptions = {}): Promise<ReadResult> {
  if (!bytes || bytes.length === 0) throw invalid(`文件为空：${name}`);
  if (bytes.length > limits.maxFileBytes) throw invalid(`文件过大（${mb(bytes.length)}）：单个文件不能超过 ${mb(limits.maxFileBytes)}`);
  const read = await readerFor(name, bytes).read(bytes, limits, name, opts);
  // NUL, \x01 … and bidi overrides from a damaged or hostile file never reach a title, a 文号 or a body
  const result = { ...read, text: stripControlChars(read.text) };
  capText(result.text, limits);
  if (!result.text.trim()) throw invalid(`文件没有文字内容：${name}`);
  return result;
}

import { AppError } from '../../kernel/errors';

import { detectAndDecode } from './encoding';
import { DEFAULT_PARSE_LIMITS, mb, wan, type ParseLimits } from './limits';
import { readOfd } from './ofd/read-ofd';
import { findEndOfCentralDirectory } from './ofd/zip';

/**
 * Bytes of an import file → text. `.txt` in UTF-8 (with or without BOM), UTF-16/UTF-32, GB18030/GBK, Big5,
 * EUC-KR or Shift-JIS — detected, never asked (see encoding.ts); `.docx` through mammoth; `.pdf` with a text
 * layer through pdfjs-dist (text items joined into lines by their y position). Every step is bounded (see
 * limits.ts). Bad input throws AppError('INVALID_INPUT') with a Chinese message.
 */

export interface ReadResult {
  text: string;
  encoding: string;
  /** for the review: how the encoding was decided when it was not plain UTF-8/GB18030, or that it looks garbled */
  note?: string | null;
}

function invalid(message: string): AppError {
  return new AppError('INVALID_INPUT', message);
}

function extOf(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name.trim());
  return m ? m[1].toLowerCase() : '';
}

/** Reads a text file in whatever encoding it is in (see encoding.ts). */
export function decodeText(bytes: Uint8Array): ReadResult {
  const decoded = detectAndDecode(bytes);
  if (!decoded) failBinary();
  return { text: checkText(decoded.text), encoding: decoded.encoding, ...(decoded.note ? { note: decoded.note } : {}) };
}

function failBinary(): never {
  throw invalid('文件不是可识别的文本（可能是二进制文件或编码无法识别）');
}

/** Rejects decoded text that is mostly control characters (binary that happened to decode). */
function checkText(text: string): string {
  const sample = text.slice(0, 20000);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  if (sample.length && control / sample.length > 0.05) failBinary();
  return text;
}

/**
 * The declared uncompressed sizes in a zip's central directory: word/document.xml and all entries together.
 * Read before mammoth inflates anything, so a zip bomb that states its size is refused at once; one that lies
 * is stopped by the worker's heap and time limits.
 */
export function zipDeclaredSizes(bytes: Uint8Array): { documentXml: number | null; total: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  let total = 0;
  let documentXml: number | null = null;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return null;
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const name = new TextDecoder('utf-8').decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // 0xFFFFFFFF: the real size is in a ZIP64 field; no .docx needs that, so count it as too large.
    const declared = size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    total += declared;
    if (name === 'word/document.xml') documentXml = declared;
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { documentXml, total };
}

async function readDocx(bytes: Uint8Array, limits: ParseLimits): Promise<ReadResult> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw invalid('不是有效的 Word 文档（.docx），文件可能已损坏');
  const sizes = zipDeclaredSizes(bytes);
  if (!sizes || sizes.documentXml === null) throw invalid('不是有效的 Word 文档（.docx）：找不到正文（word/document.xml），文件可能已损坏');
  if (sizes.documentXml > limits.maxDocxXmlBytes) {
    throw invalid(`Word 文档正文解压后过大（超过 ${mb(limits.maxDocxXmlBytes)} 的上限），可能是恶意构造的压缩文件，已拒绝`);
  }
  if (sizes.total > limits.maxDocxTotalBytes) {
    throw invalid(`Word 文档解压后总大小超过 ${mb(limits.maxDocxTotalBytes)} 的上限，可能是恶意构造的压缩文件，已拒绝`);
  }
  try {
    const mammoth = await import('mammoth');
    const extract = (mammoth as unknown as { extractRawText: (i: { buffer: Buffer }) => Promise<{ value: string }> })
      .extractRawText ?? (mammoth as unknown as { default: { extractRawText: (i: { buffer: Buffer }) => Promise<{ value: string }> } }).default.extractRawText;
    const result = await extract({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return { text: capText(result.value.replace(/\n{2,}/g, '\n\n'), limits), encoding: 'docx' };
  } catch {
    throw invalid('无法读取 Word 文档（.docx），文件可能已损坏或不完整');
  }
}

interface PdfTextItem {
  str: string;
  transform: number[];
  hasEOL?: boolean;
}

/** Refuses extracted text over the length limit (a small file can inflate to a huge text). */
function capText(text: string, limits: ParseLimits): string {
  if (text.length > limits.maxTextChars) {
    throw invalid(`文件的文字内容过长（超过 ${wan(limits.maxTextChars)} 字的上限），请拆分后再导入`);
  }
  return text;
}

interface PdfPage {
  streamTextContent(): ReadableStream<{ items: unknown[] }>;
  cleanup(): void;
}

/** One page's text items, read as a stream so a page with too many items is given up without reading them all. */
async function pageItems(page: PdfPage, p: number, limits: ParseLimits): Promise<PdfTextItem[]> {
  const reader = page.streamTextContent().getReader();
  const items: PdfTextItem[] = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      for (const raw of value.items) items.push(raw as PdfTextItem);
      if (items.length > limits.maxPdfItemsPerPage) {
        throw invalid(`PDF 第 ${p} 页的文字片段过多（超过 ${wan(limits.maxPdfItemsPerPage)} 个的上限），文件可能经过恶意构造，已拒绝`);
      }
    }
  } finally {
    // Not cancelled: pdfjs would still enqueue into the closed stream; destroying the document ends it.
    reader.releaseLock();
  }
  return items;
}

async function readPdf(bytes: Uint8Array, limits: ParseLimits): Promise<ReadResult> {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(1024, bytes.length)));
  if (!head.includes('%PDF-')) throw invalid('不是有效的 PDF 文件');
  let doc: { numPages: number; getPage(n: number): Promise<PdfPage>; destroy(): Promise<void> };
  try {
    const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as {
      getDocument(src: object): { promise: Promise<typeof doc> };
    };
    doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      verbosity: 0,
    }).promise;
  } catch {
    throw invalid('无法打开 PDF 文件，文件可能已损坏或加密');
  }
  try {
    if (doc.numPages > limits.maxPdfPages) {
      throw invalid(`PDF 页数过多（${doc.numPages} 页，上限 ${limits.maxPdfPages} 页），请拆分后再导入`);
    }
    const pages: string[] = [];
    let chars = 0;
    let length = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const items = await pageItems(page, p, limits);
      // Lines by y position (within 2 points), found through a map of rounded positions, not a scan per item.
      const lines: { y: number; parts: { x: number; s: string }[] }[] = [];
      const byY = new Map<number, (typeof lines)[number]>();
      for (const it of items) {
        if (typeof it.str !== 'string' || !Array.isArray(it.transform)) continue;
        const x = it.transform[4];
        const y = it.transform[5];
        const key = Math.round(y / 2);
        let line = byY.get(key) ?? byY.get(key - 1) ?? byY.get(key + 1);
        if (line && Math.abs(line.y - y) >= 2) line = undefined;
        if (!line) {
          line = { y, parts: [] };
          lines.push(line);
          byY.set(key, line);
        }
        line.parts.push({ x, s: it.str });
        chars += it.str.trim().length;
        length += it.str.length;
      }
      page.cleanup();
      if (length > limits.maxTextChars) capText(' '.repeat(length), limits);
      lines.sort((a, b) => b.y - a.y);
      pages.push(lines.map((l) => l.parts.sort((a, b) => a.x - b.x).map((q) => q.s).join('')).join('\n'));
    }
    if (chars === 0) throw invalid('PDF 没有文字层（可能是扫描件），扫描件需要 OCR 识别，暂不支持');
    return { text: pages.join('\n'), encoding: 'pdf' };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw invalid('无法读取 PDF 文件的文字内容，文件可能已损坏');
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/**
 * Reads an import file's bytes into text within `limits`; throws AppError('INVALID_INPUT') with a Chinese
 * message on bad input or a limit passed.
 */
export async function readImportFile(name: string, bytes: Uint8Array, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<ReadResult> {
  if (!bytes || bytes.length === 0) throw invalid(`文件为空：${name}`);
  if (bytes.length > limits.maxFileBytes) throw invalid(`文件过大（${mb(bytes.length)}）：单个文件不能超过 ${mb(limits.maxFileBytes)}`);
  const ext = extOf(name);
  const result = await readByType(name, ext, bytes, limits);
  capText(result.text, limits);
  if (!result.text.trim()) throw invalid(`文件没有文字内容：${name}`);
  return result;
}

function readByType(name: string, ext: string, bytes: Uint8Array, limits: ParseLimits): Promise<ReadResult> | ReadResult {
  switch (ext) {
    case 'txt':
    case 'text':
      return decodeText(bytes);
    case 'docx':
      return readDocx(bytes, limits);
    case 'pdf':
      return readPdf(bytes, limits);
    case 'ofd':
      return readOfd(bytes, limits);
    case 'doc':
      throw invalid('不支持旧版 Word 格式（.doc），请另存为 .docx 后导入');
    default:
      throw invalid(`不支持的文件类型${ext ? `（.${ext}）` : ''}：仅支持 .txt、.docx、.pdf、.ofd`);
  }
}

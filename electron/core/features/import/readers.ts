import { AppError } from '../../kernel/errors';

/**
 * Bytes of an import file → text. `.txt` in UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030/GBK —
 * detected, never asked; `.docx` through mammoth; `.pdf` with a text layer through pdfjs-dist (text items joined
 * into lines by their y position). Bad input throws AppError('INVALID_INPUT') with a Chinese message.
 */

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface ReadResult {
  text: string;
  encoding: string;
}

function invalid(message: string): AppError {
  return new AppError('INVALID_INPUT', message);
}

function extOf(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name.trim());
  return m ? m[1].toLowerCase() : '';
}

/** Reads a text file, detecting UTF-8 / UTF-16 (BOM) / GB18030. */
export function decodeText(bytes: Uint8Array): ReadResult {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strictDecode('utf-8', bytes.subarray(3)) ?? failBinary(), encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: strictDecode('utf-16le', bytes.subarray(2)) ?? failBinary(), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: strictDecode('utf-16be', bytes.subarray(2)) ?? failBinary(), encoding: 'utf-16be' };
  }
  if (bytes.includes(0)) failBinary();
  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 !== null) return { text: checkText(utf8), encoding: 'utf-8' };
  const gb = strictDecode('gb18030', bytes);
  if (gb !== null) return { text: checkText(gb), encoding: 'gb18030' };
  return failBinary();
}

function strictDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
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

async function readDocx(bytes: Uint8Array): Promise<ReadResult> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw invalid('不是有效的 Word 文档（.docx），文件可能已损坏');
  try {
    const mammoth = await import('mammoth');
    const extract = (mammoth as unknown as { extractRawText: (i: { buffer: Buffer }) => Promise<{ value: string }> })
      .extractRawText ?? (mammoth as unknown as { default: { extractRawText: (i: { buffer: Buffer }) => Promise<{ value: string }> } }).default.extractRawText;
    const result = await extract({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return { text: result.value.replace(/\n{2,}/g, '\n\n'), encoding: 'docx' };
  } catch {
    throw invalid('无法读取 Word 文档（.docx），文件可能已损坏或不完整');
  }
}

interface PdfTextItem {
  str: string;
  transform: number[];
  hasEOL?: boolean;
}

async function readPdf(bytes: Uint8Array): Promise<ReadResult> {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(1024, bytes.length)));
  if (!head.includes('%PDF-')) throw invalid('不是有效的 PDF 文件');
  let doc: { numPages: number; getPage(n: number): Promise<{ getTextContent(): Promise<{ items: unknown[] }> }>; destroy(): Promise<void> };
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
    const pages: string[] = [];
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const lines: { y: number; parts: { x: number; s: string }[] }[] = [];
      for (const raw of content.items) {
        const it = raw as PdfTextItem;
        if (typeof it.str !== 'string' || !Array.isArray(it.transform)) continue;
        const x = it.transform[4];
        const y = it.transform[5];
        let line = lines.find((l) => Math.abs(l.y - y) < 2);
        if (!line) {
          line = { y, parts: [] };
          lines.push(line);
        }
        line.parts.push({ x, s: it.str });
        chars += it.str.trim().length;
      }
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

/** Reads an import file's bytes into text; throws AppError('INVALID_INPUT') with a Chinese message on bad input. */
export async function readImportFile(name: string, bytes: Uint8Array): Promise<ReadResult> {
  if (!bytes || bytes.length === 0) throw invalid(`文件为空：${name}`);
  if (bytes.length > MAX_IMPORT_BYTES) throw invalid(`文件过大（超过 50 MB）：${name}`);
  const ext = extOf(name);
  const result = await readByType(name, ext, bytes);
  if (!result.text.trim()) throw invalid(`文件没有文字内容：${name}`);
  return result;
}

function readByType(name: string, ext: string, bytes: Uint8Array): Promise<ReadResult> | ReadResult {
  switch (ext) {
    case 'txt':
    case 'text':
      return decodeText(bytes);
    case 'docx':
      return readDocx(bytes);
    case 'pdf':
      return readPdf(bytes);
    case 'doc':
      throw invalid('不支持旧版 Word 格式（.doc），请另存为 .docx 后导入');
    default:
      throw invalid(`不支持的文件类型${ext ? `（.${ext}）` : ''}：仅支持 .txt、.docx、.pdf`);
  }
}

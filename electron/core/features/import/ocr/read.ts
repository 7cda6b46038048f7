import { availableParallelism } from 'node:os';
import { AppError } from '../../../kernel/errors';
import { loadPaddle, type PaddleModels } from './paddle';
import { ocrPage, type OcrPage } from './page';
import type { Grey } from './raster';

/**
 * Scanned pages → text, offline: images (JPG, PNG, TIFF with many pages) and PDF pages without a text layer
 * are decoded, straightened and read by PaddleOCR (see page.ts). What the review needs comes along: each text
 * line's page, box and character confidences, and each page as a small JPEG to show beside the text.
 */

/** Per line of the returned text: where it stands on which page, and how sure the recogniser was of each character. */
export interface OcrLineInfo {
  /** 0-based index into `pages` */
  page: number;
  box: [number, number, number, number];
  /** one digit a character, 0–9 = probability ×10 rounded down (a compact form the review can mark) */
  confidence: string;
}

export interface OcrPageImage {
  width: number;
  height: number;
  /** the page as read (straightened), as JPEG */
  jpeg: Uint8Array;
  blank: boolean;
}

export interface OcrInfo {
  engine: string;
  pages: OcrPageImage[];
  /** parallel to the lines of the text; null for a line that did not come from OCR */
  lines: (OcrLineInfo | null)[];
}

export interface OcrOptions {
  /** called after each page with (done, total) */
  onPage?: (done: number, total: number) => void;
  /** threads ONNX Runtime may use */
  threads?: number;
  /** true once the person cancelled: reading stops before the next page */
  cancelled?: () => boolean;
  maxPages: number;
}

/** Longest side of the page image kept for viewing (the recognition itself works at the scan's resolution). */
const VIEW_MAX_SIDE = 1400;
/** Largest image OCR accepts, in pixels (a 600 dpi A3 scan is about 70 million). */
export const MAX_SCAN_PIXELS = 80_000_000;
export const OCR_ENGINE = 'PaddleOCR PP-OCRv4（ONNX Runtime，本机离线）';

/** Threads ONNX Runtime uses: two where the machine has them (a scan reads about twice as fast), one otherwise. */
export const OCR_THREADS = Math.max(1, Math.min(2, availableParallelism()));

let models: Promise<PaddleModels> | null = null;
/** The models, loaded once per process (the parse worker keeps them between files). */
export function paddle(threads = OCR_THREADS): Promise<PaddleModels> {
  models ??= loadPaddle(threads).catch((e) => {
    models = null;
    throw new AppError('INTERNAL', `无法加载 OCR 识别模型：${e instanceof Error ? e.message : String(e)}`);
  });
  return models;
}

type Sharp = typeof import('sharp');
async function sharpLib(): Promise<Sharp> {
  const mod = (await import('sharp')) as unknown as Sharp & { default?: Sharp };
  return mod.default ?? mod;
}

/**
 * Colour → grey for reading: red ink (seals, the red 版头 and its rule) turns white, so a seal over the
 * signature or the masthead in red is not read as body text.
 */
export function greyWithoutRed(rgb: Uint8Array, width: number, height: number, channels: number): Grey {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < data.length; i++, j += channels) {
    const r = rgb[j];
    const g = channels >= 3 ? rgb[j + 1] : r;
    const b = channels >= 3 ? rgb[j + 2] : r;
    // clearly redder than it is green or blue: JPEG blurs the colour of thin red strokes, so the bar is low
    const red = r > 90 && r - Math.max(g, b) > 28;
    data[i] = red ? 255 : Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
  return { width, height, data };
}

/** The pages of an image file (TIFF may hold many) as grey images without red. */
export async function decodeImagePages(bytes: Uint8Array, maxPages: number): Promise<Grey[]> {
  const sharp = await sharpLib();
  let meta: { pages?: number; width?: number; height?: number };
  try {
    meta = await sharp(bytes, { limitInputPixels: MAX_SCAN_PIXELS }).metadata();
  } catch {
    throw new AppError('INVALID_INPUT', '无法读取图片：文件可能已损坏或不是支持的图片格式（JPG、PNG、TIFF）');
  }
  const count = meta.pages ?? 1;
  if (count > maxPages) throw new AppError('INVALID_INPUT', `图片页数过多（${count} 页，上限 ${maxPages} 页），请拆分后再导入`);
  const out: Grey[] = [];
  for (let page = 0; page < count; page++) {
    try {
      const { data, info } = await sharp(bytes, { page, limitInputPixels: MAX_SCAN_PIXELS }).rotate().removeAlpha().raw().toBuffer({ resolveWithObject: true });
      out.push(greyWithoutRed(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), info.width, info.height, info.channels));
    } catch (e) {
      const big = e instanceof Error && /pixel limit/i.test(e.message);
      throw new AppError('INVALID_INPUT', big ? `图片第 ${page + 1} 页像素过多（上限 ${MAX_SCAN_PIXELS / 1e6} 百万像素），请降低扫描分辨率后再导入` : `无法读取图片第 ${page + 1} 页：文件可能已损坏`);
    }
  }
  return out;
}

/** A read page as a small JPEG for the review and the document page. */
async function viewImage(page: OcrPage): Promise<OcrPageImage> {
  const sharp = await sharpLib();
  const { width, height, data } = page.image;
  const scale = Math.min(1, VIEW_MAX_SIDE / Math.max(width, height));
  const jpeg = await sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { raw: { width, height, channels: 1 } })
    .resize(Math.round(width * scale), Math.round(height * scale))
    .jpeg({ quality: 60 })
    .toBuffer();
  return { width, height, jpeg: new Uint8Array(jpeg), blank: page.blank };
}

const digit = (p: number) => String(Math.min(9, Math.max(0, Math.floor(p * 10))));

/**
 * Official marks the recogniser reads as look-alikes, put back where they are plainly meant (one character for
 * one, so the confidences stay in place): 〔〕 around a 文号's year (read as [ ]), and the dash of a range of
 * years — （2021—2025年） — read as a hyphen.
 */
export function restoreDocNumberBrackets(line: string): string {
  return line
    .replace(/([\u4e00-\u9fff])[[［【]((?:19|20)\d{2})[\]］】](?=\s*\d{1,4}\s*号)/g, '$1〔$2〕')
    .replace(/((?:19|20)\d{2})[－\-–一](?=(?:19|20)\d{2}年)/g, '$1—');
}

/** Reads grey pages with OCR into text lines and what the review shows. `pageOffset` numbers pages in a larger file. */
export async function ocrGreyPages(pages: Grey[], opts: OcrOptions): Promise<{ lines: string[]; info: OcrInfo }> {
  const m = await paddle(opts.threads);
  const lines: string[] = [];
  const info: OcrInfo = { engine: OCR_ENGINE, pages: [], lines: [] };
  for (let i = 0; i < pages.length; i++) {
    if (opts.cancelled?.()) throw new AppError('INVALID_INPUT', '已取消读取此文件，未保存任何内容');
    for (const read of await ocrPage(m, pages[i])) {
      const index = info.pages.length;
      info.pages.push(await viewImage(read));
      for (const l of read.lines) {
        lines.push(restoreDocNumberBrackets(l.text));
        info.lines.push({ page: index, box: [l.box.x0, l.box.y0, l.box.x1, l.box.y1].map(Math.round) as OcrLineInfo['box'], confidence: l.confidence.map(digit).join('') });
      }
    }
    opts.onPage?.(i + 1, pages.length);
  }
  return { lines, info };
}

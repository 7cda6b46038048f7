import { AppError } from '../../../kernel/errors';
import type { ParseLimits } from '../limits';
import { pageScan, type PdfPageLike } from './pdf-images';
import { decodeImagePages, MAX_SCAN_PIXELS, ocrGreyPages, type OcrInfo, type OcrLineInfo } from './read';

export type { OcrInfo, OcrPageImage } from './read';

/** How a file is read beyond its bytes: OCR on or off (the CLI's --no-ocr), and progress per page. */
export interface ReadOptions {
  ocr?: boolean;
  onPage?: (done: number, total: number) => void;
  /** true once the person cancelled: reading stops before the next page */
  cancelled?: () => boolean;
}

/** Stops reading between two pages once the person cancelled (nothing of the file is kept). */
export function checkCancelled(opts: ReadOptions): void {
  if (opts.cancelled?.()) throw new AppError('INVALID_INPUT', '已取消读取此文件，未保存任何内容');
}

/** Scanned pages one file may have read by OCR (a few seconds a page: 500 pages is most of an hour). */
export const MAX_OCR_PAGES = 500;

/** An image file (JPG, PNG, TIFF of any number of pages) read by OCR. */
export async function readScanImage(name: string, bytes: Uint8Array, _limits: ParseLimits, opts: ReadOptions) {
  if (opts.ocr === false) throw new AppError('INVALID_INPUT', `“${name}”是扫描图片，需要 OCR 识别；已按要求跳过（去掉 --no-ocr 即可识别）`);
  const pages = await decodeImagePages(bytes, MAX_OCR_PAGES);
  const { lines, info } = await ocrGreyPages(pages, { maxPages: MAX_OCR_PAGES, onPage: opts.onPage, cancelled: opts.cancelled });
  if (!lines.some((l) => l.trim())) throw new AppError('INVALID_INPUT', `图片“${name}”上没有识别出文字（空白页或图像过于模糊）`);
  return { text: lines.join('\n'), encoding: 'ocr', ocr: info };
}

/**
 * One PDF page without a text layer, read by OCR; `info` carries the pages read so far in this file (their
 * images), and the page's lines come back with their place for the file's line list.
 */
export async function readPdfScanPage(page: PdfPageLike, pageNumber: number, pageCount: number, info: OcrInfo | null, _limits: ParseLimits, opts: ReadOptions) {
  const done = info?.pages.length ?? 0;
  if (done >= MAX_OCR_PAGES) throw new AppError('INVALID_INPUT', `PDF 中需要 OCR 识别的扫描页超过 ${MAX_OCR_PAGES} 页的上限，请拆分后再导入`);
  const grey = await pageScan(page, pageNumber, MAX_SCAN_PIXELS);
  const next: OcrInfo = info ?? { engine: '', pages: [], lines: [] };
  if (!grey) {
    opts.onPage?.(pageNumber, pageCount);
    return { lines: [] as string[], lineInfo: [] as (OcrLineInfo | null)[], info: next };
  }
  checkCancelled(opts);
  const read = await ocrGreyPages([grey], { maxPages: 1, cancelled: opts.cancelled });
  const offset = next.pages.length;
  const merged: OcrInfo = { engine: read.info.engine, pages: [...next.pages, ...read.info.pages], lines: [] };
  opts.onPage?.(pageNumber, pageCount);
  return { lines: read.lines, lineInfo: read.info.lines.map((l) => (l ? { ...l, page: l.page + offset } : null)), info: merged };
}

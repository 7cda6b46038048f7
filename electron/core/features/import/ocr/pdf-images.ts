import { AppError } from '../../../kernel/errors';
import { greyWithoutRed } from './read';
import type { Grey } from './raster';

/**
 * The scan on a PDF page without a text layer: the largest image the page paints, as pdf.js decodes it (JPEG,
 * JPX, CCITT, JBIG2 and Flate alike). A scanner's PDF paints one image per page; when a page paints none, it
 * gives no text (and no guess).
 */

interface ImageData {
  width: number;
  height: number;
  /** 1 = 1 bit grey, 2 = RGB, 3 = RGBA */
  kind: number;
  data: Uint8Array | Uint8ClampedArray;
}

export interface PdfPageLike {
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  objs: { get(id: string, callback?: (v: unknown) => void): unknown };
  commonObjs: { get(id: string, callback?: (v: unknown) => void): unknown };
}

const PAINT_IMAGE = 85;
const PAINT_INLINE_IMAGE = 86;

function fromObjs(page: PdfPageLike, id: string): Promise<ImageData | null> {
  const store = id.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 10_000);
    store.get(id, (v) => {
      clearTimeout(timer);
      resolve((v as ImageData) ?? null);
    });
  });
}

function toGrey(img: ImageData): Grey {
  const { width, height, kind, data } = img;
  if (kind === 1) {
    // 1 bit per pixel, rows padded to whole bytes; 1 = white in pdf.js's grey-1bpp form
    const out = new Uint8Array(width * height);
    const rowBytes = Math.ceil(width / 8);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) out[y * width + x] = data[y * rowBytes + (x >> 3)] & (0x80 >> (x & 7)) ? 255 : 0;
    }
    return { width, height, data: out };
  }
  const channels = kind === 3 ? 4 : 3;
  return greyWithoutRed(data instanceof Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width, height, channels);
}

/** The page's scan as a grey image, or null when the page paints no image. */
export async function pageScan(page: PdfPageLike, pageNumber: number, maxPixels: number): Promise<Grey | null> {
  const ops = await page.getOperatorList();
  let best: ImageData | null = null;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    if (fn !== PAINT_IMAGE && fn !== PAINT_INLINE_IMAGE) continue;
    const arg = ops.argsArray[i]?.[0];
    const img = typeof arg === 'string' ? await fromObjs(page, arg) : (arg as ImageData | undefined) ?? null;
    if (!img || !img.data || !img.width || !img.height) continue;
    if (!best || img.width * img.height > best.width * best.height) best = img;
  }
  if (!best) return null;
  if (best.width * best.height > maxPixels) {
    throw new AppError('INVALID_INPUT', `PDF 第 ${pageNumber} 页的扫描图像像素过多（上限 ${maxPixels / 1e6} 百万像素），请降低扫描分辨率后再导入`);
  }
  return toGrey(best);
}

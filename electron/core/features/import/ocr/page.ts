import { layoutPage, type OcrLine, type Piece } from './layout';
import { detect, recognise, upsideDownShare, type Box, type PaddleModels } from './paddle';
import { crop, estimateSkew, inkShare, rotateSmall, spreadGutter, turn, type Grey } from './raster';

/** What OCR read from one page (a spread gives two). */
export interface OcrPage {
  lines: OcrLine[];
  /** degrees the scan was straightened by, and quarter turns applied (1 = 90° clockwise) */
  skew: number;
  quarter: 0 | 1 | 2 | 3;
  blank: boolean;
  /** the page as it was read (straightened, turned, split), for showing beside the text */
  image: Grey;
}

/** Below this share of ink pixels a page is taken as blank without running the models. */
const BLANK_INK = 0.0008;
/** Lines whose characters the recogniser gives under this mean probability are noise, not text. */
const MIN_LINE_CONFIDENCE = 0.5;

/** Boxes on a straightened page; more tall boxes than wide ones means the text runs across the page's height. */
function turnedSideways(boxes: Box[]): boolean {
  const tall = boxes.filter((b) => b.y1 - b.y0 > (b.x1 - b.x0) * 2).length;
  const wide = boxes.filter((b) => b.x1 - b.x0 > (b.y1 - b.y0) * 2).length;
  return tall > 4 && tall > wide * 2;
}

async function straighten(m: PaddleModels, img: Grey): Promise<{ img: Grey; boxes: Box[]; skew: number; quarter: 0 | 1 | 2 | 3 }> {
  let quarter: 0 | 1 | 2 | 3 = 0;
  let skew = estimateSkew(img);
  let page = rotateSmall(img, skew);
  let boxes = await detect(m, page);
  if (turnedSideways(boxes)) {
    quarter = 1;
    page = turn(img, 1);
    skew = estimateSkew(page);
    page = rotateSmall(page, skew);
    boxes = await detect(m, page);
  }
  if (boxes.length && (await upsideDownShare(m, page, boxes)) > 0.6) {
    quarter = ((quarter + 2) % 4) as 0 | 1 | 2 | 3;
    page = turn(page, 2);
    boxes = await detect(m, page);
  }
  return { img: page, boxes, skew, quarter };
}

async function readOne(m: PaddleModels, img: Grey): Promise<OcrPage> {
  if (inkShare(img) < BLANK_INK) return { lines: [], skew: 0, quarter: 0, blank: true, image: img };
  const { img: page, boxes, skew, quarter } = await straighten(m, img);
  const chars = await recognise(m, page, boxes);
  const pieces: Piece[] = [];
  boxes.forEach((box, i) => {
    const c = chars[i];
    if (!c.length) return;
    const mean = c.reduce((s, x) => s + x.p, 0) / c.length;
    if (mean >= MIN_LINE_CONFIDENCE) pieces.push({ box, chars: c });
  });
  const lines = layoutPage(pieces, page.width, page.height);
  return { lines, skew, quarter, blank: lines.length === 0, image: page };
}

/** Reads one scanned page: a two-page spread is split and read as two pages. */
export async function ocrPage(m: PaddleModels, img: Grey): Promise<OcrPage[]> {
  const gutter = spreadGutter(img);
  if (gutter === null) return [await readOne(m, img)];
  return [await readOne(m, crop(img, 0, 0, gutter, img.height)), await readOne(m, crop(img, gutter, 0, img.width, img.height))];
}

/** The text of read pages as the parser takes it: one line a line, table cells apart by tabs. */
export function pagesText(pages: OcrPage[]): string {
  return pages.map((p) => p.lines.map((l) => l.text).join('\n')).join('\n');
}

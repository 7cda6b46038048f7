import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARSE_LIMITS } from '../../electron/core/features/import/limits';
import { readOfdPages } from '../../electron/core/features/import/ofd/read-ofd';
import { sampleGazette, SAMPLE_GAZETTES } from '../../electron/core/features/export/samples';
import { renderOfficialText } from '../../electron/core/features/export/service';
import { openZip } from '../../electron/core/features/import/ofd/zip';
import { launchChromium, newPage, ROOT } from './harness';
import { drawnLines, openOfdViewer, type OfdViewer } from './ofd-viewer';

/**
 * OFD against an independent reader: ofd.js (Apache-2.0) renders in Chromium
 * - every page of a sample gazette issue exported as OFD, and each page shows the text of the same page of the PDF
 *   (and Chromium's font sanitizer accepts the embedded subsets);
 * - the real OFD files of several producers beside the checkout (../shared/formats/ofd, never copied into the
 *   repository), and NormDesk's reader reads every character ofd.js draws on their pages.
 */

const REAL = resolve(ROOT, '..', 'shared', 'formats', 'ofd');
const squash = (s: string) => s.replace(/\s+/g, '');
/** a glyph drawn twice over itself (fake bold, as some producers do) counts once */
const undouble = (s: string) => Array.from(s).filter((c, i, a) => i === 0 || c !== a[i - 1]).join('');

/** Of the characters in `drawn`, the share also in `read` (compared as multisets). */
function coverage(drawn: string, read: string): number {
  const count = new Map<string, number>();
  for (const ch of read) count.set(ch, (count.get(ch) ?? 0) + 1);
  let hit = 0;
  let n = 0;
  for (const ch of drawn) {
    n++;
    const c = count.get(ch) ?? 0;
    if (c > 0) {
      hit++;
      count.set(ch, c - 1);
    }
  }
  return n ? hit / n : 1;
}

/** 2·LCS / (|a| + |b|): 1 when the two texts agree in content and order. */
function orderedAgreement(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (!x.length && !y.length) return 1;
  let prev = new Uint32Array(y.length + 1);
  let cur = new Uint32Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) cur[j] = x[i - 1] === y[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    [prev, cur] = [cur, prev];
  }
  return (2 * prev[y.length]) / (x.length + y.length);
}

const hasPdftotext = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;
if (process.env.CI && !hasPdftotext) throw new Error('CI 缺少 pdftotext（poppler-utils）');

let browser: Browser;
let viewer: OfdViewer;
beforeAll(async () => {
  browser = await launchChromium();
  viewer = await openOfdViewer(browser);
});
afterAll(async () => {
  await viewer?.close();
  await browser?.close();
});

/**
 * Every embedded font passes Chromium's font sanitizer (OTS, which rejects malformed tables) and maps the
 * characters the package draws with it: ofd.js names fonts but does not load them, so this checks what it cannot.
 */
async function expectFontsLoadInChromium(bytes: Uint8Array) {
  const zip = openZip(bytes, { maxEntryBytes: 1 << 26, maxTotalBytes: 1 << 28, maxEntries: 10_000 });
  const fonts = zip.names().filter((n) => n.endsWith('.ttf'));
  expect(fonts.length).toBeGreaterThan(0);
  const page = await newPage(browser);
  try {
    await page.setContent('<!doctype html><meta charset="utf-8"><body></body>');
    for (const name of fonts) {
      const b64 = Buffer.from(zip.read(name)).toString('base64');
      const result = (await page.evaluate(`(async () => {
        const bin = atob(${JSON.stringify(b64)});
        const buf = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) buf[i] = bin.charCodeAt(i);
        try {
          const face = new FontFace('embedded', buf.buffer);
          await face.load();
          return 'ok';
        } catch (e) {
          return String(e);
        }
      })()`)) as string;
      expect(result, `${name} 未通过 Chromium 的字体检查`).toBe('ok');
    }
  } finally {
    await page.close();
  }
}

describe.skipIf(!hasPdftotext)('a gazette issue exported as OFD, in ofd.js', () => {
  it('renders every page, each with the text of the same page of the PDF', async () => {
    const g = sampleGazette(SAMPLE_GAZETTES[0]);
    const now = new Date('2026-12-01T08:00:00Z');
    const resources = join(ROOT, 'resources');
    const ofd = await renderOfficialText(g.text, 'ofd', resources, now);
    const pdf = await renderOfficialText(g.text, 'pdf', resources, now);
    const dir = mkdtempSync(join(tmpdir(), 'nd-ofd-'));
    writeFileSync(join(dir, 'issue.pdf'), pdf.bytes);
    const pdfPages = execFileSync('pdftotext', [join(dir, 'issue.pdf'), '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\f').slice(0, pdf.pages!);

    const drawn = await viewer.render(ofd.bytes);
    if ('error' in drawn) throw new Error(`ofd.js 无法打开导出的 OFD：${drawn.error}`);
    expect(drawn.pages.length).toBe(pdf.pages);
    const agreement: number[] = [];
    drawn.pages.forEach((glyphs, i) => {
      const shown = squash(drawnLines(glyphs).join(''));
      expect(shown.length, `ofd.js 第 ${i + 1} 页是空的`).toBeGreaterThan(0);
      // the same characters as the PDF's page, none missing, none extra
      expect([...shown].sort().join(''), `第 ${i + 1} 页`).toBe([...squash(pdfPages[i])].sort().join(''));
      agreement.push(orderedAgreement(shown, squash(pdfPages[i])));
    });
    await expectFontsLoadInChromium(ofd.bytes);
    const mean = agreement.reduce((a, b) => a + b, 0) / agreement.length;
    console.log(`ofd.js 渲染公报 ${drawn.pages.length} 页，与 PDF 逐页文字一致；按阅读顺序的平均一致度 ${mean.toFixed(4)}，最低 ${Math.min(...agreement).toFixed(4)}`);
    expect(mean).toBeGreaterThanOrEqual(0.98);
  }, 180_000);
});

describe.skipIf(!existsSync(REAL))('real OFD files from several producers', () => {
  it('NormDesk reads every character ofd.js draws on their pages', async () => {
    const rows: string[] = [];
    let rendered = 0;
    const refusedByOfdJs: string[] = [];
    for (const name of readdirSync(REAL).filter((n) => n.endsWith('.ofd')).sort()) {
      const bytes = new Uint8Array(readFileSync(join(REAL, name)));
      let ours: string[][];
      try {
        ours = readOfdPages(bytes, DEFAULT_PARSE_LIMITS).pages;
      } catch (e) {
        throw new Error(`${name}：${(e as Error).message}`, { cause: e });
      }
      const drawn = await viewer.render(bytes);
      if ('error' in drawn) {
        refusedByOfdJs.push(`${name}（${drawn.error}）`);
        continue;
      }
      rendered++;
      expect(ours.length, `${name} 页数`).toBe(drawn.pages.length);
      const theirs = undouble(squash(drawn.pages.map((p) => drawnLines(p).join('')).join('')));
      const read = undouble(squash(ours.map((p) => p.join('')).join('')));
      const recall = coverage(theirs, read);
      rows.push(`${name}\t${drawn.pages.length} 页\tofd.js 所绘文字被读到 ${(recall * 100).toFixed(1)}%\t读到的文字 ofd.js 也绘出 ${(coverage(read, theirs) * 100).toFixed(1)}%\t顺序一致度 ${orderedAgreement(theirs, read).toFixed(3)}`);
      expect(recall, `${name}：ofd.js 画出而 NormDesk 没有读到的文字`).toBeGreaterThanOrEqual(0.99);
    }
    console.log(`真实 OFD 文件：ofd.js 能打开 ${rendered} 个，逐个比对：\n${rows.join('\n')}`);
    if (refusedByOfdJs.length) console.log(`ofd.js 打不开的（NormDesk 均能读取）：\n${refusedByOfdJs.join('\n')}`);
    expect(rendered).toBeGreaterThanOrEqual(40);
  }, 600_000);
});

if (!existsSync(REAL)) console.warn(`跳过真实 OFD 文件的比对：未找到 ${REAL}（与代码目录并列的 shared/formats/ofd）`);

/**
 * OCR benchmark (issue 21): `npm run bench:ocr [-- --issue] [--dpi 200,150]`.
 * Test scans made from NormDesk's own export of the sample gazette 招远 2022年第1期 (so the true text is known):
 * pages 5–9 rendered by pdftoppm in grey, turned 0.6°, Gaussian noise σ=18, blurred, JPEG quality 70 — like an
 * office scanner. Side by side on the same pages, in one run: each engine's character accuracy (whitespace
 * ignored) and seconds a page, and what each reads from a blank page. Engines: NormDesk's PaddleOCR PP-OCRv4
 * (ONNX Runtime, with the parse worker's threads) and, where Debian's `tesseract` with `chi_sim` is installed,
 * Tesseract 5 as the reference. `--issue` also reads the whole scanned issue and compares every document's
 * title, 文号 and dates with those extracted from the issue's text. Prints numbers, asserts nothing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseText } from '../shared/parse';
import { createApp } from '../electron/core/composition';
import { commitFile } from '../electron/core/test-support/fixtures';
import { blankScan, greyOf, scanLike } from '../electron/core/test-support/scans';
import { OCR_THREADS, paddle } from '../electron/core/features/import/ocr/read';
import { ocrPage, pagesText } from '../electron/core/features/import/ocr/page';
import { restoreDocNumberBrackets } from '../electron/core/features/import/ocr/read';

const ROOT = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const wholeIssue = args.includes('--issue');
const dpis = (args[args.indexOf('--dpi') + 1] && args.includes('--dpi') ? args[args.indexOf('--dpi') + 1] : '200,150').split(',').map(Number);
const PAGES = [5, 6, 7, 8, 9];
const dir = mkdtempSync(join(tmpdir(), 'nd-bench-ocr-'));

function lev(a: string[], b: string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
const chars = (s: string) => [...s.normalize('NFKC').replace(/\s+/g, '')];
const accuracy = (got: string, want: string) => 1 - lev(chars(got), chars(want)) / chars(want).length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The sample issue exported to PDF through the app, as the gazette office would print it. */
async function exportIssue(): Promise<string> {
  const app = createApp({ dataDir: ':memory:', shell: 'cli', resourcesDir: join(ROOT, 'resources'), log: { info: () => {}, error: () => {} } });
  const name = '001_3ea1e19526f9a4bf.txt';
  const parsed = parseText(readFileSync(join(ROOT, 'resources', 'samples', name), 'utf8'), { file: name, encoding: 'utf-8' });
  app.services.imports.commitParsed(app.caller, [commitFile(name, parsed.documents, parsed.gazette)]);
  const issue = (await app.call('gazettes:list', {}))[0];
  const file = await app.call('export:gazette', { id: issue.id, format: 'pdf' });
  const pdf = join(dir, 'issue.pdf');
  writeFileSync(pdf, Buffer.from(file.dataBase64, 'base64'));
  await app.close();
  return pdf;
}

/** Scanner-like JPEGs of the given pages at `dpi`, with the text the PDF draws on each. */
async function scans(pdf: string, pages: number[], dpi: number) {
  const out: { page: number; jpeg: Buffer; truth: string }[] = [];
  for (const p of pages) {
    const base = join(dir, `p${dpi}-${p}`);
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', '-f', String(p), '-l', String(p), '-singlefile', pdf, base]);
    const truth = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' });
    out.push({ page: p, jpeg: await scanLike(readFileSync(`${base}.png`), { seed: p }), truth });
  }
  return out;
}

interface Engine {
  name: string;
  read(jpeg: Buffer): Promise<string>;
}

const paddleEngine: Engine = {
  name: `PaddleOCR PP-OCRv4 (ONNX Runtime, ${OCR_THREADS} 线程)`,
  async read(jpeg) {
    const m = await paddle();
    return restoreDocNumberBrackets(pagesText(await ocrPage(m, await greyOf(jpeg))));
  },
};

const hasTesseract = spawnSync('sh', ['-c', 'tesseract --list-langs 2>&1 | grep -qx chi_sim']).status === 0;
const tesseractEngine: Engine = {
  name: 'Tesseract 5 chi_sim (Debian, reference)',
  async read(jpeg) {
    const img = join(dir, 'tess.jpg');
    writeFileSync(img, jpeg);
    return execFileSync('tesseract', [img, 'stdout', '-l', 'chi_sim', '--psm', '3'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  },
};

async function main() {
  const pdf = await exportIssue();
  const engines = [paddleEngine, ...(hasTesseract ? [tesseractEngine] : [])];
  if (!hasTesseract) console.log('（未安装 tesseract-ocr 与 tesseract-ocr-chi-sim：只测 PaddleOCR。apt-get install tesseract-ocr tesseract-ocr-chi-sim 可加入对照）');
  console.log('tesseract.js：npm 上没有它的 chi_sim 训练数据包（只有 eng/fra/osd），离线不可用，未参与比较。');
  await paddle(); // models loaded once, as in the parse worker; not counted in the page times
  for (const dpi of dpis) {
    const pages = await scans(pdf, PAGES, dpi);
    console.log(`\n== ${dpi} dpi，招远 2022年第1期 第 ${PAGES[0]}–${PAGES[PAGES.length - 1]} 页（灰度、转 0.6°、噪声 σ=18、模糊、JPEG 70）`);
    for (const e of engines) {
      const accs: number[] = [];
      const secs: number[] = [];
      let edits = 0;
      let total = 0;
      for (const p of pages) {
        const t0 = performance.now();
        const text = await e.read(p.jpeg);
        secs.push((performance.now() - t0) / 1000);
        accs.push(accuracy(text, p.truth));
        edits += lev(chars(text), chars(p.truth));
        total += chars(p.truth).length;
      }
      console.log(
        `${e.name.padEnd(44)} 字符准确率 ${(1 - edits / total).toFixed(4)}（各页 ${Math.min(...accs).toFixed(3)}–${Math.max(...accs).toFixed(3)}）  每页 ${median(secs).toFixed(2)} 秒（中位数，${Math.min(...secs).toFixed(2)}–${Math.max(...secs).toFixed(2)}）`,
      );
    }
  }
  const blank = await blankScan();
  console.log('\n== 空白页（只有扫描噪声）');
  for (const e of engines) {
    const t0 = performance.now();
    const text = await e.read(blank);
    console.log(`${e.name.padEnd(44)} 读出 ${chars(text).length} 个字符，${((performance.now() - t0) / 1000).toFixed(2)} 秒`);
  }
  if (wholeIssue) await compareIssue(pdf);
}

/** Every document of the scanned issue against the same issue's text: title, 文号, 成文日期, 施行日期, 有效期至. */
async function compareIssue(pdf: string) {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const all = Array.from({ length: count }, (_, i) => i + 1);
  const pages = await scans(pdf, all, 200);
  const t0 = performance.now();
  const texts: string[] = [];
  for (const p of pages) texts.push(await paddleEngine.read(p.jpeg));
  const secs = (performance.now() - t0) / 1000;
  const fromScan = parseText(texts.join('\n'), { file: 'scan', encoding: 'ocr' }).documents;
  const fromText = parseText(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }), { file: 'text', encoding: 'pdf' }).documents;
  const key = (d: (typeof fromText)[number]) => [d.title.replace(/\s+/g, ''), d.docNumber?.normalized ?? '', d.dateSigned ?? '', d.effectiveDate ?? '', d.validUntil ?? ''].join(' | ');
  const want = new Set(fromText.map(key));
  const same = fromScan.filter((d) => want.has(key(d))).length;
  console.log(`\n== 整期扫描（${count} 页，200 dpi）：${secs.toFixed(0)} 秒（每页 ${(secs / count).toFixed(2)} 秒）`);
  console.log(`文字版识别出 ${fromText.length} 件，扫描版 ${fromScan.length} 件；标题、文号、成文/施行日期、有效期至全部一致的 ${same} 件`);
  for (const d of fromText) {
    if (fromScan.some((s) => key(s) === key(d))) continue;
    const near = fromScan.find((s) => s.docNumber?.normalized === d.docNumber?.normalized) ?? fromScan.find((s) => s.title.replace(/\s+/g, '') === d.title.replace(/\s+/g, ''));
    console.log(`  文字版：${key(d)}\n  扫描版：${near ? key(near) : '（未识别出）'}`);
  }
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));

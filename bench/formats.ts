/**
 * `npm run bench:formats`: reading speed of each import reader, in pages per second, on a gazette of at least
 * 300 pages (the sample gazettes one after another) converted by LibreOffice to .doc, .docx, .rtf, .odt, .html
 * and .pdf (page count from the PDF). Each file is read as an import reads it (content check, reader, limits)
 * and then parsed. Prints numbers; asserts nothing (target: the 300-page .doc read in ≤ 5 s).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readImportFile } from '../electron/core/features/import/read-file';
import { findAppRoot } from '../electron/core/kernel/paths';
import { parseText } from '../shared/parse';
import { findSoffice, toFlatOdt } from '../test/unit/formats-matrix';

const soffice = findSoffice();
if (!soffice) {
  console.log('未找到 LibreOffice（soffice），无法生成测试文件；请先运行 npm run setup。');
  process.exit(0);
}
const samples = join(findAppRoot(), 'resources', 'samples');
const text = readdirSync(samples).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(samples, f), 'utf8')).join('\n\n');
const dir = mkdtempSync(join(tmpdir(), 'normdesk-bench-formats-'));
const FORMATS = ['doc', 'docx', 'rtf', 'odt', 'html', 'pdf'] as const;

/** The gazette repeated `times` times, converted to every format; returns its page count (from the PDF). */
function build(times: number): number {
  rmSync(join(dir, 'out'), { recursive: true, force: true });
  mkdirSync(join(dir, 'out'));
  const all = Array.from({ length: times }, () => text).join('\n\n');
  writeFileSync(join(dir, 'gazette.txt'), all);
  // a paragraph per line (as the format matrix does), converted to each format
  writeFileSync(join(dir, 'gazette.fodt'), toFlatOdt(all));
  for (const f of FORMATS) {
    execFileSync(soffice!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', f === 'html' ? 'html:HTML (StarWriter)' : f, '--outdir', join(dir, 'out'), join(dir, 'gazette.fodt')], { stdio: 'ignore' });
  }
  const pdf = readFileSync(join(dir, 'out', 'gazette.pdf')).toString('latin1');
  return Number(/\/Type\s*\/Pages[^>]*?\/Count\s+(\d+)/.exec(pdf)?.[1] ?? /\/Count\s+(\d+)/.exec(pdf)?.[1] ?? 0);
}

let times = 1;
let pages = build(times);
if (pages < 300) {
  times = Math.ceil((300 / Math.max(1, pages)) * times);
  pages = build(times);
}
console.log(`测试文件：示例公报 ${times} 遍连排，${pages} 页，${text.length * times} 字（LibreOffice 转换）`);
console.log('格式\t大小\t读取\t识别\t页/秒（读取）');
const txt = readFileSync(join(dir, 'gazette.txt'));
for (const f of ['txt', ...FORMATS] as const) {
  const bytes = new Uint8Array(f === 'txt' ? txt : readFileSync(join(dir, 'out', `gazette.${f}`)));
  await readImportFile(`warm.${f}`, bytes).catch(() => undefined); // warm-up: module loading, JIT
  const t0 = performance.now();
  let line: string;
  try {
    const read = await readImportFile(`gazette.${f}`, bytes);
    const t1 = performance.now();
    const docs = parseText(read.text, { file: f, encoding: read.encoding }).documents.length;
    const t2 = performance.now();
    line = `${(t1 - t0).toFixed(0)} ms\t${(t2 - t1).toFixed(0)} ms（${docs} 件）\t${((pages / (t1 - t0)) * 1000).toFixed(0)}`;
  } catch (e) {
    line = `失败：${(e as Error).message}`;
  }
  console.log(`.${f}\t${(bytes.length / 1024 / 1024).toFixed(1)} MB\t${line}`);
}
console.log('目标：300 页的 .doc 读取 ≤ 5000 ms');
rmSync(dir, { recursive: true, force: true });

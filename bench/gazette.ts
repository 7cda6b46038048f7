/**
 * Gazette editor benchmark (issue 11): `npm run bench:gazette`.
 * An issue of 60 documents (≈300 pages) made through the contract in a library on disk: the preview refresh after a
 * reorder (issue:move, then the PDF the preview draws — pdf.js drawing in the renderer not included), and the
 * exports. Targets: preview refresh ≤ 3 s; PDF ≤ 5 s; DOCX ≤ 2 s. Prints numbers, asserts nothing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseText } from '../shared/parse';
import { createApp } from '../electron/core/composition';
import { commitFile, parsedDoc } from '../electron/core/test-support/fixtures';

const ROOT = join(import.meta.dirname, '..');
const SAMPLES = join(ROOT, 'resources', 'samples');
const dir = mkdtempSync(join(tmpdir(), 'nd-bench-gazette-'));
const app = createApp({ dataDir: dir, shell: 'cli', resourcesDir: join(ROOT, 'resources'), log: { info: () => {}, error: () => {} } });

// 60 documents of about five pages each (22 lines × 28 characters a page), their paragraphs taken from the samples
const paragraphs = readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .flatMap((f) => parseText(readFileSync(join(SAMPLES, f), 'utf8'), { file: f, encoding: 'utf-8' }).documents.flatMap((d) => d.body))
  .filter((p) => p.length > 20);
const docs = Array.from({ length: 60 }, (_, i) => {
  const body: string[] = [];
  for (let k = 0, chars = 0; chars < 2_300; k++) {
    const p = paragraphs[(i * 37 + k) % paragraphs.length];
    body.push(p);
    chars += p.length;
  }
  return parsedDoc({
    title: `基准县人民政府关于第${i + 1}项工作的通知`,
    docNumber: `基政发〔2026〕${i + 1}号`,
    issuers: ['基准县人民政府'],
    dateSigned: '2026-10-01',
    body,
  });
});

async function time<T>(label: string, target: number, run: () => Promise<T>, note: (r: T) => string = () => ''): Promise<T> {
  const t0 = performance.now();
  const r = await run();
  const s = (performance.now() - t0) / 1000;
  console.log(`${label.padEnd(30)} ${s.toFixed(2).padStart(6)} s  目标 ≤ ${target} s ${s <= target ? '达标' : '未达标'} ${note(r)}`);
  return r;
}

async function main() {
  app.services.imports.commitParsed(app.caller, [commitFile('bench.txt', docs)]);
  const stored = (await app.call('documents:list', { sort: 'docNumber', dir: 'asc' })).rows;
  const g = await app.call('gazette:create', { title: '基准县人民政府公报', sponsor: '基准县人民政府' });
  const issue = await app.call('issue:create', { gazetteId: g.id, publishDate: '2026-11-30' });
  for (const [i, d] of stored.entries()) {
    await app.call('issue:add', { id: issue.id, documentId: d.id, section: i < 30 ? '【市政府文件】' : '【部门文件】' });
  }
  console.log(`一期 ${stored.length} 件文件`);
  const pdf = await app.call('export:gazette', { id: issue.id, format: 'pdf' }); // warm-up: fonts loaded once
  console.log(`共 ${pdf.pages} 页`);
  for (let round = 1; round <= 3; round++) {
    await time(`排序后预览刷新（第${round}次）`, 3, async () => {
      await app.call('issue:move', { id: issue.id, documentId: stored[round * 7].id, to: round });
      return app.call('export:gazette', { id: issue.id, format: 'pdf' });
    });
  }
  await time('导出 PDF', 5, () => app.call('export:gazette', { id: issue.id, format: 'pdf' }), (f) => `${f.pages} 页 ${(f.dataBase64.length * 0.75 / 1024 / 1024).toFixed(1)} MB`);
  await time('导出 DOCX', 2, () => app.call('export:gazette', { id: issue.id, format: 'docx' }));
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();

/**
 * `npm run bench:package`: a library package of a 20,000-document library (synthetic, stored through the document
 * service in one transaction from bench/synthetic.ts — corpus paragraphs, every tenth abolishing an earlier one, each
 * citing a provincial document — and one cleanup campaign):
 * export the whole library as a signed .ndpkg, check and preview it in an empty library, import it, import it again.
 * Prints seconds and peak memory (the process's maximum resident set); asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../electron/core/composition';
import { synthetic } from './synthetic';

const N = Number(process.env.BENCH_DOCS ?? 20_000);
const s = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const peak = () => `峰值内存 ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`;
const log = { info: () => {}, error: (m: string, e?: unknown) => console.error(m, e) };

const dirs = [mkdtempSync(join(tmpdir(), 'normdesk-bench-pkg-a-')), mkdtempSync(join(tmpdir(), 'normdesk-bench-pkg-b-'))];
const county = createApp({ dataDir: dirs[0], shell: 'cli', log });
const city = createApp({ dataDir: dirs[1], shell: 'cli', log });
try {
  const by = county.caller;
  const { documents, relations, office, packages } = county.services;
  office.update(by, { name: '测试市人民政府办公室' });
  let t0 = performance.now();
  county.ctx.db.transaction(() => {
    for (const d of synthetic(N)) {
      const { id } = documents.create(by, d, null);
      for (const ref of [...d.abolishes.map((r) => ({ type: 'abolishes' as const, ...r })), ...d.cites.map((n) => ({ type: 'cites' as const, docNumber: n, title: null }))]) {
        relations.insert(by, id, ref.type, { docNumber: ref.docNumber, title: ref.title }, null);
      }
    }
  })();
  await county.call('cleanup:create', { name: '基准清理', basisDocNumber: '鲁司〔2020〕66号', cutoff: '2012-06-30', scope: { issuers: ['测试市人民政府'] } });
  console.log(`文件库：${N.toLocaleString('zh-CN')} 件（含废止、引用关系和一个清理项目），写入 ${s(t0)}，${peak()}`);

  t0 = performance.now();
  const p = packages.export(by, { kind: 'all' });
  const c = p.info.counts;
  console.log(`导出数据包：${s(t0)}，${(p.bytes.length / 1024 / 1024).toFixed(1)} MB（文件 ${c.documents}、关系 ${c.relations}、清理项目 ${c.campaigns}、历史 ${c.audit} 条），${peak()}`);

  t0 = performance.now();
  const preview = city.services.packages.preview(p.bytes);
  console.log(`检查并预览（签名、校验值、格式、逐件比对）：${s(t0)}，新增 ${preview.documents.new.length} 件，${peak()}`);

  t0 = performance.now();
  const r = city.services.packages.import(city.caller, p.bytes, 'bench.ndpkg');
  console.log(`导入空文件库：${s(t0)}，新增 ${r.created} 件、关系 ${r.relations} 条、清理项目 ${r.campaigns} 个，${peak()}`);

  t0 = performance.now();
  const again = city.services.packages.import(city.caller, p.bytes, 'bench.ndpkg');
  console.log(`再次导入同一数据包：${s(t0)}（${again.changed ? '有改动' : '未作改动'}）`);

  const second = packages.export(by, { kind: 'all' });
  t0 = performance.now();
  const r2 = city.services.packages.import(city.caller, second.bytes, 'bench-2.ndpkg');
  console.log(`导入同一文件库的新数据包（全部已有）：${s(t0)}，未变 ${r2.unchanged} 件，${peak()}`);
} finally {
  await county.close();
  await city.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}

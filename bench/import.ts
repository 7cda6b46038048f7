/**
 * `npm run bench:import`: parse throughput over the corpus, and the time to import 1,000 documents (synthetic,
 * built from corpus paragraphs) through the import service into a temporary library, and the library table at
 * that size. With `--large` (`npm run bench:import -- --large`) it grows the library to 20,000 documents and
 * times the table again (several minutes). Prints numbers; asserts nothing (targets: corpus < 1 s, 1,000 < 10 s).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseText } from '../shared/parse';
import { createApp } from '../electron/core/composition';
import { findAppRoot } from '../electron/core/kernel/paths';
import { DocumentQuery } from '../shared/contract/documents';
import type { ParsedDocument } from '../shared/domain/parse-result';
import { synthetic } from './synthetic';

const root = findAppRoot();
const corpusDir = join(root, 'resources', 'samples');
const files = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();
const texts = files.map((f) => ({ name: f, text: readFileSync(join(corpusDir, f), 'utf8') }));
const ms = (t0: number) => performance.now() - t0;
const fmt = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 0 });

console.log('— 解析（语料库）—');
parseText(texts[0].text, { file: texts[0].name, encoding: 'utf-8' }); // warm-up: regex compilation, JIT
let totalMs = 0;
let totalChars = 0;
let totalDocs = 0;
for (const { name, text } of texts) {
  const t0 = performance.now();
  const result = parseText(text, { file: name, encoding: 'utf-8' });
  const t = ms(t0);
  totalMs += t;
  totalChars += text.length;
  totalDocs += result.documents.length;
  console.log(`${name}\t${fmt(text.length)} 字\t${result.documents.length} 件\t${t.toFixed(1)} ms\t${fmt(text.length / (t / 1000))} 字/秒`);
}
console.log(`合计\t${fmt(totalChars)} 字\t${totalDocs} 件\t${totalMs.toFixed(1)} ms\t${fmt(totalChars / (totalMs / 1000))} 字/秒（目标 < 1000 ms）`);

/** A parsed file of synthetic documents, as the import service takes it. */
const file = (name: string, documents: ParsedDocument[]) => ({
  name,
  sha256: name.padEnd(64, '0').replace(/[^0-9a-f]/g, '0').slice(0, 64),
  size: 1,
  encoding: 'utf-8',
  gazette: null,
  documents,
});

/**
 * What synchronous=FULL costs an import (issue 26: imports and campaign publishing commit durably, see durably in
 * db/open.ts): the same 1,000 documents as 50 files of 20, each file its own commit, once as shipped (FULL) and once
 * with the pragma held at NORMAL, each into a fresh library on this disk.
 */
async function syncCost() {
  console.log('\n— 导入提交的持久性代价（50 个文件 × 20 件，每个文件一次提交）—');
  // alternated twice, so warm-up and the machine's load do not favour one mode
  const modes = ['FULL（现行：导入时断电也不丢已确认的提交）', 'NORMAL（对比：断电可能丢最后几次提交）'];
  for (const mode of [...modes, ...modes]) {
    const d = mkdtempSync(join(tmpdir(), 'normdesk-bench-sync-'));
    const a = createApp({ dataDir: d, shell: 'cli', log: { info: () => {}, error: (m, e) => console.error(m, e) } });
    const db = a.ctx.db;
    if (mode.startsWith('NORMAL')) {
      const pragma = db.pragma.bind(db);
      db.pragma = ((source: string, options?: object) => (/synchronous\s*=\s*FULL/i.test(source) ? [] : pragma(source, options as never))) as typeof db.pragma;
    }
    const t = performance.now();
    for (let k = 0; k < 50; k++) a.services.imports.commitParsed(a.caller, [file(`s${k}`, synthetic(20, 5000 + k * 20))]);
    const total = ms(t);
    console.log(`synchronous=${mode}：${total.toFixed(0)} ms，每次提交 ${(total / 50).toFixed(1)} ms`);
    await a.close();
    rmSync(d, { recursive: true, force: true });
  }
}

const dir = mkdtempSync(join(tmpdir(), 'normdesk-bench-'));
const app = createApp({ dataDir: dir, shell: 'cli', log: { info: () => {}, error: (m, e) => console.error(m, e) } });
try {
  const { imports, documents: docs } = app.services;
  const by = app.caller;

  console.log('\n— 导入（临时数据目录）—');
  let t0 = performance.now();
  const first = imports.commitParsed(by, [file('a', synthetic(1000))]);
  console.log(`导入 1,000 件：${ms(t0).toFixed(0)} ms（新增 ${first.created.length}，关联 ${first.resolvedRelations} 处；目标 < 10000 ms）`);
  t0 = performance.now();
  const again = imports.commitParsed(by, [file('a', synthetic(1000))]);
  console.log(`同一文件再次导入：${ms(t0).toFixed(0)} ms（新增 ${again.created.length}，跳过 ${again.skipped.length}）`);

  const listMs = () => {
    const q = DocumentQuery.parse({ asOf: '2021-06-30', sort: 'title' });
    const t = performance.now();
    const r = docs.list(q);
    return { ms: ms(t), total: r.total };
  };
  let l = listMs();
  console.log(`文件列表（${fmt(l.total)} 件，按标题排序，状态按 2021-06-30）：${l.ms.toFixed(0)} ms`);

  await syncCost();

  if (!process.argv.includes('--large')) {
    console.log('（加 --large 可测 20,000 件的文件列表）');
  } else {
    t0 = performance.now();
    for (let k = 1; k < 20; k++) imports.commitParsed(by, [file(`b${k}`, synthetic(1000, k * 1000))]);
    console.log(`再导入 19,000 件：${ms(t0).toFixed(0)} ms`);
    l = listMs();
    console.log(`文件列表（${fmt(l.total)} 件，首次读取）：${l.ms.toFixed(0)} ms`);
    l = listMs();
    console.log(`文件列表（${fmt(l.total)} 件，再次查询）：${l.ms.toFixed(0)} ms`);
  }
} finally {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}

/**
 * OFD benchmark (issue 20): `npm run bench:ofd`.
 * Builds a gazette issue of 300+ pages (the sample gazettes' documents, repeated), exports it as OFD, and times
 * reading it back: NormDesk's OFD reader alone, and the whole import path (reader + parser) in the parse worker as an
 * import runs it. Also reads the real OFD files beside the checkout (../shared/formats/ofd) when present, in pages/s.
 * Target: a 300-page OFD read in ≤ 5 s. Prints numbers, asserts nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { GazetteDetail } from '../shared/contract/documents';
import type { Document } from '../shared/domain/document';
import { buildGazette } from '../electron/core/features/export/build-gazette';
import { sampleGazette, SAMPLE_GAZETTES } from '../electron/core/features/export/samples';
import { renderOfficialText } from '../electron/core/features/export/service';
import { DEFAULT_PARSE_LIMITS } from '../electron/core/features/import/limits';
import { readOfd } from '../electron/core/features/import/ofd/read-ofd';
import { createParseHost } from '../electron/core/features/import/parse-host';

const ROOT = resolve(import.meta.dirname, '..');
const RESOURCES = join(ROOT, 'resources');
const REAL = resolve(ROOT, '..', 'shared', 'formats', 'ofd');

// about 300 pages: 34 documents of the sample gazettes, some 9 pages each
const base = SAMPLE_GAZETTES.flatMap((f) => sampleGazette(f).docs);
const docs: Document[] = Array.from({ length: 34 }, (_, i) => ({ ...base[i % base.length], id: `${base[i % base.length].id}_${i}` }));
const issue = {
  id: 'bench',
  title: '某某市人民政府公报',
  year: 2026,
  issueNumber: 12,
  totalNumber: 300,
  publishDate: '2026-12-01',
  documentCount: docs.length,
  entries: docs.map((d, i) => ({ position: i + 1, section: '【市政府文件】', title: d.title, page: null, documentId: d.id, docNumber: d.docNumber?.normalized ?? null })),
} as GazetteDetail;
const text = buildGazette(issue, new Map(docs.map((d) => [d.id, d])), { sponsor: '', editor: '市政府办公室', address: '某路1号', phone: '0000-0000000', postcode: '000000', issueUnit: '期' });

let t = performance.now();
const ofd = await renderOfficialText(text, 'ofd', RESOURCES, new Date('2026-12-01T08:00:00Z'));
const exportMs = performance.now() - t;
console.log(`OFD 导出：${ofd.pages} 页，${(ofd.bytes.length / 1024 / 1024).toFixed(2)} MB，${(exportMs / 1000).toFixed(2)} s`);

const runs: number[] = [];
let chars = 0;
for (let i = 0; i < 3; i++) {
  t = performance.now();
  chars = readOfd(ofd.bytes, DEFAULT_PARSE_LIMITS).text.length;
  runs.push(performance.now() - t);
}
const best = Math.min(...runs);
console.log(`OFD 读取（阅读器）：${ofd.pages} 页，${chars} 字，最快 ${(best / 1000).toFixed(2)} s（${Math.round((ofd.pages! / best) * 1000)} 页/秒；三次 ${runs.map((r) => (r / 1000).toFixed(2)).join(' / ')} s）目标 ≤ 5 s`);

const host = createParseHost({ info: () => undefined, error: (m) => console.error(m) });
try {
  t = performance.now();
  const { result } = await host.extract('公报.ofd', ofd.bytes, undefined);
  const ms = performance.now() - t;
  console.log(`OFD 导入（解析进程：读取 + 拆分识别）：${(ms / 1000).toFixed(2)} s，识别出 ${result.documents.length} 件文件（导出了 ${docs.length} 件）`);
} finally {
  await host.close();
}

if (existsSync(REAL)) {
  let pages = 0;
  let ms = 0;
  const names = readdirSync(REAL).filter((n) => n.endsWith('.ofd'));
  for (const name of names) {
    const bytes = new Uint8Array(readFileSync(join(REAL, name)));
    t = performance.now();
    try {
      pages += readOfd(bytes, DEFAULT_PARSE_LIMITS).pages;
    } catch {
      // image-only files: counted in time, not in pages
    }
    ms += performance.now() - t;
  }
  console.log(`真实 OFD 文件 ${names.length} 个：${pages} 页文字，${(ms / 1000).toFixed(2)} s（${Math.round((pages / ms) * 1000)} 页/秒）`);
} else console.log(`（未找到 ${REAL}，跳过真实 OFD 文件）`);

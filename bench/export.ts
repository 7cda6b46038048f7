/**
 * Export benchmark (issue 5): `npm run bench:export`.
 * Times the official-format export of a ~100-page document and of one gazette issue holding every document of
 * resources/samples, in PDF and DOCX, built from in-memory objects (no database). Targets: PDF ≤ 3 s and ≤ 3 MB for
 * 100 pages; DOCX ≤ 1 s. Prints numbers, asserts nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GazetteDetail } from '../shared/contract/documents';
import type { Document } from '../shared/domain/document';
import type { ParsedDocument } from '../shared/domain/parse-result';
import { parseText } from '../shared/parse';
import { buildDocument } from '../electron/core/features/export/build-document';
import { buildGazette } from '../electron/core/features/export/build-gazette';
import { createFontSet } from '../electron/core/features/export/fonts';
import { layoutText } from '../electron/core/features/export/layout';
import type { OfficialText } from '../electron/core/features/export/model';
import { renderOfficialText } from '../electron/core/features/export/service';

const CORPUS_DIR = join(import.meta.dirname, '..', 'resources', 'samples');
const RESOURCES = join(import.meta.dirname, '..', 'resources');

function toDocument(p: ParsedDocument, id: string): Document {
  return {
    id,
    title: p.title,
    docNumber: p.docNumber,
    registrationNumber: p.registrationNumber,
    issuers: p.issuers,
    dateSigned: p.dateSigned,
    kind: p.kind,
    isNormative: p.isNormative,
    effectiveClause: p.effectiveClause,
    effectiveDate: p.effectiveDate,
    validityClause: p.validityClause,
    validUntil: p.validUntil,
    declaredInvalidOn: null,
    appointments: p.appointments,
    body: p.body,
    sourceFileId: null,
    createdAt: '2026-11-22T12:00:00Z',
    updatedAt: '2026-11-22T12:00:00Z',
  };
}

const files = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).sort();
const docs: Document[] = [];
const entries: GazetteDetail['entries'] = [];
for (const file of files) {
  const result = parseText(readFileSync(join(CORPUS_DIR, file), 'utf8'), { file, encoding: 'utf-8' });
  const section = result.gazette ? `【${result.gazette.title}】` : `【${file.slice(0, 3)} 文件汇编】`;
  for (const p of result.documents) {
    const doc = toDocument(p, `d${docs.length + 1}`);
    docs.push(doc);
    entries.push({ position: entries.length + 1, section, title: doc.title, page: null, documentId: doc.id, docNumber: p.docNumber?.normalized ?? null });
  }
}

// ~100 pages of 22 × 28: the corpus paragraphs in order until about 56,000 characters
const paragraphs: string[] = [];
let chars = 0;
for (const d of docs) {
  for (const p of d.body) {
    if (chars > 56_000) break;
    paragraphs.push(p);
    chars += p.length;
  }
}
const big: Document = { ...docs[0], id: 'big', title: '关于印发基准测试用长篇规范性文件汇编的通知', body: paragraphs };
const issue: GazetteDetail = {
  id: 'bench',
  title: '基准测试人民政府公报',
  year: 2026,
  issueNumber: 1,
  totalNumber: 1,
  publishDate: '2026-11-22',
  documentCount: docs.length,
  entries,
};
const masthead = { sponsor: '基准测试人民政府', editor: '基准测试人民政府办公室', address: '某市某路1号', phone: '0000-0000000', postcode: '000000' };

async function time(label: string, text: OfficialText, format: 'pdf' | 'docx', target: { s: number; mb?: number }) {
  const t0 = performance.now();
  const out = await renderOfficialText(text, format, RESOURCES, new Date('2026-11-22T12:00:00'));
  const s = (performance.now() - t0) / 1000;
  const mb = out.bytes.length / 1024 / 1024;
  const ok = s <= target.s && (target.mb === undefined || mb <= target.mb);
  console.log(
    `${label.padEnd(28)} ${format.padEnd(4)} ${s.toFixed(2).padStart(6)} s ${mb.toFixed(2).padStart(6)} MB` +
      `${out.pages ? ` ${String(out.pages).padStart(4)} 页` : '        '}  目标 ≤ ${target.s} s${target.mb ? ` / ≤ ${target.mb} MB` : ''} ${ok ? '达标' : '未达标'}`,
  );
}

console.log(`语料：${files.length} 个文件，${docs.length} 件文件；长文件 ${paragraphs.length} 段 ${chars} 字`);
const bigText = buildDocument(big);
const gazetteText = buildGazette(issue, new Map(docs.map((d) => [d.id, d])), masthead);
const gazettePages = layoutText(gazetteText, createFontSet(RESOURCES)).pages.length;
// the first export loads and parses the fonts (once per process); it is shown separately
await time('100 页文件', bigText, 'pdf', { s: 3, mb: 3 });
await time('100 页文件', bigText, 'docx', { s: 1 });
// the 100-page target scaled to the issue's length
await time(`公报（${docs.length} 件）`, gazetteText, 'pdf', { s: 3 * Math.max(1, gazettePages / 100) });
await time(`公报（${docs.length} 件）`, gazetteText, 'docx', { s: Math.max(1, gazettePages / 100) });

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CleanupInput } from '../../../../shared/contract/export';
import type { GazetteDetail } from '../../../../shared/contract/documents';
import type { Document } from '../../../../shared/domain/document';
import type { ParsedDocument } from '../../../../shared/domain/parse-result';
import { parseText } from '../../../../shared/parse';
import { buildCleanup } from './build-cleanup';
import { buildGazette } from './build-gazette';
import type { OfficialText } from './model';

/**
 * The sample gazettes of resources/samples as the export engine sees them (parsed in memory, no database):
 * the fidelity tests and the render-and-look script both build from here.
 */
export const SAMPLE_GAZETTES = ['000_bc464f0cbf824af0.txt', '001_3ea1e19526f9a4bf.txt', '004_3ab14222ae9e6d15.txt'] as const;

const SAMPLES_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'resources', 'samples');
const MASTHEAD = { sponsor: '', editor: '人民政府办公室', address: '某路1号', phone: '0000-0000000', postcode: '000000' };

const STAMP = '2026-11-22T12:00:00Z';
const toDocument = (p: ParsedDocument, id: string): Document => ({ ...p, id, declaredInvalidOn: null, sourceFileId: null, createdAt: STAMP, updatedAt: STAMP });

export interface SampleGazette {
  file: string;
  docs: Document[];
  text: OfficialText;
}

/** One sample gazette: its documents in order, sections from its printed contents (or by issuer). */
export function sampleGazette(file: string): SampleGazette {
  const raw = readFileSync(join(SAMPLES_DIR, file), 'utf8');
  const result = parseText(raw, { file, encoding: 'utf-8' });
  const g = result.gazette;
  const docs = result.documents.map((p, i) => toDocument(p, `${file.slice(0, 3)}_${i + 1}`));
  const entries: GazetteDetail['entries'] = docs.map((doc, i) => {
    const printed = g?.toc.find((t) => t.title.replace(/\W/g, '') === doc.title.replace(/\W/g, ''));
    const section = printed?.section ?? (/办公室/.test(doc.title.split('关于')[0]) ? '政府办公室文件' : '政府文件');
    return { position: i + 1, section: `【${section}】`, title: doc.title, page: null, documentId: doc.id, docNumber: doc.docNumber?.normalized ?? null };
  });
  const issue: GazetteDetail = {
    id: file,
    title: g?.title ?? '人民政府公报',
    year: g?.year ?? null,
    issueNumber: g?.issueNumber ?? null,
    totalNumber: g?.totalNumber ?? null,
    publishDate: g?.publishDate ?? null,
    documentCount: docs.length,
    entries,
  } as GazetteDetail;
  // the issue line as this gazette prints it (第 1 号 / 2021年第3期), as a user would set it
  const head = raw.slice(0, 300);
  const issueUnit = /第\s*\d+\s*号/.test(head) ? ('号' as const) : ('期' as const);
  return { file, docs, text: buildGazette(issue, new Map(docs.map((d) => [d.id, d])), { ...MASTHEAD, issueUnit }) };
}

/** A 32-item cleanup list over the sample documents (real 文号 and dates), in all four decisions. */
export function sampleCleanup(): OfficialText {
  const docs = SAMPLE_GAZETTES.flatMap((f) => sampleGazette(f).docs);
  const decisions = ['继续有效', '修改', '废止', '宣布失效'] as const;
  const reasons = ['', '部分条款与上位法不一致，需修改', '已被新文件替代', '适用期已过，工作任务已完成'];
  const items: CleanupInput['items'] = Array.from({ length: 32 }, (_, i) => {
    const d = docs[i % docs.length];
    const k = i < 14 ? 0 : i < 20 ? 1 : i < 26 ? 2 : 3;
    return {
      title: d.title,
      docNumber: d.docNumber?.normalized ?? `高政办字〔2021〕${i + 1}号`,
      datePublished: d.dateSigned ?? '2021-08-25',
      decision: decisions[k],
      reason: reasons[k],
    };
  });
  const input: CleanupInput = {
    title: '高青县人民政府关于公布行政规范性文件清理结果的通知',
    docNumber: '高政字〔2021〕60号',
    issuer: '高青县人民政府',
    addressee: '各镇人民政府、街道办事处，县政府各部门，各有关单位：',
    body: [],
    date: '2021-12-20',
    items,
  };
  return buildCleanup(input, () => null);
}

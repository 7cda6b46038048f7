import type { ReviewDocument } from '../../../../shared/contract/import';
import type { ParsedDocument, ParseResult } from '../../../../shared/domain/parse-result';
import { replacementCount } from '../../../../shared/domain/control-chars';
import { addMonths } from '../../../../shared/domain/status';
import { ruleLimits, validityRuleFor, type ValidityRule } from '../../../../shared/domain/validity';
import type { DocumentService } from '../library/document-service';

type DateFacts = Pick<ParsedDocument, 'dateSigned' | 'effectiveDate' | 'validUntil'>;
/** Why a document is stored flagged for review (document_flags.kind). */
export type Contradiction = { kind: 'validity-before-start' | 'effective-before-signed' | 'damaged-text'; message: string };

/** The flag of a document whose title or body holds U+FFFD (bytes the reader could not decode: a damaged file). */
export function damagedText(d: Pick<ParsedDocument, 'title' | 'body'>): Contradiction[] {
  const n = replacementCount(d.title) + (d.body ?? []).reduce((sum, p) => sum + replacementCount(p), 0);
  return n ? [{ kind: 'damaged-text', message: damagedTextMessage(n) }] : [];
}
export const damagedTextMessage = (n: number) => `文字中有 ${n} 处无法识别的字符（\ufffd），原文件可能已损坏或编码有误，按原文保存，请对照原件核对。`;

/** Extracted facts that contradict each other (issue 16): stored as printed, flagged for review. */
export function dateContradictions(d: DateFacts): Contradiction[] {
  const out: Contradiction[] = [];
  const start = d.effectiveDate ?? d.dateSigned;
  if (d.validUntil && start && d.validUntil < start) {
    out.push({ kind: 'validity-before-start', message: `有效期截止日期（${d.validUntil}）早于${d.effectiveDate ? '施行日期' : '成文日期'}（${start}），按原文保存，请核对。` });
  }
  if (d.effectiveDate && d.dateSigned && d.effectiveDate < d.dateSigned) {
    out.push({ kind: 'effective-before-signed', message: `施行日期（${d.effectiveDate}）早于成文日期（${d.dateSigned}），按原文保存，请核对。` });
  }
  return out;
}

/** The validity warnings of the rule of the issuer's province (none where no rule applies), each citing it. */
export function validityWarnings(
  doc: Pick<ParsedDocument, 'title' | 'issuers' | 'isNormative' | 'validityClause' | 'validUntil' | 'effectiveDate' | 'dateSigned'> & { docNumber: { normalized: string } | null },
  rules: readonly ValidityRule[],
): ReviewDocument['reviewWarnings'] {
  const rule = validityRuleFor({ issuers: doc.issuers, title: doc.title, docNumber: doc.docNumber?.normalized ?? null }, rules);
  if (!rule) return [];
  const out: ReviewDocument['reviewWarnings'] = [];
  const { max, range, cite } = ruleLimits(rule, doc.title);
  if (doc.isNormative && !doc.validityClause && !doc.validUntil) {
    out.push({ kind: 'no-validity', message: `规范性文件未写明有效期（${cite}，应为${range}），请核对。` });
  }
  const start = doc.effectiveDate ?? doc.dateSigned;
  if (start && doc.validUntil && doc.validUntil >= addMonths(start, max * 12)) {
    out.push({ kind: 'validity-too-long', message: `有效期超过${max}年（${start} 至 ${doc.validUntil}；${cite}，应为${range}），请核对。` });
  }
  return out;
}

/**
 * Review warnings for extracted documents: missing title, 文号 or validity, validity over the limit of the issuer's
 * province, dates that contradict each other, parse notes on its lines, and likely duplicates (stored, or earlier in
 * the batch: `seen` maps 文号 and titles to the file they were seen in). An untitled document is a duplicate of
 * nothing by its (empty) title.
 */
export function createReviewer(documents: Pick<DocumentService, 'findLikelyDuplicate'>, rules: () => readonly ValidityRule[]) {
  return function review(doc: ParsedDocument, warnings: ParseResult['warnings'], seen: Map<string, string>): ReviewDocument {
    const out: ReviewDocument['reviewWarnings'] = [];
    const number = doc.docNumber?.normalized ?? null;
    const title = doc.title.trim();
    if (!title) out.push({ kind: 'no-title', message: '未识别出标题：请补填标题，或取消“保留”跳过此件。' });
    if (!number) out.push({ kind: 'no-doc-number', message: '未识别出文号，请核对或补填。' });
    out.push(...validityWarnings(doc, rules()));
    for (const c of dateContradictions(doc)) {
      out.push({ kind: 'inconsistent-dates', message: c.message.replace('按原文保存，请核对。', '将按原文保存并标记待核对。') });
    }
    for (const c of damagedText(doc)) out.push({ kind: 'damaged-text', message: c.message.replace('按原文保存，请对照原件核对。', '将按原文保存并标记待核对，请对照原件核对。') });
    const stored = number || title ? documents.findLikelyDuplicate({ docNumber: number, title }) : null;
    if (stored) {
      out.push({ kind: 'duplicate', message: `库中已有${stored.docNumber ? `文号相同或` : ''}标题相同的文件：《${stored.title}》${stored.docNumber ?? ''}` });
    } else {
      const earlier = (number && seen.get(number)) || (title && seen.get(title));
      if (earlier) out.push({ kind: 'duplicate', message: `与本批次“${earlier}”中的文件重复。` });
    }
    for (const w of warnings) {
      if (w.line !== null && w.line >= doc.lineStart && w.line <= doc.lineEnd) out.push({ kind: 'parse', message: `第${w.line}行：${w.message}` });
    }
    return { ...doc, reviewWarnings: out, duplicateOf: stored ? { id: stored.id, title: stored.title, docNumber: stored.docNumber } : null };
  };
}

import type { z } from 'zod';
import type { CommitDocument } from '../../../../shared/contract/import';
import { stripControlCharsDeep } from '../../../../shared/domain/control-chars';
import { parseDocNumber } from '../../../../shared/domain/docnumber';
import type { DocNumber, ParsedDocument } from '../../../../shared/domain/parse-result';
import { AppError } from '../../kernel/errors';
import { checkDates, docNumberProblem, type NewDocument } from '../library/document-service';
import type { Correction } from './corrections';
import { damagedText, dateContradictions, type Contradiction } from './review';
import type { DocumentScan } from './scans';

/** A document ready to store (with the relations to enter and the flags to set), or the reason it is refused. */
export type Prepared =
  | { ok: true; doc: NewDocument; relations: ParsedDocument; flags: Contradiction[]; corrections?: Correction[]; scan?: DocumentScan | null }
  | { ok: false; title: string | null; reason: string };

/** A staged document with the person's corrections over it (a field left out keeps what was extracted). */
export function corrected(printed: ParsedDocument, c: z.output<typeof CommitDocument>): ParsedDocument {
  const pick = <K extends keyof ParsedDocument>(k: K, v: ParsedDocument[K] | undefined) => (v === undefined ? printed[k] : v);
  let docNumber: DocNumber | null = printed.docNumber;
  if (c.docNumber !== undefined) {
    const raw = c.docNumber?.trim() ?? '';
    const unchanged = raw === printed.docNumber?.raw || raw === printed.docNumber?.normalized;
    // One that does not parse is kept as typed, so prepare() refuses it naming what was typed.
    docNumber = !raw ? null : unchanged ? printed.docNumber : (parseDocNumber(raw) ?? { raw, normalized: raw, agency: '', year: 0, serial: 0 });
  }
  return {
    ...printed,
    title: pick('title', c.title),
    docNumber,
    registrationNumber: pick('registrationNumber', c.registrationNumber),
    issuers: pick('issuers', c.issuers),
    dateSigned: pick('dateSigned', c.dateSigned),
    kind: pick('kind', c.kind),
    isNormative: pick('isNormative', c.isNormative),
    effectiveClause: pick('effectiveClause', c.effectiveClause),
    effectiveDate: pick('effectiveDate', c.effectiveDate),
    validityClause: pick('validityClause', c.validityClause),
    validUntil: pick('validUntil', c.validUntil),
    abolishes: pick('abolishes', c.abolishes),
    amends: pick('amends', c.amends),
    replaces: pick('replaces', c.replaces),
    cites: pick('cites', c.cites),
    appointments: pick('appointments', c.appointments),
  };
}

/**
 * A document put in stored form. `printed` is the document as the service extracted it: dates equal to the
 * printed ones are stored even when they contradict each other (and flagged); dates the person changed are
 * checked strictly, as an edit is. A document that cannot be stored is refused, naming the file, the document
 * and the field.
 */
export function prepare(fileName: string, given: ParsedDocument, printed: Pick<ParsedDocument, 'dateSigned' | 'effectiveDate' | 'validUntil'>, index: number): Prepared {
  // what a person typed at review passes here too: no stored field keeps a control character
  const doc = stripControlCharsDeep(given);
  const where = `文件“${fileName}”第${index + 1}件《${doc.title.slice(0, 40)}》：`;
  const title = doc.title.replace(/\s+/g, ' ').trim();
  if (!title) return { ok: false, title: null, reason: `文件“${fileName}”第${index + 1}件没有标题。` };
  let docNumber: DocNumber | null = null;
  if (doc.docNumber) {
    const parsed = parseDocNumber(doc.docNumber.raw) ?? parseDocNumber(doc.docNumber.normalized);
    if (!parsed) return { ok: false, title, reason: `${where}文号“${doc.docNumber.raw}”无法识别：${docNumberProblem(doc.docNumber.raw)}。` };
    docNumber = { ...parsed, raw: doc.docNumber.raw };
  }
  const asPrinted = doc.dateSigned === printed.dateSigned && doc.effectiveDate === printed.effectiveDate && doc.validUntil === printed.validUntil;
  try {
    // Every date must exist; the order of dates is checked only where the person changed them.
    checkDates({ dateSigned: doc.dateSigned, effectiveDate: null, validUntil: null }, where);
    checkDates({ dateSigned: null, effectiveDate: doc.effectiveDate, validUntil: null }, where);
    checkDates({ dateSigned: null, effectiveDate: null, validUntil: doc.validUntil }, where);
    if (!asPrinted) checkDates(doc, where);
  } catch (err) {
    if (err instanceof AppError) return { ok: false, title, reason: err.message };
    throw err;
  }
  const { registrationNumber, issuers, dateSigned, kind, isNormative, effectiveClause, effectiveDate, validityClause, validUntil, appointments } = doc;
  return {
    ok: true,
    relations: doc,
    flags: [...dateContradictions(doc), ...damagedText(doc)],
    doc: { title, docNumber, registrationNumber, issuers, dateSigned, kind, isNormative, effectiveClause, effectiveDate, validityClause, validUntil, appointments, body: doc.body ?? [] },
  };
}

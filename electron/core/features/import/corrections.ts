import type { z } from 'zod';
import type { Caller } from '../../../../shared/contract';
import type { CommitDocument, ImportCorrection } from '../../../../shared/contract/import';
import type { ParsedDocument, RelationTarget } from '../../../../shared/domain/parse-result';
import type { AppContext } from '../../kernel/context';
import type { BoundaryCorrection } from './staging';

/** One correction a person made at review, ready to store with the file. */
export interface Correction {
  kind: 'field' | 'split' | 'merge';
  field: string | null;
  extracted: string | null;
  corrected: string | null;
}

const targets = (ts: readonly RelationTarget[]) => ts.map((t) => `${t.title ? `《${t.title}》` : ''}${t.docNumber ?? ''}`).join('；');

/** A field's value as a person reads it (null for none), so the stored correction says what it was and became. */
function asText(field: keyof ParsedDocument, d: ParsedDocument): string | null {
  const v = d[field];
  if (v === null || v === undefined) return null;
  if (field === 'docNumber') return d.docNumber?.raw ?? null;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (field === 'appointments') return d.appointments.map((a) => `${a.action}${a.name}${a.position}`).join('；') || null;
  if (field === 'abolishes' || field === 'amends' || field === 'replaces') return targets(v as RelationTarget[]) || null;
  if (Array.isArray(v)) return v.join('、') || null;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * The fields a person changed in one document: those the commit request names whose value differs from what
 * extraction found (a 文号 counts as changed only when its normalized form does), then the boundaries moved.
 */
export function reviewCorrections(
  printed: ParsedDocument,
  fixed: ParsedDocument,
  request: z.output<typeof CommitDocument>,
  boundaries: readonly BoundaryCorrection[],
): Correction[] {
  const out: Correction[] = boundaries.map((b) => ({ kind: b.kind, field: null, extracted: b.extracted, corrected: b.corrected }));
  for (const key of Object.keys(request) as Array<keyof typeof request>) {
    if (key === 'index' || request[key] === undefined) continue;
    const field = key as keyof ParsedDocument;
    const same =
      field === 'docNumber'
        ? (printed.docNumber?.normalized ?? null) === (fixed.docNumber?.normalized ?? null)
        : asText(field, printed) === asText(field, fixed);
    if (!same) out.push({ kind: 'field', field, extracted: asText(field, printed), corrected: asText(field, fixed) });
  }
  return out;
}

interface Row {
  kind: ImportCorrection['kind'];
  field: string | null;
  extractedValue: string | null;
  correctedValue: string | null;
  fileName: string;
  createdAt: string;
  createdBy: string;
}

/** The import_corrections table: written at commit with the file and the document, read by the document page. */
export function createCorrectionStore(ctx: AppContext) {
  const insert = ctx.db.prepare<[string, string | null, string, string | null, string | null, string | null, string, string]>(
    `INSERT INTO import_corrections (source_file_id, document_id, kind, field, extracted_value, corrected_value, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const byDocument = ctx.db.prepare<[string], Row>(
    `SELECT c.kind, c.field, c.extracted_value AS extractedValue, c.corrected_value AS correctedValue, f.name AS fileName,
            c.created_at AS createdAt, c.created_by AS createdBy
     FROM import_corrections c JOIN source_files f ON f.id = c.source_file_id
     WHERE c.document_id = ? ORDER BY c.id`,
  );
  return {
    /** Records a stored document's corrections with its source file, by the person who made them; call inside the commit's transaction. */
    record(by: Caller, sourceFileId: string, documentId: string, corrections: readonly Correction[]) {
      const at = ctx.now().toISOString();
      for (const c of corrections) insert.run(sourceFileId, documentId, c.kind, c.field, c.extracted, c.corrected, at, by.user);
    },
    /** What people corrected at import of one document, oldest first. */
    forDocument: (documentId: string): ImportCorrection[] => byDocument.all(documentId),
  };
}

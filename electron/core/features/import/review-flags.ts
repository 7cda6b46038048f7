import type { AppContext } from '../../kernel/context';
import { dateContradictions } from './review';

interface FlagRow {
  documentId: string;
  title: string;
  docNumber: string | null;
  kind: string;
  message: string;
  createdAt: string;
}

/**
 * The review flags of documents stored as printed although their dates contradict each other, or with text that
 * lost characters (U+FFFD) (document_flags): listed for the consistency checks and on the document, and dropped
 * once an edit (always checked strictly) has made the dates agree or replaced the lost characters — followed
 * through documents:changed, so the library feature need not know about them.
 */
export function createReviewFlags(ctx: Pick<AppContext, 'db' | 'events' | 'log'>) {
  const all = ctx.db.prepare<[], FlagRow>(`
    SELECT f.document_id AS documentId, d.title, d.doc_number AS docNumber, f.kind, f.message, f.created_at AS createdAt
    FROM document_flags f JOIN documents d ON d.id = f.document_id ORDER BY f.created_at, d.title`);
  const flagged = ctx.db.prepare<[string], { date_signed: string | null; effective_date: string | null; valid_until: string | null; damaged: number }>(`
    SELECT d.date_signed, d.effective_date, d.valid_until, (instr(d.title, char(65533)) > 0 OR instr(d.body, char(65533)) > 0) AS damaged
    FROM documents d WHERE d.id = ? AND EXISTS (SELECT 1 FROM document_flags f WHERE f.document_id = d.id)`);
  const forDocument = ctx.db.prepare<[string], { kind: string; message: string; createdAt: string }>(
    'SELECT kind, message, created_at AS createdAt FROM document_flags WHERE document_id = ? ORDER BY created_at, kind',
  );
  const kinds = ctx.db.prepare<[string], string>('SELECT kind FROM document_flags WHERE document_id = ?').pluck();
  const drop = ctx.db.prepare<[string, string]>('DELETE FROM document_flags WHERE document_id = ? AND kind = ?');

  ctx.events.on('documents:changed', ({ ids }) => {
    for (const id of ids) {
      const row = flagged.get(id);
      if (!row) continue;
      const still = new Set<string>(dateContradictions({ dateSigned: row.date_signed, effectiveDate: row.effective_date, validUntil: row.valid_until }).map((c) => c.kind));
      if (row.damaged) still.add('damaged-text'); // until an edit has replaced every U+FFFD
      for (const kind of kinds.all(id)) if (!still.has(kind)) drop.run(id, kind);
    }
  });

  return {
    /** Every flagged document with the reason, oldest first. */
    list: (): FlagRow[] => all.all(),
    /** One document's review flags (shown on the document). */
    forDocument: (documentId: string) => forDocument.all(documentId),
  };
}

import type { Caller } from '../../../../shared/contract';
import { filingStateLabel, type FilingState } from '../../../../shared/domain/filing';
import type { AppContext } from '../../kernel/context';
import type { AuditService } from '../audit/audit-service';
import type { AnswerRecord } from './records';

/** The receiver's answers applied to this office's filings: each state change audited with the package it came in. */
export function createAnswerApplier(ctx: Pick<AppContext, 'db' | 'now'>, audit: AuditService) {
  const filingOf = ctx.db.prepare<[string], { state: string }>('SELECT state FROM filings WHERE document_id = ?');
  const applyAnswer = ctx.db.prepare(`
    UPDATE filings SET state = @state, decision = @decision, registration_number = coalesce(@registrationNumber, registration_number),
      correction_due = @correctionDue, answer_note = @note, receiver = @receiver, answered_at = @at, updated_at = @at
    WHERE document_id = @id`);
  return {
    /** Applies an answer package's records to the filings they name (only documents this office filed). */
    applyAnswers(by: Caller, receiver: string, records: AnswerRecord[], packageId: string): string[] {
      const lines: string[] = [];
      for (const r of records) {
        const before = filingOf.get(r.documentId);
        if (!before) {
          lines.push(`《${r.title}》：本机没有此文件的报备记录，已忽略`);
          continue;
        }
        // 'received' is the receiver's queue state before it acts: for the sender that is still 已报备
        const state = r.state === 'received' ? 'sent' : r.state;
        applyAnswer.run({ id: r.documentId, state, decision: r.decision, registrationNumber: r.registrationNumber, correctionDue: r.correctionDue, note: r.note, receiver, at: ctx.now().toISOString() });
        audit.record(by, 'filing.answer', 'filing', r.documentId, { state: before.state }, { state, decision: r.decision, registrationNumber: r.registrationNumber, correctionDue: r.correctionDue, note: r.note, receiver, package: packageId });
        lines.push(`《${r.title}》：${filingStateLabel(state, r.decision)}${r.state === 'correction' && r.correctionDue ? `（请于${r.correctionDue}前补正）` : ''}`);
      }
      return lines;
    },
    /** What an answer package would change here (preview). */
    previewAnswers(records: AnswerRecord[]): string[] {
      return records.map((r) => {
        const before = filingOf.get(r.documentId);
        const state = r.state === 'received' ? 'sent' : r.state;
        return before ? `《${r.title}》：${filingStateLabel(before.state as FilingState)} → ${filingStateLabel(state, r.decision)}` : `《${r.title}》：本机没有此文件的报备记录，将忽略`;
      });
    },
  };
}

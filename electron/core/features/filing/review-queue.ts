import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Caller } from '../../../../shared/contract';
import type { CatalogRow, ReviewRow } from '../../../../shared/contract/filing';
import { MATERIAL_KINDS, REVIEW_STATES } from '../../../../shared/contract/filing';
import { quarterRange, type ReviewDecision } from '../../../../shared/domain/filing';
import { isoDay } from '../../../../shared/domain/status';
import { AppError } from '../../kernel/errors';
import type { AppContext } from '../../kernel/context';
import type { AuditService } from '../audit/audit-service';
import type { ReadPackage } from '../packages/format';
import type { OfficeService } from '../packages/office';
import type { PackageService } from '../packages/package-service';
import { FilingRecord, type AnswerRecord } from './records';

type ReviewState = (typeof REVIEW_STATES)[number];

interface ReviewDbRow {
  id: string;
  sender_fingerprint: string;
  sender_name: string;
  remote_document_id: string;
  document_id: string | null;
  title: string;
  doc_number: string | null;
  published_on: string | null;
  round: number;
  received_on: string;
  state: ReviewState;
  registration_number: string | null;
  registered_on: string | null;
  correction_due: string | null;
  correction_reason: string;
  review_due: string | null;
  basis: string;
  problems: string;
  suggestions: string;
  decision: ReviewDecision | null;
  decided_on: string | null;
  answered_state: string | null;
}

const STATE_LABELS: Record<ReviewState, string> = { received: '待登记', registered: '已登记（审查中）', correction: '限期补正', refused: '不予备案', reviewed: '审查完毕' };
const label = (r: Pick<ReviewDbRow, 'state' | 'decision'>) => (r.state === 'reviewed' ? `审查完毕：${r.decision}` : STATE_LABELS[r.state]);
/** What the sender was last told: a change of any of these is news for the next answer package. */
const signature = (r: ReviewDbRow) => JSON.stringify([r.state, r.decision, r.registration_number, r.correction_due, r.round]);
const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** One queue entry as listed. */
function toRow(r: ReviewDbRow, materials: ReviewRow['materials']): ReviewRow {
  return {
    id: r.id,
    sender: r.sender_name,
    senderFingerprint: r.sender_fingerprint,
    documentId: r.document_id,
    title: r.title,
    docNumber: r.doc_number,
    published: r.published_on,
    round: r.round,
    receivedOn: r.received_on,
    state: r.state,
    stateLabel: label(r),
    registrationNumber: r.registration_number,
    registeredOn: r.registered_on,
    correctionDue: r.correction_due,
    correctionReason: r.correction_reason,
    reviewDue: r.review_due,
    basis: r.basis,
    problems: r.problems,
    suggestions: r.suggestions,
    decision: r.decision,
    decidedOn: r.decided_on,
    unanswered: r.answered_state !== signature(r),
    materials,
  };
}

/** What the sender is told about one entry (by its own document id). */
function answerRecord(r: ReviewDbRow): AnswerRecord {
  const opinion = [r.problems && `问题：${r.problems}`, r.suggestions && `建议：${r.suggestions}`, r.basis && `上位法依据：${r.basis}`].filter(Boolean).join('\n');
  const note = r.state === 'correction' || r.state === 'refused' ? r.correction_reason : r.state === 'reviewed' ? opinion : '';
  return { type: 'answer', documentId: r.remote_document_id, title: r.title, round: r.round, state: r.state, decision: r.decision, registrationNumber: r.registration_number, correctionDue: r.correction_due, note };
}

/**
 * 备案审查, receiving side: filing packages from lower offices fill the queue (a second round after 补正 re-opens
 * the same entry); the legal office registers, asks for 补正 with a deadline or refuses, writes its notes
 * (上位法依据, 问题, 建议), decides, and answers each sender with a package that updates the sender's states.
 */
export function createReviewQueue(ctx: Pick<AppContext, 'db' | 'now'>, deps: { audit: AuditService; office: OfficeService; packages: PackageService }) {
  const db = ctx.db;
  const { audit, office, packages } = deps;
  const all = db.prepare<[], ReviewDbRow>('SELECT * FROM filing_reviews ORDER BY received_on DESC, published_on, title');
  const byId = db.prepare<[string], ReviewDbRow>('SELECT * FROM filing_reviews WHERE id = ?');
  const bySender = db.prepare<[string, string], ReviewDbRow>('SELECT * FROM filing_reviews WHERE sender_fingerprint = ? AND remote_document_id = ?');
  const materialsOf = db.prepare<[string], { id: string; kind: (typeof MATERIAL_KINDS)[number]; name: string; size: number }>(
    'SELECT id, kind, name, size FROM filing_materials WHERE document_id = ? ORDER BY added_at, name',
  );
  const insertMaterial = db.prepare('INSERT OR IGNORE INTO filing_materials (id, document_id, kind, name, sha256, size, data, origin, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const docFacts = db.prepare<[string], { title: string; doc_number: string | null; date_signed: string | null }>('SELECT title, doc_number, date_signed FROM documents WHERE id = ?');
  const insert = db.prepare(`INSERT INTO filing_reviews (id, sender_fingerprint, sender_name, remote_document_id, document_id, title, doc_number, published_on, round, received_on, state, review_due, updated_at)
    VALUES (@id, @fp, @sender, @remote, @doc, @title, @docNumber, @published, @round, @day, 'received', @reviewDue, @at)`);
  const reopen = db.prepare(`UPDATE filing_reviews SET state = 'received', round = @round, received_on = @day, document_id = coalesce(@doc, document_id),
    review_due = @reviewDue, updated_at = @at WHERE id = @id`);
  const set = (cols: string) => db.prepare(`UPDATE filing_reviews SET ${cols}, updated_at = @at WHERE id = @id`);
  const setRegistered = set("state = 'registered', registration_number = @number, registered_on = @day, review_due = @reviewDue");
  const setCorrection = set("state = 'correction', correction_reason = @reason, correction_due = @due");
  const setRefused = set("state = 'refused', correction_reason = @reason, correction_due = NULL");
  const setNotes = set('basis = @basis, problems = @problems, suggestions = @suggestions');
  const setDecision = set("state = 'reviewed', decision = @decision, decided_on = @day");
  const setAnswered = db.prepare<[string, string]>('UPDATE filing_reviews SET answered_state = ? WHERE id = ?');
  const registeredInYear = db.prepare<[string], number>("SELECT count(*) FROM filing_reviews WHERE registration_number IS NOT NULL AND substr(registered_on, 1, 4) = ?").pluck();
  const numberTaken = db.prepare<[string, string], number>('SELECT count(*) FROM filing_reviews WHERE registration_number = ? AND id <> ?').pluck();
  const catalogRows = db.prepare<[string, string], ReviewDbRow>(
    "SELECT * FROM filing_reviews WHERE state IN ('registered', 'reviewed') AND registered_on BETWEEN ? AND ? ORDER BY registered_on, registration_number",
  );
  const today = () => isoDay(ctx.now());
  const listed = (r: ReviewDbRow) => toRow(r, r.document_id ? materialsOf.all(r.document_id) : []);

  function get(id: string): ReviewDbRow {
    const r = byId.get(id);
    if (!r) throw new AppError('NOT_FOUND', `备案审查队列中没有 ${id}`);
    return r;
  }

  /** Changes one entry from the allowed states, audited with before and after; returns it as listed. */
  function change(by: Caller, id: string, allowed: ReviewState[], action: string, apply: (r: ReviewDbRow) => void): ReviewRow {
    return db.transaction(() => {
      const before = get(id);
      if (!allowed.includes(before.state)) throw new AppError('CONFLICT', `《${before.title}》当前为“${label(before)}”，不能进行此操作。`);
      apply(before);
      const after = get(id);
      const pick = (r: ReviewDbRow) => ({ state: r.state, decision: r.decision, registrationNumber: r.registration_number, correctionDue: r.correction_due, reason: r.correction_reason, basis: r.basis, problems: r.problems, suggestions: r.suggestions });
      audit.record(by, action, 'filing', id, pick(before), { ...pick(after), title: after.title, sender: after.sender_name });
      return listed(after);
    })();
  }

  /** Receives a filing package's records into the queue (inside the package import). */
  function receive(by: Caller, read: ReadPackage, localIdOf: (remote: string) => string | null): string[] {
    const { manifest, content } = read;
    const fp = manifest.office.fingerprint;
    const day = today();
    const at = ctx.now().toISOString();
    const reviewDue = addDays(day, office.settings().reviewDays);
    return records(read).map((rec) => {
      const doc = localIdOf(rec.documentId);
      const facts = doc ? docFacts.get(doc) : undefined;
      const title = facts?.title ?? rec.documentId;
      const existing = bySender.get(fp, rec.documentId);
      if (existing) reopen.run({ id: existing.id, round: rec.round, day, doc, reviewDue, at });
      else insert.run({ id: randomUUID(), fp, sender: manifest.office.name, remote: rec.documentId, doc, title, docNumber: facts?.doc_number ?? null, published: rec.published, round: rec.round, day, reviewDue, at });
      const entry = bySender.get(fp, rec.documentId)!;
      if (doc) {
        const files = [...rec.materials, { kind: '其他材料' as const, name: `备案报告（第${rec.round}次报送）.docx`, sha256: rec.report }];
        for (const m of files) {
          const data = content.files.get(m.sha256);
          if (data) insertMaterial.run(randomUUID(), doc, m.kind, m.name, m.sha256, data.length, data, fp, at, by.user);
        }
      }
      audit.record(by, 'filing.receive', 'filing', entry.id, existing ? { state: existing.state, round: existing.round } : null, {
        state: 'received', round: rec.round, title, sender: manifest.office.name, package: manifest.id, reviewDue,
      });
      return `《${title}》：${existing ? `第${rec.round}次报送（补正后），重新进入待登记` : '收到报备，进入待登记'}`;
    });
  }

  function records(read: ReadPackage): FilingRecord[] {
    if (read.manifest.office.fingerprint === office.settings().fingerprint) {
      throw new AppError('INVALID_INPUT', '这是本机关自己报送的备案包，应交给备案机关导入，不能导入本机。文件库未作任何改动。');
    }
    const parsed = z.array(FilingRecord).max(10_000).safeParse(read.content.filing);
    if (!parsed.success) throw new AppError('INVALID_INPUT', '数据包无法导入：备案记录（filing.json）不符合格式。文件库未作任何改动。');
    return parsed.data;
  }

  return {
    receive,
    /** What receiving a filing package would add to the queue. */
    previewReceive(read: ReadPackage): string[] {
      return records(read).map((rec) => {
        const existing = bySender.get(read.manifest.office.fingerprint, rec.documentId);
        const title = read.content.documents.find((d) => d.id === rec.documentId)?.title ?? existing?.title ?? '（未附正文）';
        return `《${title}》：${existing ? `第${rec.round}次报送（补正后）` : '新的报备文件'}，材料${rec.materials.length}份`;
      });
    },
    /** The queue, newest first; one state when asked. */
    list(state?: ReviewState): ReviewRow[] {
      return all.all().filter((r) => !state || r.state === state).map(listed);
    },
    /** 予以备案登记, with a number (proposed as YYYY-NNN when not given). */
    register(by: Caller, id: string, number?: string): ReviewRow {
      return change(by, id, ['received'], 'filing.register', (r) => {
        const day = today();
        const proposed = `${day.slice(0, 4)}-${String(registeredInYear.get(day.slice(0, 4))! + 1).padStart(3, '0')}`;
        const chosen = number?.trim() || proposed;
        if (numberTaken.get(chosen, r.id)) throw new AppError('CONFLICT', `登记编号 ${chosen} 已用于其他文件。`);
        setRegistered.run({ id: r.id, number: chosen, day, reviewDue: addDays(day, office.settings().reviewDays), at: ctx.now().toISOString() });
      });
    },
    /** 暂缓备案，限期补正. */
    correction(by: Caller, id: string, reason: string, due: string): ReviewRow {
      if (due < today()) throw new AppError('INVALID_INPUT', `补正期限（${due}）早于今天，请重新选择。`);
      return change(by, id, ['received'], 'filing.correction', (r) => setCorrection.run({ id: r.id, reason, due, at: ctx.now().toISOString() }));
    },
    /** 不予备案. */
    refuse(by: Caller, id: string, reason: string): ReviewRow {
      return change(by, id, ['received'], 'filing.refuse', (r) => setRefused.run({ id: r.id, reason, at: ctx.now().toISOString() }));
    },
    /** Review notes: 上位法依据, 问题, 建议 (each kept when not given). */
    notes(by: Caller, id: string, n: { basis?: string; problems?: string; suggestions?: string }): ReviewRow {
      return change(by, id, ['registered', 'reviewed'], 'filing.notes', (r) =>
        setNotes.run({ id: r.id, basis: n.basis ?? r.basis, problems: n.problems ?? r.problems, suggestions: n.suggestions ?? r.suggestions, at: ctx.now().toISOString() }),
      );
    },
    /** 审查完毕: 无异议, 需修改 or 撤销 (an opinion needs the problems written down first). */
    decide(by: Caller, id: string, decision: ReviewDecision): ReviewRow {
      return change(by, id, ['registered', 'reviewed'], 'filing.decide', (r) => {
        if (decision !== '无异议' && !r.problems.trim()) throw new AppError('INVALID_INPUT', `审查意见为“${decision}”时，请先在审查记录中写明存在的问题。`);
        setDecision.run({ id: r.id, decision, day: today(), at: ctx.now().toISOString() });
      });
    },
    /** The answer package to one sender (by name or fingerprint): every entry changed since the last answer. */
    answer(by: Caller, sender: string) {
      const rows = all.all().filter((r) => (r.sender_name === sender || r.sender_fingerprint === sender) && r.answered_state !== signature(r));
      if (!rows.length) throw new AppError('INVALID_INPUT', `没有需要答复“${sender}”的变化（登记、补正、审查结论）。`);
      return db.transaction(() => {
        const content = packages.collect({ documentIds: [], campaignIds: [], issueIds: [] }, 'filing-answer', `致${rows[0].sender_name}，${rows.length}件`);
        content.filing = rows.map(answerRecord);
        const written = packages.write(by, content);
        for (const r of rows) {
          setAnswered.run(signature(r), r.id);
          audit.record(by, 'filing.reply', 'filing', r.id, null, { ...answerRecord(r), package: written.id });
        }
        return written;
      })();
    },
    /** The 备案目录 of a quarter: documents registered in it, in registration order. */
    catalog(year: number, quarter: 1 | 2 | 3 | 4): { label: string; rows: CatalogRow[] } {
      const q = quarterRange(year, quarter);
      const rows = catalogRows.all(q.from, q.to).map((r, i) => ({
        n: i + 1,
        title: r.title,
        docNumber: r.doc_number,
        sender: r.sender_name,
        published: r.published_on,
        receivedOn: r.received_on,
        registrationNumber: r.registration_number,
        result: label(r),
      }));
      return { label: q.label, rows };
    },
  };
}
export type ReviewQueue = ReturnType<typeof createReviewQueue>;

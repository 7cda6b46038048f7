import { createHash, randomUUID } from 'node:crypto';
import type { Caller } from '../../../../shared/contract';
import type { FilingRow, FilingStats } from '../../../../shared/contract/filing';
import type { MATERIAL_KINDS } from '../../../../shared/contract/filing';
import { filingDue, filingRates, filingStateLabel, daysBetween, type FilingState, type ReviewDecision } from '../../../../shared/domain/filing';
import { isoDay } from '../../../../shared/domain/status';
import { AppError } from '../../kernel/errors';
import type { AppContext } from '../../kernel/context';
import type { AuditService } from '../audit/audit-service';
import { renderOfficialText } from '../export/service';
import type { OfficeService } from '../packages/office';
import type { PackageService } from '../packages/package-service';
import { createAnswerApplier } from './answers';
import type { FilingRecord } from './records';
import { buildFilingReport, type ReportItem } from './filing-texts';

interface OwnRow {
  id: string;
  title: string;
  doc_number: string | null;
  issuers: string;
  date_signed: string;
  state: Exclude<FilingState, 'unfiled'> | null;
  decision: ReviewDecision | null;
  round: number | null;
  first_sent_on: string | null;
  registration_number: string | null;
  correction_due: string | null;
  answer_note: string | null;
  receiver: string | null;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * 备案, sending side: which own normative documents must be filed and by when (publication + the office's rule),
 * the materials attached to each, 报送备案 (the 备案报告 and a signed filing package; states set to 已报备), the
 * receiver's answers applied when its answer package is imported, and 报备率 / 报备及时率 of a period.
 */
export function createFilingService(
  ctx: Pick<AppContext, 'db' | 'now' | 'resourcesDir'>,
  deps: { audit: AuditService; office: OfficeService; packages: PackageService },
) {
  const db = ctx.db;
  const { audit, office, packages } = deps;
  // own documents: normative, dated, and not documents received from others for review
  const own = db.prepare<[], OwnRow>(`
    SELECT d.id, d.title, d.doc_number, d.issuers, d.date_signed, f.state, f.decision, f.round, f.first_sent_on, f.registration_number,
      f.correction_due, f.answer_note, f.receiver
    FROM documents d LEFT JOIN filings f ON f.document_id = d.id
    WHERE d.is_normative = 1 AND d.date_signed IS NOT NULL
      AND d.id NOT IN (SELECT document_id FROM filing_reviews WHERE document_id IS NOT NULL)
    ORDER BY d.date_signed DESC, d.title`);
  const materialsOf = db.prepare<[string], { id: string; kind: (typeof MATERIAL_KINDS)[number]; name: string; size: number; sha256: string }>(
    'SELECT id, kind, name, size, sha256 FROM filing_materials WHERE document_id = ? ORDER BY added_at, name',
  );
  const materialData = db.prepare<[string], Buffer>('SELECT data FROM filing_materials WHERE id = ?').pluck();
  const insertMaterial = db.prepare('INSERT INTO filing_materials (id, document_id, kind, name, sha256, size, data, origin, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const materialById = db.prepare<[string], { id: string; document_id: string; kind: string; name: string; sha256: string }>('SELECT * FROM filing_materials WHERE id = ?');
  const deleteMaterial = db.prepare<[string]>('DELETE FROM filing_materials WHERE id = ?');
  const filingOf = db.prepare<[string], { state: string; round: number; first_sent_on: string }>('SELECT state, round, first_sent_on FROM filings WHERE document_id = ?');
  const upsertFiling = db.prepare(`
    INSERT INTO filings (document_id, state, round, first_sent_on, last_sent_at, package_id, updated_at)
    VALUES (@id, 'sent', @round, @day, @at, @pkg, @at)
    ON CONFLICT (document_id) DO UPDATE SET state = 'sent', decision = NULL, round = @round, last_sent_at = @at, package_id = @pkg,
      correction_due = NULL, updated_at = @at`);
  const answers = createAnswerApplier(ctx, audit);
  const today = () => isoDay(ctx.now());

  function rows(asOf = today()): FilingRow[] {
    const { issuers, filingRule } = office.settings();
    return own
      .all()
      .filter((r) => !issuers.length || (JSON.parse(r.issuers) as string[]).some((i) => issuers.includes(i)))
      .map((r) => {
        const due = filingDue(r.date_signed, filingRule);
        const state: FilingState = r.state ?? 'unfiled';
        return {
          documentId: r.id,
          title: r.title,
          docNumber: r.doc_number,
          issuers: JSON.parse(r.issuers) as string[],
          published: r.date_signed,
          due,
          daysLeft: r.first_sent_on ? null : daysBetween(asOf, due),
          state,
          stateLabel: filingStateLabel(state, r.decision),
          decision: r.decision,
          round: r.round ?? 0,
          firstSentOn: r.first_sent_on,
          onTime: r.first_sent_on ? r.first_sent_on <= due : null,
          registrationNumber: r.registration_number,
          correctionDue: r.correction_due,
          answerNote: r.answer_note ?? '',
          receiver: r.receiver,
          materials: materialsOf.all(r.id).map(({ sha256: _s, ...m }) => m),
        };
      });
  }

  function row(documentId: string): FilingRow {
    const r = rows().find((x) => x.documentId === documentId);
    if (!r) throw new AppError('NOT_FOUND', `未找到需报备的规范性文件 ${documentId}（须为本机关制定、有成文日期的规范性文件）`);
    return r;
  }

  return {
    /** Own normative documents with state and deadline: all, due (unfiled, in time), overdue, or filed. */
    list(show: 'all' | 'due' | 'overdue' | 'filed' = 'all', asOf = today()): FilingRow[] {
      const all = rows(asOf);
      if (show === 'due') return all.filter((r) => r.state === 'unfiled' && r.daysLeft! >= 0).sort((a, b) => a.due.localeCompare(b.due));
      if (show === 'overdue') return all.filter((r) => r.state === 'unfiled' && r.daysLeft! < 0).sort((a, b) => a.due.localeCompare(b.due));
      if (show === 'filed') return all.filter((r) => r.state !== 'unfiled');
      return all;
    },
    /** 报备率 and 报备及时率 of the documents published in [from, to]. */
    stats(from: string, to: string): FilingStats {
      const facts = rows().map((r) => ({ published: r.published, due: r.due, firstSent: r.firstSentOn }));
      return { from, to, ...filingRates(facts, from, to) };
    },
    /** Attaches a material to a document's filing (audited, the file itself kept with the filing). */
    addMaterial(by: Caller, documentId: string, kind: (typeof MATERIAL_KINDS)[number], name: string, data: Buffer): FilingRow {
      row(documentId);
      const hash = sha256(data);
      db.transaction(() => {
        if (materialsOf.all(documentId).some((m) => m.sha256 === hash)) throw new AppError('CONFLICT', `该材料（${name}）已附在此文件的备案材料中。`);
        const id = randomUUID();
        insertMaterial.run(id, documentId, kind, name, hash, data.length, data, null, ctx.now().toISOString(), by.user);
        audit.record(by, 'filing.material', 'filing', documentId, null, { kind, name, size: data.length, sha256: hash });
      })();
      return row(documentId);
    },
    /** Removes an attached material (audited). */
    removeMaterial(by: Caller, id: string): FilingRow {
      const m = materialById.get(id);
      if (!m) throw new AppError('NOT_FOUND', `未找到备案材料 ${id}`);
      db.transaction(() => {
        deleteMaterial.run(id);
        audit.record(by, 'filing.material-remove', 'filing', m.document_id, { kind: m.kind, name: m.name, sha256: m.sha256 }, null);
      })();
      return row(m.document_id);
    },
    /** One material's file (name and bytes). */
    material(id: string): { name: string; data: Buffer } {
      const m = materialById.get(id);
      if (!m) throw new AppError('NOT_FOUND', `未找到备案材料 ${id}`);
      return { name: m.name, data: materialData.get(id)! };
    },
    /** The 备案报告 for these documents, in the official format. */
    async report(documentIds: string[], format: 'docx' | 'pdf') {
      const items = documentIds.map(row);
      const s = office.settings();
      const round = Math.max(1, ...items.map((i) => (i.state === 'correction' ? i.round + 1 : i.round || 1)));
      const text = buildFilingReport({ office: s.name || '本机关', receiver: s.filingReceiver, items: items as ReportItem[], round, today: today() });
      return renderOfficialText(text, format, ctx.resourcesDir, ctx.now());
    },
    /**
     * 报送备案: the 备案报告 (DOCX) and the documents with their materials in one signed package; every document's
     * state becomes 已报备 (a second round after 补正 counts up), audited with the package.
     */
    async send(by: Caller, documentIds: string[]) {
      const ids = [...new Set(documentIds)];
      const items = ids.map(row);
      const blocked = items.filter((i) => i.state !== 'unfiled' && i.state !== 'correction');
      if (blocked.length) {
        throw new AppError('CONFLICT', `《${blocked[0].title}》已报备（${blocked[0].stateLabel}），只有未报备或需补正的文件可以报送。`);
      }
      const report = await this.report(ids, 'docx');
      return db.transaction(() => {
        const content = packages.collect({ documentIds: ids, campaignIds: [], issueIds: [] }, 'filing', `${items.length}件规范性文件`);
        const reportHash = sha256(report.bytes);
        content.files.set(reportHash, Buffer.from(report.bytes));
        const at = ctx.now().toISOString();
        const records: FilingRecord[] = items.map((i) => {
          const materials = materialsOf.all(i.documentId);
          for (const m of materials) content.files.set(m.sha256, materialData.get(m.id)!);
          const round = i.state === 'correction' ? i.round + 1 : 1;
          return { type: 'filing', documentId: i.documentId, round, published: i.published, due: i.due, report: reportHash, materials: materials.map((m) => ({ kind: m.kind, name: m.name, sha256: m.sha256 })) };
        });
        content.filing = records;
        const written = packages.write(by, content);
        for (const r of records) {
          const before = filingOf.get(r.documentId);
          upsertFiling.run({ id: r.documentId, round: r.round, day: today(), at, pkg: written.id });
          audit.record(by, 'filing.send', 'filing', r.documentId, before ? { state: before.state, round: before.round } : { state: 'unfiled' }, {
            state: 'sent', round: r.round, package: written.id, materials: r.materials.map((m) => m.name),
          });
        }
        return { fileName: written.fileName, dataBase64: written.bytes.toString('base64'), info: written.info, report: { fileName: report.fileName, bytes: report.bytes } };
      })();
    },
    ...answers,
  };
}
export type FilingService = ReturnType<typeof createFilingService>;

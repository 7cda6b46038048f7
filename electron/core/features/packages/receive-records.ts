import { randomUUID } from 'node:crypto';
import type { Caller } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import type { AuditService } from '../audit/audit-service';
import type { PackageContent, PkgCampaign } from './format';

/**
 * Campaigns and gazette issues received in a package: stored whole when this library has no campaign of the same
 * name and cut-off, or no issue of the same gazette and numbers; each one audited with the package that brought it.
 * A received published campaign keeps its decisions but not what publishing applied in the sender's library
 * (that names the sender's rows), so it cannot be reverted here.
 */
export function createRecordReceiver(db: Db, audit: AuditService) {
  const campaignSame = db.prepare<[string, string], string>('SELECT id FROM cleanup_campaigns WHERE name = ? AND cutoff = ?').pluck();
  const insertCampaign = db.prepare(`INSERT INTO cleanup_campaigns (id, name, basis_doc_number, basis_title, cutoff, scope, state, notice_doc_number, notice_date, notice_document_id, applied, created_at, created_by, published_at)
    VALUES (@id, @name, @basisDocNumber, @basisTitle, @cutoff, @scope, @state, @noticeDocNumber, @noticeDate, @noticeDocumentId, NULL, @createdAt, @createdBy, @publishedAt)`);
  const insertItem = db.prepare(`INSERT INTO cleanup_items (campaign_id, document_id, position, decision, reason, note, opinion, opinion_reason, amended_by, decided_by, decided_at)
    VALUES (@campaignId, @documentId, @position, @decision, @reason, @note, @opinion, @opinionReason, @amendedBy, @decidedBy, @decidedAt)`);
  const insertScopeChange = db.prepare('INSERT INTO cleanup_scope_changes (campaign_id, document_id, title, doc_number, change, reason, at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const gazetteId = db.prepare<[string], string>('SELECT id FROM gazettes WHERE title = ?').pluck();
  const insertGazette = db.prepare(`INSERT INTO gazettes (id, title, numbering_style, sponsor, editor, address, phone, postcode, sections, cover_color, created_at, updated_at)
    VALUES (@id, @title, @numberingStyle, @sponsor, @editor, @address, @phone, @postcode, @sections, @coverColor, @at, @at)`);
  const issueSame = db.prepare<[string, number | null, number | null, number | null], string>(
    'SELECT i.id FROM gazette_issues i JOIN gazettes g ON g.id = i.gazette_id WHERE g.title = ? AND i.year IS ? AND i.issue_number IS ? AND i.total_number IS ?',
  ).pluck();
  const insertIssue = db.prepare(`INSERT INTO gazette_issues (id, title, year, issue_number, total_number, publish_date, source_file_id, created_at, gazette_id, state, published_at)
    VALUES (@id, @title, @year, @issueNumber, @totalNumber, @publishDate, NULL, @at, @gazetteId, @state, @publishedAt)`);
  const insertEntry = db.prepare('INSERT INTO gazette_entries (issue_id, position, section, title, page, document_id) VALUES (?, ?, ?, ?, ?, ?)');

  function campaigns(by: Caller, campaigns: PkgCampaign[], localOf: Map<string, string>, receipt: object): number {
    let n = 0;
    for (const c of campaigns) {
      if (campaignSame.get(c.name, c.cutoff)) continue;
      const id = randomUUID();
      const mapped = (x: string | null) => (x ? (localOf.get(x) ?? null) : null);
      insertCampaign.run({ ...c, id, noticeDocumentId: mapped(c.noticeDocumentId) });
      for (const item of c.items) {
        const documentId = localOf.get(item.documentId);
        if (documentId) insertItem.run({ ...item, campaignId: id, documentId, amendedBy: mapped(item.amendedBy) });
      }
      for (const s of c.scopeChanges) insertScopeChange.run(id, mapped(s.documentId) ?? s.documentId, s.title, s.docNumber, s.change, s.reason, s.at, s.actor);
      audit.record(by, 'campaign.receive', 'campaign', id, null, { ...receipt, name: c.name, cutoff: c.cutoff, items: c.items.length });
      n++;
    }
    return n;
  }

  function issues(by: Caller, content: PackageContent, localOf: Map<string, string>, receipt: object, at: string): number {
    let n = 0;
    for (const i of content.issues) {
      if (issueSame.get(i.gazetteTitle, i.year, i.issueNumber, i.totalNumber)) continue;
      let gid = gazetteId.get(i.gazetteTitle);
      if (!gid) {
        const g = content.gazettes.find((x) => x.title === i.gazetteTitle);
        gid = randomUUID();
        insertGazette.run({
          id: gid,
          title: i.gazetteTitle,
          numberingStyle: g?.numberingStyle ?? 'year',
          sponsor: g?.sponsor ?? '',
          editor: g?.editor ?? '',
          address: g?.address ?? '',
          phone: g?.phone ?? '',
          postcode: g?.postcode ?? '',
          sections: JSON.stringify(g?.sections ?? []),
          coverColor: g?.coverColor ?? 'red',
          at,
        });
        audit.record(by, 'gazette.define', 'gazette', gid, null, { ...receipt, title: i.gazetteTitle });
      }
      const id = randomUUID();
      insertIssue.run({ ...i, id, at, gazetteId: gid });
      for (const e of i.entries) insertEntry.run(id, e.position, e.section, e.title, e.page, e.documentId ? (localOf.get(e.documentId) ?? null) : null);
      audit.record(by, 'gazette.receive', 'gazette', id, null, { ...receipt, title: i.title, year: i.year, issueNumber: i.issueNumber, entries: i.entries.length });
      n++;
    }
    return n;
  }

  return {
    campaigns,
    issues,
    /** the id of a stored campaign with this name and cut-off */
    campaignSame: { get: (name: string, cutoff: string) => campaignSame.get(name, cutoff) },
    /** the id of a stored issue of this gazette with these numbers */
    issueSame: { get: (gazette: string, year: number | null, issue: number | null, total: number | null) => issueSame.get(gazette, year, issue, total) },
  };
}

import type { Db } from '../../db/open';
import type { CampaignRow } from '../cleanup/cleanup-store';
import type { PkgCampaign, PkgGazette, PkgIssue } from './format';


interface IssueRow {
  id: string;
  gazette_title: string | null;
  title: string;
  year: number | null;
  issue_number: number | null;
  total_number: number | null;
  publish_date: string | null;
  state: PkgIssue['state'];
  published_at: string | null;
}

/** Campaigns, issues and gazettes in package form: the rows as stored, documents named by the sender's ids. */
export function createRecordCollector(db: Db) {
  const campaign = db.prepare<[string], Omit<CampaignRow, 'total' | 'decided'>>('SELECT * FROM cleanup_campaigns WHERE id = ?');
  const items = db.prepare<[string], { document_id: string; position: number; decision: PkgCampaign['items'][number]['decision']; reason: string; note: string; opinion: PkgCampaign['items'][number]['opinion']; opinion_reason: string; amended_by: string | null; decided_by: string | null; decided_at: string | null }>(
    'SELECT * FROM cleanup_items WHERE campaign_id = ? ORDER BY position',
  );
  const scopeChanges = db.prepare<[string], { document_id: string; title: string; doc_number: string | null; change: 'add' | 'remove'; reason: string; at: string; actor: string }>(
    'SELECT * FROM cleanup_scope_changes WHERE campaign_id = ? ORDER BY id',
  );
  const issue = db.prepare<[string], IssueRow>(
    'SELECT i.*, g.title AS gazette_title FROM gazette_issues i LEFT JOIN gazettes g ON g.id = i.gazette_id WHERE i.id = ?',
  );
  const entries = db.prepare<[string], { position: number; section: string | null; title: string; page: number | null; document_id: string | null }>(
    'SELECT position, section, title, page, document_id FROM gazette_entries WHERE issue_id = ? ORDER BY position',
  );
  const gazette = db.prepare<[string], { title: string; numbering_style: 'year' | 'cumulative'; sponsor: string; editor: string; address: string; phone: string; postcode: string; sections: string; cover_color: 'red' | 'black' }>(
    'SELECT * FROM gazettes WHERE title = ?',
  );
  function toPkgCampaign(id: string, inPackage: Set<string>): PkgCampaign | null {
    const c = campaign.get(id);
    if (!c) return null;
    const keep = (x: string | null) => (x && inPackage.has(x) ? x : null);
    return {
      id: c.id,
      name: c.name,
      basisDocNumber: c.basis_doc_number,
      basisTitle: c.basis_title,
      cutoff: c.cutoff,
      scope: c.scope,
      state: c.state,
      noticeDocNumber: c.notice_doc_number,
      noticeDate: c.notice_date,
      noticeDocumentId: keep(c.notice_document_id),
      createdAt: c.created_at,
      createdBy: c.created_by,
      publishedAt: c.published_at,
      items: items
        .all(id)
        .filter((i) => inPackage.has(i.document_id))
        .map((i) => ({
          documentId: i.document_id,
          position: i.position,
          decision: i.decision,
          reason: i.reason,
          note: i.note,
          opinion: i.opinion,
          opinionReason: i.opinion_reason,
          amendedBy: keep(i.amended_by),
          decidedBy: i.decided_by,
          decidedAt: i.decided_at,
        })),
      scopeChanges: scopeChanges.all(id).map((s) => ({ documentId: s.document_id, title: s.title, docNumber: s.doc_number, change: s.change, reason: s.reason, at: s.at, actor: s.actor })),
    };
  }

  function toPkgIssue(id: string, inPackage: Set<string>): PkgIssue | null {
    const i = issue.get(id);
    if (!i) return null;
    return {
      id: i.id,
      gazetteTitle: i.gazette_title ?? i.title,
      title: i.title,
      year: i.year,
      issueNumber: i.issue_number,
      totalNumber: i.total_number,
      publishDate: i.publish_date,
      state: i.state,
      publishedAt: i.published_at,
      entries: entries.all(id).map((e) => ({ position: e.position, section: e.section, title: e.title, page: e.page, documentId: e.document_id && inPackage.has(e.document_id) ? e.document_id : null })),
    };
  }

  return {
    hasCampaign: (id: string) => !!campaign.get(id),
    hasIssue: (id: string) => !!issue.get(id),
    campaign: toPkgCampaign,
    issue: toPkgIssue,
    /** a gazette's settings, for an issue that travels */
    gazette(title: string): PkgGazette | null {
      const g = gazette.get(title);
      return g
        ? { title: g.title, numberingStyle: g.numbering_style, sponsor: g.sponsor, editor: g.editor, address: g.address, phone: g.phone, postcode: g.postcode, sections: JSON.parse(g.sections) as string[], coverColor: g.cover_color }
        : null;
    },
  };
}

import type { Db } from '../../db/open';
import type { DocumentRow } from '../library/document-row';
import { toDocument } from '../library/document-row';
import { createRecordCollector } from './collect-records';
import type { PackageContent, PkgAudit, PkgCampaign, PkgDocument, PkgGazette, PkgIssue, PkgRelation } from './format';

/** What goes into a package: documents, and the campaigns and issues that travel whole. */
export interface Chosen {
  documentIds: string[];
  campaignIds: string[];
  issueIds: string[];
}

/**
 * Reads the chosen part of the library into package form (the sender's ids). A package is a copy of the
 * library's rows, so the reading is done here over the tables, read-only; writing goes through the owners' services.
 */
export function createCollector(db: Db) {
  const docsByIds = db.prepare<{ ids: string }, DocumentRow & { source_sha: string | null }>(
    `SELECT d.*, s.sha256 AS source_sha FROM documents d LEFT JOIN source_files s ON s.id = d.source_file_id
     WHERE d.id IN (SELECT value FROM json_each(@ids)) ORDER BY d.date_signed, d.created_at, d.id`,
  );
  const relationsOf = db.prepare<{ ids: string }, { type: PkgRelation['type']; source_id: string; target_id: string | null; target_doc_number: string | null; target_title: string | null; t_doc: string | null; t_title: string | null }>(`
    SELECT r.type, r.source_id, r.target_id, r.target_doc_number, r.target_title, t.doc_number AS t_doc, t.title AS t_title
    FROM relations r LEFT JOIN documents t ON t.id = r.target_id
    WHERE r.source_id IN (SELECT value FROM json_each(@ids)) ORDER BY r.id`);
  const sourcesOf = db.prepare<{ ids: string }, { sha256: string; name: string; size: number; encoding: string; imported_at: string }>(`
    SELECT DISTINCT s.sha256, s.name, s.size, s.encoding, s.imported_at FROM source_files s
    JOIN documents d ON d.source_file_id = s.id WHERE d.id IN (SELECT value FROM json_each(@ids)) ORDER BY s.sha256`);
  const correctionsOf = db.prepare<{ ids: string }, { sha: string; document_id: string | null; kind: 'field' | 'split' | 'merge'; field: string | null; extracted_value: string | null; corrected_value: string | null; created_at: string; created_by: string }>(`
    SELECT s.sha256 AS sha, c.document_id, c.kind, c.field, c.extracted_value, c.corrected_value, c.created_at, c.created_by
    FROM import_corrections c JOIN source_files s ON s.id = c.source_file_id
    WHERE c.document_id IN (SELECT value FROM json_each(@ids)) ORDER BY c.id`);
  const auditOf = db.prepare<{ ids: string }, { at: string; actor: string; action: string; entity: 'document' | 'relation'; entity_id: string; before: string | null; after: string | null }>(`
    SELECT at, actor, action, entity, entity_id, before, after FROM audit_log
    WHERE (entity = 'document' AND entity_id IN (SELECT value FROM json_each(@ids)))
       OR (entity = 'relation' AND json_extract(coalesce(after, before), '$.sourceId') IN (SELECT value FROM json_each(@ids)))
    ORDER BY id`);
  const records = createRecordCollector(db);
  const allIds = {
    documents: db.prepare<[], string>('SELECT id FROM documents ORDER BY date_signed, created_at, id').pluck(),
    campaigns: db.prepare<[], string>('SELECT id FROM cleanup_campaigns ORDER BY created_at, id').pluck(),
    issues: db.prepare<[], string>('SELECT id FROM gazette_issues ORDER BY year, issue_number, id').pluck(),
  };
  const campaignDocs = db.prepare<[string], string>('SELECT document_id FROM cleanup_items WHERE campaign_id = ? ORDER BY position').pluck();
  const issueDocs = db.prepare<[string], string>('SELECT document_id FROM gazette_entries WHERE issue_id = ? AND document_id IS NOT NULL ORDER BY position').pluck();

  function toPkgDocument(row: DocumentRow & { source_sha: string | null }): PkgDocument {
    const { sourceFileId: _s, ...d } = toDocument(row);
    return { ...d, sourceSha256: row.source_sha };
  }

  return {
    /** Every document, campaign and issue (the whole library). */
    everything(): Chosen {
      return { documentIds: allIds.documents.all(), campaignIds: allIds.campaigns.all(), issueIds: allIds.issues.all() };
    },
    /** A campaign with the documents in its scope. */
    campaign(id: string): Chosen | null {
      return records.hasCampaign(id) ? { documentIds: campaignDocs.all(id), campaignIds: [id], issueIds: [] } : null;
    },
    /** A gazette issue with the documents printed in it. */
    issue(id: string): Chosen | null {
      return records.hasIssue(id) ? { documentIds: issueDocs.all(id), campaignIds: [], issueIds: [id] } : null;
    },
    /** Reads the chosen rows into package parts (files and filing records are added by the caller). */
    collect(chosen: Chosen, kind: PackageContent['kind'], label: string): PackageContent {
      const ids = JSON.stringify([...new Set(chosen.documentIds)]);
      const documents = docsByIds.all({ ids }).map(toPkgDocument);
      const inPackage = new Set(documents.map((d) => d.id));
      const relations: PkgRelation[] = relationsOf.all({ ids }).map((r) => ({
        type: r.type,
        sourceId: r.source_id,
        targetId: r.target_id && inPackage.has(r.target_id) ? r.target_id : null,
        // a target not travelling is named, so the receiver links it when it has (or later gets) that document
        targetDocNumber: r.target_doc_number ?? r.t_doc,
        targetTitle: r.target_title ?? r.t_title,
      }));
      const campaigns = chosen.campaignIds.map((id) => records.campaign(id, inPackage)).filter((c): c is PkgCampaign => !!c);
      const issues = chosen.issueIds.map((id) => records.issue(id, inPackage)).filter((i): i is PkgIssue => !!i);
      const gazettes: PkgGazette[] = [...new Set(issues.map((i) => i.gazetteTitle))].flatMap((title) => {
        const g = records.gazette(title);
        return g ? [g] : [];
      });
      const audit: PkgAudit[] = auditOf.all({ ids }).map((a) => ({ at: a.at, actor: a.actor, action: a.action, entity: a.entity, entityId: a.entity_id, before: a.before, after: a.after }));
      return {
        kind,
        label,
        documents,
        relations,
        sources: sourcesOf.all({ ids }).map((s) => ({ sha256: s.sha256, name: s.name, size: s.size, encoding: s.encoding, importedAt: s.imported_at })),
        corrections: correctionsOf.all({ ids }).map((c) => ({ sourceSha256: c.sha, documentId: c.document_id, kind: c.kind, field: c.field, extractedValue: c.extracted_value, correctedValue: c.corrected_value, createdAt: c.created_at, createdBy: c.created_by })),
        campaigns,
        gazettes,
        issues,
        audit,
        files: new Map(),
        filing: [],
      };
    },
  };
}
export type Collector = ReturnType<typeof createCollector>;

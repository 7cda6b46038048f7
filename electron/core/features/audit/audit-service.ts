import type { Caller } from '../../../../shared/contract';
import type { AuditEntry } from '../../../../shared/contract/documents';
import { formatIssueNumber, type NumberingStyle } from '../../../../shared/contract/gazettes';
import type { AppContext } from '../../kernel/context';

export type AuditEntity = 'document' | 'relation' | 'gazette' | 'user' | 'session' | 'campaign' | 'office' | 'filing' | 'package';

/** Filter of the audit view: one user, days in the server's time zone (both ends included), newest first. */
export interface AuditFilter {
  user?: string;
  since?: string;
  until?: string;
  limit: number;
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
  };
}

/** What a gazette row is about, in words: `招远市人民政府公报 第1号`, or as logged once the issue is gone. */
function subjectOf(row: AuditRow & { issue: string | null; named_title: string | null }): string | null {
  if (row.entity === 'campaign') return row.named_title;
  if (row.entity !== 'gazette') return null;
  if (row.issue) {
    const i = JSON.parse(row.issue) as { title: string; year: number | null; issueNumber: number | null; totalNumber: number | null; style: NumberingStyle | null };
    return `${i.title} ${formatIssueNumber(i.style, i)}`.trim();
  }
  if (row.named_title) return row.named_title;
  const logged = JSON.parse(row.before ?? row.after ?? 'null') as { title?: string; label?: string } | null;
  return logged?.title ? `${logged.title}${logged.label ? ` ${logged.label}` : ''}` : null;
}

/**
 * The audit log: who changed what, when, before and after. Writers call `record` inside the transaction that
 * makes the change, so a change and its audit row are stored together or not at all.
 */
export function createAuditService(ctx: Pick<AppContext, 'db' | 'now'>) {
  const insert = ctx.db.prepare<[string, string, string, string, string, string | null, string | null]>(
    'INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  // Relation rows name their documents inside the JSON, so a document's history finds them by either end: one
  // SELECT per end, each on its expression index (migration 0016) — an OR of the four read every relation row.
  const byEnd = (column: 'after' | 'before', end: 'sourceId' | 'targetId') =>
    `SELECT * FROM audit_log WHERE entity = 'relation' AND json_extract(${column}, '$.${end}') = @id`;
  const forDocument = ctx.db.prepare<{ id: string }, AuditRow>(`
    SELECT * FROM audit_log WHERE entity = 'document' AND entity_id = @id
    UNION ${byEnd('after', 'sourceId')} UNION ${byEnd('after', 'targetId')}
    UNION ${byEnd('before', 'sourceId')} UNION ${byEnd('before', 'targetId')}
    ORDER BY id`);
  const forEntity = ctx.db.prepare<[string, string], AuditRow>(
    'SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id',
  );

  // A gazette row names its issue as printed (title, numbers, the gazette's numbering) while the issue exists, or the
  // gazette itself; a purged issue keeps what its rows logged.
  const filtered = ctx.db.prepare<{ user: string | null; since: string | null; before: string | null; limit: number }, AuditRow & { document_id: string | null; document_title: string | null; issue: string | null; named_title: string | null }>(`
    SELECT l.*, coalesce((SELECT title FROM documents WHERE id = l.document_id), json_extract(coalesce(l.after, l.before), '$.title')) AS document_title,
           CASE WHEN l.entity = 'gazette' THEN (
             SELECT json_object('title', i.title, 'year', i.year, 'issueNumber', i.issue_number, 'totalNumber', i.total_number, 'style', g.numbering_style)
             FROM gazette_issues i LEFT JOIN gazettes g ON g.id = i.gazette_id WHERE i.id = l.entity_id) END AS issue,
           CASE l.entity WHEN 'gazette' THEN (SELECT title FROM gazettes WHERE id = l.entity_id)
                         WHEN 'campaign' THEN (SELECT '清理项目“' || name || '”' FROM cleanup_campaigns WHERE id = l.entity_id) END AS named_title
    FROM (SELECT *, CASE entity WHEN 'document' THEN entity_id
                                WHEN 'relation' THEN json_extract(coalesce(after, before), '$.sourceId') END AS document_id
          FROM audit_log
          WHERE (@user IS NULL OR actor = @user) AND (@since IS NULL OR at >= @since) AND (@before IS NULL OR at < @before)
          ORDER BY at DESC, id DESC LIMIT @limit) AS l
    ORDER BY l.at DESC, l.id DESC`);
  /** Local midnight of a YYYY-MM-DD day as the UTC instant the log stores. */
  const dayStart = (day: string, plusDays = 0) => {
    const d = new Date(`${day}T00:00:00`);
    d.setDate(d.getDate() + plusDays);
    return d.toISOString();
  };

  return {
    /** The audit view: who changed what, newest first, filtered by user and days; names the document (title as stored now, else as logged). */
    list(filter: AuditFilter): Array<AuditEntry & { documentId: string | null; documentTitle: string | null; subject: string | null }> {
      return filtered
        .all({
          user: filter.user || null,
          since: filter.since ? dayStart(filter.since) : null,
          before: filter.until ? dayStart(filter.until, 1) : null,
          limit: filter.limit,
        })
        .map((row) => ({ ...toEntry(row), documentId: row.document_id, documentTitle: row.document_title, subject: subjectOf(row) }));
    },
    /** Writes one audit row for the caller who made the change, at the injected clock's time; call it inside the change's transaction. */
    record(by: Caller, action: string, entity: AuditEntity, entityId: string, before: unknown, after: unknown): void {
      insert.run(
        ctx.now().toISOString(),
        by.user,
        action,
        entity,
        entityId,
        before === null || before === undefined ? null : JSON.stringify(before),
        after === null || after === undefined ? null : JSON.stringify(after),
      );
    },
    /**
     * Copies a row of another library's log (a document received in a package): its own time and actor, the actor
     * named with the office it acted in, so a document's history keeps where it was made. Call inside the import.
     */
    recordReceived(row: { at: string; actor: string; action: string; entity: AuditEntity; entityId: string; before: string | null; after: string | null }, office: string): void {
      insert.run(row.at, `${row.actor}（${office}）`, row.action, row.entity, row.entityId, row.before, row.after);
    },
    /** A document's history, oldest first: its own rows and those of relations from or to it. */
    documentHistory(id: string): AuditEntry[] {
      return forDocument.all({ id }).map(toEntry);
    },
    /** Every row about one entity, oldest first. */
    history(entity: AuditEntity, entityId: string): AuditEntry[] {
      return forEntity.all(entity, entityId).map(toEntry);
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;

import type { Caller } from '../../../../shared/contract';
import type { AuditEntry } from '../../../../shared/contract/documents';
import type { AppContext } from '../../kernel/context';

export type AuditEntity = 'document' | 'relation' | 'gazette' | 'user' | 'session' | 'campaign';

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

/**
 * The audit log: who changed what, when, before and after. Writers call `record` inside the transaction that
 * makes the change, so a change and its audit row are stored together or not at all.
 */
export function createAuditService(ctx: Pick<AppContext, 'db' | 'now'>) {
  const insert = ctx.db.prepare<[string, string, string, string, string, string | null, string | null]>(
    'INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  // Relation rows name their documents inside the JSON, so a document's history finds them by either end: one
  // SELECT per end, each on its expression index (migration 0019) — an OR of the four read every relation row.
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

  const filtered = ctx.db.prepare<{ user: string | null; since: string | null; before: string | null; limit: number }, AuditRow & { document_id: string | null; document_title: string | null }>(`
    SELECT l.*, coalesce((SELECT title FROM documents WHERE id = l.document_id), json_extract(coalesce(l.after, l.before), '$.title')) AS document_title
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
    list(filter: AuditFilter): Array<AuditEntry & { documentId: string | null; documentTitle: string | null }> {
      return filtered
        .all({
          user: filter.user || null,
          since: filter.since ? dayStart(filter.since) : null,
          before: filter.until ? dayStart(filter.until, 1) : null,
          limit: filter.limit,
        })
        .map((row) => ({ ...toEntry(row), documentId: row.document_id, documentTitle: row.document_title }));
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

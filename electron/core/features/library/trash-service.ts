import type { Caller } from '../../../../shared/contract';
import type { TrashEntry } from '../../../../shared/contract/oversight';
import { AppError } from '../../kernel/errors';
import type { AppContext } from '../../kernel/context';
import type { AuditService } from '../audit/audit-service';
import type { AuditCause } from '../../../../shared/domain/audit-actions';
import { relationAuditShape, type RelationService } from '../relations/relation-service';
import type { IssueTrash } from '../gazettes/issue-trash';
import type { DocumentRow } from './document-row';

interface RelationRow {
  id: number;
  type: string;
  source_id: string;
  target_id: string | null;
  target_doc_number: string | null;
  target_title: string | null;
  created_at: string;
}
interface TrashRow {
  id: string;
  title: string;
  doc_number: string | null;
  deleted_at: string;
  deleted_by: string;
  document: string;
  relations: string;
  gazette_entries: string;
}

const DOC_COLUMNS = [
  'id', 'title', 'doc_number_raw', 'doc_number', 'doc_agency', 'doc_year', 'doc_serial', 'registration_number', 'issuers',
  'date_signed', 'kind', 'is_normative', 'effective_clause', 'effective_date', 'validity_clause', 'valid_until',
  'declared_invalid_on', 'appointments', 'body', 'source_file_id', 'content_hash', 'created_at', 'updated_at',
] as const;

/**
 * The trash: deleting a document moves it here whole (row, relations both ways, gazette entries), so the library,
 * search and statuses no longer see it; a restore puts everything back; emptying forgets it. All audited.
 */
/** Says why a document may not be deleted (it is part of a record another feature keeps), or null. */
export type DeleteGuard = (documentId: string) => string | null;

export function createTrashService(
  ctx: Pick<AppContext, 'db' | 'now' | 'events'>,
  deps: { audit: AuditService; relations: Pick<RelationService, 'resolvePending' | 'outgoing' | 'incoming'>; guards?: DeleteGuard[]; issueTrash?: Pick<IssueTrash, 'entriesOf' | 'relink'> },
) {
  const db = ctx.db;
  const { audit } = deps;
  const docRow = db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE id = ?');
  const outgoingStmt = db.prepare<[string], RelationRow>('SELECT * FROM relations WHERE source_id = ? ORDER BY id');
  const incomingStmt = db.prepare<[string], number>('SELECT id FROM relations WHERE target_id = ? ORDER BY id').pluck();
  // Review flags (migration 0004) go with the document and come back with it.
  const flagsStmt = db.prepare<[string], { kind: string; message: string; created_at: string }>(
    'SELECT kind, message, created_at FROM document_flags WHERE document_id = ?',
  );
  const insertFlag = db.prepare<[string, string, string, string]>(
    'INSERT OR IGNORE INTO document_flags (document_id, kind, message, created_at) VALUES (?, ?, ?, ?)',
  );
  const entriesStmt = db.prepare<[string], { issueId: string; position: number }>(
    'SELECT issue_id AS issueId, position FROM gazette_entries WHERE document_id = ?',
  );
  const insertTrash = db.prepare(`INSERT INTO trash (id, title, doc_number, deleted_at, deleted_by, document, relations, gazette_entries)
    VALUES (@id, @title, @doc_number, @deleted_at, @deleted_by, @document, @relations, @gazette_entries)`);
  const deleteDoc = db.prepare<[string]>('DELETE FROM documents WHERE id = ?');
  const trashRow = db.prepare<[string], TrashRow>('SELECT * FROM trash WHERE id = ?');
  const listStmt = db.prepare<[], TrashRow>('SELECT * FROM trash ORDER BY deleted_at DESC, id');
  const dropTrash = db.prepare<[string]>('DELETE FROM trash WHERE id = ?');
  const insertDoc = db.prepare(`INSERT INTO documents (${DOC_COLUMNS.join(', ')}) VALUES (${DOC_COLUMNS.map((c) => '@' + c).join(', ')})`);
  const sameText = db.prepare<[string], { title: string }>('SELECT title FROM documents WHERE content_hash = ? LIMIT 1');
  const docExists = db.prepare<[string], number>('SELECT 1 FROM documents WHERE id = ?').pluck();
  const sourceFileExists = db.prepare<[string], number>('SELECT 1 FROM source_files WHERE id = ?').pluck();
  const relationIdFree = db.prepare<[number], number>('SELECT 1 FROM relations WHERE id = ?').pluck();
  const insertRelation = db.prepare(`INSERT INTO relations (id, type, source_id, target_id, target_doc_number, target_title, created_at)
    VALUES (@id, @type, @source_id, @target_id, @target_doc_number, @target_title, @created_at)`);
  const repoint = db.prepare<[string, number]>('UPDATE relations SET target_id = ? WHERE id = ? AND target_id IS NULL');
  const relink = db.prepare<[string, string, number]>(
    'UPDATE gazette_entries SET document_id = ? WHERE issue_id = ? AND position = ? AND document_id IS NULL',
  );

  const toEntry = (r: TrashRow): TrashEntry => ({ id: r.id, kind: 'document', title: r.title, docNumber: r.doc_number, deletedAt: r.deleted_at, deletedBy: r.deleted_by });

  function restoreRelations(id: string, saved: { outgoing: RelationRow[]; incoming: number[]; flags?: Array<{ kind: string; message: string; created_at: string }> }): void {
    for (const f of saved.flags ?? []) insertFlag.run(id, f.kind, f.message, f.created_at);
    for (const r of saved.outgoing) {
      // A target deleted meanwhile leaves an unresolved reference, as deleting it would have.
      const target = r.target_id && docExists.get(r.target_id) ? r.target_id : null;
      insertRelation.run({ ...r, id: relationIdFree.get(r.id) ? null : r.id, target_id: target });
    }
    for (const rid of saved.incoming) repoint.run(id, rid);
  }

  return {
    /** Deleted documents, newest first. */
    list(): TrashEntry[] {
      return listStmt.all().map(toEntry);
    },

    /** Moves a document to the trash with its relations and gazette entries (audited). */
    moveToTrash(by: Caller, id: string): { id: string } {
      db.transaction(() => {
        const row = docRow.get(id);
        if (!row) throw new AppError('NOT_FOUND', `未找到文件 ${id}，可能已被删除。`);
        for (const guard of deps.guards ?? []) {
          const why = guard(id);
          if (why) throw new AppError('CONFLICT', `《${row.title}》不能删除：${why}`);
        }
        const relations = { outgoing: outgoingStmt.all(id), incoming: incomingStmt.all(id), flags: flagsStmt.all(id) };
        // the documents at the other end lose these relations (an abolished one is in force again): their histories say so
        const cause: AuditCause = { kind: 'trash', id, label: `《${row.title}》移入回收站` };
        for (const r of [...deps.relations.outgoing(id), ...deps.relations.incoming(id)]) {
          audit.record(by, 'relation.trash', 'relation', String(r.id), { ...relationAuditShape(r), cause }, null);
        }
        insertTrash.run({
          id,
          title: row.title,
          doc_number: row.doc_number,
          deleted_at: ctx.now().toISOString(),
          deleted_by: by.user,
          document: JSON.stringify(row),
          relations: JSON.stringify(relations),
          gazette_entries: JSON.stringify([...entriesStmt.all(id), ...(deps.issueTrash?.entriesOf(id) ?? [])]),
        });
        deleteDoc.run(id);
        audit.record(by, 'document.trash', 'document', id, { title: row.title, docNumber: row.doc_number, relations: relations.outgoing.length + relations.incoming.length }, null);
      })();
      ctx.events.emit('documents:changed', { ids: [], deleted: [id] });
      return { id };
    },

    /** Puts a deleted document back whole: the row, its relations both ways, its gazette entries (audited). */
    restore(by: Caller, id: string): { id: string } {
      db.transaction(() => {
        const t = trashRow.get(id);
        if (!t) throw new AppError('NOT_FOUND', '回收站中没有这件文件，可能已被恢复或回收站已清空。');
        const row = JSON.parse(t.document) as DocumentRow;
        if (docExists.get(id)) throw new AppError('CONFLICT', `文件《${row.title}》已在文件库中。`);
        const same = sameText.get(row.content_hash);
        if (same) throw new AppError('CONFLICT', `文件库中已有内容相同的《${same.title}》（可能已重新导入），未恢复。`);
        if (row.source_file_id && !sourceFileExists.get(row.source_file_id)) row.source_file_id = null;
        insertDoc.run(row);
        restoreRelations(id, JSON.parse(t.relations));
        for (const e of JSON.parse(t.gazette_entries) as Array<{ issueId: string; position: number }>) {
          relink.run(id, e.issueId, e.position);
          deps.issueTrash?.relink(id, e.issueId, e.position); // the issue may have been deleted meanwhile
        }
        dropTrash.run(id);
        audit.record(by, 'document.restore', 'document', id, null, { title: row.title, docNumber: row.doc_number });
        const cause: AuditCause = { kind: 'trash', id, label: `《${row.title}》从回收站恢复` };
        for (const r of [...deps.relations.outgoing(id), ...deps.relations.incoming(id)]) {
          audit.record(by, 'relation.restore', 'relation', String(r.id), null, { ...relationAuditShape(r), cause });
        }
        deps.relations.resolvePending(by, { id, title: row.title, docNumber: row.doc_number });
      })();
      ctx.events.emit('documents:changed', { ids: [id], deleted: [] });
      return { id };
    },

    /** Forgets every deleted document for good (each audited); returns how many. */
    empty(by: Caller): { count: number } {
      const rows = listStmt.all();
      db.transaction(() => {
        for (const r of rows) {
          dropTrash.run(r.id);
          audit.record(by, 'document.purge', 'document', r.id, { title: r.title, docNumber: r.doc_number }, null);
        }
      })();
      return { count: rows.length };
    },
  };
}
export type TrashService = ReturnType<typeof createTrashService>;

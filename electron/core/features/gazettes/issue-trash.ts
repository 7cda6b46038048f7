import type { Caller } from '../../../../shared/contract';
import type { TrashEntry } from '../../../../shared/contract/oversight';
import { AppError } from '../../kernel/errors';
import type { AppContext } from '../../kernel/context';
import type { AuditService } from '../audit/audit-service';
import type { GazetteService } from './gazette-service';

const ISSUE_COLUMNS = [
  'id', 'title', 'year', 'issue_number', 'total_number', 'publish_date', 'source_file_id', 'created_at', 'gazette_id', 'state', 'published_at',
] as const;

/** The gazette_issues row as stored (ISSUE_COLUMNS); the fields the trash reads are named. */
type IssueRow = Record<(typeof ISSUE_COLUMNS)[number], unknown> & {
  title: string;
  state: string;
  gazette_id: string | null;
  source_file_id: string | null;
  year: number | null;
  issue_number: number | null;
  total_number: number | null;
};
interface EntryRow {
  issue_id: string;
  position: number;
  section: string | null;
  title: string;
  page: number | null;
  document_id: string | null;
}
interface TrashRow {
  id: string;
  title: string;
  label: string | null;
  deleted_at: string;
  deleted_by: string;
  issue: string;
  entries: string;
}


function statements(db: AppContext['db']) {
  return {
    issueRow: db.prepare<[string], IssueRow>(`SELECT ${ISSUE_COLUMNS.join(', ')} FROM gazette_issues WHERE id = ?`),
    entryRows: db.prepare<[string], EntryRow>('SELECT * FROM gazette_entries WHERE issue_id = ? ORDER BY position'),
    insertTrash: db.prepare(`INSERT INTO issue_trash (id, title, label, deleted_at, deleted_by, issue, entries)
      VALUES (@id, @title, @label, @deleted_at, @deleted_by, @issue, @entries)`),
    deleteIssue: db.prepare<[string]>('DELETE FROM gazette_issues WHERE id = ?'),
    trashRow: db.prepare<[string], TrashRow>('SELECT * FROM issue_trash WHERE id = ?'),
    list: db.prepare<[], TrashRow>('SELECT * FROM issue_trash ORDER BY deleted_at DESC, id'),
    drop: db.prepare<[string]>('DELETE FROM issue_trash WHERE id = ?'),
    insertIssue: db.prepare(`INSERT INTO gazette_issues (${ISSUE_COLUMNS.join(', ')}) VALUES (${ISSUE_COLUMNS.map((c) => '@' + c).join(', ')})`),
    insertEntry: db.prepare(`INSERT INTO gazette_entries (issue_id, position, section, title, page, document_id)
      VALUES (@issue_id, @position, @section, @title, @page, @document_id)`),
    exists: db.prepare<[string], number>('SELECT 1 FROM gazette_issues WHERE id = ?').pluck(),
    gazetteExists: db.prepare<[string], number>('SELECT 1 FROM gazettes WHERE id = ?').pluck(),
    docExists: db.prepare<[string], number>('SELECT 1 FROM documents WHERE id = ?').pluck(),
    sourceFileExists: db.prepare<[string], number>('SELECT 1 FROM source_files WHERE id = ?').pluck(),
    sameNumber: db.prepare<[string, number, number], number>(
      'SELECT 1 FROM gazette_issues WHERE gazette_id = ? AND year = ? AND issue_number = ? LIMIT 1',
    ).pluck(),
    sameTotal: db.prepare<[string, number], number>('SELECT 1 FROM gazette_issues WHERE gazette_id = ? AND total_number = ? LIMIT 1').pluck(),
    trashedEntriesOf: db.prepare<[string], { issueId: string; position: number }>(`SELECT t.id AS issueId, json_extract(e.value, '$.position') AS position
      FROM issue_trash t, json_each(t.entries) e WHERE json_extract(e.value, '$.document_id') = ?`),
    relinkTrashed: db.prepare<{ doc: string; issue: string; position: number }>(`UPDATE issue_trash SET entries = (
      SELECT json_group_array(CASE WHEN json_extract(e.value, '$.position') = @position AND json_extract(e.value, '$.document_id') IS NULL
        THEN json_set(e.value, '$.document_id', @doc) ELSE json(e.value) END) FROM json_each(issue_trash.entries) e) WHERE id = @issue`),
  };
}

/** A restored issue must not print the same number as an issue made since it was deleted. */
function refuseTakenNumber(s: ReturnType<typeof statements>, row: IssueRow, name: string): void {
  if (row.gazette_id === null) return;
  if (row.year !== null && row.issue_number !== null && s.sameNumber.get(row.gazette_id, row.year, row.issue_number)) {
    throw new AppError('CONFLICT', `${name}未恢复：${row.year}年第${row.issue_number}期已有另一期，请先修改那一期的期号。`);
  }
  if (row.total_number !== null && s.sameTotal.get(row.gazette_id, row.total_number)) {
    throw new AppError('CONFLICT', `${name}未恢复：总第${row.total_number}期已有另一期，请先修改那一期的总期号。`);
  }
}

/**
 * The gazette issues' trash: deleting an issue (a draft, or one imported from a gazette file) moves its row and
 * entries here; a published issue is a public record and is re-opened first. Restoring puts it back with its
 * entries; documents deleted meanwhile leave their entry as printed text (and relink when they are restored).
 * Documents themselves are never touched. Every step audited.
 */
export function createIssueTrash(ctx: Pick<AppContext, 'db' | 'now'>, deps: { audit: AuditService; issues: Pick<GazetteService, 'get'> }) {
  const db = ctx.db;
  const s = statements(db);
  const toEntry = (r: TrashRow): TrashEntry => ({
    id: r.id,
    kind: 'issue',
    title: `《${r.title}》${r.label ?? ''}`,
    docNumber: null,
    deletedAt: r.deleted_at,
    deletedBy: r.deleted_by,
  });

  return {
    /** Deleted issues, newest first. */
    list(): TrashEntry[] {
      return s.list.all().map(toEntry);
    },

    /** Moves an issue and its entries to the trash (audited); the documents stay in the library. */
    moveToTrash(by: Caller, id: string): { id: string } {
      db.transaction(() => {
        const row = s.issueRow.get(id);
        if (!row) throw new AppError('NOT_FOUND', `未找到期次 ${id}，可能已被删除。`);
        const detail = deps.issues.get(id);
        const name = `《${detail.title}》${detail.label ?? ''}`;
        if (row.state === 'published') throw new AppError('CONFLICT', `${name}已出版，不能删除；确需删除时请先重新打开（需说明理由）。`);
        const entries = s.entryRows.all(id);
        s.insertTrash.run({
          id,
          title: row.title,
          label: detail.label ?? null,
          deleted_at: ctx.now().toISOString(),
          deleted_by: by.user,
          issue: JSON.stringify(row),
          entries: JSON.stringify(entries),
        });
        s.deleteIssue.run(id);
        deps.audit.record(by, 'gazette.trash', 'gazette', id, { title: row.title, label: detail.label, state: row.state, entries: entries.length }, null);
      })();
      return { id };
    },

    /** Puts a deleted issue back with its entries (audited). */
    restore(by: Caller, id: string): { id: string } {
      db.transaction(() => {
        const t = s.trashRow.get(id);
        if (!t) throw new AppError('NOT_FOUND', '回收站中没有这一期，可能已被恢复或回收站已清空。');
        const row = JSON.parse(t.issue) as IssueRow;
        const name = `《${t.title}》${t.label ?? ''}`;
        if (s.exists.get(id)) throw new AppError('CONFLICT', `${name}已在公报中。`);
        if (row.gazette_id !== null && !s.gazetteExists.get(row.gazette_id)) throw new AppError('CONFLICT', `${name}未恢复：所属公报已不存在。`);
        refuseTakenNumber(s, row, name);
        if (row.source_file_id && !s.sourceFileExists.get(row.source_file_id)) row.source_file_id = null;
        s.insertIssue.run(row);
        for (const e of JSON.parse(t.entries) as EntryRow[]) {
          s.insertEntry.run({ ...e, document_id: e.document_id && s.docExists.get(e.document_id) ? e.document_id : null });
        }
        s.drop.run(id);
        deps.audit.record(by, 'gazette.restore', 'gazette', id, null, { title: t.title, label: t.label });
      })();
      return { id };
    },

    /** Entries of deleted issues that list this document (a document deleted after its issue keeps them for its restore). */
    entriesOf(documentId: string): Array<{ issueId: string; position: number }> {
      return s.trashedEntriesOf.all(documentId);
    },

    /** A restored document relinks its entry in an issue deleted meanwhile, so restoring that issue later finds it. */
    relink(documentId: string, issueId: string, position: number): void {
      s.relinkTrashed.run({ doc: documentId, issue: issueId, position });
    },

    /** Forgets every deleted issue for good (each audited); returns how many. */
    empty(by: Caller): { count: number } {
      const rows = s.list.all();
      db.transaction(() => {
        for (const r of rows) {
          s.drop.run(r.id);
          deps.audit.record(by, 'gazette.purge', 'gazette', r.id, { title: r.title, label: r.label }, null);
        }
      })();
      return { count: rows.length };
    },
  };
}
export type IssueTrash = ReturnType<typeof createIssueTrash>;

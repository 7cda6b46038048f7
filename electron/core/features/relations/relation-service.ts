import type { Caller } from '../../../../shared/contract';
import type { AuditCause } from '../../../../shared/domain/audit-actions';
import type { AuditEntry } from '../../../../shared/contract/documents';
import type { Relation, RelationType } from '../../../../shared/domain/document';
import { parseDocNumber } from '../../../../shared/domain/docnumber';
import { AppError } from '../../kernel/errors';
import type { AppContext } from '../../kernel/context';
import type { AuditService } from '../audit/audit-service';

/** A reference to another document as written in a text: normalized 文号 and/or title. */
export interface RelationRef {
  title: string | null;
  docNumber: string | null;
}

/** The identity of a stored document that references are matched against. */
export interface StoredRef {
  id: string;
  title: string;
  docNumber: string | null;
}

interface RelationRow {
  id: number;
  type: RelationType;
  source_id: string;
  source_title: string;
  source_doc_number: string | null;
  target_id: string | null;
  target_title: string | null;
  target_doc_number: string | null;
}

const SELECT_RELATION = `
  SELECT r.id, r.type, r.source_id, s.title AS source_title, s.doc_number AS source_doc_number, r.target_id,
         coalesce(t.title, r.target_title) AS target_title, coalesce(t.doc_number, r.target_doc_number) AS target_doc_number
  FROM relations r JOIN documents s ON s.id = r.source_id LEFT JOIN documents t ON t.id = r.target_id`;

function toRelation(row: RelationRow): Relation {
  return {
    id: row.id,
    type: row.type,
    sourceId: row.source_id,
    sourceTitle: row.source_title,
    sourceDocNumber: row.source_doc_number,
    targetId: row.target_id,
    targetTitle: row.target_title,
    targetDocNumber: row.target_doc_number,
  };
}

/**
 * A title as referenced inside 《》, compared without whitespace and without the outer 《》: texts write
 * `《招远市人民政府关于……办法》` where the stored title has neither the marks nor the line-break spaces.
 */
export function normalizeRefTitle(title: string | null | undefined): string | null {
  if (!title) return null;
  let t = title.replace(/\s+/g, '');
  if (t.startsWith('《') && t.endsWith('》') && t.indexOf('《', 1) < 0) t = t.slice(1, -1);
  return t || null;
}

/**
 * What the audit log keeps of a relation: both ends with their names, so either document's history can say
 * which document it was, even after that document is deleted.
 */
export function relationAuditShape(r: Relation) {
  return {
    type: r.type,
    sourceId: r.sourceId,
    sourceTitle: r.sourceTitle,
    sourceDocNumber: r.sourceDocNumber,
    targetId: r.targetId,
    targetDocNumber: r.targetDocNumber,
    targetTitle: r.targetTitle,
  };
}
type RelationAuditShape = Partial<ReturnType<typeof relationAuditShape>>;

/**
 * Relations between documents: to a stored document, or an unresolved reference (normalized 文号 and/or title)
 * that links itself when the referenced document is stored later. Every change is audited in its transaction.
 */
export function createRelationService(ctx: Pick<AppContext, 'db' | 'now'>, audit: AuditService) {
  const db = ctx.db;
  const byId = db.prepare<[number], RelationRow>(`${SELECT_RELATION} WHERE r.id = ?`);
  const outgoingStmt = db.prepare<[string], RelationRow>(`${SELECT_RELATION} WHERE r.source_id = ? ORDER BY r.id`);
  const incomingStmt = db.prepare<[string], RelationRow>(`${SELECT_RELATION} WHERE r.target_id = ? ORDER BY r.id`);
  const docByNumber = db.prepare<[string], StoredRef>(
    `SELECT id, title, doc_number AS docNumber FROM documents WHERE doc_number = ? ORDER BY date_signed DESC, created_at LIMIT 1`,
  );
  const docByTitle = db.prepare<[string], StoredRef>(
    `SELECT id, title, doc_number AS docNumber FROM documents WHERE title = ? ORDER BY date_signed DESC, created_at LIMIT 1`,
  );
  const docRef = db.prepare<[string], StoredRef>('SELECT id, title, doc_number AS docNumber FROM documents WHERE id = ?');
  const insertStmt = db.prepare<[string, string, string | null, string | null, string | null, string]>(
    'INSERT INTO relations (type, source_id, target_id, target_doc_number, target_title, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  // (the same 文号 under another title is another document: orders numbered per year)
  const existing = db.prepare<{ source: string; type: string; target: string | null; docNumber: string | null; title: string | null }, { id: number }>(`
    SELECT id FROM relations WHERE source_id = @source AND type = @type
      AND (target_id = @target
           OR (target_doc_number IS NOT NULL AND target_doc_number = @docNumber
               AND (@title IS NULL OR target_title IS NULL OR target_title = @title))
           OR (target_doc_number IS NULL AND target_title = @title)) LIMIT 1`);
  const deleteStmt = db.prepare<[number]>('DELETE FROM relations WHERE id = ?');
  // A reference with a 文号 matches on the 文号 alone; one without matches on the exact title. A document stored
  // without a 文号 also takes references that name its title (its 文号 may just not have been printed), and so does
  // one whose 文号 the reference names otherwise (`省政府令第4号` for `某省人民政府令第4号`) when that names no stored document.
  // Two indexed lookups (partial indexes on unresolved rows): an OR of both would scan every unresolved reference.
  const pendingFor = db.prepare<{ id: string; docNumber: string | null; title: string; noNumber: number }, { id: number }>(`
    SELECT id FROM relations WHERE target_id IS NULL AND target_doc_number = @docNumber AND source_id <> @id
    UNION
    SELECT r.id FROM relations r WHERE r.target_id IS NULL AND r.target_title = @title AND r.source_id <> @id
      AND (r.target_doc_number IS NULL OR @noNumber = 1
           OR NOT EXISTS (SELECT 1 FROM documents d WHERE d.doc_number = r.target_doc_number AND d.id <> @id))
    ORDER BY id`);
  const resolveStmt = db.prepare<[string, string | null, string, number]>(
    'UPDATE relations SET target_id = ?, target_doc_number = coalesce(target_doc_number, ?), target_title = coalesce(target_title, ?) WHERE id = ?',
  );
  function get(id: number): Relation {
    const row = byId.get(id);
    if (!row) throw new AppError('NOT_FOUND', `未找到关系 ${id}`);
    return toRelation(row);
  }

  /**
   * The stored document a reference points to: by normalized 文号, else by exact title. A reference that names both
   * goes to the document with its title when its number names none, or another one (orders numbered per year:
   * `1989年省政府令第4号` and `2010年省政府令第4号` are two 规章 with one number).
   */
  function findTarget(ref: RelationRef): StoredRef | null {
    const title = normalizeRefTitle(ref.title);
    const byNumber = ref.docNumber ? (docByNumber.get(ref.docNumber) ?? null) : null;
    return byNumber && (!title || byNumber.title === title) ? byNumber : ((title ? docByTitle.get(title) : undefined) ?? byNumber);
  }

  /** A new relation's audit row: a person's (记录文件关系) or a workflow's, named with its cause (a campaign's result). */
  function recordCreate(by: Caller, relation: Relation, cause?: AuditCause): void {
    const shape = relationAuditShape(relation);
    audit.record(by, cause ? 'relation.apply' : 'relation.create', 'relation', String(relation.id), null, cause ? { ...shape, cause } : shape);
  }

  /**
   * Stores one relation (call inside a transaction); resolves it to a stored document when one matches.
   * Returns null when it would point at its own source or repeat an existing relation.
   */
  function insert(by: Caller, sourceId: string, type: RelationType, ref: RelationRef, targetId?: string | null, cause?: AuditCause): Relation | null {
    const title = normalizeRefTitle(ref.title);
    const target = targetId ? (docRef.get(targetId) ?? null) : findTarget({ docNumber: ref.docNumber, title });
    if (target?.id === sourceId) return null;
    // Keep the reference text even when resolved, so deleting the target turns it back into a reference.
    const docNumber = ref.docNumber ?? target?.docNumber ?? null;
    const refTitle = title ?? target?.title ?? null;
    if (existing.get({ source: sourceId, type, target: target?.id ?? null, docNumber, title: refTitle })) return null;
    const info = insertStmt.run(type, sourceId, target?.id ?? null, docNumber, refTitle, ctx.now().toISOString());
    const relation = get(Number(info.lastInsertRowid));
    recordCreate(by, relation, cause);
    return relation;
  }

  /**
   * Stores many relations of one type from one source (call inside a transaction), reading the source's existing
   * relations once instead of once per insert: a cleanup notice abolishing thousands of documents stays linear.
   */
  function insertMany(by: Caller, sourceId: string, type: RelationType, targets: Array<{ ref: RelationRef; targetId: string }>, cause?: AuditCause): Relation[] {
    const seen = new Set<string>();
    const keysOf = (r: { targetId: string | null; targetDocNumber: string | null; targetTitle: string | null }) => [
      r.targetId ? `i:${r.targetId}` : null,
      r.targetDocNumber ? `n:${r.targetDocNumber}` : r.targetTitle ? `t:${r.targetTitle}` : null,
    ];
    for (const r of outgoingStmt.all(sourceId)) {
      if (r.type !== type) continue;
      for (const k of keysOf({ targetId: r.target_id, targetDocNumber: r.target_doc_number, targetTitle: r.target_title })) if (k) seen.add(k);
    }
    const out: Relation[] = [];
    const at = ctx.now().toISOString();
    for (const { ref, targetId } of targets) {
      const target = docRef.get(targetId);
      if (!target || target.id === sourceId) continue;
      const docNumber = ref.docNumber ?? target.docNumber ?? null;
      const refTitle = normalizeRefTitle(ref.title) ?? target.title;
      const keys = keysOf({ targetId: target.id, targetDocNumber: docNumber, targetTitle: refTitle }).filter((k): k is string => !!k);
      if (keys.some((k) => seen.has(k))) continue;
      for (const k of keys) seen.add(k);
      const info = insertStmt.run(type, sourceId, target.id, docNumber, refTitle, at);
      const relation = get(Number(info.lastInsertRowid));
      recordCreate(by, relation, cause);
      out.push(relation);
    }
    return out;
  }

  return {
    findTarget,
    insert,
    insertMany,
    get,

    /** Adds a relation by hand (to a stored document, or to a 文号/title not in the library yet). */
    add(by: Caller, req: { sourceId: string; type: RelationType; targetId?: string; targetDocNumber?: string; targetTitle?: string }): Relation {
      if (!docRef.get(req.sourceId)) throw new AppError('NOT_FOUND', `未找到文件 ${req.sourceId}`);
      if (req.targetId && !docRef.get(req.targetId)) throw new AppError('NOT_FOUND', `未找到目标文件 ${req.targetId}`);
      if (req.targetId === req.sourceId) throw new AppError('INVALID_INPUT', '文件不能与自身建立关系');
      let docNumber: string | null = null;
      if (req.targetDocNumber) {
        const parsed = parseDocNumber(req.targetDocNumber);
        if (!parsed) throw new AppError('INVALID_INPUT', `无法识别文号“${req.targetDocNumber}”，应形如“招政发〔2022〕8号”`);
        docNumber = parsed.normalized;
      }
      const created = db.transaction(() =>
        insert(by, req.sourceId, req.type, { docNumber, title: req.targetTitle ?? null }, req.targetId ?? null),
      )();
      if (!created) throw new AppError('CONFLICT', '该关系已存在，或指向文件自身');
      return created;
    },

    /** Removes a relation (audited with what it was, and the cause when a workflow withdraws it). */
    remove(by: Caller, id: number, cause?: AuditCause): { id: number } {
      db.transaction(() => {
        const before = get(id);
        deleteStmt.run(id);
        // a withdrawn relation keeps its cause beside what it was (nothing remains after it)
        const shape = relationAuditShape(before);
        audit.record(by, cause ? 'relation.withdraw' : 'relation.delete', 'relation', String(id), cause ? { ...shape, cause } : shape, null);
      })();
      return { id };
    },

    /**
     * Links unresolved references that point at a newly stored (or renumbered) document; call inside the
     * transaction that stored it. Returns the ids of the documents whose references were linked.
     */
    resolvePending(by: Caller, doc: StoredRef): string[] {
      const sources: string[] = [];
      for (const { id } of pendingFor.all({ id: doc.id, docNumber: doc.docNumber, title: doc.title, noNumber: doc.docNumber ? 0 : 1 })) {
        const before = get(id);
        resolveStmt.run(doc.id, doc.docNumber, doc.title, id);
        audit.record(by, 'relation.resolve', 'relation', String(id), relationAuditShape(before), relationAuditShape(get(id)));
        sources.push(before.sourceId);
      }
      return sources;
    },

    /**
     * A document's history with each relation entry naming the document at the other end: as stored now when it
     * is still in the library, else as the log recorded it (rows written before names were logged give the id).
     */
    nameRelated(documentId: string, entries: AuditEntry[]): AuditEntry[] {
      return entries.map((e) => {
        if (e.entity !== 'relation') return e;
        const shape = (e.after ?? e.before) as RelationAuditShape | null;
        if (!shape?.type) return e;
        const out = shape.sourceId === documentId;
        const otherId = (out ? (shape.targetId ?? (e.before as RelationAuditShape | null)?.targetId) : shape.sourceId) ?? null;
        const stored = otherId ? docRef.get(otherId) : undefined;
        const related = stored
          ? { id: stored.id, title: stored.title, docNumber: stored.docNumber }
          : out
            ? { id: null, title: shape.targetTitle ?? null, docNumber: shape.targetDocNumber ?? null }
            : { id: null, title: shape.sourceTitle ?? null, docNumber: shape.sourceDocNumber ?? null };
        return { ...e, related: { direction: out ? 'out' : 'in', type: shape.type, ...related } };
      });
    },

    /** Relations this document has to others. */
    outgoing(id: string): Relation[] {
      return outgoingStmt.all(id).map(toRelation);
    },
    /** Relations stored documents have to this one. */
    incoming(id: string): Relation[] {
      return incomingStmt.all(id).map(toRelation);
    },
  };
}
export type RelationService = ReturnType<typeof createRelationService>;

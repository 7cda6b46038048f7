import type { CheckReport, Dashboard } from '../../../../shared/contract/oversight';
import type { ExportedFile } from '../../../../shared/contract/export';
import { isoDay } from '../../../../shared/domain/status';
import type { AppContext } from '../../kernel/context';
import type { StatusIndex } from '../validity/status-index';
import { runChecks } from './checks';
import { buildDashboard } from './dashboard';
import { findingsDocx, findingsXlsx } from './findings-export';
import { createLibraryRows, type OversightRow } from './library-rows';

/** How many recent imports and edits the start page lists. */
const RECENT = 12;

/**
 * Oversight: the start page's numbers and the consistency checks. Reads the library, never writes; every status
 * comes from the status index.
 */
export function createOversightService(
  ctx: Pick<AppContext, 'db' | 'now' | 'settings'>,
  deps: {
    statuses: Pick<StatusIndex, 'onDay'>;
    flags?: () => Array<{ documentId: string; title: string; docNumber: string | null; message: string }>;
    /** every document's row as the library table keeps it (else this service reads its own copy) */
    rows?: () => readonly OversightRow[];
  },
) {
  const library = createLibraryRows(ctx.db, deps.rows);
  const recentStmt = ctx.db.prepare<[number], { id: string; title: string; doc_number: string | null; action: string; at: string; actor: string }>(`
    SELECT a.entity_id AS id, d.title, d.doc_number, a.action, a.at, a.actor
    -- newest log rows first, stopping at the 12th match (the entity index would join every document's rows, then sort)
    FROM audit_log AS a NOT INDEXED CROSS JOIN documents d ON d.id = a.entity_id
    WHERE a.entity = 'document' AND a.action IN ('document.create', 'document.update')
    ORDER BY a.id DESC LIMIT ?`);
  const today = () => isoDay(ctx.now());

  /** A result computed once per library version and key (day, evaluation window, pattern). */
  function memo<T>(key: string, compute: (snap: ReturnType<typeof library.current>) => T): T {
    const snap = library.current();
    if (!snap.memo.has(key)) snap.memo.set(key, compute(snap));
    return snap.memo.get(key) as T;
  }

  function checks(asOf: string = today()): CheckReport {
    const registrationPattern = ctx.settings.get().registrationPattern;
    const months = ctx.settings.get().expiryWindowMonths;
    const validityRules = ctx.settings.get().validityRules;
    return memo(`checks|${asOf}|${months}|${registrationPattern}|${JSON.stringify(validityRules)}`, (snap) =>
      runChecks({ rows: snap.rows, relations: snap.relations, statusOn: deps.statuses.onDay(asOf), registrationPattern, validityRules, flags: deps.flags?.() ?? [] }, asOf),
    );
  }

  return {
    /** The start page's numbers as of `asOf` (default today). */
    dashboard(asOf: string = today()): Dashboard {
      const months = ctx.settings.get().expiryWindowMonths;
      const data = memo(`dashboard|${asOf}|${months}`, (snap) => buildDashboard(snap.rows, deps.statuses.onDay(asOf), asOf, months));
      const recent = recentStmt.all(RECENT).map((r) => ({
        id: r.id,
        title: r.title,
        docNumber: r.doc_number,
        action: r.action === 'document.create' ? ('导入' as const) : ('修改' as const),
        at: r.at,
        actor: r.actor,
      }));
      return { ...data, recent };
    },
    /** Every consistency check as of `asOf` (default today). */
    checks,
    /** The findings as XLSX or DOCX. */
    async exportFindings(format: 'xlsx' | 'docx', asOf?: string): Promise<ExportedFile> {
      const report = checks(asOf);
      return format === 'xlsx' ? findingsXlsx(report) : findingsDocx(report);
    },
  };
}
export type OversightService = ReturnType<typeof createOversightService>;

import { createHash } from 'node:crypto';
import { parseDocNumber } from '../../../shared/domain/docnumber';
import type { ParsedDocument, ParsedGazette } from '../../../shared/domain/parse-result';
import { createContext, type AppContext } from '../kernel/context';
import { openDatabase } from '../db/open';
import type { TrustedFile } from '../features/import/import-service';

/** A fresh in-memory library with a fixed clock, without the rest of the app (for service tests). */
export function testContext(now = '2026-11-22T12:00:00'): AppContext & { emitted: Array<{ ids: string[]; deleted: string[] }> } {
  const { ctx } = createContext(openDatabase(':memory:'), {
    dataDir: ':memory:',
    resourcesDir: '/nonexistent',
    now: () => new Date(now),
    version: 'test',
    shell: 'cli',
    log: { info: () => {}, error: () => {} },
  });
  const emitted: Array<{ ids: string[]; deleted: string[] }> = [];
  ctx.events.on('documents:changed', (p) => emitted.push(p));
  return Object.assign(ctx, { emitted });
}

/** A document as extraction would give it; `docNumber` is the printed 文号. */
export function parsedDoc(
  over: Partial<Omit<ParsedDocument, 'docNumber'>> & { title: string; docNumber?: string | null },
): ParsedDocument {
  const { docNumber, ...rest } = over;
  return {
    registrationNumber: null,
    issuers: ['招远市人民政府'],
    dateSigned: null,
    kind: '通知',
    isNormative: true,
    effectiveClause: null,
    effectiveDate: null,
    validityClause: null,
    validUntil: null,
    abolishes: [],
    cites: [],
    appointments: [],
    lineStart: 50,
    lineEnd: 60,
    amends: [],
    replaces: [],
    body: [`${over.title}正文。`],
    ...rest,
    docNumber: docNumber ? parseDocNumber(docNumber) : null,
  };
}

/** An already parsed file for commitParsed; the hash is derived from the name so each name is one file. */
export function commitFile(
  name: string,
  documents: ParsedDocument[],
  gazette: ParsedGazette | null = null,
): TrustedFile {
  return { name, sha256: createHash('sha256').update(name).digest('hex'), size: 100, encoding: 'utf-8', gazette, documents };
}

/** Row counts of every library table: "the library is exactly as it was" means these did not change. */
export function tableCounts(ctx: Pick<AppContext, 'db'>): Record<string, number> {
  const tables = ['documents', 'relations', 'gazette_issues', 'gazette_entries', 'source_files', 'audit_log'];
  return Object.fromEntries(tables.map((t) => [t, (ctx.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
}

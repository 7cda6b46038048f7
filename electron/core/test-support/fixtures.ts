import { createHash } from 'node:crypto';
import { parseDocNumber } from '../../../shared/domain/docnumber';
import type { ParsedDocument, ParsedGazette } from '../../../shared/domain/parse-result';
import { ACCESS, type Caller } from '../../../shared/contract';
import { createApp } from '../composition';
import type { AppContext } from '../kernel/context';
import type { TrustedFile } from '../features/import/import-service';

/** Who the service tests act as: what the audit log must record for their changes. */
export const BY: Caller = { user: '测试员', shell: 'cli', access: ACCESS };

/**
 * A fresh in-memory library with a fixed clock, built by the composition root exactly as the app builds it:
 * its context (with every documents:changed event collected in `emitted`) and each service, built once.
 */
export function testLibrary(now = '2026-11-22T12:00:00', opts: { resourcesDir?: string } = {}) {
  const app = createApp({ dataDir: ':memory:', shell: 'cli', resourcesDir: opts.resourcesDir ?? '/nonexistent', now: () => new Date(now), log: { info: () => {}, error: () => {} } });
  const emitted: Array<{ ids: string[]; deleted: string[] }> = [];
  app.ctx.events.on('documents:changed', (p) => emitted.push(p));
  return { app, ctx: Object.assign(app.ctx, { emitted }), ...app.services };
}
export type TestLibrary = ReturnType<typeof testLibrary>;

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

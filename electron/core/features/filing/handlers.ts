import { z } from 'zod';
import type { Handlers } from '../../../../shared/contract';
import type { ExportedFile } from '../../../../shared/contract/export';
import type { AppContext } from '../../kernel/context';
import { renderOfficialText } from '../export/service';
import type { GazetteService } from '../gazettes/gazette-service';
import type { IssueService } from '../gazettes/issue-service';
import type { DocumentService } from '../library/document-service';
import type { OfficeService } from '../packages/office';
import type { PackageService } from '../packages/package-service';
import type { FilingService } from './filing-service';
import { AnswerRecord } from './records';
import { buildCatalog, catalogBody, catalogXlsx } from './filing-texts';
import type { ReviewQueue } from './review-queue';

type FilingHandlers = Pick<
  Handlers,
  | 'filing:list' | 'filing:stats' | 'filing:add-material' | 'filing:remove-material' | 'filing:material-file' | 'filing:report' | 'filing:send'
  | 'review:list' | 'review:register' | 'review:correction' | 'review:refuse' | 'review:notes' | 'review:decide' | 'review:answer'
  | 'review:catalog' | 'review:catalog-export' | 'review:catalog-to-issue'
>;

export interface FilingDeps {
  filing: FilingService;
  queue: ReviewQueue;
  office: OfficeService;
  packages: PackageService;
  documents: Pick<DocumentService, 'create' | 'update' | 'findLikelyDuplicate'>;
  issues: Pick<IssueService, 'add'>;
  gazettes: Pick<GazetteService, 'get'>;
}

const answers = (filing: unknown[]) => z.array(AnswerRecord).max(10_000).parse(filing);

/**
 * Registers what filing and answer packages carry with the package import: a filing package fills the review
 * queue, an answer package updates this office's filings. Called once by the composition root.
 */
export function registerFilingPackages(d: Pick<FilingDeps, 'filing' | 'queue' | 'packages'>): void {
  d.packages.extend({
    kinds: ['filing'],
    preview: (read) => d.queue.previewReceive(read),
    apply: (by, read, localIdOf) => d.queue.receive(by, read, localIdOf),
  });
  d.packages.extend({
    kinds: ['filing-answer'],
    preview: (read) => d.filing.previewAnswers(answers(read.content.filing)),
    apply: (by, read) => d.filing.applyAnswers(by, read.manifest.office.name, answers(read.content.filing), read.manifest.id),
  });
}

const toExported = (f: { fileName: string; mime: string; bytes: Uint8Array; pages: number | null; warnings: string[] }): ExportedFile => ({
  fileName: f.fileName, mime: f.mime, dataBase64: Buffer.from(f.bytes).toString('base64'), pages: f.pages, warnings: f.warnings,
});

/** The filing and review channels: thin calls that pass the caller to everything that writes. */
export function createFilingHandlers(ctx: AppContext, d: FilingDeps): FilingHandlers {
  const { filing, queue } = d;
  const catalogText = (year: number, quarter: 1 | 2 | 3 | 4) => {
    const c = queue.catalog(year, quarter);
    return { ...c, text: buildCatalog(d.office.settings().name, c.label, c.rows) };
  };
  return {
    'filing:list': async ({ show, asOf }) => filing.list(show, asOf),
    'filing:stats': async ({ from, to }) => filing.stats(from, to),
    'filing:add-material': async ({ documentId, kind, fileName, dataBase64 }, { caller }) =>
      filing.addMaterial(caller, documentId, kind, fileName, Buffer.from(dataBase64, 'base64')),
    'filing:remove-material': async ({ id }, { caller }) => filing.removeMaterial(caller, id),
    'filing:material-file': async ({ id }) => {
      const m = filing.material(id);
      return { fileName: m.name, mime: 'application/octet-stream', dataBase64: m.data.toString('base64'), pages: null, warnings: [] };
    },
    'filing:report': async ({ documentIds, format }) => toExported(await filing.report(documentIds, format)),
    'filing:send': async ({ documentIds }, { caller }) => {
      const sent = await filing.send(caller, documentIds);
      return { fileName: sent.fileName, dataBase64: sent.dataBase64, info: sent.info };
    },
    'review:list': async ({ state }) => queue.list(state),
    'review:register': async ({ id, registrationNumber }, { caller }) => queue.register(caller, id, registrationNumber),
    'review:correction': async ({ id, reason, due }, { caller }) => queue.correction(caller, id, reason, due),
    'review:refuse': async ({ id, reason }, { caller }) => queue.refuse(caller, id, reason),
    'review:notes': async ({ id, ...notes }, { caller }) => queue.notes(caller, id, notes),
    'review:decide': async ({ id, decision }, { caller }) => queue.decide(caller, id, decision),
    'review:answer': async ({ sender }, { caller }) => {
      const p = queue.answer(caller, sender);
      return { fileName: p.fileName, dataBase64: p.bytes.toString('base64'), info: p.info };
    },
    'review:catalog': async ({ year, quarter }) => queue.catalog(year, quarter).rows,
    'review:catalog-export': async ({ year, quarter, format }) => {
      const c = catalogText(year, quarter);
      if (format === 'xlsx') return catalogXlsx(c.text.fileName, c.rows);
      return toExported(await renderOfficialText(c.text, format, ctx.resourcesDir, ctx.now()));
    },
    'review:catalog-to-issue': async ({ year, quarter, issueId }, { caller }) => {
      const c = catalogText(year, quarter);
      const office = d.office.settings().name;
      const day = ctx.now().toISOString().slice(0, 10);
      const body = catalogBody(c.label, c.rows);
      // the same quarter again: its catalogue document is brought up to date (audited), not made twice
      const existing = d.documents.findLikelyDuplicate({ docNumber: null, title: c.text.meta.title });
      const documentId = existing
        ? d.documents.update(caller, existing.id, { body }).document.id
        : ctx.db.transaction(() =>
            d.documents.create(caller, {
              title: c.text.meta.title, docNumber: null, registrationNumber: null, issuers: office ? [office] : [], dateSigned: day, kind: '目录', isNormative: false,
              effectiveClause: null, effectiveDate: null, validityClause: null, validUntil: null, appointments: [], body,
            }, null).id,
          )();
      if (!d.gazettes.get(issueId).entries.some((e) => e.documentId === documentId)) d.issues.add(caller, issueId, documentId, '备案目录');
      return { documentId, issueId };
    },
  };
}

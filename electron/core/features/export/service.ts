import type { CleanupInput, ExportedFile, ExportFormat } from '../../../../shared/contract/export';
import type { Document } from '../../../../shared/domain/document';
import { AppError } from '../../kernel/errors';
import type { AppContext } from '../../kernel/context';
import type { GazetteService } from '../gazettes/gazette-service';
import type { DocumentService } from '../library/document-service';
import type { CampaignReport, CleanupService } from '../cleanup/cleanup-service';
import { buildCampaignReport } from './build-campaign-report';
import { buildCleanup } from './build-cleanup';
import { buildDocument } from './build-document';
import { buildGazette } from './build-gazette';
import { fontReport } from './font-roles';
import type { OfficialText, RenderedFile } from './model';

export type { RenderedFile };

/**
 * Renders an official text in one format; warnings name substituted fonts and characters without a glyph. The font
 * engine, layout and the DOCX/PDF/OFD writers load on the first export, not with every process (a CLI search or the
 * server's start does not pay for pdf-lib, fontkit and docx).
 */
export async function renderOfficialText(text: OfficialText, format: ExportFormat, resourcesDir: string, now: Date): Promise<RenderedFile> {
  const { renderText } = await import('./render-text');
  return renderText(text, format, resourcesDir, now);
}

function toExported(file: RenderedFile): ExportedFile {
  return { fileName: file.fileName, mime: file.mime, dataBase64: Buffer.from(file.bytes).toString('base64'), pages: file.pages, warnings: file.warnings };
}

export interface ExportDeps {
  documents: Pick<DocumentService, 'get'>;
  gazettes: Pick<GazetteService, 'get'>;
  /** cleanup campaigns, exported by id */
  cleanup?: Pick<CleanupService, 'exportInput' | 'report'>;
}

/** Official-format export (GB/T 9704) of stored documents, gazette issues and cleanup result lists. */
export function createExportService(
  ctx: Pick<AppContext, 'resourcesDir' | 'now' | 'settings'>,
  { documents, gazettes }: ExportDeps,
  /** where the rendering runs: in-process unless given (the server's handlers pass the worker pool, render-pool.ts) */
  renderer: typeof renderOfficialText = renderOfficialText,
) {
  const render = (text: OfficialText, format: ExportFormat) => renderer(text, format, ctx.resourcesDir, ctx.now());

  return {
    /** One stored document as DOCX or PDF bytes. */
    async documentFile(id: string, format: ExportFormat, opts: { letterhead: boolean } = { letterhead: false }): Promise<RenderedFile> {
      return render(buildDocument(documents.get(id), opts), format);
    },
    /** A stored gazette issue: cover, contents with page numbers, documents, masthead. */
    async gazetteFile(id: string, format: ExportFormat): Promise<RenderedFile> {
      const issue = gazettes.get(id);
      const docs = new Map<string, Document>();
      for (const e of issue.entries) {
        if (!e.documentId || docs.has(e.documentId)) continue;
        try {
          docs.set(e.documentId, documents.get(e.documentId));
        } catch (err) {
          if (!(err instanceof AppError && err.code === 'NOT_FOUND')) throw err;
        }
      }
      if (!issue.entries.length) throw new AppError('INVALID_INPUT', `公报“${issue.title}”没有收录任何文件，无法导出`);
      // the gazette's own masthead; the global setting only for an issue without a gazette
      return render(buildGazette(issue, docs, issue.masthead ?? ctx.settings.get().masthead), format);
    },
    /** A cleanup result notice with one annex table per decision. */
    async cleanupFile(input: CleanupInput, format: ExportFormat): Promise<RenderedFile> {
      if (!input.items.length) throw new AppError('INVALID_INPUT', '清理结果清单中没有任何文件');
      const lookup = (id: string) => {
        try {
          return documents.get(id);
        } catch (err) {
          if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
          throw err;
        }
      };
      return render(buildCleanup(input, lookup), format);
    },
    /** A cleanup campaign's report: basis and scope, decisions by count and by issuer, scope changes with reasons. */
    async campaignReportFile(report: CampaignReport, format: ExportFormat): Promise<RenderedFile> {
      return render(buildCampaignReport(report, ctx.now()), format);
    },
    /** Fonts named in DOCX and embedded in PDF, with substitution notes. */
    fonts: fontReport,
    toExported,
  };
}
export type ExportService = ReturnType<typeof createExportService>;

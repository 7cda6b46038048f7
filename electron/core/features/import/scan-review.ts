import type { ParsedFile, StagedDocuments } from '../../../../shared/contract/import';
import type { ParsedDocument, ParseResult } from '../../../../shared/domain/parse-result';
import { parseAsOne } from '../../../../shared/parse';
import type { AppContext } from '../../kernel/context';
import { AppError } from '../../kernel/errors';
import type { OcrInfo } from './ocr/scan-reader';
import type { Extracted } from './parse-host';
import { createScanStore, lowConfidence, stagedPage, stagedScan } from './scans';
import type { StagingArea } from './staging';

interface Hooks {
  /** stops the file being read now (the parse worker is ended); false when none is */
  cancel: () => boolean;
  reviewAll: (name: string, docs: readonly ParsedDocument[], warnings: ParseResult['warnings']) => StagedDocuments['documents'];
}

/**
 * The import's side of scanned pages: progress and cancel while OCR reads a file, the review's view of a staged
 * scan and its line corrections, and the stored document's pages.
 */
export function createScanReview(ctx: AppContext, staging: StagingArea, hooks: Hooks) {
  const store = createScanStore(ctx);
  let current: { file: string; done: number; total: number } | null = null;

  function stagedFile(stagedId: string) {
    const found = staging.get(stagedId);
    if ('gone' in found) throw new AppError('NOT_FOUND', `文件“${found.gone?.name ?? '（未知文件）'}”的解析结果已不在，请重新解析该文件。`);
    return found.file;
  }

  /** Corrects one line of a staged document read by OCR and extracts that document again from its lines. */
  function correctLine(stagedId: string, index: number, line: number, text: string): StagedDocuments {
    const file = stagedFile(stagedId);
    const part = file.parts[index];
    if (!part || !part.lines.includes(line)) throw new AppError('INVALID_INPUT', `第 ${index + 1} 件文件没有第 ${line} 行。`);
    if (!file.ocr?.lines[line - 1]) throw new AppError('INVALID_INPUT', `第 ${line} 行不是 OCR 识别的文字，请在字段中修改。`);
    // one line stays one line, and control characters never reach a stored field
    const clean = [...text].filter((c) => c >= ' ' || c === '\t').join('');
    const fixes = (file.textFixes ??= new Map());
    const before = fixes.get(line)?.extracted ?? file.lines[line - 1] ?? '';
    if (clean === before) fixes.delete(line);
    else fixes.set(line, { extracted: before, corrected: clean });
    file.lines[line - 1] = clean;
    const again = parseAsOne(part.lines.map((n) => file.lines[n - 1] ?? '').join('\n'), {
      file: file.name,
      encoding: file.encoding,
      registrationPattern: ctx.settings.get().registrationPattern,
    });
    const documents = [...file.documents];
    if (again) {
      const at = (rel: number) => part.lines[Math.min(Math.max(rel, 1), part.lines.length) - 1];
      documents[index] = { ...again.document, lineStart: at(again.document.lineStart), lineEnd: at(again.document.lineEnd) };
    }
    staging.replace(stagedId, documents, file.parts, file.warnings);
    return { stagedId, documents: hooks.reviewAll(file.name, documents, file.warnings) };
  }

  return {
    /** Runs one file's extraction with its progress visible to `import:progress`. */
    async reading(name: string, run: (onProgress: (done: number, total: number) => void) => Promise<Extracted>): Promise<Extracted> {
      current = { file: name, done: 0, total: 0 };
      try {
        return await run((done, total) => {
          current = { file: name, done, total };
        });
      } finally {
        current = null;
      }
    },
    /** What the file list says of a file read by OCR. */
    summary(ocr: OcrInfo | null): ParsedFile['scan'] {
      if (!ocr || !ocr.pages.length) return null;
      const low = ocr.lines.reduce((s, l) => s + (l ? lowConfidence(l.confidence).length : 0), 0);
      return { engine: ocr.engine, pages: ocr.pages.length, lowConfidence: low };
    },
    api: {
      scan: (stagedId: string, index: number) => stagedScan(stagedFile(stagedId), index),
      scanPage: (stagedId: string, page: number) => stagedPage(stagedFile(stagedId), page),
      correctLine,
      progress: () => current,
      cancel: () => ({ cancelled: current !== null && hooks.cancel() }),
      documentScan: (documentId: string) => store.forDocument(documentId),
      documentScanPage: (documentId: string, page: number) => store.page(documentId, page),
    },
  };
}

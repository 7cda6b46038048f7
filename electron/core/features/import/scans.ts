import type { Caller } from '../../../../shared/contract';
import type { ScanLine, ScanPageImage, StagedScan, StoredScan } from '../../../../shared/contract/import';
import type { AppContext } from '../../kernel/context';
import { AppError } from '../../kernel/errors';
import type { Correction } from './corrections';
import type { OcrInfo, OcrPageImage } from './ocr/scan-reader';
import type { StagedFile } from './staging';

/**
 * Scanned pages at review and after (issue 21): what the review shows beside an OCR'd document (its pages and
 * its lines with the characters the recogniser was unsure of), a person's corrections of those lines, and the
 * page images kept with the stored document.
 */

/** Below this probability (as the one-digit form of read.ts, 0–9) a character is marked for checking. */
export const LOW_CONFIDENCE_DIGIT = 8;

/** Characters of a line marked low-confidence, as indexes into its text. */
export function lowConfidence(confidence: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < confidence.length; i++) if (Number(confidence[i]) < LOW_CONFIDENCE_DIGIT) out.push(i);
  return out;
}

/** The pages a staged document's lines stand on, in order. */
export function documentPages(ocr: OcrInfo, lines: readonly number[]): number[] {
  const pages: number[] = [];
  for (const n of lines) {
    const p = ocr.lines[n - 1]?.page;
    if (p !== undefined && !pages.includes(p)) pages.push(p);
  }
  return pages;
}

/** What the review shows of one staged document read by OCR, or null when its text did not come from OCR. */
export function stagedScan(file: StagedFile, index: number): StagedScan | null {
  const ocr = file.ocr;
  const part = file.parts[index];
  if (!part) throw new AppError('NOT_FOUND', `文件“${file.name}”中没有第 ${index + 1} 件文件，请重新解析该文件。`);
  if (!ocr) return null;
  const lines: ScanLine[] = [];
  for (const n of part.lines) {
    const info = ocr.lines[n - 1];
    if (!info) continue;
    const fixed = file.textFixes?.has(n) ?? false;
    lines.push({ line: n, text: file.lines[n - 1] ?? '', page: info.page, box: info.box, low: fixed ? [] : lowConfidence(info.confidence), corrected: fixed });
  }
  const pages = documentPages(ocr, part.lines).map((p) => ({ page: p, width: ocr.pages[p].width, height: ocr.pages[p].height }));
  return { engine: ocr.engine, pages, lines, lowCount: lines.reduce((s, l) => s + l.low.length, 0) };
}

/** One page image of a staged file. */
export function stagedPage(file: StagedFile, page: number): ScanPageImage {
  const p = file.ocr?.pages[page];
  if (!p) throw new AppError('NOT_FOUND', `文件“${file.name}”没有第 ${page + 1} 页扫描图像。`);
  return { page, width: p.width, height: p.height, jpegBase64: Buffer.from(p.jpeg).toString('base64') };
}

/** A corrected line as stored with the file: `text`, what was read on that line and what the person made of it. */
export function lineCorrections(file: StagedFile, lines: readonly number[]): Correction[] {
  const out: Correction[] = [];
  for (const n of lines) {
    const fix = file.textFixes?.get(n);
    if (fix) out.push({ kind: 'field', field: 'text', extracted: `第${n}行：${fix.extracted}`, corrected: fix.corrected });
  }
  return out;
}

/** What a stored document keeps of its scan: pages (0-based in the file), the engine, and unsure characters nobody corrected. */
export interface DocumentScan {
  pages: number[];
  engine: string;
  lowConfidence: number;
}

/** The scan of one staged document as it is stored with it (null when its text did not come from OCR). */
export function documentScan(file: StagedFile, index: number): DocumentScan | null {
  const s = file.ocr ? stagedScan(file, index) : null;
  return s && s.pages.length ? { pages: s.pages.map((p) => p.page), engine: s.engine, lowConfidence: s.lowCount } : null;
}

/** The scan_pages and document_scans tables: written at commit, read by the document page. */
export function createScanStore(ctx: AppContext) {
  const insertPage = ctx.db.prepare<[string, number, number, number, Buffer, number]>(
    'INSERT OR IGNORE INTO scan_pages (source_file_id, page, width, height, image, blank) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertDoc = ctx.db.prepare<[string, string, string, string, number]>(
    'INSERT OR REPLACE INTO document_scans (document_id, source_file_id, pages, engine, low_confidence) VALUES (?, ?, ?, ?, ?)',
  );
  const byDocument = ctx.db.prepare<[string], { sourceFileId: string; pages: string; engine: string; low: number; fileName: string }>(
    `SELECT s.source_file_id AS sourceFileId, s.pages, s.engine, s.low_confidence AS low, f.name AS fileName
     FROM document_scans s JOIN source_files f ON f.id = s.source_file_id WHERE s.document_id = ? LIMIT 1`,
  );
  const pageMeta = ctx.db.prepare<[string, number], { width: number; height: number }>('SELECT width, height FROM scan_pages WHERE source_file_id = ? AND page = ?');
  const pageImage = ctx.db.prepare<[string, number], { width: number; height: number; image: Buffer }>(
    'SELECT width, height, image FROM scan_pages WHERE source_file_id = ? AND page = ?',
  );
  return {
    /** Keeps a stored document's scan and the page images it stands on; call inside the commit's transaction. */
    record(_by: Caller, sourceFileId: string, documentId: string, scan: DocumentScan, images: readonly OcrPageImage[]) {
      for (const p of scan.pages) {
        const img = images[p];
        if (img) insertPage.run(sourceFileId, p, img.width, img.height, Buffer.from(img.jpeg), img.blank ? 1 : 0);
      }
      insertDoc.run(documentId, sourceFileId, JSON.stringify(scan.pages), scan.engine, scan.lowConfidence);
    },
    /** The scanned pages a stored document's text came from, or null when it was not read by OCR. */
    forDocument(documentId: string): StoredScan | null {
      const row = byDocument.get(documentId);
      if (!row) return null;
      const pages = (JSON.parse(row.pages) as number[]).map((page) => ({ page, ...(pageMeta.get(row.sourceFileId, page) ?? { width: 0, height: 0 }) }));
      return { engine: row.engine, fileName: row.fileName, pages, lowConfidence: row.low };
    },
    /** One page image of a stored document's scan. */
    page(documentId: string, page: number): ScanPageImage {
      const row = byDocument.get(documentId);
      const img = row && (JSON.parse(row.pages) as number[]).includes(page) ? pageImage.get(row.sourceFileId, page) : undefined;
      if (!img) throw new AppError('NOT_FOUND', `这件文件没有第 ${page + 1} 页扫描图像。`);
      return { page, width: img.width, height: img.height, jpegBase64: img.image.toString('base64') };
    },
  };
}
export type ScanStore = ReturnType<typeof createScanStore>;

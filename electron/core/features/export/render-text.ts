import type { ExportFormat } from '../../../../shared/contract/export';
import { createFontSet, substitutionWarnings } from './fonts';
import { layoutText, MISSING_GLYPH } from './layout';
import type { OfficialText, RenderedFile } from './model';
import { renderDocx } from './render-docx';
import { renderOfd } from './render-ofd';
import { renderPdf } from './render-pdf';

const MIME = {
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** Renders an official text in one format (service.ts, renderOfficialText, loads this module on the first export). */
export async function renderText(text: OfficialText, format: ExportFormat, resourcesDir: string, now: Date): Promise<RenderedFile> {
  const fonts = createFontSet(resourcesDir);
  const hasToc = text.sections.some((s) => s.blocks.some((b) => b.type === 'toc'));
  // the PDF and the OFD always need the layout; the DOCX only for the page numbers of its contents
  const layout = format !== 'docx' || hasToc ? layoutText(text, fonts) : null;
  const warnings = [...text.warnings];
  if (layout?.missing.size) {
    const list = [...layout.missing].map((ch) => `“${ch}”(U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`);
    warnings.push(`以下字符在内嵌字体中没有字形，${format === 'ofd' ? 'OFD' : 'PDF'} 中以“${MISSING_GLYPH}”代替：${list.join('、')}`);
  }
  if (format !== 'docx') {
    // the OFD draws the same pages as the PDF, from the same layout and with the same embedded faces
    const faces = substitutionWarnings(layout!.usedFonts);
    warnings.push(...(format === 'ofd' ? faces.map((w) => w.replace(/PDF/g, 'OFD')) : faces));
    const bytes = format === 'pdf' ? await renderPdf(text, layout!, fonts, now) : renderOfd(text, layout!, fonts, now);
    return { fileName: `${text.fileName}.${format}`, mime: MIME[format], bytes, pages: layout!.pages.length, warnings };
  }
  const numbers = new Map<string, number | null>();
  if (layout) for (const [anchor, at] of layout.anchors) numbers.set(anchor, layout.pages[at.page].number);
  const bytes = await renderDocx(text, numbers, layout?.blankBefore);
  // Word paginates a DOCX itself; our count would only be an estimate
  return { fileName: `${text.fileName}.docx`, mime: MIME.docx, bytes, pages: null, warnings };
}

/**
 * The typographic roles of GB/T 9704 and the fonts standing in for them: plain data, without the font engine, so
 * what lists them (the export dialog's font report) does not load fontkit.
 */

/** Typographic roles of the official format; each has a Word font name and an embedded free font. */
export type FontRole = 'title' | 'body' | 'hei' | 'kai' | 'song';

export interface FontRoleInfo {
  role: FontRole;
  /** what the role is used for, shown in the export dialog */
  label: string;
  /** East Asian font named in DOCX, so Word/WPS on a government PC use the real face */
  docxName: string;
  /** the free font embedded into PDFs */
  pdfFont: string;
  file: string;
  /** set when the PDF face is a substitute a reader should know about */
  note: string | null;
}

/** The roles of GB/T 9704 and the fonts that stand in for them. */
export const FONT_ROLES: Record<FontRole, FontRoleInfo> = {
  title: {
    role: 'title',
    label: '标题（2号小标宋）',
    docxName: '方正小标宋简体',
    pdfFont: 'Noto Serif SC Bold（思源宋体 粗体）',
    file: 'NotoSerifSC-Bold.ttf',
    note: '方正小标宋简体为商业字体，PDF 中以思源宋体粗体代替',
  },
  body: {
    role: 'body',
    label: '正文（3号仿宋）',
    docxName: '仿宋_GB2312',
    pdfFont: 'Noto Serif SC（思源宋体）',
    file: 'NotoSerifSC-Regular.ttf',
    note: '没有可自由使用的简体仿宋字体，PDF 正文以思源宋体代替仿宋；DOCX 仍指定仿宋_GB2312，在装有该字体的电脑上按仿宋显示',
  },
  hei: {
    role: 'hei',
    label: '一级标题（黑体）',
    docxName: '黑体',
    pdfFont: 'Noto Sans SC（思源黑体）',
    file: 'NotoSansSC-Regular.ttf',
    note: 'PDF 中以思源黑体代替黑体',
  },
  kai: {
    role: 'kai',
    label: '二级标题（楷体）',
    docxName: '楷体_GB2312',
    pdfFont: 'LXGW WenKai（霞鹜文楷）',
    file: 'LXGWWenKai-Regular.ttf',
    note: '楷体_GB2312 为商业字体，PDF 中以霞鹜文楷代替',
  },
  song: {
    role: 'song',
    label: '页码（4号宋体）',
    docxName: '宋体',
    pdfFont: 'Noto Serif SC（思源宋体）',
    file: 'NotoSerifSC-Regular.ttf',
    note: null,
  },
};

/** What the export dialog shows: which fonts are named in DOCX and which free fonts PDFs and OFDs embed. */
export function fontReport(): Array<{ role: string; docxName: string; pdfFont: string; note: string | null }> {
  // the OFD embeds the PDF's faces, so each substitution note holds for both
  return Object.values(FONT_ROLES).map((r) => ({ role: r.label, docxName: r.docxName, pdfFont: r.pdfFont, note: r.note?.replace(/PDF/g, 'PDF/OFD') ?? null }));
}

/** Warnings every PDF export carries: the substituted faces (only those actually used). */
export function substitutionWarnings(used: Iterable<FontRole>): string[] {
  const out: string[] = [];
  for (const role of new Set(used)) {
    const note = FONT_ROLES[role].note;
    if (note) out.push(note);
  }
  return out;
}

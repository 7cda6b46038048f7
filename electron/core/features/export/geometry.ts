/** Page geometry of GB/T 9704-2012 in PDF points and Word twips, shared by both renderers. */

export const PT_PER_MM = 72 / 25.4;
export const TWIPS_PER_MM = 1440 / 25.4;

export const PAGE_W = 210 * PT_PER_MM;
export const PAGE_H = 297 * PT_PER_MM;
/** text block (版心): 156 × 225 mm, 37 mm from the top, 28 mm from the binding edge */
export const BLOCK_LEFT = 28 * PT_PER_MM;
export const BLOCK_W = 156 * PT_PER_MM;
export const BLOCK_H = 225 * PT_PER_MM;
export const BLOCK_TOP = PAGE_H - 37 * PT_PER_MM;
export const BLOCK_BOTTOM = BLOCK_TOP - BLOCK_H;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
export const LINE_PITCH = BLOCK_H / LINES_PER_PAGE;
export const CHAR_PITCH = BLOCK_W / CHARS_PER_LINE;

/**
 * sizes: 2号 title, 3号 body, 4号 page numbers; tables 五号 (10.5 pt: a cleanup list's 文号 and date columns fit on
 * one line and leave the title column room) and running headers 小四
 */
export const SIZE = { title: 22, body: 16, pageNumber: 14, table: 10.5, header: 12 } as const;
export const TABLE_LINE = 16;
export const TABLE_PAD = 4;
/** 五号 table characters across the text block (on the grid: 28 × 16 pt / 10.5 pt) */
export const TABLE_CHARS = (CHARS_PER_LINE * SIZE.body) / SIZE.table;
/** width of a cell's text in table characters: Han and full-width 1, digits and Latin of the serif faces a little over ½ */
export const cellWidth = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2000 ? 0.56 : 1), 0);
/** a table row of more lines than this may split across pages (PDF and DOCX alike); shorter rows move whole */
export const TALL_ROW_LINES = 4;
/** lines a split row leaves on each side of the page break */
export const MIN_ROW_SPLIT = 2;

/** Word wants integer twips: the text block is rounded once and the margins follow from it. */
export const TWIPS = (() => {
  const pageW = 11906;
  const pageH = 16838;
  const top = Math.round(37 * TWIPS_PER_MM);
  const left = Math.round(28 * TWIPS_PER_MM);
  const blockW = Math.round(156 * TWIPS_PER_MM);
  const blockH = Math.round(225 * TWIPS_PER_MM);
  const linePitch = Math.floor(blockH / LINES_PER_PAGE);
  return {
    pageW,
    pageH,
    top,
    left,
    right: pageW - left - blockW,
    bottom: pageH - top - blockH,
    blockW,
    blockH,
    linePitch,
    /** char grid: (pitch − 16 pt) × 4096, per the docGrid definition; floor: 28 characters must fit the line */
    charSpace: Math.floor(((blockW / CHARS_PER_LINE) / 20 - SIZE.body) * 4096),
  };
})();

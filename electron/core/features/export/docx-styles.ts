import { FONT_ROLES } from './fonts';
import { SIZE, TWIPS } from './geometry';

/**
 * styles.xml of the DOCX export, written out because the docx library cannot state everything the official format
 * needs in the document defaults: widow control, no punctuation hanging past the margin (overflowPunct), no space
 * added between Chinese and digits or Latin (autoSpaceDE/DN: Word honours them; LibreOffice 7.4 ignores both on
 * import and adds ⅕ em between Chinese and digits in every paragraph off the character grid), 三号 仿宋 as the
 * default size (the character grid's charSpace counts from it) narrowed to 28 characters a line; and heading styles
 * with outline levels, so the navigation pane lists the documents and the contents is a real TOC field over them.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const fonts = (role: keyof typeof FONT_ROLES, latin: string) =>
  `<w:rFonts w:ascii="${latin}" w:eastAsia="${FONT_ROLES[role].docxName}" w:hAnsi="${latin}" w:hint="eastAsia"/>`;

/**
 * LibreOffice's cell of the character grid, in twips: it converts the charSpace of docGrid in whole twips to 1/100 mm
 * (writerfilter SectionPropertyMap: the 三号 default size, then −1 pt, then floor(fraction × 20 / 4095) twips) and
 * narrows the text area to 28 whole cells, 155.4 mm instead of 156 — even for paragraphs off the grid.
 */
const LIBREOFFICE_CELL = (() => {
  const mm100 = (twips: number) => Math.round((twips * 127) / 72);
  const main = Math.floor(TWIPS.charSpace / 4096);
  const fraction = Math.floor(((TWIPS.charSpace - main * 4096) * 20) / 4095);
  return ((mm100(SIZE.body * 20) + mm100(main * 20) + mm100(fraction)) * 72) / 127;
})();

/** The per-character narrowing of 3号, in twips: 28 characters fit Word's 156 mm line and LibreOffice's 155.4 mm. */
export const BODY_TIGHTEN = Math.floor(Math.min(TWIPS.blockW / 28, LIBREOFFICE_CELL) - SIZE.body * 20);

/** The narrowing of a character of another size, in proportion, as the PDF layout narrows it. */
export const tightenTwips = (size: number) => Math.floor((BODY_TIGHTEN * size) / SIZE.body);

/** Heading styles by outline level: 1 = a document's title (the TOC lists it), 2 = a 一、 heading. */
export const HEADING_STYLE = ['Heading1', 'Heading2'] as const;

/** Indent of a contents entry (one character, following lines two), as the PDF contents. */
export const TOC_INDENT = { left: Math.round((2 * TWIPS.blockW) / 28), hanging: Math.round(TWIPS.blockW / 28) };

const heading = (id: string, name: string, level: number, rPr: string, jc: string) =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
  `<w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>` +
  `<w:jc w:val="${jc}"/><w:outlineLvl w:val="${level}"/></w:pPr>` +
  `<w:rPr>${rPr}</w:rPr></w:style>`;

/**
 * settings.xml: odd and even page footers, and no compression of full-width punctuation
 * (characterSpacingControl), which LibreOffice otherwise applies and so fits 29 characters on a 28-character line.
 */
export function settingsXml(): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="${W}">` +
    `<w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/><w:characterSpacingControl w:val="doNotCompress"/>` +
    `<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
    `</w:settings>`
  );
}

export function stylesXml(): string {
  const bodyR = `${fonts('body', 'Times New Roman')}<w:spacing w:val="${BODY_TIGHTEN}"/><w:sz w:val="${SIZE.body * 2}"/><w:szCs w:val="${SIZE.body * 2}"/>`;
  // snapToGrid off (paragraph): LibreOffice 7.4 would set each character of the paragraph in whole cells of the
  // character grid (a 3号 character takes two 15.73 pt cells, see render-docx.ts) and a 2号 line on two grid lines;
  // every paragraph states its exact line height instead. Word reads the character grid per run (rPr snapToGrid),
  // so text typed later in Word still gets the 28-character grid.
  const pPr =
    `<w:widowControl/><w:overflowPunct w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid w:val="0"/>` +
    `<w:spacing w:before="0" w:after="0" w:line="${TWIPS.linePitch}" w:lineRule="exact"/>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<w:styles xmlns:w="${W}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr>${bodyR}<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr>${pPr}</w:pPr></w:pPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr>${pPr}</w:pPr><w:rPr>${bodyR}</w:rPr></w:style>` +
    `<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>` +
    `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>` +
    `<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
    heading(HEADING_STYLE[0], 'heading 1', 0, `${fonts('title', 'Times New Roman')}<w:sz w:val="${SIZE.title * 2}"/><w:szCs w:val="${SIZE.title * 2}"/>`, 'center') +
    heading(HEADING_STYLE[1], 'heading 2', 1, fonts('hei', '黑体'), 'both') +
    `<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/>` +
    `<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="${TWIPS.blockW}"/></w:tabs><w:ind w:left="${TOC_INDENT.left}" w:hanging="${TOC_INDENT.hanging}"/></w:pPr></w:style>` +
    `<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/></w:style>` +
    `</w:styles>`
  );
}

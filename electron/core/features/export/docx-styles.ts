import { FONT_ROLES } from './fonts';
import { SIZE, TWIPS } from './geometry';

/**
 * styles.xml of the DOCX export, written out because the docx library cannot state everything the official format
 * needs in the document defaults: widow control, no punctuation hanging past the margin (overflowPunct), no space
 * added between Chinese and digits or Latin (autoSpaceDE/DN — LibreOffice reads autoSpaceDE), 3号 仿宋 narrowed
 * to 28 characters a line; and heading styles with outline levels, so the navigation pane lists the documents
 * and the contents is a real TOC field over them.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const fonts = (role: keyof typeof FONT_ROLES, latin: string) =>
  `<w:rFonts w:ascii="${latin}" w:eastAsia="${FONT_ROLES[role].docxName}" w:hAnsi="${latin}" w:hint="eastAsia"/>`;

/** The per-character narrowing of 3号 on the 28-character line, in twips (floor: 28 characters must fit). */
export const BODY_TIGHTEN = Math.floor(TWIPS.blockW / 28 - SIZE.body * 20);

/**
 * Paragraphs not in 3号 (titles, tables, headers, page numbers) are off the line grid: LibreOffice gives a 2号
 * line two grid lines and a table line a whole one, where the PDF (and Word, with exact spacing) gives them their
 * stated height.
 */
export const OFF_GRID = 'NDOffGrid';

/** Heading styles by outline level: 1 = a document's title (the TOC lists it), 2 = a 一、 heading. */
export const HEADING_STYLE = ['Heading1', 'Heading2'] as const;

/** Indent of a contents entry (one character, following lines two), as the PDF contents. */
export const TOC_INDENT = { left: Math.round((2 * TWIPS.blockW) / 28), hanging: Math.round(TWIPS.blockW / 28) };

const heading = (id: string, name: string, level: number, rPr: string, jc: string, grid: boolean) =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
  `<w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>${grid ? '' : '<w:snapToGrid w:val="0"/>'}` +
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
  const pPr =
    `<w:widowControl/><w:overflowPunct w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>` +
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
    heading(HEADING_STYLE[0], 'heading 1', 0, `${fonts('title', 'Times New Roman')}<w:sz w:val="${SIZE.title * 2}"/><w:szCs w:val="${SIZE.title * 2}"/>`, 'center', false) +
    heading(HEADING_STYLE[1], 'heading 2', 1, fonts('hei', '黑体'), 'both', true) +
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${OFF_GRID}"><w:name w:val="NormDesk 不对齐网格"/><w:basedOn w:val="Normal"/>` +
    `<w:pPr><w:snapToGrid w:val="0"/></w:pPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/>` +
    `<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="${TWIPS.blockW}"/></w:tabs><w:ind w:left="${TOC_INDENT.left}" w:hanging="${TOC_INDENT.hanging}"/></w:pPr></w:style>` +
    `<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/></w:style>` +
    `</w:styles>`
  );
}

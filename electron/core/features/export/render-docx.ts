import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  Header,
  HeightRule,
  ImportedXmlComponent,
  InternalHyperlink,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  type ISectionOptions,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { FONT_ROLES, type FontRole } from './fonts';
import { isTallRow, keepsWithNext, needAfter } from './keeps';
import { headerCells } from './tables';
import { HEADING_STYLE, settingsXml, stylesXml, tightenTwips } from './docx-styles';
import { SIZE, TABLE_LINE, TWIPS } from './geometry';
import type { Block, OfficialText, Run, TableColumn } from './model';
import { paragraphsOf, plainStyle, TOC_CHARS, type Para } from './styles';
import { titleLines } from './title-breaks';

const RED = 'D90000';
/** footer distance: the baseline of — N — 7 mm below the text block, as the PDF sets it (exact 14 pt line) */
const FOOTER = Math.round((35 - 7 - 1.63 - 1) * (1440 / 25.4));
const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** Latin text beside the Chinese faces: Times New Roman for the serif roles, the face itself otherwise. */
const LATIN: Record<FontRole, string> = { title: 'Times New Roman', body: 'Times New Roman', hei: '黑体', kai: '楷体_GB2312', song: '宋体' };
/** Every paragraph: widow control as the PDF; no punctuation hanging past the margin; no space added around digits. */
const PARA = { widowControl: true, overflowPunctuation: false, autoSpaceEastAsianText: false } as const;
/** The GB/T 9704 grid, 22 lines × 28 characters (charSpace counts from the 三号 default size); see run(). */
const GRID = { type: DocumentGridType.LINES_AND_CHARS, linePitch: TWIPS.linePitch, charSpace: TWIPS.charSpace } as const;
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED };

function fontOf(role: FontRole) {
  return { eastAsia: FONT_ROLES[role].docxName, ascii: LATIN[role], hAnsi: LATIN[role], hint: 'eastAsia' as const };
}

/**
 * Every size is narrowed as the PDF narrows it, by run spacing: 28 characters of 3号 fill the 156 mm line only at
 * 15.79 pt a character. The section also declares the GB/T 9704 grid (docGrid linesAndChars, 22 lines, charSpace
 * from the 三号 default size: 28 characters), which Word and WPS show in 页面设置 and use for text typed later; our
 * runs opt out of it (rPr snapToGrid) and our paragraphs too (the Normal style), because LibreOffice 7.4 cannot
 * honour it: it sets a character in whole grid cells, so a 16 pt character takes two 15.73 pt cells (14 a line,
 * glyph width unrelated to charSpace or run spacing), and pads every run of digits to whole cells (2022年2月7日
 * comes out as 2022 年2 月7 日). Body-size runs take their spacing from the Normal style.
 */
function run(text: string, role: FontRole, size: number, color?: string, lineBreak = false) {
  return new TextRun({
    text,
    font: fontOf(role),
    size: size * 2,
    color,
    characterSpacing: size === SIZE.body ? undefined : tightenTwips(size),
    snapToGrid: false,
    break: lineBreak ? 1 : undefined,
  });
}

/** twips per character of a size on the grid (28 characters of 3号 fill the 156 mm line) */
const charTwips = (size: number) => ((TWIPS.blockW / 28) * size) / SIZE.body;

function paragraph(p: Para, extra: { pageBreakBefore?: boolean; bookmark?: string; keepNext?: boolean; style?: string } = {}): Paragraph {
  const s = p.style;
  const unit = charTwips(s.size);
  const first = s.firstIndent - s.restIndent;
  // a "\n" is a line break the builder chose (title lines): Word keeps it where the PDF has it
  const children: ParagraphChild[] = p.runs.flatMap((r: Run) =>
    r.text.split('\n').map((t, i) => run(t, r.font ?? s.font, s.size, s.color === 'red' ? RED : undefined, i > 0)),
  );
  return new Paragraph({
    ...PARA,
    style: extra.style,
    children: extra.bookmark ? [new Bookmark({ id: extra.bookmark, children })] : children,
    alignment: ALIGN[s.align],
    indent: {
      left: Math.round(s.restIndent * unit),
      right: Math.round(s.rightIndent * unit),
      ...(first >= 0 ? { firstLine: Math.round(first * unit) } : { hanging: Math.round(-first * unit) }),
    },
    spacing: { line: TWIPS.linePitch * s.lines, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    keepNext: s.keepWithNext || extra.keepNext,
    // a title is never split over two pages; no paragraph leaves a single line (as the PDF layout, keeps.ts)
    keepLines: s.font === 'title' || undefined,
    pageBreakBefore: extra.pageBreakBefore,
  });
}

const emptyPara = (pageBreakBefore = false, keepNext = false) =>
  new Paragraph({ ...PARA, children: [], spacing: { line: TWIPS.linePitch, lineRule: LineRuleType.EXACT }, pageBreakBefore, keepNext: keepNext || undefined });

function table(columns: TableColumn[], rows: string[][], subheaders: string[][] = []): Table {
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => Math.floor((c.width / total) * TWIPS.blockW));
  const cell = (text: string, i: number, header: boolean, span: { colSpan?: number; rowSpan?: number } = {}) =>
    new TableCell({
      width: { size: widths.slice(i, i + (span.colSpan ?? 1)).reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnSpan: span.colSpan && span.colSpan > 1 ? span.colSpan : undefined,
      rowSpan: span.rowSpan && span.rowSpan > 1 ? span.rowSpan : undefined,
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 60, bottom: 60, left: 80, right: 80 },
      children: text.split('\n').map(
        (line) =>
          new Paragraph({
            ...PARA,
            children: [run(line, header ? 'hei' : 'body', SIZE.table)],
            alignment: header || columns[i].align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
            spacing: { line: TABLE_LINE * 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          }),
      ),
    });
  // header rows merged where they group (headerCells), as the PDF draws them
  const headerRows = (heads: string[][]) => {
    const cells = headerCells(heads);
    return heads.map(
      (_, r) =>
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: cells.filter((c) => c.row === r).map((c) => cell(c.text, c.col, true, c)),
        }),
    );
  };
  return new Table({
    width: { size: TWIPS.blockW, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      // the header rows repeat on every page the table runs over
      ...headerRows([columns.map((c) => c.header), ...subheaders]),
      ...rows.map((r) => new TableRow({ cantSplit: !isTallRow(r), height: { value: 400, rule: HeightRule.ATLEAST }, children: columns.map((_, i) => cell(r[i] ?? '', i, false)) })),
    ],
  });
}

type Child = Paragraph | Table;

function blockChildren(block: Block, pageNumbers: Map<string, number | null>, breakBefore: boolean, keepNext = false): Child[] {
  switch (block.type) {
    case 'blank':
      return Array.from({ length: block.lines }, () => emptyPara(false, keepNext));
    case 'pageBreak':
      return [];
    case 'rule':
      return [
        new Paragraph({
          children: [],
          border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: block.color === 'red' ? RED : '000000', space: 1 } },
          spacing: { line: TWIPS.linePitch, lineRule: LineRuleType.EXACT },
          pageBreakBefore: breakBefore,
        }),
      ];
    case 'table':
      return [...(breakBefore ? [emptyPara(true)] : []), table(block.columns, block.rows, block.subheaders)];
    case 'toc':
      return tocField(block, pageNumbers, breakBefore);
    default: {
      const paras = paragraphsOf(block) ?? [];
      const whole = block.type === 'signature';
      // a document's title and a single document's 一、 headings are headings (navigation pane, TOC field)
      const level = block.outline && (block.type === 'title' || block.type === 'paragraph') ? Math.min(block.outline.level, 1) : null;
      return paras.map((p, i) =>
        paragraph(p, {
          style: level === null ? undefined : HEADING_STYLE[level],
          pageBreakBefore: breakBefore && i === 0,
          bookmark: i === 0 ? block.anchor : undefined,
          keepNext: keepNext || (whole && i < paras.length - 1),
        }),
      );
    }
  }
}

/**
 * The contents as a TOC field over the Heading 1 titles (Word: 更新域 rebuilds it), its cached result the entries
 * as the PDF sets them: section labels, titles broken where the PDF breaks them, our page numbers, each linked to
 * its title's bookmark.
 */
function tocField(block: Extract<Block, { type: 'toc' }>, pageNumbers: Map<string, number | null>, breakBefore: boolean): Child[] {
  const field = (xml: string) => ImportedXmlComponent.fromXmlString(`<w:r xmlns:w="${W_NS}">${xml}</w:r>`) as unknown as ParagraphChild;
  const begin = [
    field('<w:fldChar w:fldCharType="begin"/>'),
    field('<w:instrText xml:space="preserve"> TOC \\o "1-1" \\h \\z \\u </w:instrText>'),
    field('<w:fldChar w:fldCharType="separate"/>'),
  ];
  const entries: Paragraph[] = block.entries.map((e, i) => {
    const first = i === 0 ? begin : [];
    const last = i === block.entries.length - 1 ? [field('<w:fldChar w:fldCharType="end"/>')] : [];
    if (e.kind === 'section') {
      return new Paragraph({ ...PARA, keepNext: true, children: [...first, run(e.text, 'hei', SIZE.body), ...last] });
    }
    const lines = titleLines(e.title, TOC_CHARS);
    const runs = lines.map((t, k) => run(k === lines.length - 1 ? `${t}\t${pageNumbers.get(e.anchor) ?? ''}` : t, 'body', SIZE.body, undefined, k > 0));
    return new Paragraph({ ...PARA, style: 'TOC1', children: [...first, new InternalHyperlink({ anchor: e.anchor, children: runs }), ...last] });
  });
  return [
    paragraph({ runs: [{ text: block.heading }], style: { ...plainStyle, font: 'title', size: SIZE.title, align: 'center', keepWithNext: true } }, { pageBreakBefore: breakBefore }),
    emptyPara(false, true),
    ...entries,
  ];
}

/** keepNext as the PDF layout keeps blocks together (keeps.ts): headings, the text above a signature, blank lines in such a chain. */
function keepsNext(blocks: Block[], i: number): boolean {
  const b = blocks[i];
  if (b.type !== 'blank') return needAfter(blocks, i, () => 1).need > 0;
  let before = i - 1;
  while (before >= 0 && blocks[before].type === 'blank') before--;
  let after = i + 1;
  while (after < blocks.length && blocks[after].type === 'blank') after++;
  return (before >= 0 && keepsWithNext(blocks[before])) || blocks[after]?.type === 'signature' || blocks[after]?.type === 'note';
}

/**
 * The blank left-hand page the PDF layout puts before a section that starts on a right-hand page (— 1 — after a
 * two-page contents). Word and LibreOffice decide odd and even by the page number, which restarts at 1, so an
 * odd-page section break would add nothing: the page is a section of its own, without header or number.
 */
function blankSection(): ISectionOptions {
  const none = { default: new Header({ children: [new Paragraph({ children: [] })] }) };
  const foot = new Footer({ children: [new Paragraph({ children: [] })] });
  return {
    properties: {
      page: {
        size: { width: TWIPS.pageW, height: TWIPS.pageH },
        margin: { top: TWIPS.top, bottom: TWIPS.bottom, left: TWIPS.left, right: TWIPS.right, header: TWIPS.top - 600, footer: FOOTER },
      },
      grid: GRID,
    },
    headers: { ...none, even: none.default },
    footers: { default: foot, even: foot },
    children: [emptyPara()],
  };
}

function footer(side: 'odd' | 'even') {
  // 4号 宋体 — N —, odd pages right and even pages left, one character in from the text block
  return new Footer({
    children: [
      new Paragraph({
        spacing: { line: SIZE.pageNumber * 20, lineRule: LineRuleType.EXACT },
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: SIZE.pageNumber * 20 } : { left: SIZE.pageNumber * 20 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fontOf('song'), size: SIZE.pageNumber * 2, snapToGrid: false })],
      }),
    ],
  });
}

function header(text: string | null) {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        border: text ? { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } } : undefined,
        children: text ? [run(text, 'song', SIZE.header)] : [],
      }),
    ],
  });
}

/**
 * Renders an official text as DOCX: A4, GB/T 9704 margins in integer twips, 22 × 28 document grid, East Asian font
 * names, odd/even page-number footers; `pageNumbers` gives the printed page of each anchor (for the contents).
 */
export async function renderDocx(
  text: OfficialText,
  pageNumbers: Map<string, number | null>,
  blankBefore: ReadonlySet<number> = new Set(),
): Promise<Uint8Array> {
  const sections: ISectionOptions[] = text.sections.flatMap((sec, index) => {
    const children: Child[] = [];
    let breakNext = false;
    for (const [i, block] of sec.blocks.entries()) {
      if (block.type === 'pageBreak') {
        breakNext = children.length > 0;
        continue;
      }
      children.push(...blockChildren(block, pageNumbers, breakNext, keepsNext(sec.blocks, i)));
      breakNext = false;
    }
    if (!children.length) children.push(emptyPara());
    const empty = new Footer({ children: [new Paragraph({ children: [] })] });
    const blank = blankBefore.has(index) ? [blankSection()] : [];
    return [...blank, {
      properties: {
        page: {
          size: { width: TWIPS.pageW, height: TWIPS.pageH },
          margin: { top: TWIPS.top, bottom: TWIPS.bottom, left: TWIPS.left, right: TWIPS.right, header: TWIPS.top - 600, footer: FOOTER },
          pageNumbers: sec.restartNumbering ? { start: 1 } : undefined,
        },
        grid: GRID,
      },
      // every section states its own header and footers: Word would otherwise carry the previous ones over
      headers: { default: header(sec.header), even: header(sec.header) },
      footers: sec.pageNumbers ? { default: footer('odd'), even: footer('even') } : { default: empty, even: empty },
      children,
    }];
  });
  const doc = new Document({
    title: text.meta.title,
    creator: text.meta.author || 'NormDesk',
    subject: text.meta.subject,
    keywords: text.meta.keywords.join('；'),
    description: 'NormDesk 按 GB/T 9704-2012 导出',
    evenAndOddHeaderAndFooters: true,
    externalStyles: stylesXml(),
    sections,
  });
  return new Uint8Array(await Packer.toBuffer(doc, false, [{ path: 'word/settings.xml', data: settingsXml() }]));
}

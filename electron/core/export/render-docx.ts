import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  Header,
  HeightRule,
  InternalHyperlink,
  LeaderType,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  type ParagraphChild,
  type ISectionOptions,
  TabStopType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { FONT_ROLES, type FontRole } from './fonts';
import { keepsWithNext, needAfter } from './keeps';
import { SIZE, TABLE_LINE, TWIPS } from './geometry';
import type { Block, OfficialText, Run, TableColumn } from './model';
import { paragraphsOf, plainStyle, type Para } from './styles';

const RED = 'D90000';
/** Latin text beside the Chinese faces: Times New Roman for the serif roles, the face itself otherwise. */
const LATIN: Record<FontRole, string> = { title: 'Times New Roman', body: 'Times New Roman', hei: '黑体', kai: '楷体_GB2312', song: '宋体' };
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED };

function fontOf(role: FontRole) {
  return { eastAsia: FONT_ROLES[role].docxName, ascii: LATIN[role], hAnsi: LATIN[role], hint: 'eastAsia' as const };
}

/**
 * 28 characters of 16 pt fill the 156 mm line only when each is narrowed by 0.25 pt. Word's char grid
 * (docGrid charSpace) would do it, but LibreOffice and WPS read that grid differently; plain run spacing reads the
 * same everywhere.
 */
const TIGHTEN = -5;

function run(text: string, role: FontRole, size: number, color?: string, lineBreak = false) {
  return new TextRun({ text, font: fontOf(role), size: size * 2, color, characterSpacing: TIGHTEN, break: lineBreak ? 1 : undefined });
}

/** twips per character of a size on the grid (28 characters of 3号 fill the 156 mm line) */
const charTwips = (size: number) => ((TWIPS.blockW / 28) * size) / SIZE.body;

function paragraph(p: Para, extra: { pageBreakBefore?: boolean; bookmark?: string; keepNext?: boolean } = {}): Paragraph {
  const s = p.style;
  const unit = charTwips(s.size);
  const first = s.firstIndent - s.restIndent;
  // a "\n" is a line break the builder chose (title lines): Word keeps it where the PDF has it
  const children: ParagraphChild[] = p.runs.flatMap((r: Run) =>
    r.text.split('\n').map((t, i) => run(t, r.font ?? s.font, s.size, s.color === 'red' ? RED : undefined, i > 0)),
  );
  return new Paragraph({
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
    widowControl: true,
    pageBreakBefore: extra.pageBreakBefore,
  });
}

const emptyPara = (pageBreakBefore = false, keepNext = false) =>
  new Paragraph({ children: [], spacing: { line: TWIPS.linePitch, lineRule: LineRuleType.EXACT }, pageBreakBefore, keepNext: keepNext || undefined });

function table(columns: TableColumn[], rows: string[][]): Table {
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => Math.floor((c.width / total) * TWIPS.blockW));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 60, bottom: 60, left: 80, right: 80 },
      children: text.split('\n').map(
        (line) =>
          new Paragraph({
            children: [run(line, header ? 'hei' : 'body', SIZE.table)],
            alignment: header || columns[i].align === 'center' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
            spacing: { line: TABLE_LINE * 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          }),
      ),
    });
  return new Table({
    width: { size: TWIPS.blockW, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      // the header row repeats on every page the table runs over
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.header, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, height: { value: 400, rule: HeightRule.ATLEAST }, children: columns.map((_, i) => cell(r[i] ?? '', i, false)) })),
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
      return [...(breakBefore ? [emptyPara(true)] : []), table(block.columns, block.rows)];
    case 'toc': {
      const out: Child[] = [
        paragraph({ runs: [{ text: block.heading }], style: { ...plainStyle, font: 'title', size: SIZE.title, align: 'center' } }, { pageBreakBefore: breakBefore }),
        emptyPara(),
      ];
      for (const e of block.entries) {
        if (e.kind === 'section') {
          out.push(paragraph({ runs: [{ text: e.text }], style: { ...plainStyle, font: 'hei', keepWithNext: true } }));
          continue;
        }
        const n = pageNumbers.get(e.anchor);
        out.push(
          new Paragraph({
            children: [new InternalHyperlink({ anchor: e.anchor, children: [run(`${e.title}\t${n ?? ''}`, 'body', SIZE.body)] })],
            tabStops: [{ type: TabStopType.RIGHT, position: TWIPS.blockW, leader: LeaderType.DOT }],
            indent: { left: Math.round(2 * charTwips(SIZE.body)), hanging: Math.round(charTwips(SIZE.body)) },
            spacing: { line: TWIPS.linePitch, lineRule: LineRuleType.EXACT },
          }),
        );
      }
      return out;
    }
    default: {
      const paras = paragraphsOf(block) ?? [];
      const whole = block.type === 'signature';
      return paras.map((p, i) =>
        paragraph(p, {
          pageBreakBefore: breakBefore && i === 0,
          bookmark: i === 0 ? block.anchor : undefined,
          keepNext: keepNext || (whole && i < paras.length - 1),
        }),
      );
    }
  }
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

function footer(side: 'odd' | 'even') {
  // 4号 宋体 — N —, odd pages right and even pages left, one character in from the text block
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: SIZE.pageNumber * 20 } : { left: SIZE.pageNumber * 20 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fontOf('song'), size: SIZE.pageNumber * 2 })],
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
export async function renderDocx(text: OfficialText, pageNumbers: Map<string, number | null>): Promise<Uint8Array> {
  const sections: ISectionOptions[] = text.sections.map((sec) => {
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
    return {
      properties: {
        page: {
          size: { width: TWIPS.pageW, height: TWIPS.pageH },
          margin: { top: TWIPS.top, bottom: TWIPS.bottom, left: TWIPS.left, right: TWIPS.right, header: TWIPS.top - 600, footer: 1260 },
          pageNumbers: sec.restartNumbering ? { start: 1 } : undefined,
        },
        // Word and LibreOffice add the blank left-hand page the PDF layout adds
        type: sec.oddStart ? SectionType.ODD_PAGE : undefined,
        // no document grid: every paragraph has exact 28.95 pt spacing, which all word processors honour alike
        grid: { type: DocumentGridType.DEFAULT, linePitch: TWIPS.linePitch },
      },
      // every section states its own header and footers: Word would otherwise carry the previous ones over
      headers: { default: header(sec.header), even: header(sec.header) },
      footers: sec.pageNumbers ? { default: footer('odd'), even: footer('even') } : { default: empty, even: empty },
      children,
    };
  });
  const doc = new Document({
    title: text.meta.title,
    creator: text.meta.author || 'NormDesk',
    subject: text.meta.subject,
    keywords: text.meta.keywords.join('；'),
    description: 'NormDesk 按 GB/T 9704-2012 导出',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: fontOf('body'), size: SIZE.body * 2 },
          paragraph: { spacing: { line: TWIPS.linePitch, lineRule: LineRuleType.EXACT } },
        },
      },
    },
    sections,
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

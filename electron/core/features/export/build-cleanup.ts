import { CLEANUP_DECISIONS, type CleanupInput } from '../../../../shared/contract/export';
import type { Document } from '../../../../shared/domain/document';
import { normalizeDocNumber } from '../../../../shared/domain/docnumber';
import { chineseDate, customFields, safeFileName, tidy } from './build-document';
import { cellWidth, TABLE_CHARS } from './geometry';
import type { Block, OfficialText, TableColumn } from './model';

const ANNEX_NAME: Record<(typeof CLEANUP_DECISIONS)[number], string> = {
  继续有效: '继续有效的行政规范性文件目录',
  修改: '决定修改的行政规范性文件目录',
  废止: '决定废止的行政规范性文件目录',
  宣布失效: '宣布失效的行政规范性文件目录',
};

/** The annex table columns; widths are set per list by `cleanupColumns`. */
export const CLEANUP_COLUMNS: TableColumn[] = [
  { header: '序号', width: 3, align: 'center' },
  { header: '文件名称', width: 12.2, align: 'left' },
  { header: '文号', width: 8.2, align: 'center' },
  { header: '发布日期', width: 6.9, align: 'center' },
  { header: '处理意见/理由', width: 7, align: 'left' },
];

/**
 * A 文号 as an annex prints it: normalised, so one list never shows 〔2022〕11 号 beside 〔2022〕8号 (a 令's number
 * 某市人民政府令第77号 too); text that is no 文号 is printed as given, without its spaces.
 */
export function printedNumber(raw: string): string {
  return normalizeDocNumber(raw) ?? raw.replace(/\s+/g, '');
}

/** a cell's padding (4 pt each side) and a safety margin for wider digits, in table characters */
const CELL_PAD = 1;
const LO_DATE_SPACING = 2.2;
/** …and a 文号 has four such joins (高政办发〔2021〕2号 wrapped before 号 in LibreOffice without them) */
const LO_NUMBER_SPACING = 1;
const MIN_TITLE = 8;

/**
 * A 文号 too wide for its column, broken on a line of its own before 〔2022〕11号 or 第77号 — a word processor left
 * to itself breaks anywhere, even before 号 (LibreOffice ignores a WORD JOINER there).
 */
export function fitNumber(n: string, column: TableColumn): string {
  if (cellWidth(n) + CELL_PAD + LO_NUMBER_SPACING <= column.width) return n;
  const m = /^(.+?)(〔\d{4}〕\d+号|第\d+号)$/.exec(n);
  return m ? `${m[1]}\n${m[2]}` : n;
}

/**
 * Column widths for one list: 序号, 文号 and 发布日期 as wide as their longest entry, so that 高政办字〔2021〕31号 and
 * 2021年10月12日 never wrap; the reason at least as wide as its header (处理意见/理由 on one line) and up to
 * 8 characters; the title, which a reader scans, gets the rest.
 */
export function cleanupColumns(rows: string[][]): TableColumn[] {
  const widest = (i: number, min: number, max = Infinity) =>
    Math.min(max, Math.max(min, cellWidth(CLEANUP_COLUMNS[i].header), ...rows.map((r) => cellWidth(r[i] ?? '')))) + CELL_PAD;
  // LibreOffice puts ⅕ em between digits and Chinese whatever the DOCX says (it ignores autoSpaceDE/DN):
  // a date has five such joins
  const widths = [widest(0, 2), 0, widest(2, 4) + LO_NUMBER_SPACING, widest(3, 4) + LO_DATE_SPACING, widest(4, 4, 8)];
  // a long 令 number may not squeeze the title below 8 characters (the renderers would then shrink every column,
  // and a word processor break the 文号 anywhere): it takes what is left and is broken by fitNumber instead
  const room = TABLE_CHARS - widths[0] - widths[3] - widths[4] - MIN_TITLE;
  widths[2] = Math.min(widths[2], Math.max(room, cellWidth('〔2022〕999号') + CELL_PAD + LO_NUMBER_SPACING));
  widths[1] = Math.max(MIN_TITLE, TABLE_CHARS - widths.reduce((s, w) => s + w, 0));
  return CLEANUP_COLUMNS.map((c, i) => ({ ...c, width: widths[i] }));
}

/**
 * A cleanup result notice (清理结果) with one annex table per decision; items naming a stored document take
 * title, 文号, date and issuer from it (`lookup` returns null for an unknown id).
 */
export function buildCleanup(input: CleanupInput, lookup: (id: string) => Document | null): OfficialText {
  const warnings: string[] = [];
  const rows = input.items.map((item, i) => {
    const doc = item.documentId ? lookup(item.documentId) : null;
    if (item.documentId && !doc) warnings.push(`第${i + 1}项：文件库中没有编号为 ${item.documentId} 的文件，使用清单中给出的信息`);
    const title = item.title || doc?.title || '';
    if (!title) warnings.push(`第${i + 1}项没有文件名称`);
    const date = item.datePublished ?? doc?.dateSigned ?? null;
    return {
      decision: item.decision,
      title: title || '（未提供文件名称）',
      number: printedNumber(item.docNumber ?? doc?.docNumber?.normalized ?? ''),
      date: date ? chineseDate(date) : '',
      reason: item.reason || item.decision,
    };
  });
  const groups = CLEANUP_DECISIONS.map((d) => ({ decision: d, rows: rows.filter((r) => r.decision === d) })).filter((g) => g.rows.length);
  const counts = CLEANUP_DECISIONS.map((d) => `${d}的${rows.filter((r) => r.decision === d).length}件`);
  const body = input.body.map(tidy).filter(Boolean);
  const paragraphs = body.length
    ? body
    : [
        `按照行政规范性文件管理有关规定，${input.issuer}对现行行政规范性文件进行了全面清理。经清理，决定${counts.join('，')}，现将清理结果予以公布。`,
        '未列入继续有效目录的行政规范性文件，一律不得作为行政管理的依据。',
      ];

  const blocks: Block[] = [];
  if (input.docNumber) blocks.push({ type: 'docNumber', text: input.docNumber }, { type: 'blank', lines: 1 });
  blocks.push({ type: 'title', text: input.title, outline: { title: input.title, level: 0 } }, { type: 'blank', lines: 1 });
  if (input.addressee) blocks.push({ type: 'addressee', text: input.addressee });
  for (const p of paragraphs) blocks.push({ type: 'paragraph', level: 0, runs: [{ text: p }] });
  if (groups.length) blocks.push({ type: 'blank', lines: 1 }, { type: 'attachments', items: groups.map((g) => `${input.issuer}${ANNEX_NAME[g.decision]}`) });
  blocks.push({ type: 'blank', lines: 2 }, { type: 'signature', issuers: [input.issuer], date: chineseDate(input.date) });

  groups.forEach((g, i) => {
    const name = `${input.issuer}${ANNEX_NAME[g.decision]}`;
    const plain = g.rows.map((r, k) => [String(k + 1), r.title, r.number, r.date, r.reason]);
    const columns = cleanupColumns(plain);
    const table = plain.map((r) => r.map((cell, c) => (c === 2 ? fitNumber(cell, columns[2]) : cell)));
    blocks.push(
      { type: 'pageBreak' },
      { type: 'attachmentMark', text: groups.length > 1 ? `附件${i + 1}` : '附件' },
      { type: 'blank', lines: 1 },
      { type: 'title', text: name, outline: { title: name, level: 0 } },
      { type: 'blank', lines: 1 },
      { type: 'table', columns, rows: table },
    );
  });

  return {
    fileName: safeFileName(input.title),
    meta: { title: input.title, author: input.issuer, subject: '行政规范性文件清理结果', keywords: ['清理结果', ...CLEANUP_DECISIONS.filter((d) => groups.some((g) => g.decision === d))],
      custom: customFields([['发文机关', input.issuer], ['文号', input.docNumber], ['成文日期', input.date], ['清理文件数', String(input.items.length)]]),
    },
    sections: [{ header: null, pageNumbers: true, restartNumbering: true, blocks }],
    warnings,
  };
}

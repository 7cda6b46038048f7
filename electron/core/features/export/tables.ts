import { cellWidth, TABLE_CHARS } from './geometry';
import type { Block, TableColumn } from './model';

/**
 * Tables that text extraction flattened into one paragraph: a header of column names (镇（街道）投保人数（人）
 * 缴费额（万元）) followed by numbered rows of a name and figures (1温泉街道4460 920 2大秦家街道4850 1120 …),
 * possibly a 合计 row. Recognised only when the numbering runs 1, 2, 3… and every row has a figure for each
 * figure column, so running text is never taken for a table.
 */
export function flattenedTable(p: string): { columns: TableColumn[]; rows: string[][] } | null {
  const first = /1(?=[\u4e00-\u9fa5])/.exec(p);
  if (!first || first.index === 0) return null;
  const header = p.slice(0, first.index).trim();
  const names = header.match(/[^（）()\d\s]+[（(][^）)]*[）)]|[^（）()\d\s]+/g);
  if (!names || names.length < 2 || names.join('') !== header.replace(/\s/g, '')) return null;
  const figures = names.length - 1;
  const num = '(\\d+(?:\\.\\d+)?%?)';
  const row = new RegExp(`\\s*(\\d+)([\\u4e00-\\u9fa5（）()·]+?)${Array(figures).fill(num).join('\\s*')}(?=\\s|$|合计|\\d+[\\u4e00-\\u9fa5])`, 'y');
  const rows: string[][] = [];
  let at = first.index;
  for (let m = (row.lastIndex = at, row.exec(p)); m; m = (row.lastIndex = at, row.exec(p))) {
    if (Number(m[1]) !== rows.length + 1) return null;
    rows.push(m.slice(1));
    at = row.lastIndex;
  }
  const total = new RegExp(`^\\s*(合计|总计)${Array(figures).fill(`\\s*${num}`).join('')}\\s*$`).exec(p.slice(at));
  if (total) rows.push(['', total[1], ...total.slice(2)]);
  else if (p.slice(at).trim()) return null;
  if (rows.length < 3) return null;
  const columns: TableColumn[] = [
    { header: '序号', width: 3, align: 'center' },
    { header: names[0], width: 8, align: 'center' },
    ...names.slice(1).map((h) => ({ header: h, width: 7, align: 'center' as const })),
  ];
  return { columns, rows };
}

type TableBlock = Extract<Block, { type: 'table' }>;

/** One cell of a table header as printed, merged over columns and rows where the header groups them. */
export interface HeaderCell {
  row: number;
  col: number;
  text: string;
  colSpan: number;
  rowSpan: number;
}

/**
 * The header rows (column names, then any rows under them) as printed: a group name with empty cells to its right
 * that are named in the row below spans those columns (任务分工 over 上市企业 … 规上企业); a name with nothing under it
 * runs down the rows below (区政府领导 beside the second row). One row of names is one cell a column, as before.
 */
export function headerCells(heads: readonly (readonly string[])[]): HeaderCell[] {
  const n = Math.max(...heads.map((r) => r.length));
  const covered = heads.map(() => Array<boolean>(n).fill(false));
  const out: HeaderCell[] = [];
  heads.forEach((row, r) => {
    for (let c = 0; c < n; c++) {
      if (covered[r][c]) continue;
      const text = row[c] ?? '';
      const below = heads[r + 1];
      let colSpan = 1;
      let rowSpan = 1;
      if (text && below) {
        if (below[c]) while (c + colSpan < n && !row[c + colSpan] && below[c + colSpan]) colSpan++;
        else while (r + rowSpan < heads.length && !heads[r + rowSpan][c]) rowSpan++;
      }
      for (let i = r; i < r + rowSpan; i++) for (let j = c; j < c + colSpan; j++) covered[i][j] = true;
      out.push({ row: r, col: c, text, colSpan, rowSpan });
    }
  });
  return out;
}

/** a cell's padding, in table characters */
const CELL_PAD = 1.2;
const filled = (row: string[]) => row.filter(Boolean).length;
/** the characters of some rows, sorted: a header printed again at a page top, even wrapped otherwise, has the same */
const charsOf = (rows: string[][]) => [...rows.flat().join('')].sort().join('');

/**
 * Rows whose first cell is empty continue the record above, as a merged cell printed them (a leader over the
 * companies listed under each column, a wrapped entry): their cells join the row above, line under line, so each
 * record is one row again. Only where the first column names records (a numbered table's empty first cell is a
 * 合计 row of its own).
 */
function continued(body: string[][]): string[][] {
  if (!body[0]?.[0]) return body;
  const out: string[][] = [];
  for (const r of body) {
    const last = out[out.length - 1];
    if (!r[0] && last) r.forEach((c, j) => (last[j] = [last[j], c].filter(Boolean).join('\n')));
    else out.push([...r]);
  }
  return out;
}

/**
 * One table from rows of cells: the first row names the columns; a second row that fills only columns under or
 * beside merged header cells (任务分工 over 上市企业 外资企业 …) is a second header row; a first row that fills
 * fewer than half its cells above a full row is a caption line (单位名称 … 时间：) rather than the header. The
 * header rows printed again at page tops go; an unnamed first column of running numbers is 序号.
 */
function cellTable(rows: string[][]): { caption: string | null; table: TableBlock } | null {
  const n = Math.max(...rows.map((r) => r.length));
  let body = rows.map((r) => [...r, ...Array<string>(n - r.length).fill('')]);
  let caption: string | null = null;
  if (body.length > 2 && filled(body[0]) * 2 < n && filled(body[1]) === n) caption = body.shift()!.filter(Boolean).join('　');
  const header = body[0];
  const second = body[1];
  const sub = !!second && !second[0] && second.some((c, j) => c && !header[j]) ? [second] : [];
  const heads = [header, ...sub];
  body = body.slice(heads.length);
  const key = charsOf(heads);
  body = body.filter((_, i, all) => charsOf(all.slice(i, i + heads.length)) !== key && charsOf(all.slice(i + 1 - heads.length, i + 1)) !== key);
  if (!body.length) return null;
  const numbered = !header[0] && body.every((r) => !r[0] || /^\d+$/.test(r[0]));
  if (!numbered) body = continued(body);
  const names = header.map((h, j) => (j === 0 && numbered ? '序号' : h));
  const columns: TableColumn[] = names.map((h, j) => ({
    header: h,
    width: 0,
    align: body.every((r) => cellWidth(r[j]) <= 6) ? 'center' : 'left',
  }));
  // widths in 五号 characters: each column its header (and sub-header) unbroken if the line allows, the rest of the
  // line to the columns with longer text, in proportion to what they hold beyond that
  const least = names.map((h, j) => Math.max(2, cellWidth(h), ...sub.map((r) => cellWidth(r[j]))) + CELL_PAD);
  const widest = (cell: string) => Math.max(...cell.split('\n').map(cellWidth));
  const want = columns.map((_, j) => Math.max(least[j], Math.min(12, Math.max(...body.map((r) => widest(r[j])))) + CELL_PAD));
  const spare = TABLE_CHARS - least.reduce((a, b) => a + b, 0);
  const extra = want.reduce((a, w, j) => a + w - least[j], 0);
  columns.forEach((c, j) => (c.width = spare > 0 && extra > 0 ? least[j] + (spare * (want[j] - least[j])) / extra : least[j]));
  return { caption, table: { type: 'table', columns, rows: body, ...(sub.length ? { subheaders: sub } : {}) } };
}

/**
 * Blocks for a run of table rows the import kept as cells (`tableRows` in shared/parse), each row its cells:
 * rows of as many cells form one table (a different count starts the next, as 附件3 prints two grids); a list of
 * labels and names (组　长：史鑫　市委副书记、市长, the label column empty below) is set as lines of text, and so
 * are the rows that follow it and a lone row.
 */
export function rowBlocks(rows: string[][]): Block[] {
  // cells apart by a full-width space, none after a label's colon (组长：史鑫　市委副书记、市长)
  const line = (r: string[]): Block => ({ type: 'paragraph', level: 0, runs: [{ text: r.filter(Boolean).join('　').replace(/([：:])　/g, '$1') }] });
  if (/[：:]$/.test(rows[0][0] ?? '')) return rows.map(line);
  const out: Block[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i + 1;
    while (j < rows.length && rows[j].length === rows[i].length) j++;
    const built = j - i >= 2 && rows[i].length >= 2 ? cellTable(rows.slice(i, j)) : null;
    if (built?.caption) out.push({ type: 'paragraph', level: 0, runs: [{ text: built.caption }] });
    if (built) out.push(built.table);
    else out.push(...rows.slice(i, j).map(line));
    i = j;
  }
  return out;
}

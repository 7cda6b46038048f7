import type { TableColumn } from './model';

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

import type { CatalogRow } from '../../../../shared/contract/filing';
import type { ExportedFile } from '../../../../shared/contract/export';
import { chineseDate, safeFileName } from '../export/build-document';
import type { Block, OfficialText, TableColumn } from '../export/model';

const para = (text: string): Block => ({ type: 'paragraph', level: 0, runs: [{ text }] });
const column = (header: string, width: number, align: TableColumn['align'] = 'center'): TableColumn => ({ header, width, align });

/** One document in a 备案报告: what it is and which materials go with it. */
export interface ReportItem {
  title: string;
  docNumber: string | null;
  published: string;
  materials: Array<{ kind: string; name: string }>;
}

/**
 * 备案报告 (GB/T 9704): the covering report of a filing — to whom, which documents (a table: 文件名称, 文号, 公布日期),
 * the materials attached (附件), the filing office and date. One report may cover several documents.
 */
export function buildFilingReport(r: { office: string; receiver: string; items: ReportItem[]; round: number; today: string }): OfficialText {
  const items = [...r.items].sort((a, b) => a.published.localeCompare(b.published) || (a.docNumber ?? '').localeCompare(b.docNumber ?? ''));
  const first = items[0];
  const what = items.length === 1 ? `《${first.title}》` : `《${first.title}》等${items.length}件规范性文件`;
  const title = `${r.office}关于报送${what}${r.round > 1 ? '补正材料' : ''}备案的报告`;
  const materials = items.flatMap((i) => i.materials.map((m) => `${items.length > 1 ? `${i.docNumber ?? `《${i.title}》`}的` : ''}${m.kind}（${m.name}）`));
  const rows = items.map((i, n) => [String(n + 1), i.title, i.docNumber ?? '', chineseDate(i.published)]);
  const blocks: Block[] = [
    { type: 'title', text: title, outline: { title, level: 0 } },
    { type: 'blank', lines: 1 },
    { type: 'addressee', text: `${r.receiver || '上级人民政府'}：` },
    para(
      r.round > 1
        ? `根据贵单位的补正要求，现将${what}的补正材料报送备案，请予审查。`
        : `根据规范性文件备案审查的有关规定，现将${what}报送备案，请予审查。各文件的制定说明、合法性审核意见等材料一并附后。`,
    ),
    { type: 'table', columns: [column('序号', 3), column('文件名称', 14, 'left'), column('文号', 7), column('公布日期', 6)], rows },
    { type: 'blank', lines: 1 },
    ...(materials.length ? [{ type: 'attachments', items: materials } as Block] : [para('（未附其他材料。）')]),
    { type: 'blank', lines: 2 },
    { type: 'signature', issuers: [r.office], date: chineseDate(r.today) },
  ];
  return {
    fileName: safeFileName(title),
    meta: { title, author: r.office, subject: '规范性文件备案报告', keywords: ['备案', ...items.map((i) => i.docNumber ?? i.title)] },
    sections: [{ header: null, pageNumbers: true, restartNumbering: true, blocks }],
    warnings: [],
  };
}

/** The 备案目录 of a quarter as an official list: 序号, 文件名称, 文号, 制定机关, 公布日期, 登记编号. */
export function buildCatalog(office: string, label: string, rows: readonly CatalogRow[]): OfficialText {
  const title = `${office}${label}规范性文件备案目录`;
  const blocks: Block[] = [
    { type: 'title', text: title, outline: { title, level: 0 } },
    { type: 'blank', lines: 1 },
    para(rows.length ? `${label}，共登记备案规范性文件${rows.length}件，目录如下。` : `${label}未登记备案规范性文件。`),
    {
      type: 'table',
      columns: [column('序号', 3), column('文件名称', 12, 'left'), column('文号', 7), column('制定机关', 6, 'left'), column('公布日期', 5), column('登记编号', 5)],
      rows: rows.map((r) => [String(r.n), r.title, r.docNumber ?? '', r.sender, r.published ? chineseDate(r.published) : '', r.registrationNumber ?? '']),
    },
  ];
  return {
    fileName: safeFileName(title),
    meta: { title, author: office, subject: '规范性文件备案目录', keywords: ['备案目录', label] },
    sections: [{ header: null, pageNumbers: true, restartNumbering: true, blocks }],
    warnings: [],
  };
}

/** The catalogue as the text of a document (a gazette section prints documents). */
export function catalogBody(label: string, rows: readonly CatalogRow[]): string[] {
  return [
    rows.length ? `${label}，共登记备案规范性文件${rows.length}件，目录如下：` : `${label}未登记备案规范性文件。`,
    ...rows.map((r) => `${r.n}．${r.title}${r.docNumber ? `（${r.docNumber}）` : ''}，${r.sender}，登记编号${r.registrationNumber ?? '—'}`),
  ];
}

/** The catalogue as a worksheet (exceljs is loaded on first use). */
export async function catalogXlsx(title: string, rows: readonly CatalogRow[]): Promise<ExportedFile> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'NormDesk';
  const sheet = wb.addWorksheet('备案目录');
  sheet.columns = [
    { header: '序号', key: 'n', width: 6 },
    { header: '文件名称', key: 'title', width: 60 },
    { header: '文号', key: 'docNumber', width: 22 },
    { header: '制定机关', key: 'sender', width: 24 },
    { header: '公布日期', key: 'published', width: 12 },
    { header: '收到日期', key: 'receivedOn', width: 12 },
    { header: '登记编号', key: 'registrationNumber', width: 16 },
    { header: '审查结果', key: 'result', width: 16 },
  ];
  for (const r of rows) sheet.addRow(r);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    fileName: `${safeFileName(title)}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    dataBase64: buf.toString('base64'),
    pages: null,
    warnings: [],
  };
}

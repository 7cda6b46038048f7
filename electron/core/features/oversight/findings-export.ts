import type { ExportedFile } from '../../../../shared/contract/export';
import type { CheckReport } from '../../../../shared/contract/oversight';

const HEADER = ['序号', '检查项', '文件名称', '文号', '问题说明'];

/** The findings as one sheet per check plus a summary sheet (exceljs is loaded on first use). */
export async function findingsXlsx(report: CheckReport): Promise<ExportedFile> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'NormDesk';
  const summary = wb.addWorksheet('汇总');
  summary.columns = [
    { header: '检查项', key: 'title', width: 48 },
    { header: '文件数', key: 'count', width: 10 },
  ];
  for (const c of report.checks) summary.addRow({ title: c.title, count: c.count });
  const all = wb.addWorksheet('问题清单');
  all.columns = [
    { header: HEADER[0], key: 'n', width: 6 },
    { header: HEADER[1], key: 'check', width: 30 },
    { header: HEADER[2], key: 'title', width: 60 },
    { header: HEADER[3], key: 'docNumber', width: 22 },
    { header: HEADER[4], key: 'reason', width: 70 },
  ];
  let n = 0;
  for (const c of report.checks) {
    for (const d of c.documents) all.addRow({ n: ++n, check: c.title, title: d.title, docNumber: d.docNumber ?? '', reason: d.reason });
  }
  for (const sheet of [summary, all]) {
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  all.getColumn('reason').alignment = { wrapText: true, vertical: 'top' };
  all.getColumn('title').alignment = { wrapText: true, vertical: 'top' };
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    fileName: `一致性检查结果（${report.asOf}）.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    dataBase64: buf.toString('base64'),
    pages: null,
    warnings: [],
  };
}

/** The findings as a Word report: a heading per check and a table of its documents. */
export async function findingsDocx(report: CheckReport): Promise<ExportedFile> {
  const d = await import('docx');
  const cell = (text: string, bold = false, width?: number) =>
    new d.TableCell({
      children: [new d.Paragraph({ children: [new d.TextRun({ text, bold, font: '仿宋_GB2312', size: 24 })] })],
      ...(width ? { width: { size: width, type: d.WidthType.PERCENTAGE } } : {}),
    });
  const children: Array<InstanceType<typeof d.Paragraph> | InstanceType<typeof d.Table>> = [
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      spacing: { after: 300 },
      children: [new d.TextRun({ text: '规范性文件一致性检查结果', font: '方正小标宋简体', size: 44 })],
    }),
    new d.Paragraph({
      children: [new d.TextRun({ text: `状态计算日期：${report.asOf}。共 ${report.checks.length} 项检查，发现问题 ${report.checks.reduce((s, c) => s + c.count, 0)} 处。`, font: '仿宋_GB2312', size: 32 })],
    }),
  ];
  report.checks.forEach((c, i) => {
    children.push(
      new d.Paragraph({
        spacing: { before: 240, after: 120 },
        children: [new d.TextRun({ text: `${'一二三四五六七八九十'[i] ?? i + 1}、${c.title}（${c.count} 处）`, font: '黑体', size: 32 })],
      }),
    );
    if (!c.documents.length) {
      children.push(new d.Paragraph({ children: [new d.TextRun({ text: '未发现问题。', font: '仿宋_GB2312', size: 32 })] }));
      return;
    }
    const rows = [new d.TableRow({ tableHeader: true, children: ['序号', '文件名称', '文号', '问题说明'].map((h) => cell(h, true)) })];
    c.documents.forEach((doc, k) =>
      rows.push(new d.TableRow({ children: [cell(String(k + 1), false, 6), cell(doc.title, false, 40), cell(doc.docNumber ?? '', false, 18), cell(doc.reason, false, 36)] })),
    );
    children.push(new d.Table({ rows, width: { size: 100, type: d.WidthType.PERCENTAGE } }));
  });
  const doc = new d.Document({ sections: [{ properties: { page: { size: { width: 11906, height: 16838 } } }, children }] });
  const buf = await d.Packer.toBuffer(doc);
  return {
    fileName: `一致性检查结果（${report.asOf}）.docx`,
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    dataBase64: Buffer.from(buf).toString('base64'),
    pages: null,
    warnings: [],
  };
}

import type { Caller } from '../../../../shared/contract';
import { CLEANUP_DECISIONS, type CleanupDecisionValue, type SheetImportReport } from '../../../../shared/contract/cleanup';
import type { ExportedFile } from '../../../../shared/contract/export';
import { parseDocNumber } from '../../../../shared/domain/docnumber';
import { AppError } from '../../kernel/errors';
import { normalizeRefTitle } from '../relations/relation-service';
import type { CleanupService } from './cleanup-service';

/** The sheet's columns; 截止日状态 is headed with the campaign's cut-off date (状态（截至2021年6月30日）). */
export const SHEET_COLUMNS = ['序号', '文件名称', '文号', '成文日期', '截止日状态', '今日状态', '有效期至', '意见', '理由'] as const;

/** 2021-06-30 → 2021年6月30日 */
const cnDay = (iso: string) => iso.replace(/^(\d{4})-0?(\d{1,2})-0?(\d{1,2})$/, '$1年$2月$3日');
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Words a drafting office may write for a decision, mapped to the four decisions. */
const OPINION_WORDS: Record<string, CleanupDecisionValue> = { 保留: '继续有效', 有效: '继续有效', 继续执行: '继续有效', 失效: '宣布失效', 拟废止: '废止', 拟修改: '修改' };

export function readOpinion(text: string): CleanupDecisionValue | null | undefined {
  const t = text.replace(/\s+/g, '');
  if (!t) return null;
  if ((CLEANUP_DECISIONS as readonly string[]).includes(t)) return t as CleanupDecisionValue;
  return OPINION_WORDS[t];
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    const o = v as { text?: unknown; richText?: Array<{ text: string }>; result?: unknown };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.text !== undefined) return String(o.text);
    if (o.result !== undefined) return String(o.result);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v).trim();
}

const sheetName = (issuer: string) => issuer.replace(/[\\/?*[\]:]/g, '').slice(0, 31) || '审查意见';

/**
 * Review sheets (.xlsx) per issuer: exported for the drafting offices, read back as their opinions. Rows are matched
 * by 文号, else by title; nothing already recorded is overwritten silently (a differing opinion is a conflict).
 */
export function createSheetService(cleanup: CleanupService) {
  /** The review sheet of one issuer's documents in a campaign. */
  async function exportSheet(id: string, issuer: string): Promise<ExportedFile> {
    const c = cleanup.detail(id);
    const { rows } = cleanup.items({ id, issuer, offset: 0, limit: 20_000 });
    if (!rows.length) throw new AppError('NOT_FOUND', `清理范围内没有“${issuer}”制定的文件`);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    wb.creator = 'NormDesk';
    const ws = wb.addWorksheet(sheetName(issuer));
    // the office reviews each document as it stood on the cut-off date; today's status stands beside it
    const header = (h: string) => (h === '截止日状态' ? `状态（截至${cnDay(c.cutoff)}）` : h);
    ws.columns = SHEET_COLUMNS.map((h, i) => ({ header: header(h), key: String(i), width: [6, 48, 22, 14, 22, 10, 14, 12, 36][i] }));
    for (const r of rows) {
      ws.addRow([r.position, r.title, r.docNumber ?? '', r.dateSigned ?? '', r.statusAtCutoff, r.status, r.validUntil ?? '', r.opinion ?? '', r.opinionReason]);
    }
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    const list = `"${CLEANUP_DECISIONS.join(',')}"`;
    for (let row = 2; row <= rows.length + 1; row++) {
      ws.getCell(row, SHEET_COLUMNS.indexOf('意见') + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [list] };
      for (const col of [2, SHEET_COLUMNS.indexOf('理由') + 1]) ws.getCell(row, col).alignment = { wrapText: true, vertical: 'top' };
    }
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    return { fileName: `${c.name}-${issuer}-审查意见表.xlsx`, mime: XLSX_MIME, dataBase64: buf.toString('base64'), pages: null, warnings: [] };
  }

  /** Reads a returned sheet and stores the opinions it carries; reports rows matching nothing and conflicts. */
  async function importSheet(by: Caller, id: string, dataBase64: string, overwrite: boolean): Promise<SheetImportReport> {
    cleanup.requireReviewing(id);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(Buffer.from(dataBase64, 'base64') as unknown as ArrayBuffer);
    } catch {
      throw new AppError('INVALID_INPUT', '无法读取该文件：请选择由 NormDesk 导出的审查意见表（.xlsx）');
    }
    const ws = wb.worksheets[0];
    if (!ws) throw new AppError('INVALID_INPUT', '审查意见表中没有工作表');
    let headerRow = 0;
    const col: Record<string, number> = {};
    for (let r = 1; r <= Math.min(ws.rowCount, 10) && !headerRow; r++) {
      ws.getRow(r).eachCell((cell, c) => {
        const t = cellText(cell.value);
        if ((SHEET_COLUMNS as readonly string[]).includes(t)) col[t] = c;
      });
      if (col['文件名称'] && col['意见']) headerRow = r;
    }
    if (!headerRow) throw new AppError('INVALID_INPUT', '审查意见表缺少表头：需要“文件名称”“文号”“意见”“理由”列');

    const { rows: items } = cleanup.items({ id, offset: 0, limit: 20_000 });
    const byNumber = new Map(items.filter((i) => i.docNumber).map((i) => [i.docNumber!, i]));
    const byTitle = new Map(items.map((i) => [normalizeRefTitle(i.title)!, i]));
    const report: SheetImportReport = { rows: 0, applied: 0, unchanged: 0, unmatched: [], conflicts: [] };
    for (let r = headerRow + 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const get = (h: string) => (col[h] ? cellText(row.getCell(col[h]).value) : '');
      const title = get('文件名称');
      const docNumber = get('文号');
      if (!title && !docNumber) continue;
      report.rows++;
      const normalized = docNumber ? parseDocNumber(docNumber)?.normalized : undefined;
      const item = (normalized ? byNumber.get(normalized) : undefined) ?? byTitle.get(normalizeRefTitle(title) ?? '');
      if (!item) {
        report.unmatched.push({ row: r, title, docNumber, problem: '清理范围内没有该文件（按文号和标题均未找到）' });
        continue;
      }
      const opinion = readOpinion(get('意见'));
      const reason = get('理由');
      if (opinion === undefined) {
        report.unmatched.push({ row: r, title, docNumber, problem: `意见“${get('意见')}”无法识别，应为继续有效、修改、废止或宣布失效` });
        continue;
      }
      if (opinion === null) {
        report.unchanged++;
        continue;
      }
      if (item.opinion === opinion && item.opinionReason === reason) {
        report.unchanged++;
        continue;
      }
      if (item.opinion && !overwrite) {
        report.conflicts.push({
          row: r, documentId: item.documentId, title: item.title,
          existing: `${item.opinion}${item.opinionReason ? `（${item.opinionReason}）` : ''}`, incoming: `${opinion}${reason ? `（${reason}）` : ''}`,
        });
        continue;
      }
      cleanup.opinion(by, { id, documentId: item.documentId, opinion, reason });
      item.opinion = opinion;
      item.opinionReason = reason;
      report.applied++;
    }
    return report;
  }

  return { exportSheet, importSheet };
}

import { CLEANUP_DECISIONS } from '../../../../shared/contract/export';
import type { CampaignReport } from '../cleanup/cleanup-service';
import { chineseDate, customFields, safeFileName } from './build-document';
import { cellWidth, TABLE_CHARS } from './geometry';
import type { Block, OfficialText, TableColumn } from './model';

const DECISION_COLUMNS = [...CLEANUP_DECISIONS, '未决定'] as const;

const para = (text: string): Block => ({ type: 'paragraph', level: 0, runs: [{ text }] });
const heading = (text: string): Block => ({ type: 'paragraph', level: 1, runs: [{ text }] });
const column = (header: string, width: number, align: TableColumn['align'] = 'center'): TableColumn => ({ header, width, align });
const percent = (n: number, total: number) => (total ? `${((n / total) * 100).toFixed(1)}%` : '—');
const day = (iso: string) => chineseDate(iso.slice(0, 10));

/** 一、基本情况: what was reviewed, on what basis, how far the review got and whether the result is published. */
function overview(r: CampaignReport): Block[] {
  const basis = r.basisTitle ? `根据《${r.basisTitle.replace(/^《|》$/g, '')}》${r.basisDocNumber ? `（${r.basisDocNumber}）` : ''}要求，` : r.basisDocNumber ? `根据${r.basisDocNumber}要求，` : '';
  const issuers = r.scope.issuers.length ? r.scope.issuers.join('、') : '各制定机关';
  const kind = r.scope.normativeOnly ? '行政规范性文件' : '文件';
  const undecided = r.total - r.decided;
  const progress = `清理范围共${r.total}件，已作出清理决定${r.decided}件${undecided ? `，尚有${undecided}件未作决定` : ''}。`;
  const published =
    r.state === 'published' && r.noticeDocNumber && r.noticeDate
      ? `清理结果已于${chineseDate(r.noticeDate)}以${r.noticeDocNumber}公布，并已据此更新文件库中各文件的状态。`
      : '清理结果尚未公布。';
  return [heading('一、基本情况'), para(`${basis}以${chineseDate(r.cutoff)}为截止日期，对${issuers}制定的${kind}进行了清理。${progress}${published}`)];
}

/** 二、清理结果: the count and share of each decision. */
function results(r: CampaignReport): Block[] {
  const count = (d: string) => r.byDecision.find((x) => x.decision === d)?.count ?? 0;
  const stated = CLEANUP_DECISIONS.map((d) => `${d}${count(d)}件`).join('，');
  const rows = DECISION_COLUMNS.filter((d) => d !== '未决定' || count(d) > 0).map((d) => [d, String(count(d)), percent(count(d), r.total)]);
  rows.push(['合计', String(r.total), r.total ? '100.0%' : '—']);
  return [
    heading('二、清理结果'),
    para(`经清理，${stated}。`),
    { type: 'table', columns: [column('清理决定', 10), column('件数', 6), column('占比', 6)], rows },
  ];
}

/** 三、各制定机关情况: per issuer, each decision. */
function perIssuer(r: CampaignReport): Block[] {
  const undecided = r.byIssuerDecision.some((i) => i.counts.未决定 > 0);
  const decisions = DECISION_COLUMNS.filter((d) => d !== '未决定' || undecided);
  const rows = r.byIssuerDecision.map((i) => [i.issuer, String(i.total), ...decisions.map((d) => String(i.counts[d]))]);
  // issuer names on one line where the block allows (烟台市莱山区人民政府办公室 is 13 characters)
  const counts = [column('范围', 3.5), ...decisions.map((d) => column(d, d.length > 2 ? 5 : 3.5))];
  const room = TABLE_CHARS - counts.reduce((a, c) => a + c.width, 0);
  const issuerWidth = Math.min(room, Math.max(6, ...r.byIssuerDecision.map((i) => cellWidth(i.issuer))) + 1);
  const columns = [column('制定机关', issuerWidth, 'left'), ...counts];
  return [heading('三、各制定机关情况'), { type: 'table', columns, rows }];
}

/** 四、清理范围调整: documents added or removed after the scope was frozen, each with its reason. */
function scopeChanges(r: CampaignReport): Block[] {
  if (!r.scopeChanges.length) return [heading('四、清理范围调整'), para('清理范围确定后未作调整。')];
  const rows = r.scopeChanges.map((c, i) => [String(i + 1), c.title, c.docNumber ?? '', c.change === 'add' ? '加入' : '移出', c.reason, `${c.actor}\n${day(c.at)}`]);
  const added = r.scopeChanges.filter((c) => c.change === 'add').length;
  // 文号 and 经办 on one line each (as wide as their longest entry); the title and the reason share the rest
  const fit = (i: number, min: number) => Math.max(min, ...rows.flatMap((row) => row[i].split('\n').map(cellWidth))) + 1;
  const widths = [3, 0, fit(2, 4), 3, 0, fit(5, 4)];
  const rest = TABLE_CHARS - widths.reduce((a, b) => a + b, 0);
  widths[1] = Math.max(8, rest * 0.55);
  widths[4] = Math.max(6, rest * 0.45);
  const headers = ['序号', '文件名称', '文号', '调整', '理由', '经办'];
  return [
    heading('四、清理范围调整'),
    para(`清理范围确定后，加入${added}件，移出${r.scopeChanges.length - added}件，理由如下。`),
    { type: 'table', columns: headers.map((h, i) => column(h, widths[i], i === 1 || i === 4 ? 'left' : 'center')), rows },
  ];
}

/**
 * The campaign report (清理工作情况报告) for the office's leadership and the higher-level legal office: the basis and
 * scope, the decisions by count and by issuer, and every change of scope with its reason.
 */
export function buildCampaignReport(r: CampaignReport, today: Date): OfficialText {
  const title = `${r.name}情况报告`;
  const blocks: Block[] = [
    { type: 'title', text: title, outline: { title, level: 0 } },
    { type: 'blank', lines: 1 },
    ...overview(r),
    ...results(r),
    ...perIssuer(r),
    ...scopeChanges(r),
    { type: 'blank', lines: 1 },
    { type: 'note', text: `（据清理记录生成于${chineseDate(today.toISOString().slice(0, 10))}）` },
  ];
  return {
    fileName: safeFileName(title),
    meta: { title, author: r.createdBy, subject: '行政规范性文件清理情况报告', keywords: ['清理', r.name], custom: customFields([['清理项目', r.name], ['生成日期', today.toISOString().slice(0, 10)]]) },
    sections: [{ header: null, pageNumbers: true, restartNumbering: true, blocks }],
    warnings: [],
  };
}

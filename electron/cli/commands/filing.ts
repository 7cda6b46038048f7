import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { FILING_RULE_LABELS } from '../../../shared/contract/packages';
import { MATERIAL_KINDS, REVIEW_DECISIONS } from '../../../shared/contract/filing';
import type { App } from '../../core/composition';
import { checkWriteTarget, safeWriteFile } from '../../core/kernel/safe-write';
import { UsageError, type CliCommand, type CliContext } from '../command';

const USAGE = [
  'normdesk filing list [--due | --overdue | --filed] [--json]      本机关需报备的规范性文件及期限',
  'normdesk filing stats --from YYYY-MM-DD --to YYYY-MM-DD           报备率、报备及时率',
  'normdesk filing material DOCID FILE --kind 制定说明|合法性审核意见|其他材料',
  'normdesk filing send DOCID... --out FILE.ndpkg [--report FILE.docx|.pdf] [--force]   报送备案',
  'normdesk filing review [list] [--json]                             备案审查队列（收到的报备）',
  'normdesk filing review register ID [--number 登记编号]',
  'normdesk filing review correction ID --reason 补正内容 --due YYYY-MM-DD',
  'normdesk filing review refuse ID --reason 理由',
  'normdesk filing review notes ID [--basis 上位法依据] [--problems 问题] [--suggestions 建议]',
  'normdesk filing review decide ID --decision 无异议|需修改|撤销',
  'normdesk filing review answer --sender 报送机关 --out FILE.ndpkg [--force]',
  'normdesk filing review catalog --year YYYY --quarter 1-4 [--format docx|pdf|xlsx --out FILE] [--force]   备案目录',
].join('\n       ');

const str = (v: unknown, what: string): string => {
  if (typeof v === 'string' && v.trim()) return v.trim();
  throw new UsageError(`请指定${what}`);
};

async function write(app: App, ctx: CliContext, out: unknown, file: { dataBase64: string }, what: string): Promise<void> {
  const target = resolve(str(out, '--out 输出文件'));
  const written = await safeWriteFile(target, Buffer.from(file.dataBase64, 'base64'), { dataDir: app.ctx.dataDir, force: ctx.values.force === true });
  ctx.out(ctx.values.json ? JSON.stringify({ file: written }) : `已导出${what}：${written}`);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

async function review(app: App, ctx: CliContext, sub: string | undefined, args: string[]): Promise<void> {
  const v = ctx.values;
  // `--due` is also `filing list --due`, a flag: the date written after it arrives as a positional next to the ID
  const id = sub === 'correction' ? (args.find((a) => !ISO_DATE.test(a)) ?? args[0]) : args[0];
  const due = typeof v.due === 'string' ? v.due : v.due === true ? args.find((a) => a !== id) : undefined;
  const show = (r: { title: string; docNumber: string | null; stateLabel: string; registrationNumber: string | null }) =>
    ctx.out(v.json ? JSON.stringify(r, null, 2) : `《${r.title}》${r.docNumber ?? ''}：${r.stateLabel}${r.registrationNumber ? `，登记编号 ${r.registrationNumber}` : ''}`);
  const needId = () => str(id, '审查队列中的 ID（见 filing review list）');
  switch (sub ?? 'list') {
    case 'list': {
      const rows = await app.call('review:list', {});
      if (v.json) ctx.out(JSON.stringify(rows, null, 2));
      else for (const r of rows) ctx.out([r.id, r.sender, r.docNumber ?? '', r.title, r.stateLabel, `第${r.round}次报送`, r.reviewDue ? `审查期限 ${r.reviewDue}` : ''].join('\t'));
      return;
    }
    case 'register':
      return show(await app.call('review:register', { id: needId(), registrationNumber: typeof v.number === 'string' ? v.number : undefined }));
    case 'correction':
      return show(await app.call('review:correction', { id: needId(), reason: str(v.reason, '--reason 需要补正的内容'), due: str(due, '--due 补正期限') }));
    case 'refuse':
      return show(await app.call('review:refuse', { id: needId(), reason: str(v.reason, '--reason 不予备案的理由') }));
    case 'notes': {
      const opt = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
      return show(await app.call('review:notes', { id: needId(), basis: opt('basis'), problems: opt('problems'), suggestions: opt('suggestions') }));
    }
    case 'decide': {
      const decision = str(v.decision, `--decision（${REVIEW_DECISIONS.join('、')}）`);
      if (!(REVIEW_DECISIONS as readonly string[]).includes(decision)) throw new UsageError(`审查结论只能是 ${REVIEW_DECISIONS.join('、')}`);
      return show(await app.call('review:decide', { id: needId(), decision: decision as (typeof REVIEW_DECISIONS)[number] }));
    }
    case 'answer': {
      checkWriteTarget(resolve(str(v.out, '--out 答复包文件')), { dataDir: app.ctx.dataDir, force: v.force === true });
      const p = await app.call('review:answer', { sender: str(v.sender, '--sender 报送机关') });
      return write(app, ctx, v.out, p, `备案审查答复包（${p.info.counts.filings}件）`);
    }
    case 'catalog': {
      const year = Number(str(v.year, '--year 年份'));
      const quarter = Number(str(v.quarter, '--quarter 季度（1-4）'));
      if (![1, 2, 3, 4].includes(quarter)) throw new UsageError('--quarter 只能是 1、2、3 或 4');
      const q = { year, quarter: quarter as 1 | 2 | 3 | 4 };
      if (typeof v.format === 'string') {
        if (!['docx', 'pdf', 'xlsx'].includes(v.format)) throw new UsageError('--format 只能是 docx、pdf 或 xlsx');
        return write(app, ctx, v.out, await app.call('review:catalog-export', { ...q, format: v.format as 'docx' | 'pdf' | 'xlsx' }), '备案目录');
      }
      const rows = await app.call('review:catalog', q);
      if (v.json) ctx.out(JSON.stringify(rows, null, 2));
      else for (const r of rows) ctx.out([r.n, r.title, r.docNumber ?? '', r.sender, r.registrationNumber ?? '', r.result].join('\t'));
      return;
    }
    default:
      throw new UsageError(`未知的子命令“filing review ${sub}”。用法：${USAGE}`);
  }
}

async function send(app: App, ctx: CliContext, ids: string[]): Promise<void> {
  const v = ctx.values;
  if (!ids.length) throw new UsageError('请指定要报送备案的文件 ID（见 filing list）');
  const safety = { dataDir: app.ctx.dataDir, force: v.force === true };
  checkWriteTarget(resolve(str(v.out, '--out 报送包文件')), safety);
  const report = typeof v.report === 'string' ? resolve(v.report) : null;
  if (report) checkWriteTarget(report, safety);
  if (report) {
    const format = report.toLowerCase().endsWith('.pdf') ? 'pdf' : 'docx';
    const file = await app.call('filing:report', { documentIds: ids, format });
    await safeWriteFile(report, Buffer.from(file.dataBase64, 'base64'), safety);
    ctx.out(`已导出备案报告：${report}`);
  }
  const p = await app.call('filing:send', { documentIds: ids });
  await write(app, ctx, v.out, p, `备案报送包（${p.info.counts.documents}件文件、${p.info.counts.files}个附件）`);
}

export const filingCommand: CliCommand = {
  name: 'filing',
  summary: '规范性文件备案：报备期限、报送备案、备案审查、备案目录',
  usage: USAGE,
  options: {
    due: { type: 'boolean' }, overdue: { type: 'boolean' }, filed: { type: 'boolean' }, out: { type: 'string', short: 'o' }, force: { type: 'boolean' },
    report: { type: 'string' }, kind: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, number: { type: 'string' },
    reason: { type: 'string' }, basis: { type: 'string' }, problems: { type: 'string' }, suggestions: { type: 'string' }, decision: { type: 'string' },
    sender: { type: 'string' }, year: { type: 'string' }, quarter: { type: 'string' }, format: { type: 'string' },
  },
  async run(ctx) {
    const [sub, ...rest] = ctx.positionals;
    const v = ctx.values;
    if (!sub) throw new UsageError(`请指定子命令。用法：${USAGE}`);
    const app = ctx.openApp();
    try {
      if (sub === 'list') {
        const show = v.overdue ? 'overdue' : v.due ? 'due' : v.filed ? 'filed' : 'all';
        const rows = await app.call('filing:list', { show });
        const office = await app.call('office:get', {});
        if (v.json) ctx.out(JSON.stringify(rows, null, 2));
        else {
          ctx.out(`报备期限：${FILING_RULE_LABELS[office.filingRule]}；共 ${rows.length} 件`);
          for (const r of rows) ctx.out([r.documentId, r.docNumber ?? '', r.title, `公布 ${r.published}`, `期限 ${r.due}`, r.daysLeft === null ? r.stateLabel : r.daysLeft < 0 ? `已逾期${-r.daysLeft}天` : `剩${r.daysLeft}天`].join('\t'));
        }
      } else if (sub === 'stats') {
        const s = await app.call('filing:stats', { from: str(v.from, '--from 起始日期'), to: str(v.to, '--to 截止日期') });
        const pct = (n: number | null) => (n === null ? '—' : `${n}%`);
        ctx.out(v.json ? JSON.stringify(s, null, 2) : `${s.from} 至 ${s.to}：应报备 ${s.expected} 件，已报备 ${s.filed} 件（报备率 ${pct(s.filingRate)}），按时报备 ${s.onTime} 件（报备及时率 ${pct(s.timelyRate)}）`);
      } else if (sub === 'material') {
        const [docId, path] = rest;
        const kind = str(v.kind, `--kind（${MATERIAL_KINDS.join('、')}）`);
        if (!(MATERIAL_KINDS as readonly string[]).includes(kind)) throw new UsageError(`材料类别只能是 ${MATERIAL_KINDS.join('、')}`);
        let data: Buffer;
        try {
          data = readFileSync(str(path, '材料文件'));
        } catch {
          throw new UsageError(`无法读取文件 ${path}`);
        }
        const r = await app.call('filing:add-material', { documentId: str(docId, '文件 ID'), kind: kind as (typeof MATERIAL_KINDS)[number], fileName: basename(path!), dataBase64: data.toString('base64') });
        ctx.out(`已为《${r.title}》附上${kind}：${basename(path!)}（共 ${r.materials.length} 份材料）`);
      } else if (sub === 'send') await send(app, ctx, rest);
      else if (sub === 'review') await review(app, ctx, rest[0], rest.slice(1));
      else throw new UsageError(`未知的子命令“${sub}”。用法：${USAGE}`);
    } finally {
      await app.close();
    }
  },
};

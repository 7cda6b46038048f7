import type { DateDerivation, DateEffects, GazetteDetail } from '../../../shared/contract/gazettes';
import { UsageError, type CliCommand, type CliContext } from '../command';

const USAGE = [
  'normdesk issue create --gazette ID [--number N] [--total N] --date YYYY-MM-DD [--json]',
  'normdesk issue add ISSUE --doc DOCID --section 栏目 [--json]',
  'normdesk issue move ISSUE --doc DOCID --to 位置（从 1 起）',
  'normdesk issue remove ISSUE --doc DOCID',
  'normdesk issue publish ISSUE [--dry-run]（先列出将按出版日期确定施行日期的文件，不出版）',
  'normdesk issue reopen ISSUE --reason 理由',
  'normdesk issue show ISSUE [--json]',
  'normdesk issue delete ISSUE（移入回收站，文件仍在文件库中）',
].join('\n       ');

/** A positive whole number from an option, or a message naming the option. */
function positive(ctx: CliContext, name: string, label: string): number | undefined {
  const v = ctx.values[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name}（${label}）应为正整数，收到“${String(v)}”`);
  return n;
}

function required(ctx: CliContext, name: string, hint: string): string {
  const v = ctx.values[name];
  if (typeof v !== 'string' || !v.trim()) throw new UsageError(`请用 --${name} 指定${hint}`);
  return v.trim();
}

function show(ctx: CliContext, d: GazetteDetail) {
  if (ctx.values.json) {
    ctx.out(JSON.stringify(d, null, 2));
    return;
  }
  ctx.out(`${d.title} ${d.label ?? ''}  ${d.publishDate ?? '出版日期未填'}  ${d.state === 'published' ? '已出版' : '编辑中'}`);
  let section: string | null = null;
  for (const e of d.entries) {
    if (e.section !== section) ctx.out(e.section ?? '');
    section = e.section;
    ctx.out(`  ${e.position}. ${e.title}${e.docNumber ? `（${e.docNumber}）` : ''}`);
  }
}

/** Each document whose dates a publication derives (before → after), and those it leaves alone with the reason. */
function showDateEffects(ctx: CliContext, e: DateEffects, verb: string): void {
  const name = (d: { title: string; docNumber: string | null }) => `《${d.title}》${d.docNumber ? `（${d.docNumber}）` : ''}`;
  const dates = (f: DateDerivation['before']) => `施行日期 ${f.effectiveDate ?? '（空）'}，有效期至 ${f.validUntil ?? '（空）'}`;
  if (!e.derive.length && !e.kept.length) ctx.out('没有文件的施行日期需要按出版日期确定。');
  for (const d of e.derive) ctx.out(`  ${verb}改：${name(d)} ${dates(d.before)} → ${dates(d.after)}`);
  for (const k of e.kept) ctx.out(`  不改：${name(k)} ${k.reason}`);
}

export const issueCommand: CliCommand = {
  name: 'issue',
  summary: '编辑公报的一期：新建、收录文件、排序、出版',
  usage: USAGE,
  options: {
    gazette: { type: 'string' },
    number: { type: 'string' },
    total: { type: 'string' },
    date: { type: 'string' },
    doc: { type: 'string' },
    section: { type: 'string' },
    to: { type: 'string' },
    reason: { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  async run(ctx) {
    const [verb, id] = ctx.positionals;
    const verbs = ['create', 'add', 'move', 'remove', 'publish', 'reopen', 'show', 'delete'];
    if (!verb || !verbs.includes(verb)) throw new UsageError(`请指定操作（${verbs.join('、')}）。用法：${USAGE}`);
    if (verb !== 'create' && !id) throw new UsageError('请指定期次 ID（见 normdesk gazettes）');
    const app = ctx.openApp();
    try {
      if (verb === 'create') {
        const d = await app.call('issue:create', {
          gazetteId: required(ctx, 'gazette', '公报 ID（见 normdesk gazette list）'),
          publishDate: required(ctx, 'date', '出版日期，如 --date 2021-07-07'),
          issueNumber: positive(ctx, 'number', '期号'),
          totalNumber: positive(ctx, 'total', '总期号'),
        });
        const out = { id: d.id, issueNumber: d.issueNumber, totalNumber: d.totalNumber, year: d.year, publishDate: d.publishDate };
        if (ctx.values.json) ctx.out(JSON.stringify(out, null, 2));
        else ctx.out(`已新建《${d.title}》${d.label}（${d.id}）`);
        return;
      }
      if (verb === 'publish' && ctx.values['dry-run']) {
        const effects = await app.call('issue:date-effects', { id });
        if (ctx.values.json) ctx.out(JSON.stringify(effects, null, 2));
        else showDateEffects(ctx, effects, '出版后将');
        return;
      }
      if (verb === 'publish') {
        const r = await app.call('issue:publish', { id });
        if (ctx.values.json) ctx.out(JSON.stringify(r, null, 2));
        else {
          ctx.out(`已出版《${r.issue.title}》${r.issue.label}；按出版日期确定施行日期的文件 ${r.derived.length} 件`);
          showDateEffects(ctx, { derive: r.derived, kept: [], revert: [] }, '已');
        }
        return;
      }
      if (verb === 'delete') {
        const before = await app.call('gazettes:get', { id });
        await app.call('issue:delete', { id });
        ctx.out(`已将《${before.title}》${before.label ?? ''}移入回收站（文件仍在文件库中；恢复：normdesk trash restore ${id} --issue）`);
        return;
      }
      let d: GazetteDetail;
      if (verb === 'add') {
        d = await app.call('issue:add', { id, documentId: required(ctx, 'doc', '文件 ID'), section: required(ctx, 'section', '栏目，如 --section 【市政府文件】') });
      } else if (verb === 'move') {
        const to = positive(ctx, 'to', '位置');
        if (to === undefined) throw new UsageError('请用 --to 指定目标位置（从 1 起）');
        d = await app.call('issue:move', { id, documentId: required(ctx, 'doc', '文件 ID'), to });
      } else if (verb === 'remove') {
        d = await app.call('issue:remove', { id, documentId: required(ctx, 'doc', '文件 ID') });
      } else if (verb === 'reopen') {
        d = await app.call('issue:reopen', { id, reason: required(ctx, 'reason', '重新打开的理由') });
      } else {
        d = await app.call('gazettes:get', { id });
      }
      show(ctx, d);
    } finally {
      await app.close();
    }
  },
};

import type { CliCommand } from '../command';
import { row, UsageError } from '../command';

/** The audit log from the command line: who changed what, newest first. */
export const auditCommand: CliCommand = {
  name: 'audit',
  summary: '查看审计日志（谁在何时改了什么），可按用户和日期筛选',
  usage: 'normdesk audit [--json] [--user NAME] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--limit N]',
  options: { user: { type: 'string' }, since: { type: 'string' }, until: { type: 'string' }, limit: { type: 'string' } },
  async run(ctx) {
    const limit = ctx.values.limit === undefined ? 500 : Number(ctx.values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 5000) throw new UsageError(`--limit 应为 1 到 5000 之间的整数：${String(ctx.values.limit)}`);
    const str = (k: string) => (typeof ctx.values[k] === 'string' ? (ctx.values[k] as string) : undefined);
    const app = ctx.openApp();
    try {
      const rows = await app.call('audit:list', { user: str('user'), since: str('since'), until: str('until'), limit });
      if (ctx.values.json) return void ctx.out(JSON.stringify(rows, null, 2));
      for (const r of rows) ctx.out(row([r.at, r.user, r.action, r.documentId ?? `${r.entity}:${r.entityId}`]));
      ctx.out(`共 ${rows.length} 条`);
    } finally {
      await app.close();
    }
  },
};

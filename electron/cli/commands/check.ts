import { line, row } from '../command';
import type { CliCommand } from '../command';
import { parseAsOf } from './list';

export const checkCommand: CliCommand = {
  name: 'check',
  summary: '一致性检查：无有效期、超期限、依据已废止、未收录的引用、文号重复等',
  usage: 'normdesk check [--json] [--as-of YYYY-MM-DD] [--data DIR]',
  options: { 'as-of': { type: 'string' } },
  async run(ctx) {
    const asOf = parseAsOf(ctx.values['as-of']);
    const app = ctx.openApp();
    try {
      const report = await app.call('oversight:checks', { asOf });
      if (ctx.values.json) {
        ctx.out(JSON.stringify({ asOf: report.asOf, checks: report.checks }, null, 2));
        return;
      }
      for (const c of report.checks) {
        ctx.out(line`${c.count ? '✗' : '✓'} ${c.title}：${c.count} 处`);
        for (const d of c.documents) ctx.out(`    ${row([d.docNumber ?? '（无文号）', d.title, d.reason])}`);
      }
      const total = report.checks.reduce((s, c) => s + c.count, 0);
      ctx.out(line`共发现 ${total} 处问题（状态按 ${report.asOf} 计算）`);
    } finally {
      await app.close();
    }
  },
};

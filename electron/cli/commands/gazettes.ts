import { row } from '../command';
import type { CliCommand } from '../command';

export const gazettesCommand: CliCommand = {
  name: 'gazettes',
  summary: '列出库中的公报各期',
  usage: 'normdesk gazettes [--json] [--data DIR]',
  options: {},
  async run(ctx) {
    const app = ctx.openApp();
    try {
      const issues = await app.call('gazettes:list', {});
      if (ctx.values.json) {
        const out = issues.map((g) => ({ id: g.id, title: g.title, issueNumber: g.issueNumber, totalNumber: g.totalNumber, publishDate: g.publishDate }));
        ctx.out(JSON.stringify(out, null, 2));
        return;
      }
      for (const g of issues) {
        const number = g.label ?? '';
        ctx.out(row([g.id, g.title, number, g.publishDate ?? '', `${g.documentCount} 件`, g.state === 'published' ? '已出版' : g.state === 'draft' ? '编辑中' : '已导入']));
      }
      ctx.out(`共 ${issues.length} 期`);
    } finally {
      await app.close();
    }
  },
};

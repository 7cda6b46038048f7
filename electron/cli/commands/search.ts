import type { CliCommand } from '../command';
import { line, UsageError } from '../command';

/** `--limit` must be a whole number the search accepts; anything else is a usage error, not a silent default. */
function parseLimit(value: unknown): number {
  if (value === undefined) return 20;
  const s = String(value);
  const n = Number(s);
  if (!/^\d+$/.test(s) || n < 1 || n > 200) throw new UsageError(`--limit 应为 1 到 200 之间的整数：${s}`);
  return n;
}

export const searchCommand: CliCommand = {
  name: 'search',
  summary: '全文检索（标题、文号、发文机关、正文），按相关度排序',
  usage: [
    'normdesk search QUERY [--json] [--limit N] [--data DIR]',
    '  查询语法：空格分隔的词须全部出现；"带引号的短语"；-排除词；字段前缀 标题: 文号: 机关: 正文:',
    '  例：normdesk search "招政发[2018]27号" --json',
  ].join('\n'),
  options: { limit: { type: 'string' } },
  async run(ctx) {
    const text = ctx.positionals.join(' ').trim();
    if (!text) throw new UsageError('请给出要查找的内容，例如：normdesk search 养犬管理');
    const limit = parseLimit(ctx.values.limit);
    const app = ctx.openApp();
    try {
      const r = await app.call('search:query', { text, limit, facets: false });
      if (ctx.values.json) {
        const results = r.results.map((h) => ({
          id: h.id,
          title: h.title,
          docNumber: h.docNumber,
          status: h.status,
          score: h.score,
          snippets: h.snippets,
        }));
        ctx.out(JSON.stringify({ total: r.total, tookMs: r.tookMs, results, ...(r.notice ? { notice: r.notice } : {}) }, null, 2));
        return;
      }
      if (r.notice) ctx.err(line`提示：${r.notice}`);
      r.results.forEach((h, i) => {
        ctx.out(line`${i + 1}. ${h.title}  ${h.docNumber ?? '（无文号）'}  [${h.status}]`);
        for (const s of h.snippets) ctx.out(line`     ${s}`);
      });
      ctx.out(line`共 ${r.total} 件，显示前 ${r.results.length} 件（${r.tookMs} 毫秒）`);
    } finally {
      await app.close();
    }
  },
};

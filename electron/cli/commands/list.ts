import { isoDate } from '../../../shared/domain/cn-date';
import type { CliCommand } from '../command';
import { row, UsageError } from '../command';

/** `--as-of` must be a real day: a typo would silently give the wrong statuses. */
export function parseAsOf(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const s = String(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m || isoDate(Number(m[1]), Number(m[2]), Number(m[3])) !== s) throw new UsageError(`日期无效：${s}（应为 YYYY-MM-DD，例如 2021-06-30）`);
  return s;
}

/** Rows asked for at once. */
const PAGE = 5_000;

export const listCommand: CliCommand = {
  name: 'list',
  summary: '列出库中全部文件及其在某日的状态',
  usage: 'normdesk list [--json] [--with-body] [--as-of YYYY-MM-DD] [--data DIR]',
  options: { 'with-body': { type: 'boolean' }, 'as-of': { type: 'string' } },
  async run(ctx) {
    const asOf = parseAsOf(ctx.values['as-of']);
    const app = ctx.openApp();
    try {
      if (ctx.values.json) {
        const docs = await app.call('documents:all', { asOf, withBody: Boolean(ctx.values['with-body']) });
        ctx.out(JSON.stringify(docs, null, 2));
        return;
      }
      // a page at a time: a library may hold more rows than one answer carries
      let total = 0;
      for (let offset = 0; offset === 0 || offset < total; offset += PAGE) {
        const table = await app.call('documents:list', { asOf, sort: 'dateSigned', dir: 'asc', offset, limit: PAGE });
        total = table.total;
        for (const r of table.rows) {
          ctx.out(row([r.docNumber ?? '（无文号）', r.title, r.dateSigned ?? '', r.status, r.validUntil ? `有效期至 ${r.validUntil}` : '']));
        }
      }
      ctx.out(`共 ${total} 件（状态按 ${asOf ?? '今天'} 计算）`);
    } finally {
      await app.close();
    }
  },
};

import { row, UsageError, type CliCommand } from '../command';

const USAGE = [
  'normdesk gazette create --title 名称 [--style year|cumulative] [--sponsor 主办] [--editor 编辑出版] [--address 地址] [--phone 电话] [--postcode 邮编] [--json]',
  'normdesk gazette list [--json]',
].join('\n       ');

/** `year` (2021年第3期) or `cumulative` (第2号（总第20号）). */
function styleOf(value: unknown): 'year' | 'cumulative' | undefined {
  if (value === undefined) return undefined;
  if (value === 'year' || value === 'cumulative') return value;
  throw new UsageError(`编号方式“${String(value)}”无效：year 表示“2021年第3期”，cumulative 表示“第2号（总第20号）”`);
}

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

export const gazetteCommand: CliCommand = {
  name: 'gazette',
  summary: '新建或列出公报（刊物）：名称、编号方式、报头',
  usage: USAGE,
  options: {
    title: { type: 'string' },
    style: { type: 'string' },
    sponsor: { type: 'string' },
    editor: { type: 'string' },
    address: { type: 'string' },
    phone: { type: 'string' },
    postcode: { type: 'string' },
  },
  async run(ctx) {
    const [verb] = ctx.positionals;
    if (verb !== 'create' && verb !== 'list') throw new UsageError(`请指定 create 或 list。用法：${USAGE}`);
    const app = ctx.openApp();
    try {
      if (verb === 'list') {
        const all = await app.call('gazette:all', {});
        if (ctx.values.json) ctx.out(JSON.stringify(all, null, 2));
        else for (const g of all) ctx.out(row([g.id, g.title, g.numberingStyle === 'year' ? '按年编期' : '累计编号', `${g.issueCount} 期`]));
        return;
      }
      const title = text(ctx.values.title);
      if (!title) throw new UsageError('请用 --title 指定公报名称，如 --title 高青县人民政府公报');
      const g = await app.call('gazette:create', {
        title,
        numberingStyle: styleOf(ctx.values.style),
        sponsor: text(ctx.values.sponsor),
        editor: text(ctx.values.editor),
        address: text(ctx.values.address),
        phone: text(ctx.values.phone),
        postcode: text(ctx.values.postcode),
      });
      if (ctx.values.json) ctx.out(JSON.stringify({ id: g.id, title: g.title }, null, 2));
      else ctx.out(`已新建公报《${g.title}》（${g.id}）`);
    } finally {
      await app.close();
    }
  },
};

import { row, UsageError, type CliCommand } from '../command';

const USAGE = [
  'normdesk trash [--json]                          列出回收站中的文件和公报期次',
  'normdesk trash restore ID [--issue]              恢复一件文件（--issue：恢复一期公报）',
  'normdesk trash empty --yes                       永久删除回收站中的全部内容',
].join('\n       ');

/** 回收站 on the command line: what was deleted, by whom and when; restore one; empty for good (asks for --yes). */
export const trashCommand: CliCommand = {
  name: 'trash',
  summary: '回收站：列出、恢复、清空已删除的文件和公报期次',
  usage: USAGE,
  options: { issue: { type: 'boolean' }, yes: { type: 'boolean' } },
  async run(ctx) {
    const [verb = 'list', id] = ctx.positionals;
    if (!['list', 'restore', 'empty'].includes(verb)) throw new UsageError(`未知操作“${verb}”。用法：${USAGE}`);
    if (verb === 'restore' && !id) throw new UsageError('请指定要恢复的 ID（见 normdesk trash）');
    if (verb === 'empty' && !ctx.values.yes) throw new UsageError('清空回收站无法撤销；确认请加 --yes');
    const app = ctx.openApp();
    try {
      if (verb === 'restore') {
        // An id listed as 公报期次 is that issue even without --issue (the id alone names it).
        const listed = (await app.call('trash:list', {})).find((r) => r.id === id);
        await app.call('trash:restore', { id, kind: ctx.values.issue ? 'issue' : (listed?.kind ?? 'document') });
        ctx.out(`已恢复 ${id}`);
      } else if (verb === 'empty') {
        ctx.out(`已永久删除 ${(await app.call('trash:empty', {})).count} 项`);
      } else {
        const rows = await app.call('trash:list', {});
        if (ctx.values.json) {
          ctx.out(JSON.stringify(rows, null, 2));
          return;
        }
        for (const r of rows) ctx.out(row([r.id, r.kind === 'issue' ? '公报期次' : '文件', r.docNumber ?? '', r.title, r.deletedAt, r.deletedBy]));
        ctx.out(`回收站中共 ${rows.length} 项`);
      }
    } finally {
      await app.close();
    }
  },
};

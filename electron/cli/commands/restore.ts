import { restoreFromFile } from '../../core/composition';
import type { CliCommand } from '../command';
import { UsageError } from '../command';

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: '从备份文件恢复文件库（先校验备份；当前文件库另存到数据目录中带时间的文件夹）',
  usage:
    'normdesk restore --from FILE [--json] [--data DIR]\n' +
    '  请先关闭使用该数据目录的 NormDesk 窗口和浏览器模式。备份经过校验（完整性、数据库版本、文件表）后才替换；\n' +
    '  原文件库连同它的 -wal/-shm 文件移到 before-restore-<时间> 文件夹，可随时找回。',
  options: { from: { type: 'string' } },
  async run(ctx) {
    if (typeof ctx.values.from !== 'string' || !ctx.values.from) throw new UsageError('请用 --from 指定备份文件，例如 --from 备份-2026-11-22.db');
    // The current library is not opened first: it may be the damaged one being replaced.
    const { result, undo } = restoreFromFile(ctx.dataDir, ctx.values.from, new Date());
    // Opening runs the same checks as every start (integrity, version, migration) on the restored file.
    let app;
    try {
      app = ctx.openApp();
    } catch (err) {
      undo();
      throw new UsageError(`恢复后的文件库无法打开，已还原为原文件库：${(err as Error).message}`);
    }
    try {
      const info = await app.call('app:info', {});
      if (ctx.values.json) ctx.out(JSON.stringify({ ...result, documentCount: info.documentCount }, null, 2));
      else {
        ctx.out(`已从 ${result.from} 恢复 ${info.documentCount.toLocaleString('zh-CN')} 件文件（已校验）。`);
        ctx.out(`原文件库保存在：${result.asideDir}`);
      }
    } finally {
      await app.close();
    }
  },
};

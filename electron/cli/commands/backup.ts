import { resolve } from 'node:path';
import type { CliCommand } from '../command';
import { UsageError } from '../command';

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: '备份文件库（在线备份，可在程序运行时进行，备份后自动校验）',
  usage: 'normdesk backup --out FILE [--force] [--json] [--data DIR]\n  已有的文件只在加 --force 时覆盖；不能写入数据目录。恢复：normdesk restore --from FILE',
  options: { out: { type: 'string' }, force: { type: 'boolean' } },
  async run(ctx) {
    if (typeof ctx.values.out !== 'string' || !ctx.values.out) throw new UsageError('请用 --out 指定备份文件，例如 --out 备份-2026-11-22.db');
    const app = ctx.openApp();
    try {
      const result = await app.call('backup:create', { file: resolve(ctx.values.out), overwrite: ctx.values.force === true });
      if (ctx.values.json) ctx.out(JSON.stringify(result, null, 2));
      else ctx.out(`已备份 ${result.documents.toLocaleString('zh-CN')} 件文件到 ${result.file}（${(result.bytes / 1024 / 1024).toFixed(1)} MB，已校验）`);
    } finally {
      await app.close();
    }
  },
};

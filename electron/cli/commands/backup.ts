import { existsSync } from 'node:fs';
import { resolveTarget } from '../../core/kernel/safe-write';
import type { CliCommand } from '../command';
import { UsageError } from '../command';

/** `normdesk-备份-20261207-093000.db`: the name a backup gets inside a folder given as --out. */
function defaultBackupName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `normdesk-备份-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}.db`;
}

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: '备份文件库（在线备份，可在程序运行时进行，备份后自动校验）',
  usage: 'normdesk backup --out FILE|DIR/ [--force] [--json] [--data DIR]\n  --out 为文件夹时备份写入其中（normdesk-备份-日期-时间.db）；已有的文件只在加 --force 时覆盖；不能写入数据目录。恢复：normdesk restore --from FILE',
  options: { out: { type: 'string' }, force: { type: 'boolean' } },
  async run(ctx) {
    if (typeof ctx.values.out !== 'string' || !ctx.values.out) throw new UsageError('请用 --out 指定备份文件，例如 --out 备份-2026-11-22.db');
    // `--out 备份/` or an existing folder: the backup goes inside it under a dated name
    const named = defaultBackupName(new Date());
    let file = resolveTarget(ctx.values.out, named);
    // two backups into one folder in the same second: -2, -3…
    if (file.endsWith(named)) {
      const folder = file.slice(0, -named.length);
      for (let i = 2; existsSync(file); i++) file = folder + named.replace(/\.db$/, `-${i}.db`);
    }
    const app = ctx.openApp();
    try {
      const result = await app.call('backup:create', { file, overwrite: ctx.values.force === true });
      if (ctx.values.json) ctx.out(JSON.stringify(result, null, 2));
      else ctx.out(`已备份 ${result.documents.toLocaleString('zh-CN')} 件文件到 ${result.file}（${(result.bytes / 1024 / 1024).toFixed(1)} MB，已校验）`);
    } finally {
      await app.close();
    }
  },
};

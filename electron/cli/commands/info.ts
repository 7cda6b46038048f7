import type { CliCommand } from '../command';

export const infoCommand: CliCommand = {
  name: 'info',
  summary: '显示版本、数据目录、数据库版本和文件数量',
  usage: 'normdesk info [--data DIR] [--json]',
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    const app = ctx.openApp();
    try {
      const info = await app.call('app:info', {});
      if (ctx.values.json) {
        ctx.out(JSON.stringify(info, null, 2));
      } else {
        ctx.out(
          [
            `NormDesk ${info.version}`,
            `数据目录：${info.dataDir}`,
            `数据库版本：${info.schemaVersion}`,
            `文件数量：${info.documentCount.toLocaleString('zh-CN')} 件`,
          ].join('\n'),
        );
      }
    } finally {
      await app.close();
    }
  },
};

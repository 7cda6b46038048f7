// Browser mode over a library, as `normdesk serve` runs it, for the hardening scenarios of test/reliability:
//   serve-worker.ts DATA_DIR [ADMIN_NAME ADMIN_PASSWORD]
// With an administrator given, it is created first (as the CLI on the server machine would). Prints
// "ready <url>" once the server listens; stops on SIGTERM. The page files are a stub: the scenarios speak HTTP.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACCESS } from '../../shared/contract';
import { createApp } from '../../electron/core/composition';
import { startHttpServer } from '../../electron/server/http-server';

const [dataDir, adminName, adminPassword] = process.argv.slice(2);
if (!dataDir) {
  process.stderr.write('用法：serve-worker.ts 数据目录 [管理员 密码]\n');
  process.exit(1);
}
const app = createApp({ dataDir, shell: 'browser', log: { info() {}, error: (m) => process.stderr.write(`${m}\n`) }, dailyBackup: false });
if (adminName && adminPassword && !app.services.accounts.hasAccounts()) {
  await app.call('users:add', { name: adminName, role: 'admin', password: adminPassword }, { user: 'reliability', shell: 'cli', access: ACCESS });
}
const staticDir = mkdtempSync(join(tmpdir(), 'nd-serve-worker-'));
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>NormDesk</title>');
const server = await startHttpServer({ app, staticDir, port: 0 });
process.stdout.write(`ready ${server.url}\n`);
process.once('SIGTERM', () => {
  void server
    .close()
    .then(() => app.close())
    .then(() => process.exit(0));
});

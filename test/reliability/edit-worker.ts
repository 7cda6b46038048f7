// A process that edits the library as fast as it can until it is killed (kill -9 by test/reliability/run.ts).
// Every edit goes through the same services as the app: a title change and a body change, audited, plus a
// relation added and removed. Prints "ready" once the first edit is stored.
import { createApp } from '../../electron/core/composition';

const dataDir = process.argv[2];
if (!dataDir) {
  process.stderr.write('用法：edit-worker.ts 数据目录\n');
  process.exit(1);
}
const app = createApp({ dataDir, shell: 'cli', log: { info() {}, error() {} }, dailyBackup: false });
const ids = (await app.call('documents:list', {})).rows.map((r) => r.id);
if (ids.length < 2) {
  process.stderr.write('文件库中的文件太少\n');
  process.exit(1);
}
let n = 0;
let announced = false;
for (;;) {
  const id = ids[n % ids.length];
  const d = (await app.call('documents:get', { id })).document;
  const base = d.title.replace(/ #[\d-]+$/, '');
  // unique per process, so no edit is a no-op repeat of an earlier round's
  await app.call('documents:update', {
    id,
    patch: { title: `${base} #${process.pid}-${n}`, body: [...d.body.slice(0, 3), `第 ${n} 次修改（进程 ${process.pid}）。`] },
    expectedUpdatedAt: d.updatedAt,
  });
  try {
    const rel = await app.call('relations:add', { sourceId: id, type: 'cites', targetId: ids[(n + 1) % ids.length] });
    if (n % 2 === 0) await app.call('relations:remove', { id: rel.id });
  } catch {
    // the relation is there already (from an earlier round): refused with a message, nothing to do
  }
  n++;
  if (!announced) {
    announced = true;
    process.stdout.write('ready\n');
  }
}

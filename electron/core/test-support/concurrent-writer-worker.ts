// Entry of a second process for the two-writers test (db/open.test.ts); not a thread, but named like the worker
// entries so the module-load check skips it. Waits until the time given as argv[3] so both processes start
// together, opens (creating and migrating when new) the library in the directory argv[2], and imports argv[5]
// documents tagged argv[4], each in its own commit.
import { createApp } from '../composition';
import { commitFile, parsedDoc } from './fixtures';

const [dir, startAt, tag, count] = process.argv.slice(2);
while (Date.now() < Number(startAt)) {
  // spin: both processes open the new library at the same moment
}
const app = createApp({ dataDir: dir, shell: 'cli', log: { info: () => {}, error: (m, e) => process.stderr.write(`${m} ${String(e)}\n`) } });
for (let i = 0; i < Number(count); i++) {
  const title = `进程${tag}的第${i}号文件`;
  app.services.imports.commitParsed(app.caller, [commitFile(`${tag}-${i}.txt`, [parsedDoc({ title, docNumber: `测政发〔2022〕${tag === 'a' ? i : 10_000 + i}号`, body: [`${title}正文。`] })])]);
}
await app.close();
process.stdout.write('done');

// A second process importing into a library, for the two-writers test (db/open.test.ts): waits until the
// time given as argv[3] so both processes start together, opens (creating and migrating when new) the library
// in the directory argv[2], and imports argv[5] documents tagged argv[4], each in its own commit.
import { createApp } from '../composition';
import { createImportService } from '../features/import/import-service';
import { commitFile, parsedDoc } from './fixtures';

const [dir, startAt, tag, count] = process.argv.slice(2);
while (Date.now() < Number(startAt)) {
  // spin: both processes open the new library at the same moment
}
const app = createApp({ dataDir: dir, shell: 'cli', log: { info: () => {}, error: (m, e) => process.stderr.write(`${m} ${String(e)}\n`) } });
const imports = createImportService(app.ctx, { extract: async () => Promise.reject(new Error('not used')) });
for (let i = 0; i < Number(count); i++) {
  const title = `进程${tag}的第${i}号文件`;
  imports.commitParsed([commitFile(`${tag}-${i}.txt`, [parsedDoc({ title, docNumber: `测政发〔2022〕${tag === 'a' ? i : 10_000 + i}号`, body: [`${title}正文。`] })])]);
}
await app.close();
process.stdout.write('done');

import { describe, expect, it } from 'vitest';
import { BY, commitFile, parsedDoc, testLibrary } from '../../test-support/fixtures';

describe('登记号 in full-text search', () => {
  it('finds a document by its 登记号, as the library quick filter does', async () => {
    const lib = testLibrary();
    lib.imports.commitParsed(BY, [
      commitFile('a.txt', [
        parsedDoc({ title: '高青县人民政府关于印发某办法的通知', docNumber: '高政发〔2021〕8号', registrationNumber: 'GQDR-2021-0020002' }),
        parsedDoc({ title: '高青县人民政府关于另一事项的通知', docNumber: '高政发〔2021〕9号', registrationNumber: 'GQDR-2021-0020003' }),
      ]),
    ]);
    const hits = await lib.app.call('search:query', { text: 'GQDR-2021-0020002' });
    expect(hits.results.map((r) => r.title)).toEqual(['高青县人民政府关于印发某办法的通知']);
    const all = await lib.app.call('search:query', { text: 'GQDR' });
    expect(all.total).toBe(2);
    await lib.app.close();
  });
});

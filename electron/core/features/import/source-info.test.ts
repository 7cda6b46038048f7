import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../../../shared/parse';
import { BY, testLibrary } from '../../test-support/fixtures';
import { createImportService } from './import-service';
import { readImportFile } from './read-file';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/formats');

describe('a saved web page’s own address and 发布日期', () => {
  it('are shown at review, stored with the file at commit, and given as the document’s source', async () => {
    const lib = testLibrary();
    // the real readers in-process (the worker runs the same code)
    const imports = createImportService(lib.ctx, lib, {
      extract: async (name, bytes, registrationPattern) => {
        const read = await readImportFile(name, bytes);
        return { encoding: read.encoding, note: null, text: read.text, origin: read.origin ?? null, result: parseText(read.text, { file: name, encoding: read.encoding, registrationPattern }) };
      },
    });
    const page = readFileSync(path.join(FIXTURES, 'notice-gbk.html'));
    const doc = readFileSync(path.join(FIXTURES, 'notice.doc'));
    const [html, word] = await imports.parse([
      { name: '通知.html', dataBase64: page.toString('base64') },
      { name: '通知.doc', dataBase64: Buffer.concat([doc, Buffer.from([0])]).toString('base64') },
    ]);
    expect(html.origin).toEqual({ url: 'http://www.zhaoyuan.gov.cn/art/2021/4/21/art_123_456.html', published: '2021-04-21' });
    expect(word.origin).toBeUndefined();
    const summary = imports.commitAll(BY, [html]);
    expect(summary.created).toHaveLength(1);
    expect(imports.source(summary.created[0].id)).toEqual({
      name: '通知.html',
      importedAt: expect.any(String),
      origin: { url: 'http://www.zhaoyuan.gov.cn/art/2021/4/21/art_123_456.html', published: '2021-04-21' },
    });
    expect(imports.source('no-such-document')).toBeNull();
  });
});

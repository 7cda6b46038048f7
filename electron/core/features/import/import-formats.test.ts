import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../../../shared/parse';
import { crc32, deflateRawSync } from 'node:zlib';
import { BY, testLibrary } from '../../test-support/fixtures';
import { zip } from '../../test-support/hostile-files';
import { createImportService } from './import-service';
import { readImportFile } from './read-file';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/formats');

/** An import service over a fresh library with the real readers in-process (the worker runs the same code). */
function setup() {
  const lib = testLibrary();
  return createImportService(lib.ctx, lib, {
    extract: async (name, bytes, registrationPattern) => {
      const read = await readImportFile(name, bytes);
      return { encoding: read.encoding, note: null, text: read.text, origin: read.origin ?? null, result: parseText(read.text, { file: name, encoding: read.encoding, registrationPattern }) };
    },
  });
}

describe('a .zip sent to the import', () => {
  it('is read file by file, each staged under its path in the archive; the rest is named with why it was skipped', async () => {
    const imports = setup();
    const entry = (name: string, b: Buffer) => ({ name, data: deflateRawSync(b), size: b.length, crc: crc32(b) });
    const archive = zip([entry('2015/通知.doc', readFileSync(path.join(FIXTURES, 'notice.doc'))), entry('图标.ico', Buffer.from([0, 0, 1, 0])), { name: '坏.rtf', data: Buffer.from([0xff, 0xff, 0xff]), size: 10, crc: 0 }]);
    const files = await imports.parse([{ name: '档案.zip', dataBase64: archive.toString('base64') }]);
    expect(files.map((f) => [f.name, f.error])).toEqual([
      ['档案.zip/2015/通知.doc', null],
      ['档案.zip/图标.ico', '已跳过：不支持的文件类型'],
      ['档案.zip/坏.rtf', '已跳过：无法解压：压缩数据已损坏'],
    ]);
    expect(files[0].documents[0].docNumber?.normalized).toBe('招政办发〔2021〕12号');
    expect(imports.commitAll(BY, files).created).toHaveLength(1);
  });
});

describe('a saved web page’s own address and 发布日期', () => {
  it('are shown at review, stored with the file at commit, and given as the document’s source', async () => {
    const imports = setup();
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

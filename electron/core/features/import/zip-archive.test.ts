import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zip } from '../../test-support/hostile-files';
import { ARCHIVE_LIMITS, isImportable } from '../../../../shared/import/supported';
import { archiveItems, isZipArchive } from '../../../../shared/import/zip-archive';

const entry = (name: string | Buffer, text: string | Buffer, declared?: number) => {
  const data = typeof text === 'string' ? Buffer.from(text) : text;
  return { name: name as string, data: deflateRawSync(data), size: data.length, crc: crc32(data), declared };
};
const GBK_NAME = Buffer.from([0xcd, 0xa8, 0xd6, 0xaa, 0x2e, 0x74, 0x78, 0x74]); // 通知.txt in GBK

describe('zip archives of files', () => {
  it('lists every file, reads the supported ones, and says why the rest are skipped', () => {
    const bytes = new Uint8Array(
      zip([
        entry('文件/关于印发的通知.doc', 'x'),
        entry('照片.bmp', 'x'),
        entry('内层.zip', 'PK'),
        entry('__MACOSX/._a.doc', 'x'),
      ]),
    );
    const items = archiveItems('档案.zip', bytes, isImportable, ARCHIVE_LIMITS);
    expect(items.map((i) => ('skipped' in i ? `${i.name}：${i.skipped}` : i.name))).toEqual([
      '档案.zip/文件/关于印发的通知.doc',
      '档案.zip/照片.bmp：不支持的文件类型',
      '档案.zip/内层.zip：压缩包中的压缩包不展开，请先解压后再导入',
    ]);
    const first = items[0];
    expect('load' in first && Buffer.from(first.load()).toString()).toBe('x');
  });

  it('reads names in GBK when the archive does not flag UTF-8 (what Chinese Windows tools write)', () => {
    const raw = Buffer.from(zip([entry('XXXXXXXX', '关于印发的通知')]));
    raw.set(GBK_NAME, raw.indexOf('XXXXXXXX')); // the local header
    raw.set(GBK_NAME, raw.indexOf('XXXXXXXX')); // the central directory
    expect(archiveItems('旧.zip', new Uint8Array(raw), isImportable, ARCHIVE_LIMITS).map((i) => i.name)).toEqual(['旧.zip/通知.txt']);
  });

  it('an entry that lies about its size stops inflating at the limit; the archive total is bounded too', () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 0x41);
    const bytes = new Uint8Array(zip([entry('炸弹.txt', big, 100), entry('a.txt', 'x'), entry('b.txt', Buffer.alloc(2048, 0x42))]));
    const [bomb] = archiveItems('x.zip', bytes, isImportable, { maxEntries: 10, maxEntryBytes: 1024 * 1024, maxTotalBytes: 1024 ** 3 }) as Array<{ load(): Uint8Array }>;
    expect(() => bomb.load()).toThrow(/超过单个文件 1 MB 的上限（压缩包声明的大小不实/);
    const [, a, b] = archiveItems('x.zip', bytes, isImportable, { maxEntries: 10, maxEntryBytes: 1024 * 1024, maxTotalBytes: 1500 }) as Array<{ load(): Uint8Array }>;
    expect(a.load()).toHaveLength(1);
    expect(() => b.load()).toThrow(/压缩包解压后总大小超过 0 MB 的上限/);
  });

  it('a damaged entry fails alone; a file that is not a zip says so; .docx and .odt are documents, not archives', () => {
    const good = entry('a.txt', '通知');
    const bytes = Buffer.from(zip([{ ...good, data: Buffer.from([0xff, 0xff, 0xff]) }, entry('b.txt', '通知')]));
    const [bad, ok] = archiveItems('x.zip', new Uint8Array(bytes), isImportable, ARCHIVE_LIMITS) as Array<{ load(): Uint8Array }>;
    expect(() => bad.load()).toThrow(/无法解压/);
    expect(Buffer.from(ok.load()).toString()).toBe('通知');
    expect(archiveItems('y.zip', new Uint8Array([1, 2, 3]), isImportable, ARCHIVE_LIMITS)).toEqual([{ name: 'y.zip', skipped: expect.stringMatching(/不是有效的 zip/) }]);
    expect(isZipArchive(new Uint8Array(zip([entry('word/document.xml', '<w/>')])))).toBe(false);
    expect(isZipArchive(new Uint8Array(zip([entry('mimetype', 'application/vnd.oasis.opendocument.text')])))).toBe(false);
    expect(isZipArchive(bytes)).toBe(true);
  });
});

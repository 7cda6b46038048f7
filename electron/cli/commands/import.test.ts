import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { zip } from '../../core/test-support/hostile-files';
import { describe, expect, it } from 'vitest';
import { SAMPLE_GAZETTE, testCli } from '../testing';
import { gazettesCommand } from './gazettes';
import { importCommand } from './import';
import { listCommand } from './list';

const cli = testCli([importCommand, listCommand, gazettesCommand]);
const sample = SAMPLE_GAZETTE;


describe('normdesk import / list / gazettes', () => {
  it('reviews without storing, stores with --yes, and adds nothing the second time', async () => {
    const data = mkdtempSync(join(tmpdir(), 'nd-cli-import-'));
    const dry = await cli('import', sample, '--data', data);
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/高政办字〔2021〕31号/);
    expect(dry.out).toMatch(/加 --yes 重新运行/);
    expect(JSON.parse((await cli('list', '--json', '--data', data)).out)).toEqual([]);

    const stored = await cli('import', sample, '--yes', '--json', '--data', data);
    const result = JSON.parse(stored.out);
    expect(result.stored).toBe(true);
    expect(result.summary.created.length).toBe(result.files[0].documents.length);

    const again = await cli('import', sample, '--yes', '--data', data);
    expect(again.out).toMatch(/已导入 0 件，跳过已存在的 \d+ 件/);

    const listed = JSON.parse((await cli('list', '--json', '--with-body', '--as-of', '2021-06-30', '--data', data)).out);
    expect(listed.length).toBe(result.summary.created.length);
    expect(listed[0]).toMatchObject({ status: expect.any(String), body: expect.any(Array) });
    const gazettes = JSON.parse((await cli('gazettes', '--json', '--data', data)).out);
    expect(gazettes).toHaveLength(1);
    expect(Object.keys(gazettes[0]).sort()).toEqual(['id', 'issueNumber', 'publishDate', 'title', 'totalNumber']);
    expect(gazettes[0]).toMatchObject({ title: '高青县人民政府公报', issueNumber: 3 });
  });

  it('stores every other file when some cannot be imported, and names each refused one with its reason', async () => {
    const data = mkdtempSync(join(tmpdir(), 'nd-cli-import-'));
    const empty = join(data, '空.txt');
    writeFileSync(empty, '');
    const r = await cli('import', sample, empty, join(data, '不存在.txt'), '--yes', '--data', data);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/文件为空/);
    expect(r.out).toMatch(/文件不存在/);
    expect(r.out).toMatch(/已导入 \d+ 件/);
    expect(r.err).toMatch(/有 2 个文件或文件中的公文未导入，其余已保存/);
    expect(r.err).toMatch(/空.txt：文件为空/);
    expect(JSON.parse((await cli('list', '--json', '--data', data)).out).length).toBeGreaterThan(5);
  });

  it('imports 120 files at once; one whose 有效期 ends before its 施行 is stored as printed and flagged, not refused', async () => {
    const data = mkdtempSync(join(tmpdir(), 'nd-cli-import-'));
    const dir = mkdtempSync(join(tmpdir(), 'nd-cli-files-'));
    const files: string[] = [];
    for (let i = 1; i <= 120; i++) {
      const validity = i === 77 ? '有效期至2021年12月31日' : '有效期五年';
      const file = join(dir, `${String(i).padStart(3, '0')}.txt`);
      writeFileSync(
        file,
        [`招远市人民政府关于印发招远市第${i}号管理办法的通知`, `招政发〔2022〕${i}号`, '各镇人民政府，各街道办事处，市政府各部门：',
          `现将《招远市第${i}号管理办法》印发给你们，请认真贯彻执行。`, `本办法自2022年3月1日起施行，${validity}。`, '招远市人民政府', '2022年2月7日'].join('\n'),
      );
      files.push(file);
    }
    const broken = join(dir, 'broken.docx');
    writeFileSync(broken, 'PK not really a zip');
    const r = await cli('import', ...files, broken, '--yes', '--json', '--data', data);
    const result = JSON.parse(r.out);
    expect(result.summary.created).toHaveLength(120);
    expect(result.summary.flagged).toEqual([expect.objectContaining({ docNumber: '招政发〔2022〕77号', reason: expect.stringMatching(/有效期截止日期（2021-12-31）早于施行日期（2022-03-01）/) })]);
    expect(result.summary.refused).toEqual([{ file: 'broken.docx', title: null, reason: expect.stringMatching(/Word 文档/) }]);
    expect(r.code).toBe(1);
    expect(JSON.parse((await cli('list', '--json', '--data', data)).out)).toHaveLength(120);
  });

  it('stores every file when one file fills most of a commit request and over a hundred small ones follow (issue 25)', async () => {
    const data = mkdtempSync(join(tmpdir(), 'nd-cli-import-'));
    const dir = mkdtempSync(join(tmpdir(), 'nd-cli-files-'));
    const notice = (n: number) =>
      [`招远市人民政府关于印发招远市第${n}号管理办法的通知`, `招政发〔2021〕${n}号`, '各镇人民政府：', `现将《招远市第${n}号管理办法》印发给你们。`, '招远市人民政府', '2021年2月7日'].join('\n');
    // 999 documents in the first file, then files of two: the commit requests are [it] (the next file would pass
    // 1,000 documents) and [the next 100 files], which must be stored in that order
    writeFileSync(join(dir, '000-汇编.txt'), Array.from({ length: 999 }, (_, i) => notice(i + 1)).join('\n\n'));
    for (let i = 1; i <= 120; i++) writeFileSync(join(dir, `${String(i).padStart(3, '0')}.txt`), [notice(1000 + 2 * i), notice(1001 + 2 * i)].join('\n\n'));
    const r = await cli('import', dir, '--yes', '--json', '--data', data);
    const result = JSON.parse(r.out);
    expect(result.files.map((f: { documents: unknown[] }) => f.documents.length)).toEqual([999, ...Array(120).fill(2)]);
    expect(result.summary.refused).toEqual([]);
    expect(result.summary.created).toHaveLength(999 + 240);
    expect(JSON.parse((await cli('list', '--json', '--data', data)).out)).toHaveLength(999 + 240);
  }, 120_000);

  it('refuses a date that does not exist and a missing file argument', async () => {
    expect((await cli('list', '--as-of', '2021-02-30', '--data', mkdtempSync(join(tmpdir(), 'nd-cli-')))).err).toMatch(/日期无效/);
    expect((await cli('import', '--data', mkdtempSync(join(tmpdir(), 'nd-cli-')))).err).toMatch(/请指定要导入的文件/);
  });

  it('imports a folder with its subfolders and the files of a .zip in it, listing what it skipped and why', async () => {
    const data = mkdtempSync(join(tmpdir(), 'nd-cli-import-'));
    const root = join(mkdtempSync(join(tmpdir(), 'nd-cli-folder-')), '法制办档案');
    const fixtures = resolve(__dirname, '../../../test/fixtures/formats');
    mkdirSync(join(root, '2015', '旧文件'), { recursive: true });
    copyFileSync(join(fixtures, 'notice.doc'), join(root, '2015', '旧文件', '信息公开办法.doc'));
    writeFileSync(join(root, '2015', '照片.bmp'), 'x');
    writeFileSync(join(root, '~$锁定.doc'), 'x');
    const page = readFileSync(join(fixtures, 'notice-gbk.html'));
    const odt = readFileSync(join(fixtures, 'notice.odt'));
    const entry = (name: string, b: Buffer) => ({ name, data: deflateRawSync(b), size: b.length, crc: crc32(b) });
    writeFileSync(join(root, '网站.zip'), zip([entry('网页/通知.htm', page), entry('通知.odt', odt), entry('表.xls', Buffer.from('x'))]));
    const r = await cli('import', root, '--json', '--data', data);
    const result = JSON.parse(r.out);
    expect(result.files.map((f: { name: string }) => f.name)).toEqual(['法制办档案/2015/旧文件/信息公开办法.doc', '法制办档案/网站.zip/网页/通知.htm', '法制办档案/网站.zip/通知.odt']);
    for (const f of result.files) expect(f.documents[0].docNumber.normalized).toBe('招政办发〔2021〕12号');
    expect(result.skipped).toEqual([
      { name: '法制办档案/2015/照片.bmp', reason: '不支持的文件类型' },
      { name: '法制办档案/网站.zip/表.xls', reason: '不支持的文件类型' },
    ]);
    expect(r.code).toBe(0);
    const text = await cli('import', root, '--data', data);
    expect(text.out).toMatch(/已跳过 2 个文件：\n {2}– 法制办档案\/2015\/照片.bmp：不支持的文件类型/);
  });
});

describe('file names that are not UTF-8 (issue 26)', () => {
  it('a GBK-named file given as Node decodes it (with U+FFFD) is found, read and shown by its name', async () => {
    const data = mkdtempSync(join(tmpdir(), 'nd-cli-import-'));
    const dir = mkdtempSync(join(tmpdir(), 'nd-cli-gbk-'));
    const gbkName = Buffer.from([0xd5, 0xd0, 0xd4, 0xb6, 0xca, 0xd0, 0x2e, 0x74, 0x78, 0x74]); // 招远市.txt in GBK
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), gbkName]), readFileSync(sample));
    const asArgv = join(dir, gbkName.toString('utf8'));
    expect(asArgv).toContain('\ufffd');
    const r = await cli('import', asArgv, '--yes', '--data', data);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/文件：招远市\.txt/);
    expect(r.out).toMatch(/已导入 \d+ 件/);
  });
});

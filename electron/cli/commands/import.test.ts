import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAppRoot } from '../../core/kernel/paths';
import { runCli } from '../run';
import { gazettesCommand } from './gazettes';
import { importCommand } from './import';
import { listCommand } from './list';

const commands = [importCommand, listCommand, gazettesCommand];
const sample = join(findAppRoot(), 'resources', 'samples', '004_3ab14222ae9e6d15.txt');

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, commands, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

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

  it('stores nothing when one of the files cannot be imported, and says which', async () => {
    const data = mkdtempSync(join(tmpdir(), 'nd-cli-import-'));
    const empty = join(data, '空.txt');
    writeFileSync(empty, '');
    const r = await cli('import', sample, empty, join(data, '不存在.txt'), '--yes', '--data', data);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/文件为空/);
    expect(r.out).toMatch(/文件不存在/);
    expect(r.err).toMatch(/有 2 个文件无法导入（见上），未保存任何内容/);
    expect(JSON.parse((await cli('list', '--json', '--data', data)).out)).toEqual([]);
  });

  it('refuses a date that does not exist and a missing file argument', async () => {
    expect((await cli('list', '--as-of', '2021-02-30', '--data', mkdtempSync(join(tmpdir(), 'nd-cli-')))).err).toMatch(/日期无效/);
    expect((await cli('import', '--data', mkdtempSync(join(tmpdir(), 'nd-cli-')))).err).toMatch(/请指定要导入的文件/);
  });
});

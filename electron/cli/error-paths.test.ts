import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from './commands';
import { SAMPLE_GAZETTE, testCli } from './testing';

const cli = testCli(commands);
const base = mkdtempSync(join(tmpdir(), 'nd-cli-paths-'));
const data = join(base, 'data');
const aFile = join(base, 'plain.txt');
const long = '名'.repeat(300);

beforeAll(async () => {
  writeFileSync(aFile, 'x');
  expect((await cli('import', SAMPLE_GAZETTE, '--yes', '--data', data)).code).toBe(0);
}, 60_000);

describe('paths that cannot be used: one Chinese line, exit 1, never a stack trace', () => {
  it.each([
    ['backup --out under a file', ['backup', '--out', join(aFile, 'b.db')], /路径中有一段是文件而不是文件夹/],
    ['backup --out name too long', ['backup', '--out', join(base, `${long}.db`)], /文件名过长/],
    ['backup --out folder that does not exist', ['backup', '--out', `${join(base, 'nodir')}/`], /目标文件夹不存在/],
    ['export --out under a file', ['export', 'gazette', 'x', '--format', 'pdf', '--out', join(aFile, 'a.pdf')], /路径中有一段是文件而不是文件夹/],
    ['--data under a file', ['info', '--data', join(aFile, 'd')], /无法使用数据目录.*路径中有一段是文件而不是文件夹/],
    ['--data name too long', ['list', '--data', join(base, long)], /无法使用数据目录.*过长/],
    ['parse a file under a file', ['parse', join(aFile, 'x.txt')], /无法读取文件 .*路径中有一段是文件而不是文件夹/],
    ['parse a name too long', ['parse', join(base, `${long}.txt`)], /文件名或路径过长/],
    ['restore --from under a file', ['restore', '--from', join(aFile, 'x.db')], /无法读取备份文件 .*路径中有一段是文件而不是文件夹/],
    ['restore --from name too long', ['restore', '--from', join(base, `${long}.db`)], /无法读取备份文件 .*文件名或路径过长/],
    ['cleanup import-sheet under a file', ['cleanup', 'import-sheet', 'id', join(aFile, 'x.xlsx')], /路径中有一段是文件而不是文件夹/],
  ])('%s', async (_what, args, message) => {
    const r = await cli(...args, ...(args.includes('--data') ? [] : ['--data', data]));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at |内部错误|ENOTDIR|ENAMETOOLONG/);
  });

  it('import names the reason per file in Chinese', async () => {
    const r = await cli('import', join(aFile, 'x.txt'), join(base, `${long}.txt`), '--data', data);
    expect(r.code).toBe(1);
    expect(r.out).toContain('路径中有一段是文件而不是文件夹');
    expect(r.out).toContain('文件名或路径过长');
  });

  it('backup --out DIR/ or an existing folder writes inside it under a dated name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-cli-out-'));
    const slash = await cli('backup', '--out', `${dir}/`, '--data', data);
    expect(slash.code).toBe(0);
    const plain = await cli('backup', '--out', dir, '--json', '--data', data);
    expect(plain.code).toBe(0);
    const made = readdirSync(dir);
    expect(made).toHaveLength(2);
    for (const n of made) expect(n).toMatch(/^normdesk-备份-\d{8}-\d{6}(-\d+)?\.db$/);
    expect(existsSync(JSON.parse(plain.out).file)).toBe(true);
    expect(JSON.parse(plain.out).file.startsWith(join(dir, 'normdesk-备份-'))).toBe(true);
  });
});

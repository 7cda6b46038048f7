import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { infoCommand } from './commands/info';
import { runCli } from './run';
import { AppError } from '../core/kernel/errors';
import type { CliCommand } from './command';

function io(env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), env } };
}

const failing = (error: Error): CliCommand => ({ name: 'boom', summary: '测试', usage: 'boom', options: {}, run: async () => { throw error; } });

describe('CLI', () => {
  it('info --json prints the library facts for the chosen data directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-cli-'));
    const t = io();
    expect(await runCli(['info', '--json', '--data', dir], [infoCommand], t.io)).toBe(0);
    const info = JSON.parse(t.out.join('\n'));
    expect(info).toMatchObject({ dataDir: dir, documentCount: 0, schemaVersion: expect.any(Number) });
  });

  it('uses NORMDESK_DATA when --data is not given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-cli-'));
    const t = io({ NORMDESK_DATA: dir });
    expect(await runCli(['info'], [infoCommand], t.io)).toBe(0);
    expect(t.out.join('\n')).toContain(`数据目录：${dir}`);
  });

  it('prints help for the program and for each command', async () => {
    const t = io();
    expect(await runCli(['--help'], [infoCommand], t.io)).toBe(0);
    expect(t.out.join('\n')).toContain('info');
    const c = io();
    expect(await runCli(['info', '--help'], [infoCommand], c.io)).toBe(0);
    expect(c.out.join('\n')).toContain('用法');
  });

  it('exits 1 with one line on stderr for user errors', async () => {
    for (const argv of [['frobnicate'], ['info', '--bogus']]) {
      const t = io();
      expect(await runCli(argv, [infoCommand], t.io)).toBe(1);
      expect(t.err).toHaveLength(1);
    }
    const t = io();
    expect(await runCli(['boom'], [failing(new AppError('NOT_FOUND', '未找到文件 x'))], t.io)).toBe(1);
    expect(t.err).toEqual(['错误：未找到文件 x']);
  });

  it('exits 2 on an internal error', async () => {
    const t = io();
    expect(await runCli(['boom'], [failing(new TypeError('bug'))], t.io)).toBe(2);
    expect(t.err[0]).toContain('内部错误');
  });
});

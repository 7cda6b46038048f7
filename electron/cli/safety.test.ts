import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from './commands';
import { runCli } from './run';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), env: {} } };
}

const ENGLISH = /ambiguous|Unknown option|argument|ENOENT|EISDIR|SqliteError|\n\s+at /;

describe('CLI answers in one Chinese line (issue 14)', () => {
  it('a damaged database: exit 2, one line saying so and how to restore, no stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-cli-bad-'));
    writeFileSync(join(dir, 'normdesk.db'), Buffer.alloc(64 * 1024, 7));
    for (const argv of [['info'], ['list', '--json'], ['backup', '--out', join(dir, '..', 'b.db')]]) {
      const t = io();
      expect(await runCli([...argv, '--data', dir], commands, t.io), argv.join(' ')).toBe(2);
      expect(t.err).toHaveLength(1);
      expect(t.err[0]).toMatch(/^错误：数据库文件已损坏/);
      expect(t.err[0]).not.toMatch(ENGLISH);
    }
  });

  it('serve --port -1 and other bad options are refused in Chinese', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['serve', '--port', '-1'], /选项 --port 的值以“-”开头，请写成 --port=-1/],
      [['serve', '--port=-1'], /端口号无效：-1（应为 0–65535/],
      [['serve', '--port', 'abc'], /端口号无效：abc/],
      [['serve', '--port', '70000'], /端口号无效：70000/],
      [['info', '--bogus'], /未知选项 --bogus/],
      [['info', '--json=yes'], /选项 --json 不带值/],
      [['backup', '--out'], /选项 --out 需要一个值/],
    ];
    for (const [argv, message] of cases) {
      const t = io();
      expect(await runCli(argv, commands, t.io), argv.join(' ')).toBe(1);
      expect(t.err.join('\n')).toMatch(message);
      expect(t.err.join('\n')).not.toMatch(ENGLISH);
    }
  });

  it('restore names what is wrong with its input and changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-cli-rs-'));
    const ok = io();
    expect(await runCli(['info', '--data', dir], commands, ok.io)).toBe(0);
    for (const [argv, message] of [
      [['restore'], /请用 --from 指定备份文件/],
      [['restore', '--from', join(dir, 'nope.db')], /备份文件不存在/],
      [['restore', '--from', dir], /不是文件/],
      [['restore', '--from', join(dir, 'normdesk.db')], /不能用当前文件库恢复它自己/],
    ] as Array<[string[], RegExp]>) {
      const t = io();
      expect(await runCli([...argv, '--data', dir], commands, t.io)).toBe(1);
      expect(t.err.join('\n')).toMatch(message);
    }
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { osUserName } from '../../core/kernel/caller';
import { runCli } from '../run';
import { auditCommand } from './audit';
import { createUserCommand } from './user';

function cli(dir: string, answers: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const user = createUserCommand(async () => {
    const [a, b] = [answers.shift() ?? '', answers.shift() ?? ''];
    if (a !== b) throw new Error('两次输入的密码不一致，未作任何改动');
    return a;
  });
  const run = (...argv: string[]) => runCli([...argv, '--data', dir], [user, auditCommand], { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  return { run, out, err };
}

describe('normdesk user / audit', () => {
  it('adds an administrator and an editor, lists them, disables one, and the audit log names the OS user', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-user-'));
    expect(await cli(dir, ['secret pass', 'secret pass']).run('user', 'add', 'wang', '--role', 'admin', '--display-name', '王科长')).toBe(0);
    const mismatch = cli(dir, ['secret pass', 'other pass']);
    expect(await mismatch.run('user', 'add', 'li', '--role', 'editor')).toBe(1);
    expect(mismatch.err.join()).toContain('两次输入的密码不一致');
    const short = cli(dir, ['short', 'short']);
    expect(await short.run('user', 'add', 'li', '--role', 'editor')).toBe(1);
    expect(short.err.join()).toContain('密码至少 8 个字符');
    const badRole = cli(dir);
    expect(await badRole.run('user', 'add', 'li', '--role', 'boss')).toBe(1);
    expect(badRole.err.join()).toContain('--role 应为 viewer、editor、reviewer、admin 之一');
    expect(await cli(dir, ['editor pass', 'editor pass']).run('user', 'add', 'li', '--role', 'editor')).toBe(0);
    expect(await cli(dir).run('user', 'disable', 'li')).toBe(0);

    const list = cli(dir);
    expect(await list.run('user', 'list', '--json')).toBe(0);
    expect(JSON.parse(list.out.join('\n'))).toMatchObject([
      { name: 'wang', displayName: '王科长', role: 'admin', disabled: false },
      { name: 'li', role: 'editor', disabled: true },
    ]);
    const lastAdmin = cli(dir);
    expect(await lastAdmin.run('user', 'disable', 'wang')).toBe(1);
    expect(lastAdmin.err.join()).toContain('唯一可用的管理员');

    const audit = cli(dir);
    expect(await audit.run('audit', '--json', '--user', osUserName())).toBe(0);
    const rows = JSON.parse(audit.out.join('\n'));
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['user.disable', 'user.create', 'user.create']);
    expect(rows[0]).toMatchObject({ at: expect.any(String), user: expect.any(String), documentId: null, entityId: 'li' });
    const bad = cli(dir);
    expect(await bad.run('audit', '--since', '2026/1/1')).toBe(1);
    expect(bad.err.join()).toContain('起始日期：日期格式应为 YYYY-MM-DD');
  });
});

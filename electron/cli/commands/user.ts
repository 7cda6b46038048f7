import { ROLE_LABELS, ROLES, type Role } from '../../../shared/contract/accounts';
import type { CliCommand } from '../command';
import { row, UsageError } from '../command';
import { readNewPassword, type ReadNewPassword } from './read-password';

const USAGE = [
  'normdesk user add NAME --role viewer|editor|reviewer|admin [--display-name 名称]   （密码从标准输入读取，输入两次）',
  'normdesk user list [--json]',
  'normdesk user disable NAME | user enable NAME',
  'normdesk user role NAME --role viewer|editor|reviewer|admin',
  'normdesk user passwd NAME   （管理员重设密码，输入两次）',
  'normdesk user unlock NAME | user unlock --address ADDRESS   （解除登录锁定）',
  'normdesk user locks [--json]   （当前被锁定的登录）',
].join('\n       ');

function roleOf(value: unknown): Role {
  if (typeof value !== 'string' || !(ROLES as readonly string[]).includes(value)) {
    throw new UsageError(`--role 应为 ${ROLES.join('、')} 之一（${ROLES.map((r) => ROLE_LABELS[r]).join('、')}）`);
  }
  return value as Role;
}

/** A throttle counter in words: 用户 wang / 地址 10.0.0.5 / 用户 wang（来自 10.0.0.5）. */
function lockLabel(key: string): string {
  const rest = key.slice(2);
  if (key.startsWith('u:')) return `用户 ${rest}`;
  if (key.startsWith('a:')) return `地址 ${rest}`;
  const cut = rest.lastIndexOf(' ');
  return `用户 ${rest.slice(0, cut)}（来自 ${rest.slice(cut + 1)}）`;
}

/**
 * Account management on the server machine. It acts as the OS user with every permission: whoever can run it
 * there can read the data files anyway (see the README's threat model). Goes through the contract's users:* channels.
 */
export function createUserCommand(readPassword: ReadNewPassword = readNewPassword): CliCommand {
  return {
    name: 'user',
    summary: '管理本库的用户账户（内网模式）',
    usage: USAGE,
    options: { role: { type: 'string' }, 'display-name': { type: 'string' }, address: { type: 'string' } },
    async run(ctx) {
      const [verb, name] = ctx.positionals;
      if (!verb) throw new UsageError(`缺少子命令。用法：${USAGE}`);
      if (verb !== 'list' && verb !== 'locks' && !(verb === 'unlock' && ctx.values.address) && !name) throw new UsageError(`缺少用户名。用法：${USAGE}`);
      const app = ctx.openApp();
      try {
        switch (verb) {
          case 'add': {
            const role = roleOf(ctx.values.role);
            const password = await readPassword(`用户 ${name} 的密码`);
            const displayName = typeof ctx.values['display-name'] === 'string' ? ctx.values['display-name'] : '';
            const user = await app.call('users:add', { name, role, password, displayName });
            ctx.out(`已创建用户 ${user.name}（${ROLE_LABELS[user.role]}）`);
            return;
          }
          case 'list': {
            const users = await app.call('users:list', {});
            if (ctx.values.json) return void ctx.out(JSON.stringify(users, null, 2));
            for (const u of users) ctx.out(row([u.name, u.displayName, ROLE_LABELS[u.role], u.disabled ? '已停用' : '可用', u.lastLoginAt ?? '从未登录']));
            ctx.out(`共 ${users.length} 个用户`);
            return;
          }
          case 'disable':
          case 'enable': {
            await app.call('users:update', { name, disabled: verb === 'disable' });
            ctx.out(verb === 'disable' ? `已停用用户 ${name}，其登录会话已失效` : `已启用用户 ${name}`);
            return;
          }
          case 'role': {
            const user = await app.call('users:update', { name, role: roleOf(ctx.values.role) });
            ctx.out(`用户 ${user.name} 的角色已改为 ${ROLE_LABELS[user.role]}`);
            return;
          }
          case 'passwd': {
            const password = await readPassword(`用户 ${name} 的新密码`);
            await app.call('users:reset-password', { name, password });
            ctx.out(`已重设用户 ${name} 的密码，其登录会话已失效`);
            return;
          }
          case 'unlock': {
            const address = typeof ctx.values.address === 'string' ? ctx.values.address : undefined;
            const { cleared } = await app.call('users:unlock', { name, address });
            const what = [name && `用户 ${name}`, address && `地址 ${address}`].filter(Boolean).join('、');
            ctx.out(cleared ? `已解除 ${what} 的登录锁定（清除 ${cleared} 项计数）` : `${what} 没有登录锁定或失败记录`);
            return;
          }
          case 'locks': {
            const locks = await app.call('users:locks', {});
            if (ctx.values.json) return void ctx.out(JSON.stringify(locks, null, 2));
            for (const l of locks) ctx.out(row([lockLabel(l.key), `失败 ${l.failures} 次`, `锁定至 ${l.lockedUntil}`]));
            ctx.out(`共 ${locks.length} 项锁定`);
            return;
          }
          default:
            throw new UsageError(`未知的子命令：${verb}。用法：${USAGE}`);
        }
      } catch (err) {
        if (err instanceof Error && err.message.startsWith('两次输入的密码不一致')) throw new UsageError(err.message);
        if (err instanceof Error && err.message === '已取消') throw new UsageError('已取消，未作任何改动');
        throw err;
      } finally {
        await app.close();
      }
    },
  };
}

export const userCommand = createUserCommand();

import { createHash, randomBytes } from 'node:crypto';
import type { Caller, Shell } from '../../../../shared/contract';
import { ROLE_ACCESS, type Role, type SessionInfo, type UserInfo } from '../../../../shared/contract/accounts';
import type { AppContext } from '../../kernel/context';
import { AppError } from '../../kernel/errors';
import type { AuditService } from '../audit/audit-service';
import { weakPasswordReason } from '../../../../shared/domain/password-strength';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';
import { createThrottle, DEFAULT_THROTTLE, describeWait, type ThrottleOptions } from './throttle';

interface UserRow {
  name: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  session_epoch: number;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface AccountOptions {
  /** a session unused this long ends */
  idleMs: number;
  /** a session ends this long after login, used or not */
  absoluteMs: number;
  throttle: ThrottleOptions;
}

export const DEFAULT_ACCOUNT_OPTIONS: AccountOptions = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000, throttle: DEFAULT_THROTTLE };

/** A logged-in browser: the secret its cookie carries, the token its requests must echo, who it is. */
export interface SessionGrant {
  token: string;
  csrfToken: string;
  user: UserInfo;
  caller: Caller;
}

export type LoginResult = ({ ok: true } & SessionGrant) | { ok: false; code: 'UNAUTHORIZED' | 'RATE_LIMITED'; message: string; retryAfterSeconds?: number };

function toInfo(row: UserRow): UserInfo {
  return {
    name: row.name,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

interface Session {
  name: string;
  epoch: number;
  createdAt: number;
  lastSeen: number;
  csrfToken: string;
}

/** Sessions of the serving process, keyed by a digest of the cookie's secret (the secret itself is not kept). */
function createSessionTable() {
  const map = new Map<string, Session>();
  return {
    open(name: string, epoch: number, now: number): { token: string; key: string; csrfToken: string } {
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      const key = digest(token);
      map.set(key, { name, epoch, createdAt: now, lastSeen: now, csrfToken });
      return { token, key, csrfToken };
    },
    get: (key: string) => map.get(key),
    delete: (key: string) => map.delete(key),
    /** Ends every session of `name` except `keep`, which moves to `epoch`. */
    endFor(name: string, keep?: string, epoch?: number): void {
      for (const [key, s] of map) {
        if (s.name !== name) continue;
        if (key === keep && epoch !== undefined) s.epoch = epoch;
        else map.delete(key);
      }
    },
  };
}

/** The statements over the users table. */
function userStatements(db: AppContext['db']) {
  return {
    byName: db.prepare<[string], UserRow>('SELECT * FROM users WHERE name = ?'),
    all: db.prepare<[], UserRow>('SELECT * FROM users ORDER BY created_at, name'),
    count: db.prepare<[], { n: number; admins: number }>("SELECT count(*) AS n, coalesce(sum(role = 'admin' AND disabled = 0), 0) AS admins FROM users"),
    insert: db.prepare('INSERT INTO users (name, display_name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)'),
    setPassword: db.prepare('UPDATE users SET password_hash = ?, session_epoch = session_epoch + 1, updated_at = ? WHERE name = ?'),
    setLogin: db.prepare('UPDATE users SET last_login_at = ? WHERE name = ?'),
  };
}

/** Refuses a password a guesser would try within the throttle's few attempts, saying why in Chinese. */
function refuseWeak(password: string, name: string): void {
  const reason = weakPasswordReason(password, name);
  if (reason) throw new AppError('INVALID_INPUT', `密码太容易被猜中：${reason}`);
}

/**
 * The first account decides who owns the library: only the command line on the server machine may create it,
 * never a request that any local process (or page) could send to the loopback server (issue 26).
 */
function refuseFirstOverNetwork(by: Caller, accounts: number): void {
  if (by.shell !== 'cli' && accounts === 0) {
    throw new AppError('FORBIDDEN', '第一位管理员只能在服务器本机用命令行创建：normdesk user add 用户名 --role admin。创建后，其他用户可在“设置 · 用户”中添加。');
  }
}

/** The administrator's side of throttling: see the locks, lift them (audited). */
function lockAdmin(db: AppContext['db'], audit: AuditService, throttle: ReturnType<typeof createThrottle>) {
  return {
    /** Lifts login locks of an account (every address) or an address (every account); returns counters cleared. */
    unlock: (by: Caller, target: { name?: string; address?: string }): number =>
      db.transaction(() => {
        const cleared = throttle.unlock(target);
        audit.record(by, 'session.unlock', 'session', target.name ?? target.address ?? '', null, { ...target, cleared });
        return cleared;
      })(),
    /** Login counters locked now (user name, address or both), for `normdesk user locks`. */
    locks: () => throttle.locked(),
  };
}

/**
 * Local accounts of one library: users with scrypt-hashed passwords, roles, sessions and login throttling.
 * Users live in the database (the CLI and the server see the same ones); sessions and throttling live in the
 * serving process, and every request re-reads its user, so disabling an account or resetting its password (even
 * from the CLI, in another process) ends its sessions at their next request.
 */
export function createAccountService(ctx: Pick<AppContext, 'db' | 'now'>, audit: AuditService, opts: AccountOptions = DEFAULT_ACCOUNT_OPTIONS) {
  const db = ctx.db;
  const { byName, all, count, insert, setPassword, setLogin } = userStatements(db);
  const sessions = createSessionTable();
  const throttle = createThrottle(ctx, opts.throttle);
  /** the account behind each session caller, so session:info can name the role */
  const roles = new WeakMap<Caller, UserRow>();
  /** the session each session caller came from, so a password change keeps the session that made it */
  const sessionKeyOf = new WeakMap<Caller, string>();
  const nowIso = () => ctx.now().toISOString();

  function mustGet(name: string): UserRow {
    const row = byName.get(name);
    if (!row) throw new AppError('NOT_FOUND', `没有名为“${name}”的用户`);
    return row;
  }

  function callerOf(row: UserRow, shell: Shell): Caller {
    const caller: Caller = { user: row.name, shell, access: ROLE_ACCESS[row.role] };
    roles.set(caller, row);
    return caller;
  }

  /** Refuses a change that would leave the library without an active administrator. */
  function keepAnAdmin(row: UserRow, next: { role: Role; disabled: boolean }): void {
    const losing = row.role === 'admin' && row.disabled === 0 && (next.role !== 'admin' || next.disabled);
    if (losing && count.get()!.admins <= 1) {
      throw new AppError('CONFLICT', `“${row.name}”是唯一可用的管理员：请先另设一位管理员，再停用或改变其角色。`);
    }
  }

  return {
    /** Whether this library has any account: then every browser (and the desktop window) must log in. */
    hasAccounts(): boolean {
      return count.get()!.n > 0;
    },
    /** Whether an active administrator exists: serving beyond this machine requires one. */
    hasAdmin(): boolean {
      return count.get()!.admins > 0;
    },
    list(): UserInfo[] {
      return all.all().map(toInfo);
    },
    /** Creates an account; the password is stored only as a salted scrypt hash. */
    async add(by: Caller, input: { name: string; displayName: string; role: Role; password: string }): Promise<UserInfo> {
      refuseFirstOverNetwork(by, count.get()!.n);
      refuseWeak(input.password, input.name);
      if (byName.get(input.name)) throw new AppError('CONFLICT', `用户名“${input.name}”已存在`);
      const hash = await hashPassword(input.password);
      const at = nowIso();
      return db.transaction(() => {
        if (byName.get(input.name)) throw new AppError('CONFLICT', `用户名“${input.name}”已存在`);
        insert.run(input.name, input.displayName, input.role, hash, at, at);
        const info = toInfo(mustGet(input.name));
        audit.record(by, 'user.create', 'user', input.name, null, info);
        return info;
      })();
    },
    /** Display name, role, disabled; disabling ends the account's sessions. */
    update(by: Caller, input: { name: string; displayName?: string; role?: Role; disabled?: boolean }): UserInfo {
      return db.transaction(() => {
        const row = mustGet(input.name);
        const next = { role: input.role ?? row.role, disabled: input.disabled ?? row.disabled === 1 };
        keepAnAdmin(row, next);
        const endSessions = next.disabled && row.disabled === 0;
        db.prepare('UPDATE users SET display_name = ?, role = ?, disabled = ?, session_epoch = session_epoch + ?, updated_at = ? WHERE name = ?').run(
          input.displayName ?? row.display_name,
          next.role,
          next.disabled ? 1 : 0,
          endSessions ? 1 : 0,
          nowIso(),
          row.name,
        );
        const info = toInfo(mustGet(row.name));
        audit.record(by, next.disabled !== (row.disabled === 1) ? (next.disabled ? 'user.disable' : 'user.enable') : 'user.update', 'user', row.name, toInfo(row), info);
        if (endSessions) sessions.endFor(row.name);
        return info;
      })();
    },
    /** An administrator sets someone's password; their sessions end. */
    async resetPassword(by: Caller, name: string, password: string): Promise<UserInfo> {
      mustGet(name);
      refuseWeak(password, name);
      const hash = await hashPassword(password);
      const info = db.transaction(() => {
        setPassword.run(hash, nowIso(), name);
        const after = toInfo(mustGet(name));
        audit.record(by, 'user.reset-password', 'user', name, null, { name });
        return after;
      })();
      sessions.endFor(name);
      return info;
    },
    /** The caller changes their own password after proving the old one; other sessions of theirs end. */
    async changePassword(by: Caller, oldPassword: string, newPassword: string): Promise<void> {
      const row = roles.get(by) ? byName.get(by.user) : undefined;
      if (!row) throw new AppError('INVALID_INPUT', '当前用户不是本库的账户（本机用户无需密码），无法修改密码');
      if (!(await verifyPassword(oldPassword, row.password_hash))) throw new AppError('INVALID_INPUT', '原密码不正确');
      refuseWeak(newPassword, row.name);
      const hash = await hashPassword(newPassword);
      db.transaction(() => {
        setPassword.run(hash, nowIso(), row.name);
        audit.record(by, 'user.change-password', 'user', row.name, null, { name: row.name });
      })();
      // The session that asked stays valid: move it to the new epoch, end the others.
      sessions.endFor(row.name, sessionKeyOf.get(by), row.session_epoch + 1);
    },
    /**
     * Checks a password (throttled per user name and per address) and opens a session. Every outcome is audited;
     * an unknown name costs the same time as a known one and gets the same answer.
     */
    async login(name: string, password: string, from: string, shell: Shell = 'browser'): Promise<LoginResult> {
      // Counted before the slow hash: parallel attempts each see the ones admitted before them (issue 26).
      const admission = throttle.admit(name, from);
      if (!admission.ok) return { ok: false, code: 'RATE_LIMITED', message: `登录失败次数过多，请 ${describeWait(admission.waitMs)}后再试`, retryAfterSeconds: Math.ceil(admission.waitMs / 1000) };
      const row = byName.get(name);
      const good = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
      const anonymous: Caller = { user: name.slice(0, 64) || '（空）', shell, access: [] };
      if (!row || !good || row.disabled === 1) {
        admission.settle(false);
        const reason = !row ? 'unknown-user' : !good ? 'wrong-password' : 'disabled';
        audit.record(anonymous, 'session.login-failed', 'session', name.slice(0, 64), null, { from, reason });
        const message = row?.disabled === 1 && good ? '该账户已停用，请联系管理员' : '用户名或密码不正确';
        return { ok: false, code: 'UNAUTHORIZED', message };
      }
      admission.settle(true);
      const { token, key, csrfToken } = sessions.open(name, row.session_epoch, ctx.now().getTime());
      const caller = callerOf(row, shell);
      sessionKeyOf.set(caller, key);
      db.transaction(() => {
        setLogin.run(nowIso(), name);
        audit.record(caller, 'session.login', 'session', name, null, { from });
      })();
      return { ok: true, token, csrfToken, user: toInfo(mustGet(name)), caller };
    },
    /** The session a cookie names, if it is still valid (not idle too long, not too old, account unchanged). */
    resume(token: string, shell: Shell = 'browser'): SessionGrant | null {
      const key = digest(token);
      const s = sessions.get(key);
      if (!s) return null;
      const now = ctx.now().getTime();
      const row = byName.get(s.name);
      if (now - s.lastSeen > opts.idleMs || now - s.createdAt > opts.absoluteMs || !row || row.disabled === 1 || row.session_epoch !== s.epoch) {
        sessions.delete(key);
        return null;
      }
      s.lastSeen = now;
      const caller = callerOf(row, shell);
      sessionKeyOf.set(caller, key);
      return { token, csrfToken: s.csrfToken, user: toInfo(row), caller };
    },
    /** Ends the session a cookie names (audited when it existed). */
    logout(token: string): void {
      const key = digest(token);
      const s = sessions.get(key);
      if (!s) return;
      sessions.delete(key);
      const row = byName.get(s.name);
      if (row) audit.record(callerOf(row, 'browser'), 'session.logout', 'session', s.name, null, null);
    },
    ...lockAdmin(db, audit, throttle),
    /** Who the caller is: an account (with its role) or the OS user of a library without accounts. */
    sessionInfo(caller: Caller): SessionInfo {
      const row = roles.get(caller);
      const accounts = count.get()!.n > 0;
      if (row) return { user: row.name, displayName: row.display_name || row.name, role: row.role, access: [...ROLE_ACCESS[row.role]], accounts };
      return { user: caller.user, displayName: caller.user, role: null, access: [...caller.access], accounts };
    },
  };
}
export type AccountService = ReturnType<typeof createAccountService>;

import { z } from 'zod';
import type { Access } from './caller';
import { IsoDate } from '../domain/parse-result';
import { defineChannels } from './define';

/**
 * Intranet mode: local accounts, roles and the audit view. A role is a bundle of access levels; the dispatcher
 * checks the channel's `access` against the caller's, so a role only ever widens what its predecessor may do.
 */
export const ROLES = ['viewer', 'editor', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The Chinese names a person sees. */
export const ROLE_LABELS: Record<Role, string> = { viewer: '查看', editor: '编辑', reviewer: '法制审核', admin: '管理员' };

/**
 * What each role may do. A 法制审核 reviewer also edits: reviewing a cleanup decision means correcting the
 * document's metadata (文号, dates, validity) it rests on, and offices give reviewers that right today.
 */
export const ROLE_ACCESS: Record<Role, readonly Access[]> = {
  viewer: ['read'],
  editor: ['read', 'edit'],
  reviewer: ['read', 'edit', 'review'],
  admin: ['read', 'edit', 'review', 'admin'],
};

/** Password rules: long enough to resist guessing at the throttled rate, short enough for scrypt's input. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

export const UserName = z
  .string()
  .trim()
  .min(1, '用户名不能为空')
  .max(32, '用户名不能超过 32 个字符')
  .regex(/^[\p{L}\p{N}._-]+$/u, '用户名只能包含汉字、字母、数字和 . _ -');
export const Password = z
  .string()
  .min(PASSWORD_MIN, `密码至少 ${PASSWORD_MIN} 个字符`)
  .max(PASSWORD_MAX, `密码不能超过 ${PASSWORD_MAX} 个字符`);
export const RoleSchema = z.enum(ROLES);

export const UserInfo = z.object({
  name: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type UserInfo = z.infer<typeof UserInfo>;

/** Who the current caller is, and whether this library has accounts at all (then everybody logs in). */
export const SessionInfo = z.object({
  user: z.string(),
  displayName: z.string(),
  /** null for the OS user of a library without accounts (and for the CLI) */
  role: RoleSchema.nullable(),
  access: z.array(z.enum(['read', 'edit', 'review', 'admin'])),
  accounts: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const AuditQuery = z.object({
  user: z.string().max(64).optional(),
  /** first day included, YYYY-MM-DD */
  since: IsoDate.optional(),
  /** last day included, YYYY-MM-DD */
  until: IsoDate.optional(),
  limit: z.number().int().min(1).max(5000).default(500),
});

export const AuditRecord = z.object({
  id: z.number().int(),
  at: z.string(),
  user: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  /** the document the change concerns (a relation names its source), else null */
  documentId: z.string().nullable(),
  /** that document's title (as stored now; as logged when it was deleted) */
  documentTitle: z.string().nullable(),
  /** what a row about anything else is about, in words (a gazette issue by its 期号, never its id), else null */
  subject: z.string().nullable().default(null),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

export const accountsChannels = defineChannels({
  /** Every account, for 设置 → 用户. */
  'users:list': { req: z.object({}).strict().default({}), res: z.array(UserInfo), access: 'admin' },
  /** Creates an account with its first password. */
  'users:add': {
    req: z.object({ name: UserName, displayName: z.string().trim().max(64).default(''), role: RoleSchema, password: Password }),
    res: UserInfo,
    access: 'admin',
  },
  /** Changes an account's display name, role or whether it may log in (disabling ends its sessions). */
  'users:update': {
    req: z.object({ name: UserName, displayName: z.string().trim().max(64).optional(), role: RoleSchema.optional(), disabled: z.boolean().optional() }),
    res: UserInfo,
    access: 'admin',
  },
  /** An administrator sets a new password for someone who forgot theirs (their sessions end). */
  'users:reset-password': { req: z.object({ name: UserName, password: Password }), res: UserInfo, access: 'admin' },
  /** The caller changes their own password, proving the old one. */
  'session:change-password': { req: z.object({ oldPassword: z.string().max(PASSWORD_MAX), newPassword: Password }), res: z.object({ ok: z.literal(true) }), access: 'read' },
  /** Who is asking, with which role and access: the UI hides what the role cannot do. */
  'session:info': { req: z.object({}).strict().default({}), res: SessionInfo, access: 'read' },
  /** Lifts login locks of an account (from every address) or of an address (every account from it). */
  'users:unlock': {
    req: z
      .object({ name: z.string().trim().min(1).max(64).optional(), address: z.string().trim().min(1).max(100).optional() })
      .refine((r) => r.name || r.address, '请指定用户名或地址'),
    res: z.object({ cleared: z.number().int() }),
    access: 'admin',
  },
  /** Login counters locked now (`u:` an account, `a:` an address, `p:` an account from one address). */
  'users:locks': {
    req: z.object({}).strict().default({}),
    res: z.array(z.object({ key: z.string(), failures: z.number().int(), lockedUntil: z.string() })),
    access: 'admin',
  },
  /** The audit log, newest first, filtered by user and days. */
  'audit:list': { req: AuditQuery, res: z.array(AuditRecord), access: 'admin' },
});

/**
 * The desktop window's login and logout: IPC messages beside the contract (the session belongs to the window, not
 * to a request). Browser mode uses POST/DELETE /api/session instead.
 */
export const DESKTOP_SESSION = { login: 'nd-session-login', logout: 'nd-session-logout' } as const;

import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Caller, ErrorCode } from '../../shared/contract';
import { ROLE_ACCESS } from '../../shared/contract/accounts';
import type { App } from '../core/composition';

/** The session cookie's name; its value is a random secret the server keeps only as a digest. */
export const SESSION_COOKIE = 'nd_session';
/** The header every state-changing request must carry, echoing the token the login answer gave. */
export const CSRF_HEADER = 'x-csrf-token';
/** The cookie's own lifetime; the server ends sessions sooner (idle and absolute limits in the accounts service). */
const COOKIE_MAX_AGE_S = 12 * 3600;

/** How the server is exposed: beyond loopback every request needs a session; over TLS the cookie is Secure. */
export interface SessionPolicy {
  remote: boolean;
  tls: boolean;
}

/** An answer for the transport to send: status, extra headers, JSON body. */
export interface Answer {
  status: number;
  headers?: Record<string, string | string[]>;
  payload: unknown;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Whether an address is this machine only. */
export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host.replace(/^\[|\]$/g, ''));
}

function fail(status: number, code: ErrorCode, message: string, headers?: Answer['headers']): Answer {
  return { status, headers, payload: { ok: false, error: { code, message } } };
}

function cookieOf(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === SESSION_COOKIE) return decodeURIComponent(v.join('='));
  }
  return null;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function setCookie(value: string, maxAge: number, policy: SessionPolicy): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${policy.tls ? '; Secure' : ''}`;
}

/** Whether this request must come with a session: always beyond loopback, and on loopback once accounts exist. */
function sessionsRequired(app: App, policy: SessionPolicy): boolean {
  return policy.remote || app.services.accounts.hasAccounts();
}

/**
 * Who a request acts for. Without accounts on loopback: the OS user who started the server (as before). Otherwise
 * the session the cookie names (401 without one) and, for every state-changing request, the CSRF token in the
 * header (403 when it is missing or wrong).
 */
export function authenticate(app: App, req: IncomingMessage, policy: SessionPolicy): { caller: Caller } | Answer {
  if (!sessionsRequired(app, policy)) return { caller: app.caller };
  const token = cookieOf(req);
  const grant = token ? app.services.accounts.resume(token) : null;
  if (!grant) return fail(401, 'UNAUTHORIZED', '请先登录（登录已过期或尚未登录）');
  const sent = req.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !sameSecret(sent, grant.csrfToken)) {
    return fail(403, 'FORBIDDEN', '请求缺少有效的安全令牌（CSRF），请刷新页面后重试');
  }
  return { caller: grant.caller };
}

/**
 * `/api/session`: GET who am I (with the CSRF token, so a reloaded page can go on), POST log in, DELETE log out.
 * The body of POST is `{ user, password }`.
 */
export async function sessionEndpoint(app: App, req: IncomingMessage, body: unknown, policy: SessionPolicy): Promise<Answer> {
  const accounts = app.services.accounts;
  const required = sessionsRequired(app, policy);
  if (req.method === 'GET') {
    if (!required) {
      return { status: 200, payload: { ok: true, data: { user: app.caller.user, displayName: app.caller.user, role: null, access: [...app.caller.access], csrfToken: '', accounts: false } } };
    }
    const token = cookieOf(req);
    const grant = token ? accounts.resume(token) : null;
    if (!grant) return fail(401, 'UNAUTHORIZED', '请先登录');
    const { name, displayName, role } = grant.user;
    return { status: 200, payload: { ok: true, data: { user: name, displayName: displayName || name, role, access: [...ROLE_ACCESS[role]], csrfToken: grant.csrfToken, accounts: true } } };
  }
  if (req.method === 'POST') {
    const { user, password } = (body ?? {}) as { user?: unknown; password?: unknown };
    if (typeof user !== 'string' || !user.trim() || typeof password !== 'string' || !password) {
      return fail(400, 'INVALID_INPUT', '请填写用户名（user）和密码（password）');
    }
    if (!accounts.hasAccounts()) return fail(400, 'INVALID_INPUT', '本库尚未设置用户账户，无需登录');
    const result = await accounts.login(user.trim().slice(0, 64), password.slice(0, 1000), req.socket.remoteAddress ?? '未知地址');
    if (!result.ok) {
      const headers = result.retryAfterSeconds ? { 'retry-after': String(result.retryAfterSeconds) } : undefined;
      return fail(result.code === 'RATE_LIMITED' ? 429 : 401, result.code, result.message, headers);
    }
    const { name, displayName, role } = result.user;
    return {
      status: 200,
      headers: { 'set-cookie': setCookie(result.token, COOKIE_MAX_AGE_S, policy) },
      payload: { ok: true, data: { user: name, displayName: displayName || name, role, access: [...ROLE_ACCESS[role]], csrfToken: result.csrfToken, accounts: true } },
    };
  }
  if (req.method === 'DELETE') {
    const auth = authenticate(app, req, policy);
    if ('status' in auth) return auth;
    const token = cookieOf(req);
    if (token) accounts.logout(token);
    return { status: 200, headers: { 'set-cookie': setCookie('', 0, policy) }, payload: { ok: true, data: null } };
  }
  return fail(405, 'INVALID_INPUT', '/api/session 只接受 GET、POST、DELETE');
}

/** Serving beyond loopback needs an administrator (else nobody could log in to manage anything). */
export function refusalToServe(app: App, host: string): string | null {
  if (isLoopback(host)) return null;
  if (app.services.accounts.hasAdmin()) return null;
  return `拒绝在 ${host} 上提供服务：内网模式要求本库至少有一位管理员。请先在本机运行 normdesk user add 用户名 --role admin 创建管理员，然后再启动。`;
}

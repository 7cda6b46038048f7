import { CHANNELS, MAX_REQUEST_BYTES, MAX_REQUEST_LABEL, type Caller, type RpcResult } from '../../shared/contract';
import { DESKTOP_SESSION, ROLE_ACCESS } from '../../shared/contract/accounts';
import type { App } from '../core/composition';

/** The parts of Electron's IpcMain this module uses (so tests can pass a fake). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => unknown): void;
}

const DEV_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Only our own renderer may call services: a page of the app origin (app://normdesk, see app-protocol.ts), or of
 * the local dev server when the renderer is served from it. A file: page never is — any file on the disk would
 * pass a file: check.
 */
export function isTrustedFrameUrl(url: string | undefined, rendererUrl: string): boolean {
  if (!url) return false;
  try {
    const frame = new URL(url);
    const own = new URL(rendererUrl);
    // compared by scheme and host: a non-special scheme like app: has an opaque ("null") origin in WHATWG URLs
    const same = frame.protocol === own.protocol && frame.host === own.host && frame.host !== '';
    if (own.protocol === 'app:') return same;
    if (own.protocol === 'http:' && DEV_HOSTS.has(own.hostname)) return same && frame.port === own.port;
    return false;
  } catch {
    return false;
  }
}

function approxSize(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

type Accounts = Pick<App['services']['accounts'], 'hasAccounts' | 'login' | 'resume' | 'logout'>;

/**
 * One ipcMain.handle per contract channel; each checks the sending frame and the request size first. A library
 * with accounts asks the window to log in too (`accounts` given): until then every call answers UNAUTHORIZED.
 */
export function registerIpc(ipcMain: IpcMainLike, app: Pick<App, 'dispatch' | 'caller'>, rendererUrl: string, accounts?: Accounts): void {
  let token: string | null = null;
  const callerNow = (): Caller | null => {
    if (!accounts || !accounts.hasAccounts()) return app.caller;
    const grant = token ? accounts.resume(token, 'electron') : null;
    return grant ? grant.caller : null;
  };
  if (accounts) registerDesktopSession(ipcMain, rendererUrl, accounts, (t) => (token = t), () => token);
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, req): Promise<RpcResult<unknown>> => {
      if (!isTrustedFrameUrl(event.senderFrame?.url, rendererUrl)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' } };
      }
      if (approxSize(req) > MAX_REQUEST_BYTES) {
        return { ok: false, error: { code: 'TOO_LARGE', message: `请求过大：不能超过 ${MAX_REQUEST_LABEL}` } };
      }
      // The OS user of a library without accounts; otherwise the account logged in to this window.
      const caller = callerNow();
      if (!caller) return { ok: false, error: { code: 'UNAUTHORIZED', message: '请先登录' } };
      return app.dispatch(channel, req, caller);
    });
  }
}

/** The window's login and logout (the session's secret stays in the main process). */
function registerDesktopSession(ipcMain: IpcMainLike, rendererUrl: string, accounts: Accounts, set: (t: string | null) => void, get: () => string | null): void {
  ipcMain.handle(DESKTOP_SESSION.login, async (event, user, password): Promise<RpcResult<unknown>> => {
    if (!isTrustedFrameUrl(event.senderFrame?.url, rendererUrl)) return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' } };
    if (typeof user !== 'string' || typeof password !== 'string' || !user.trim() || !password) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: '请填写用户名和密码' } };
    }
    const result = await accounts.login(user.trim().slice(0, 64), password.slice(0, 1000), '本机桌面窗口', 'electron');
    if (!result.ok) return { ok: false, error: { code: result.code, message: result.message } };
    set(result.token);
    const { name, displayName, role } = result.user;
    return { ok: true, data: { user: name, displayName: displayName || name, role, access: [...ROLE_ACCESS[role]], csrfToken: '', accounts: true } };
  });
  ipcMain.handle(DESKTOP_SESSION.logout, async (event): Promise<RpcResult<unknown>> => {
    if (!isTrustedFrameUrl(event.senderFrame?.url, rendererUrl)) return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' } };
    const token = get();
    if (token) accounts.logout(token);
    set(null);
    return { ok: true, data: null };
  });
}

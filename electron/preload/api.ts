import type { RpcResult } from '../../shared/contract';
import { DESKTOP_SESSION } from '../../shared/contract/accounts';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
}

/** What the preload exposes as `window.normdesk`: invoke for contract channels, and the window's login and logout. */
export function createPreloadApi(ipcRenderer: IpcRendererLike, channels: readonly string[]) {
  const allowed = new Set(channels);
  return {
    invoke(channel: string, req: unknown): Promise<RpcResult<unknown>> {
      if (typeof channel !== 'string' || !allowed.has(channel)) {
        return Promise.resolve({ ok: false, error: { code: 'INVALID_INPUT', message: `未知的接口：${String(channel).slice(0, 80)}` } });
      }
      return ipcRenderer.invoke(channel, req) as Promise<RpcResult<unknown>>;
    },
    login(user: string, password: string): Promise<RpcResult<unknown>> {
      return ipcRenderer.invoke(DESKTOP_SESSION.login, String(user), String(password)) as Promise<RpcResult<unknown>>;
    },
    logout(): Promise<RpcResult<unknown>> {
      return ipcRenderer.invoke(DESKTOP_SESSION.logout) as Promise<RpcResult<unknown>>;
    },
  };
}

import type { RpcResult } from '../../shared/contract';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
}

/** What the preload exposes as `window.normdesk`: invoke for contract channels, and nothing else. */
export function createPreloadApi(ipcRenderer: IpcRendererLike, channels: readonly string[]) {
  const allowed = new Set(channels);
  return {
    invoke(channel: string, req: unknown): Promise<RpcResult<unknown>> {
      if (typeof channel !== 'string' || !allowed.has(channel)) {
        return Promise.resolve({ ok: false, error: { code: 'INVALID_INPUT', message: `未知的接口：${String(channel).slice(0, 80)}` } });
      }
      return ipcRenderer.invoke(channel, req) as Promise<RpcResult<unknown>>;
    },
  };
}

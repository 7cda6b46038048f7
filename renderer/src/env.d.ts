/// <reference types="vite/client" />

import type { RpcResult } from '../../shared/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload (contract channels, the window's login and logout); absent in browser mode. */
    normdesk?: {
      invoke(channel: string, req: unknown): Promise<RpcResult<unknown>>;
      login?(user: string, password: string): Promise<RpcResult<unknown>>;
      logout?(): Promise<RpcResult<unknown>>;
    };
  }
}

/// <reference types="vite/client" />

import type { RpcResult } from '../../shared/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload (contract channels only); absent in browser mode. */
    normdesk?: { invoke(channel: string, req: unknown): Promise<RpcResult<unknown>> };
  }
}

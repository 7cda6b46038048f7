import { CHANNELS, MAX_REQUEST_BYTES, MAX_REQUEST_LABEL, type RpcResult } from '../../shared/contract';
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

/** One ipcMain.handle per contract channel; each checks the sending frame and the request size first. */
export function registerIpc(ipcMain: IpcMainLike, app: Pick<App, 'dispatch' | 'caller'>, rendererUrl: string): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, req): Promise<RpcResult<unknown>> => {
      if (!isTrustedFrameUrl(event.senderFrame?.url, rendererUrl)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' } };
      }
      if (approxSize(req) > MAX_REQUEST_BYTES) {
        return { ok: false, error: { code: 'TOO_LARGE', message: `请求过大：不能超过 ${MAX_REQUEST_LABEL}` } };
      }
      // The desktop window acts for the signed-in OS user (accounts, when a library has them, come later).
      return app.dispatch(channel, req, app.caller);
    });
  }
}

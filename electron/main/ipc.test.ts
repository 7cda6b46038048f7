import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, MAX_REQUEST_BYTES } from '../../shared/contract';
import { createPreloadApi } from '../preload/api';
import { localCaller } from '../../shared/contract';
import { isTrustedFrameUrl, registerIpc, type IpcMainLike } from './ipc';

const USER = localCaller('张三', 'electron');
import { lockDownContents, lockDownSession } from './window';

const RENDERER = 'file:///opt/NormDesk/resources/app.asar/out/renderer/index.html';

function fakeIpcMain() {
  const handlers = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
  const ipcMain: IpcMainLike = { handle: (channel, fn) => void handlers.set(channel, fn) };
  return { ipcMain, handlers };
}

describe('Electron IPC wiring (with fakes of the Electron modules)', () => {
  it('registers exactly one handler per contract channel', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, { dispatch: vi.fn(), caller: USER }, RENDERER);
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('dispatches calls from our own renderer and refuses other frames', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const dispatch = vi.fn(async () => ({ ok: true as const, data: 42 }));
    registerIpc(ipcMain, { dispatch, caller: USER }, RENDERER);
    const handle = handlers.get('app:info')!;
    expect(await handle({ senderFrame: { url: RENDERER } }, {})).toEqual({ ok: true, data: 42 });
    expect(dispatch).toHaveBeenCalledWith('app:info', {}, USER);
    for (const url of ['https://evil.example/', 'file:///tmp/other.html']) {
      const res = (await handle({ senderFrame: { url } }, {})) as { ok: boolean; error: { code: string } };
      expect(res.error.code).toBe('FORBIDDEN');
    }
    expect(await handle({ senderFrame: null }, {})).toMatchObject({ ok: false });
    expect(dispatch).toHaveBeenCalledTimes(1);
  });

  it('refuses requests over the transport limit', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const dispatch = vi.fn();
    registerIpc(ipcMain, { dispatch, caller: USER }, RENDERER);
    const res = await handlers.get('search:suggest')!({ senderFrame: { url: RENDERER } }, { text: 'x'.repeat(MAX_REQUEST_BYTES + 1) });
    expect(res).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('trusts the dev server origin only when the renderer is served from it', () => {
    expect(isTrustedFrameUrl('http://localhost:5173/#/library', 'http://localhost:5173/')).toBe(true);
    expect(isTrustedFrameUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isTrustedFrameUrl('not a url', RENDERER)).toBe(false);
  });

  it('denies new windows, navigation away and every permission, and sets the CSP', () => {
    const listeners: Record<string, (e: { preventDefault(): void }, url: string) => void> = {};
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    lockDownContents(
      { setWindowOpenHandler: (h) => (openHandler = h), on: (name, fn) => void (listeners[name] = fn) },
      RENDERER,
    );
    expect(openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const prevent = vi.fn();
    listeners['will-navigate']({ preventDefault: prevent }, 'https://example.com');
    expect(prevent).toHaveBeenCalled();

    let permission: ((wc: unknown, p: string, cb: (g: boolean) => void) => void) | undefined;
    let headers: ((d: { responseHeaders?: Record<string, string[] | string> }, cb: (r: { responseHeaders: Record<string, string[] | string> }) => void) => void) | undefined;
    lockDownSession({ setPermissionRequestHandler: (h) => (permission = h), webRequest: { onHeadersReceived: (l) => (headers = l) } }, "default-src 'self'");
    const granted = vi.fn();
    permission!(null, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    const done = vi.fn();
    headers!({ responseHeaders: {} }, done);
    expect(done).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': ["default-src 'self'"] } });
  });
});

describe('preload API', () => {
  it('exposes invoke for contract channels only', async () => {
    const invoke = vi.fn(async () => ({ ok: true, data: 1 }));
    const api = createPreloadApi({ invoke }, CHANNELS);
    expect(Object.keys(api)).toEqual(['invoke']);
    expect(await api.invoke('app:info', {})).toEqual({ ok: true, data: 1 });
    expect(await api.invoke('fs:readFile', '/etc/passwd')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(invoke).toHaveBeenCalledTimes(1);
  });
});

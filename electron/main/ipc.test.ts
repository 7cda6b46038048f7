import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, MAX_REQUEST_BYTES } from '../../shared/contract';
import { createPreloadApi } from '../preload/api';
import { localCaller } from '../../shared/contract';
import { isTrustedFrameUrl, registerIpc, type IpcMainLike } from './ipc';

const USER = localCaller('张三', 'electron');
import { lockDownContents, lockDownSession } from './window';

const RENDERER = 'app://normdesk/index.html';

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
    expect(await handle({ senderFrame: { url: 'app://normdesk/index.html#/documents/x' } }, {})).toEqual({ ok: true, data: 42 });
    for (const url of [
      'https://evil.example/',
      'file:///tmp/other.html',
      // the renderer's own files reached over file:// are not the app origin either
      'file:///opt/NormDesk/resources/app.asar/out/renderer/index.html',
      'app://evil/index.html',
      'app:///index.html',
      'http://localhost:5173/',
    ]) {
      const res = (await handle({ senderFrame: { url } }, {})) as { ok: boolean; error: { code: string } };
      expect(res.error.code).toBe('FORBIDDEN');
    }
    expect(await handle({ senderFrame: null }, {})).toMatchObject({ ok: false });
    expect(dispatch).toHaveBeenCalledTimes(2);
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

  it('denies new windows, webviews, navigation of the page or any frame away from the app origin', () => {
    const listeners: Record<string, (...args: never[]) => void> = {};
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    lockDownContents(
      { setWindowOpenHandler: (h) => (openHandler = h), on: (name: string, fn: (...args: never[]) => void) => void (listeners[name] = fn) },
      RENDERER,
    );
    expect(openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const nav = (name: string, url: string) => {
      const preventDefault = vi.fn();
      if (name === 'will-frame-navigate') (listeners[name] as (d: { url: string; preventDefault(): void }) => void)({ url, preventDefault });
      else (listeners[name] as (e: { preventDefault(): void }, url: string) => void)({ preventDefault }, url);
      return preventDefault.mock.calls.length > 0;
    };
    for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      expect(nav(name, 'https://example.com'), name).toBe(true);
      expect(nav(name, 'file:///etc/passwd'), name).toBe(true);
      expect(nav(name, 'app://normdesk/index.html'), name).toBe(false);
    }
    const webview = vi.fn();
    (listeners['will-attach-webview'] as (e: { preventDefault(): void }) => void)({ preventDefault: webview });
    expect(webview).toHaveBeenCalled();
  });

  it('denies every permission request, permission check and device, and sets the CSP', () => {
    let permission: ((wc: unknown, p: string, cb: (g: boolean) => void) => void) | undefined;
    let check: ((wc: unknown, p: string) => boolean) | undefined;
    let device: ((d: unknown) => boolean) | undefined;
    let headers: ((d: { responseHeaders?: Record<string, string[] | string> }, cb: (r: { responseHeaders: Record<string, string[] | string> }) => void) => void) | undefined;
    lockDownSession(
      {
        setPermissionRequestHandler: (h) => (permission = h),
        setPermissionCheckHandler: (h) => (check = h),
        setDevicePermissionHandler: (h) => (device = h),
        webRequest: { onHeadersReceived: (l) => (headers = l) },
      },
      "default-src 'self'",
    );
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid']) {
      const granted = vi.fn();
      permission!(null, p, granted);
      expect(granted).toHaveBeenCalledWith(false);
      expect(check!(null, p)).toBe(false);
    }
    expect(device!({ deviceType: 'usb' })).toBe(false);
    const done = vi.fn();
    headers!({ responseHeaders: {} }, done);
    expect(done).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': ["default-src 'self'"] } });
  });
});

describe('preload API', () => {
  it('exposes invoke for contract channels only, and the window login and logout', async () => {
    const invoke = vi.fn(async () => ({ ok: true, data: 1 }));
    const api = createPreloadApi({ invoke }, CHANNELS);
    expect(Object.keys(api)).toEqual(['invoke', 'login', 'logout']);
    expect(await api.invoke('app:info', {})).toEqual({ ok: true, data: 1 });
    expect(await api.invoke('fs:readFile', '/etc/passwd')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(invoke).toHaveBeenCalledTimes(1);
  });
});

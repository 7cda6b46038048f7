import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP } from '../core/kernel/renderer-assets';
import { APP_ENTRY, createAppProtocolHandler, PRIVILEGED_SCHEMES, rendererUrlFor } from './app-protocol';
import { isTrustedFrameUrl } from './ipc';

function setup() {
  const root = mkdtempSync(join(tmpdir(), 'nd-proto-'));
  const dir = join(root, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>NormDesk</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'SECRET');
  return { dir, handle: createAppProtocolHandler(dir, "default-src 'self'") };
}

describe('app://normdesk protocol (the renderer is never loaded from file://)', () => {
  it('is registered as a standard, secure scheme', () => {
    expect(PRIVILEGED_SCHEMES).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(APP_ENTRY).toBe('app://normdesk/index.html');
  });

  it('serves the built renderer with its type and the CSP', async () => {
    const { dir, handle } = setup();
    const page = await handle({ url: APP_ENTRY });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(await page.text()).toBe(readFileSync(join(dir, 'index.html'), 'utf8'));
    const js = await handle({ url: 'app://normdesk/assets/app.js' });
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect((await handle({ url: 'app://normdesk/' })).status).toBe(200);
  });

  it('never serves a file outside the renderer folder, another host, or a broken address', async () => {
    const { handle } = setup();
    for (const url of ['app://normdesk/../secret.txt', 'app://normdesk/%2e%2e/secret.txt', 'app://normdesk/assets/..%2f..%2fsecret.txt']) {
      const res = await handle({ url });
      expect(await res.text(), url).not.toBe('SECRET');
    }
    expect((await handle({ url: 'app://other/index.html' })).status).toBe(404);
    expect((await handle({ url: 'app://normdesk/%' })).status).toBe(400);
    expect((await handle({ url: 'app://normdesk/missing.js' })).status).toBe(404);
    expect((await handle({ url: 'app://normdesk/index.html', method: 'POST' })).status).toBe(405);
  });
});

describe('which page the window loads (ELECTRON_RENDERER_URL)', () => {
  const DEV = 'http://localhost:5173/';
  it('honours the dev server only when not packaged, and then trusts its origin for IPC', () => {
    expect(rendererUrlFor({ ELECTRON_RENDERER_URL: DEV }, false)).toBe(DEV);
    expect(isTrustedFrameUrl('http://localhost:5173/#/library', rendererUrlFor({ ELECTRON_RENDERER_URL: DEV }, false))).toBe(true);
  });

  it('ignores it in a packaged app: the app origin is loaded and the dev origin is refused for IPC', () => {
    const url = rendererUrlFor({ ELECTRON_RENDERER_URL: DEV }, true);
    expect(url).toBe(APP_ENTRY);
    expect(isTrustedFrameUrl('http://localhost:5173/', url)).toBe(false);
    expect(isTrustedFrameUrl(APP_ENTRY, url)).toBe(true);
  });

  it('never loads a remote or file page, even in development', () => {
    for (const bad of ['https://example.com/', 'http://10.0.0.5:5173/', 'file:///tmp/x.html', 'http://localhost.evil.com:80/', 'http://localhost:5173@evil.com/']) {
      expect(rendererUrlFor({ ELECTRON_RENDERER_URL: bad }, false)).toBe(APP_ENTRY);
    }
    expect(rendererUrlFor({}, false)).toBe(APP_ENTRY);
  });

  it('sends a CSP that forbids form submissions', () => {
    expect(CSP).toContain("form-action 'none'");
  });
});

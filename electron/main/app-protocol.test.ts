import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY, createAppProtocolHandler, PRIVILEGED_SCHEMES } from './app-protocol';

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

import { describe, expect, it } from 'vitest';
import { DESKTOP_SESSION } from '../../shared/contract/accounts';
import { createApp } from '../core/composition';
import { BY } from '../core/test-support/fixtures';
import { registerIpc, type IpcMainLike } from './ipc';

const RENDERER = 'app://normdesk/index.html';
const OWN = { senderFrame: { url: RENDERER } };

function wired() {
  const app = createApp({ dataDir: ':memory:', shell: 'electron', log: { info: () => {}, error: () => {} } });
  const handlers = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
  registerIpc({ handle: (c, fn) => void handlers.set(c, fn) }, app, RENDERER, app.services.accounts);
  const send = (channel: string, ...args: unknown[]) => handlers.get(channel)!(OWN, ...args) as Promise<{ ok: boolean; data?: any; error?: { code: string; message: string } }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers are checked field by field
  return { app, send };
}

describe('the desktop window of a library with accounts', () => {
  it('acts as the OS user while the library has no accounts', async () => {
    const { app, send } = wired();
    expect((await send('session:info', {})).data).toMatchObject({ role: null, accounts: false, access: ['read', 'edit', 'review', 'admin'] });
    await app.close();
  });

  it('asks to log in, then acts as the account with its role, until logout', async () => {
    const { app, send } = wired();
    await app.services.accounts.add(BY, { name: 'li', displayName: '李', role: 'editor', password: 'editor password' });
    expect((await send('app:info', {})).error).toEqual({ code: 'UNAUTHORIZED', message: '请先登录' });
    expect((await send(DESKTOP_SESSION.login, 'li', 'wrong password')).error).toEqual({ code: 'UNAUTHORIZED', message: '用户名或密码不正确' });
    const ok = await send(DESKTOP_SESSION.login, 'li', 'editor password');
    expect(ok.data).toMatchObject({ user: 'li', role: 'editor', access: ['read', 'edit'] });
    expect((await send('session:info', {})).data).toMatchObject({ user: 'li', role: 'editor', accounts: true });
    expect((await send('users:list', {})).error?.code).toBe('FORBIDDEN');
    await send(DESKTOP_SESSION.logout);
    expect((await send('app:info', {})).error?.code).toBe('UNAUTHORIZED');
    const actions = (await app.call('audit:list', { user: 'li' })).map((r) => r.action);
    expect(actions).toEqual(['session.logout', 'session.login', 'session.login-failed']);
    await app.close();
  });

  it('refuses a login from another frame', async () => {
    const app = createApp({ dataDir: ':memory:', shell: 'electron', log: { info: () => {}, error: () => {} } });
    const handlers = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
    registerIpc({ handle: (c, fn) => void handlers.set(c, fn) }, app, RENDERER, app.services.accounts);
    const answer = (await handlers.get(DESKTOP_SESSION.login)!({ senderFrame: { url: 'https://evil.example/' } }, 'li', 'x')) as { error: { code: string } };
    expect(answer.error.code).toBe('FORBIDDEN');
    await app.close();
  });
});

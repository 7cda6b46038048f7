import { describe, expect, it, vi } from 'vitest';
import { ACCESS, CHANNELS, contract, localCaller, type Caller, type Handlers } from '../../../shared/contract';
import { AppError } from './errors';
import { createDispatch } from './dispatch';

const LOCAL = localCaller('张三', 'cli');

function setup(partial: Partial<Handlers>) {
  const log = { info: vi.fn(), error: vi.fn() };
  return { dispatch: createDispatch(partial as Handlers, log), log };
}

describe('dispatch', () => {
  it('refuses an unknown channel without calling anything', async () => {
    const { dispatch } = setup({});
    const res = await dispatch('documents:drop-all', {}, LOCAL);
    expect(res).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('未知的接口') } });
  });

  it('validates the request before the handler runs and names the bad field in Chinese', async () => {
    const handler = vi.fn();
    const { dispatch } = setup({ 'settings:update': handler });
    const res = await dispatch('settings:update', { expiryWindowMonths: 'six' }, LOCAL);
    expect(handler).not.toHaveBeenCalled();
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('INVALID_INPUT');
      expect(res.error.message).toBe('请求参数有误：即将到期提醒（月）：应为数字');
    }
    // 0 would silently switch the 即将到期 status off: refused with the range, not clamped.
    for (const months of [0, 25, 2.5]) {
      const bad = await dispatch('settings:update', { expiryWindowMonths: months }, LOCAL);
      expect(bad).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '请求参数有误：即将到期提醒（月）：应为 1 至 24 之间的整数' } });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses unexpected keys where the contract is strict', async () => {
    const handler = vi.fn();
    const { dispatch } = setup({ 'settings:update': handler });
    const res = await dispatch('settings:update', { dropTables: true }, LOCAL);
    expect(handler).not.toHaveBeenCalled();
    expect(res.ok).toBe(false);
  });

  it('passes parsed data (defaults filled in) to the handler and wraps its answer', async () => {
    const { dispatch } = setup({ 'search:suggest': async (req) => [{ id: 'x', title: req.text, docNumber: String(req.limit) }] });
    expect(await dispatch('search:suggest', { text: '婴幼儿' }, LOCAL)).toEqual({ ok: true, data: [{ id: 'x', title: '婴幼儿', docNumber: '8' }] });
  });

  it('returns expected errors with their code and message', async () => {
    const { dispatch } = setup({
      'documents:get': async () => {
        throw new AppError('NOT_FOUND', '未找到文件 abc');
      },
    });
    expect(await dispatch('documents:get', { id: 'abc' }, LOCAL)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '未找到文件 abc' } });
  });

  it('logs an unexpected error with its stack and returns INTERNAL without it', async () => {
    const { dispatch, log } = setup({
      'app:info': async () => {
        throw new TypeError('secret detail at /home/x');
      },
    });
    const res = await dispatch('app:info', {}, LOCAL);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('INTERNAL');
      expect(res.error.message).not.toContain('secret');
    }
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('app:info'), expect.any(TypeError));
  });

  it('hands the caller to the handler, so services can record who made a change', async () => {
    const seen: Caller[] = [];
    const { dispatch } = setup({
      'documents:delete': async (req, rc) => {
        seen.push(rc.caller);
        return { id: req.id };
      },
    });
    await dispatch('documents:delete', { id: 'a' }, LOCAL);
    expect(seen).toEqual([LOCAL]);
  });
});

describe('permissions (every channel declares what it needs; nothing is unguarded)', () => {
  it('every channel names one of the known permissions', () => {
    for (const channel of CHANNELS) expect(ACCESS, channel).toContain(contract[channel].access);
  });

  // For each permission a caller lacks, every channel needing it is refused before validation or the handler.
  it.each(ACCESS.map((_, i) => ACCESS.slice(0, i)))('a caller with only [%s] is refused exactly the channels beyond it', async (...granted) => {
    const called: string[] = [];
    const handlers = Object.fromEntries(CHANNELS.map((c) => [c, async () => void called.push(c)])) as unknown as Handlers;
    const dispatch = createDispatch(handlers, { info: vi.fn(), error: vi.fn() });
    const caller: Caller = { user: '李四', shell: 'browser', access: granted };
    for (const channel of CHANNELS) {
      const res = await dispatch(channel, {}, caller);
      const allowed = granted.includes(contract[channel].access);
      if (allowed) continue;
      expect(res, channel).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/李四.*没有“.+”权限/) } });
    }
    expect(called.every((c) => granted.includes(contract[c as keyof typeof contract].access))).toBe(true);
  });

  it('reading is open to a viewer, editing and settings are not', async () => {
    const viewer: Caller = { user: '王五', shell: 'browser', access: ['read'] };
    const { dispatch } = setup({ 'documents:get': async () => ({}) as never, 'settings:update': vi.fn() });
    expect((await dispatch('documents:update', { id: 'x', patch: {} }, viewer)).ok).toBe(false);
    const refused = await dispatch('settings:update', { expiryWindowMonths: 3 }, viewer);
    expect(refused).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '当前用户（王五）没有“管理”权限，不能执行此操作。' } });
    expect((await dispatch('documents:get', { id: 'x' }, viewer)).ok).toBe(true);
  });
});

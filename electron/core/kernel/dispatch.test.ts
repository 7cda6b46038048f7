import { describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../../shared/contract';
import { AppError } from './errors';
import { createDispatch } from './dispatch';

function setup(partial: Partial<Handlers>) {
  const log = { info: vi.fn(), error: vi.fn() };
  return { dispatch: createDispatch(partial as Handlers, log), log };
}

describe('dispatch', () => {
  it('refuses an unknown channel without calling anything', async () => {
    const { dispatch } = setup({});
    const res = await dispatch('documents:drop-all', {});
    expect(res).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('未知的接口') } });
  });

  it('validates the request before the handler runs and names the bad field in Chinese', async () => {
    const handler = vi.fn();
    const { dispatch } = setup({ 'settings:update': handler });
    const res = await dispatch('settings:update', { expiryWindowMonths: 'six' });
    expect(handler).not.toHaveBeenCalled();
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('INVALID_INPUT');
      expect(res.error.message).toContain('expiryWindowMonths');
      expect(res.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('refuses unexpected keys where the contract is strict', async () => {
    const handler = vi.fn();
    const { dispatch } = setup({ 'settings:update': handler });
    const res = await dispatch('settings:update', { dropTables: true });
    expect(handler).not.toHaveBeenCalled();
    expect(res.ok).toBe(false);
  });

  it('passes parsed data (defaults filled in) to the handler and wraps its answer', async () => {
    const { dispatch } = setup({ 'search:suggest': async (req) => [{ id: 'x', title: req.text, docNumber: String(req.limit) }] });
    expect(await dispatch('search:suggest', { text: '婴幼儿' })).toEqual({ ok: true, data: [{ id: 'x', title: '婴幼儿', docNumber: '8' }] });
  });

  it('returns expected errors with their code and message', async () => {
    const { dispatch } = setup({
      'documents:get': async () => {
        throw new AppError('NOT_FOUND', '未找到文件 abc');
      },
    });
    expect(await dispatch('documents:get', { id: 'abc' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '未找到文件 abc' } });
  });

  it('logs an unexpected error with its stack and returns INTERNAL without it', async () => {
    const { dispatch, log } = setup({
      'app:info': async () => {
        throw new TypeError('secret detail at /home/x');
      },
    });
    const res = await dispatch('app:info', {});
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('INTERNAL');
      expect(res.error.message).not.toContain('secret');
    }
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('app:info'), expect.any(TypeError));
  });
});

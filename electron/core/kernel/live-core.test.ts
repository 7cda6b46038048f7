import { describe, expect, it, vi } from 'vitest';
import { localCaller } from '../../../shared/contract';
import { createLiveCore, type Core } from './live-core';

// A restore closes the core and builds a new one; the app must always answer from exactly one whole core.

const USER = localCaller('u', 'cli');

function fakeCore(name: string, log: string[], slow?: Promise<void>, restore?: () => Promise<unknown>): Core & { closed: boolean } {
  const core = {
    closed: false,
    dispatch: vi.fn(async (channel: string) => {
      if (channel === 'slow') await slow;
      if (channel === 'restore' && restore) {
        await restore(); // the handler runs inside its request, then answers
        return { ok: true as const, data: `${name} restored` };
      }
      if (core.closed) throw new Error(`${name} used after close`);
      return { ok: true as const, data: name };
    }),
    close: vi.fn(async () => {
      log.push(`close ${name}`);
      core.closed = true;
    }),
  };
  return core;
}

describe('live core', () => {
  it('waits for requests in flight, holds new ones during the swap, then answers from the new core', async () => {
    const log: string[] = [];
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    let n = 0;
    const restore = (): Promise<unknown> => live.lifecycle.swapFiles({ apply: () => log.push('apply'), undo: () => log.push('undo'), check: () => {} });
    const live = createLiveCore(() => fakeCore(`core${++n}`, log, slow, restore));
    const inFlight = live.dispatch('slow', {}, USER);
    // the swap is requested from inside a request, as the restore handler does
    const swap = live.dispatch('restore', {}, USER);
    await new Promise((r) => setTimeout(r, 60));
    expect(log).toEqual([]); // still waiting for the slow request
    const held = live.dispatch('y', {}, USER);
    release();
    expect(await inFlight).toEqual({ ok: true, data: 'core1' });
    expect(await swap).toEqual({ ok: true, data: 'core1 restored' });
    expect(log).toEqual(['close core1', 'apply']);
    expect(await held).toEqual({ ok: true, data: 'core2' });
    expect(await live.dispatch('z', {}, USER)).toEqual({ ok: true, data: 'core2' });
  });

  it('puts the files back and reopens the old library when the new one fails its check', async () => {
    const log: string[] = [];
    let n = 0;
    const live = createLiveCore(() => fakeCore(`core${++n}`, log));
    await expect(
      live.lifecycle.swapFiles({
        apply: () => log.push('apply'),
        undo: () => log.push('undo'),
        check: () => {
          throw new Error('restored library is bad');
        },
      }),
    ).rejects.toThrow('restored library is bad');
    expect(log).toEqual(['close core1', 'apply', 'close core2', 'undo']);
    expect(await live.dispatch('a', {}, USER)).toEqual({ ok: true, data: 'core3' });
  });

  it('refuses a second swap while one runs, and answers "closed" after close', async () => {
    const live = createLiveCore(() => fakeCore('c', []));
    let finish!: () => void;
    const first = live.lifecycle.swapFiles({ apply: () => undefined, undo: () => {}, check: () => new Promise<void>((r) => (finish = r)) });
    await new Promise((r) => setTimeout(r, 20));
    await expect(live.lifecycle.swapFiles({ apply: () => undefined, undo: () => {}, check: () => {} })).rejects.toThrow(/正在恢复/);
    finish();
    await first;
    await live.close();
    expect(await live.dispatch('a', {}, USER)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

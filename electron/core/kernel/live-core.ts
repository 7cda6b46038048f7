import { AppError } from './errors';
import type { Dispatch } from './dispatch';

/** What the composition root builds over one open database. */
export interface Core {
  dispatch: Dispatch;
  close(): Promise<void>;
}

/** A change to the library's files made while it is closed (restore), with its undo and a check of the result. */
export interface FileSwap<T, C extends Core> {
  /** runs while no database handle is open */
  apply(): T;
  /** puts the files back when the reopened library fails its check */
  undo(applied: T): void;
  /** verifies the reopened library; throws to undo */
  check(core: C, applied: T): void | Promise<void>;
}

/** Lets a handler close the library, change its files and reopen it, with every other request held meanwhile. */
export interface Lifecycle {
  swapFiles<T>(swap: FileSwap<T, Core>): Promise<T>;
}

/**
 * The running app over a database that can be replaced (restore) without a restart. Every request goes through
 * `dispatch`, which holds new requests while a swap runs and counts the ones in flight; a swap waits until it is
 * the only request, closes the core (every service, worker and the database handle), changes the files, and
 * builds a new core. If the new library cannot be opened or fails its check, the files are put back and the old
 * library is opened again, so the app is never left half-open: it always answers from exactly one whole core.
 */
export function createLiveCore<C extends Core>(build: (lifecycle: Lifecycle) => C, opts: { idleWaitMs?: number } = {}) {
  let gate: Promise<void> | null = null;
  let inFlight = 0;
  let closed = false;
  const lifecycle: Lifecycle = { swapFiles: (swap) => swapFiles(swap as FileSwap<unknown, C>) as never };
  let current: C | null = build(lifecycle);

  async function waitIdle(): Promise<void> {
    const deadline = Date.now() + (opts.idleWaitMs ?? 30_000);
    // the swap's own request is in flight, so idle means one
    while (inFlight > 1) {
      if (Date.now() > deadline) throw new AppError('CONFLICT', '还有其他操作正在进行（如导入或导出），请等它完成后再恢复。');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async function swapFiles<T>(swap: FileSwap<T, C>): Promise<T> {
    if (gate) throw new AppError('CONFLICT', '正在恢复文件库，请稍候。');
    let open!: () => void;
    gate = new Promise<void>((r) => (open = r));
    try {
      await waitIdle();
      await current!.close();
      current = null;
      const applied = swap.apply();
      let next: C | null = null;
      try {
        next = build(lifecycle);
        await swap.check(next, applied);
        current = next;
        return applied;
      } catch (err) {
        if (next) await next.close().catch(() => {});
        swap.undo(applied);
        current = build(lifecycle);
        throw err;
      }
    } catch (err) {
      // the library could not be swapped, nor the old one reopened: keep trying the old files once more
      if (!current && !closed) current = build(lifecycle);
      throw err;
    } finally {
      gate = null;
      open();
    }
  }

  return {
    lifecycle,
    /** the core answering now */
    get current(): C {
      if (!current) throw new AppError('CONFLICT', '文件库正在重新打开，请稍候。');
      return current;
    },
    /** every request of every shell comes through here */
    dispatch: (async (channel, body, caller) => {
      while (gate) await gate;
      if (closed || !current) return { ok: false, error: { code: 'CONFLICT', message: '文件库已关闭。' } };
      inFlight++;
      try {
        return await current.dispatch(channel, body, caller);
      } finally {
        inFlight--;
      }
    }) as Dispatch,
    async close(): Promise<void> {
      while (gate) await gate;
      closed = true;
      const c = current;
      current = null;
      await c?.close();
    },
  };
}

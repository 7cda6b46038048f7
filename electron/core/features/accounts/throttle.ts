/** After this many failures in a row a user name (or an address) is locked for a while. */
export interface ThrottleOptions {
  maxFailures: number;
  /** first lockout; each further failure after it doubles it, up to `maxLockMs` */
  lockMs: number;
  maxLockMs: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { maxFailures: 5, lockMs: 5 * 60_000, maxLockMs: 60 * 60_000 };

/**
 * Login throttling in memory: failures counted per key (a user name, an address); a key over the limit is locked
 * until its time runs out. A success clears the key. Restarting the server clears every lock.
 */
export function createThrottle(now: () => Date, opts: ThrottleOptions = DEFAULT_THROTTLE) {
  const state = new Map<string, { failures: number; lockedUntil: number }>();
  return {
    /** Milliseconds still to wait before `key` may try again, 0 when it may. */
    waitMs(key: string): number {
      const s = state.get(key);
      return s ? Math.max(0, s.lockedUntil - now().getTime()) : 0;
    },
    fail(key: string): void {
      const s = state.get(key) ?? { failures: 0, lockedUntil: 0 };
      s.failures += 1;
      if (s.failures >= opts.maxFailures) {
        s.lockedUntil = now().getTime() + Math.min(opts.maxLockMs, opts.lockMs * 2 ** (s.failures - opts.maxFailures));
      }
      state.set(key, s);
    },
    succeed(key: string): void {
      state.delete(key);
    },
  };
}

/** "3 分钟" / "45 秒": the wait a refusal names. */
export function describeWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds >= 60 ? `${Math.ceil(seconds / 60)} 分钟` : `${seconds} 秒`;
}

import type { AppContext } from '../../kernel/context';

/**
 * How many failed logins lock what, and for how long. Three counters, so one cannot lock out the other:
 * - an account from one address (`pair`): a colleague mistyping locks only themselves, on their machine;
 * - an account from anywhere (`account`): guessing one password from many machines;
 * - an address for any account (`address`): one machine trying many accounts.
 * A locked counter counts no further attempts, so a single mistyping person never reaches the wider limits.
 */
export interface ThrottleOptions {
  /** failures of one account from one address before it is locked there */
  maxFailures: number;
  /** failures of one account from all addresses together, and of all accounts from one address, before a lock */
  maxSpread: number;
  /** first lockout; each further failure after it doubles it, up to `maxLockMs` */
  lockMs: number;
  maxLockMs: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { maxFailures: 5, maxSpread: 20, lockMs: 5 * 60_000, maxLockMs: 60 * 60_000 };

interface Row {
  key: string;
  failures: number;
  locked_until: number;
}

/** The counters one login attempt touches: the pair, the account, the address, each with its own limit. */
export function throttleKeys(name: string, address: string, opts: ThrottleOptions): Array<{ key: string; max: number }> {
  return [
    { key: `p:${name} ${address}`, max: opts.maxFailures },
    { key: `u:${name}`, max: opts.maxSpread },
    { key: `a:${address}`, max: opts.maxSpread },
  ];
}

/** What a login learns from the throttle before it may check a password. */
export type Admission = { ok: true; settle(success: boolean): void } | { ok: false; waitMs: number };

/**
 * Login throttling kept in the library (table login_throttle), so locks survive a restart and the CLI can lift
 * them. An attempt is counted as a failure *before* the slow password check (`admit`), in one synchronous
 * transaction: a burst of parallel attempts can never check more passwords than the limit allows, since each
 * one sees the counts of every attempt admitted before it. A success then takes its count back (`settle`).
 */
export function createThrottle(ctx: Pick<AppContext, 'db' | 'now'>, opts: ThrottleOptions = DEFAULT_THROTTLE) {
  const db = ctx.db;
  const get = db.prepare<[string], Row>('SELECT key, failures, locked_until FROM login_throttle WHERE key = ?');
  const put = db.prepare(
    'INSERT INTO login_throttle (key, failures, locked_until, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until, updated_at = excluded.updated_at',
  );
  const del = db.prepare<[string]>('DELETE FROM login_throttle WHERE key = ?');
  const now = () => ctx.now().getTime();

  function waitOf(key: string): number {
    const row = get.get(key);
    return row ? Math.max(0, row.locked_until - now()) : 0;
  }

  const admitTx = db.transaction((keys: Array<{ key: string; max: number }>): number => {
    const wait = Math.max(...keys.map((k) => waitOf(k.key)));
    if (wait > 0) return wait;
    const t = now();
    for (const { key, max } of keys) {
      const failures = (get.get(key)?.failures ?? 0) + 1;
      const lockedUntil = failures >= max ? t + Math.min(opts.maxLockMs, opts.lockMs * 2 ** (failures - max)) : 0;
      put.run(key, failures, lockedUntil, new Date(t).toISOString());
    }
    return 0;
  });

  /** A success: the account's own counters start again; the address gives back only this attempt's count. */
  const succeedTx = db.transaction((keys: Array<{ key: string; max: number }>) => {
    const [pair, account, address] = keys;
    del.run(pair.key);
    del.run(account.key);
    const row = get.get(address.key);
    if (row && row.failures <= 1) del.run(address.key);
    else if (row) put.run(address.key, row.failures - 1, row.failures - 1 >= address.max ? row.locked_until : 0, ctx.now().toISOString());
  });

  return {
    /** Counts this attempt as a failure before the password is checked, or says how long to wait. */
    admit(name: string, address: string): Admission {
      const keys = throttleKeys(name, address, opts);
      const waitMs = admitTx(keys);
      if (waitMs > 0) return { ok: false, waitMs };
      return { ok: true, settle: (success) => (success ? succeedTx(keys) : undefined) };
    },
    /**
     * Lifts the locks of an account (from every address) or of an address (every account from it); returns how
     * many counters were cleared. For the administrator on the server machine (`normdesk user unlock`).
     */
    unlock(target: { name?: string; address?: string }): number {
      let n = 0;
      if (target.name) {
        n += db.prepare('DELETE FROM login_throttle WHERE key = ?').run(`u:${target.name}`).changes;
        n += db.prepare("DELETE FROM login_throttle WHERE substr(key, 1, ?) = ?").run(target.name.length + 3, `p:${target.name} `).changes;
      }
      if (target.address) {
        n += db.prepare('DELETE FROM login_throttle WHERE key = ?').run(`a:${target.address}`).changes;
        n += db.prepare("DELETE FROM login_throttle WHERE key LIKE 'p:%' AND substr(key, -?) = ?").run(target.address.length + 1, ` ${target.address}`).changes;
      }
      return n;
    },
    /** Counters locked now: what `user locks` shows. */
    locked(): Array<{ key: string; failures: number; lockedUntil: string }> {
      return db
        .prepare<[number], Row>('SELECT key, failures, locked_until FROM login_throttle WHERE locked_until > ? ORDER BY key')
        .all(now())
        .map((r) => ({ key: r.key, failures: r.failures, lockedUntil: new Date(r.locked_until).toISOString() }));
    },
  };
}

/** "3 分钟" / "45 秒": the wait a refusal names. */
export function describeWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds >= 60 ? `${Math.ceil(seconds / 60)} 分钟` : `${seconds} 秒`;
}

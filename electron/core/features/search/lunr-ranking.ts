import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../../kernel/context';
import { createLunrClient, type LunrClient } from './lunr-client';
import { shardFile } from './lunr-host';
import { toLunrDoc, type LunrQueryOptions } from './lunr-engine';

/** Documents per lunr shard (see ensureLunr). */
export const LUNR_SHARD = 2500;

export interface LunrOptions {
  /** where lunr runs: a worker thread for large libraries ('auto', default), always, or never (in-process) */
  lunrWorker?: 'auto' | 'always' | 'never';
  /** libraries with at least this many documents use the worker under 'auto' */
  workerThreshold?: number;
  /** documents per lunr shard (default LUNR_SHARD) */
  lunrShardSize?: number;
}

export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
    );
  });
}

/**
 * The lunr ranking index (ranking and suggestions; never needed for completeness). Shards of LUNR_SHARD documents
 * by rid, each stamped with its row count and newest row version: a write moves the stamp of the shard it touches
 * only, and only that shard is rebuilt (under a second at 2,500), in a worker thread for large libraries. Shards
 * are saved in the data directory and loaded at start when their stamp still holds.
 */
export function createLunrRanking(ctx: Pick<AppContext, 'db' | 'dataDir' | 'log' | 'events' | 'onClose'>, opts: LunrOptions = {}) {
  const db = ctx.db;
  const stateStmt = db.prepare<[], { docs_version: number }>('SELECT docs_version FROM search_state WHERE id = 1');
  const lunrDir = ctx.dataDir === ':memory:' ? null : join(ctx.dataDir, 'search-lunr');
  const shardSize = Math.max(1, Math.floor(opts.lunrShardSize ?? LUNR_SHARD));
  const shardStampsStmt = db.prepare<[], { shard: number; n: number; v: number }>(
    `SELECT rid / ${shardSize} AS shard, count(*) AS n, max(ver) AS v FROM search_map GROUP BY shard`,
  );
  const shardStampStmt = db.prepare<[number, number], { n: number; v: number | null }>('SELECT count(*) AS n, max(ver) AS v FROM search_map WHERE rid >= ? AND rid < ?');
  const shardDocsStmt = db.prepare<[number, number], { id: string; title: string; docnum: string; issuers: string; kind: string | null }>(
    'SELECT doc_id AS id, title, docnum, issuers, kind FROM search_map WHERE rid >= ? AND rid < ?',
  );
  const shardStampOf = (r: { n: number; v: number | null }) => `${r.n}:${r.v ?? 0}`;
  let lunr: LunrClient | null = null;
  let lunrStamp = -1; // docs_version every shard reflects (-1: not all loaded or built yet)
  /** stamp of each shard the lunr host holds */
  const shardStamps = new Map<number, string>();
  let lunrTriedLoad = false;
  let building: Promise<void> | null = null;
  let rebuildTimer: NodeJS.Timeout | null = null;
  let closed = false;

  function lunrClient(): LunrClient {
    if (!lunr) {
      const mode = opts.lunrWorker ?? 'auto';
      const count = (db.prepare('SELECT count(*) AS n FROM search_map').get() as { n: number }).n;
      const useWorker = mode === 'always' || (mode === 'auto' && count >= (opts.workerThreshold ?? 1000));
      lunr = createLunrClient({ useWorker, log: ctx.log });
    }
    return lunr;
  }

  /** Brings every lunr shard up to the current documents, without blocking the caller. */
  function ensureLunr(): Promise<void> {
    if (closed) return Promise.resolve();
    if (building) return building;
    const stamp = stateStmt.get()!.docs_version;
    if (stamp === lunrStamp) return Promise.resolve();
    const client = lunrClient();
    building = (async () => {
      try {
        const stamps = new Map(shardStampsStmt.all().map((r) => [r.shard, shardStampOf(r)]));
        const first = !lunrTriedLoad;
        lunrTriedLoad = true;
        const gone = [...shardStamps.keys()].filter((k) => !stamps.has(k));
        if (first || gone.length) {
          // Shards whose documents are all deleted, and files from before: forgotten and removed.
          await client.request({ op: 'keep', shards: [...stamps.keys()], dir: lunrDir });
          for (const k of gone) shardStamps.delete(k);
          if (first && lunrDir) rmSync(join(ctx.dataDir, 'search-lunr.json'), { force: true }); // one-file index of 0.1
        }
        for (const [k, seen] of stamps) {
          if (closed) return;
          if (shardStamps.get(k) === seen) continue;
          const file = lunrDir ? shardFile(lunrDir, k) : null;
          if (first && file) {
            // Saved by an earlier run: loaded when its stamp is this one (a write since only means another pass).
            const r = await client.request({ op: 'load', shard: k, file, stamp: seen });
            if (r.op === 'load' && r.ok) {
              shardStamps.set(k, seen);
              continue;
            }
          }
          // Stamp and documents read together (no write comes between): what is built is what is stamped.
          const from = k * shardSize;
          const stampNow = shardStampOf(shardStampStmt.get(from, from + shardSize)!);
          const docs = shardDocsStmt.all(from, from + shardSize).map(toLunrDoc);
          await client.request({ op: 'build', shard: k, docs, file, stamp: stampNow });
          shardStamps.set(k, stampNow);
        }
        lunrStamp = stamp;
      } catch (err) {
        if (!closed) ctx.log.error('建立检索排序索引失败（不影响查全）', err);
      } finally {
        building = null;
      }
    })();
    return building;
  }

  function scheduleRebuild(): void {
    if (closed) return;
    if (rebuildTimer) clearTimeout(rebuildTimer);
    // Edits come in bursts (an import): rebuild once they settle. Search stays complete meanwhile (FTS5).
    rebuildTimer = setTimeout(() => {
      rebuildTimer = null;
      void ensureLunr().then(() => {
        if (!closed && stateStmt.get()!.docs_version !== lunrStamp) scheduleRebuild();
      });
    }, 300);
    rebuildTimer.unref();
  }
  const unsubscribe = ctx.events.on('documents:changed', scheduleRebuild);

  ctx.onClose(async () => {
    closed = true;
    unsubscribe();
    if (rebuildTimer) clearTimeout(rebuildTimer);
    // Let a running build finish (so it is persisted) but never hold closing for long.
    if (building) await withTimeout(building, 15_000);
    await lunr?.close();
  });

  async function lunrScores(text: string, budgetMs: number, options?: LunrQueryOptions): Promise<Map<string, number>> {
    const ready = ensureLunr();
    const scores = new Map<string, number>();
    // Never built yet (first query after start): give it the budget, then answer without it.
    if (lunrStamp < 0) await withTimeout(ready, budgetMs);
    if (lunrStamp < 0 || !lunr) return scores;
    const reply = await withTimeout(lunr.request({ op: 'query', text, limit: 500, options }), budgetMs);
    if (reply && reply.op === 'query') for (const h of reply.hits) scores.set(h.ref, h.score);
    return scores;
  }

  return {
    /** lunr's scores by document id for `text`; empty when the index is not ready within the budget. */
    scores: lunrScores,
    /** Resolves once every shard reflects every stored document (benchmark, tests). */
    async whenIndexed(): Promise<{ mode: 'worker' | 'in-process' }> {
      for (let i = 0; i < 5 && stateStmt.get()!.docs_version !== lunrStamp; i++) await ensureLunr();
      return { mode: lunrClient().mode };
    },
  };
}
export type LunrRanking = ReturnType<typeof createLunrRanking>;

import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type lunr from 'lunr';
import { buildLunrIndex, loadLunrIndex, LUNR_FORMAT, queryLunr, type LunrDoc, type LunrHit, type LunrQueryOptions } from './lunr-engine';

/**
 * Requests the lunr host understands, from the search service (through a worker or in-process). The index is
 * kept in shards (documents by rid range), each loaded, built and persisted on its own, so an edit rebuilds
 * one shard of a large library, not all of it, and a rebuild never holds two whole indexes in memory.
 */
export type LunrRequest =
  | { op: 'load'; shard: number; file: string; stamp: string }
  | { op: 'build'; shard: number; docs: LunrDoc[]; file: string | null; stamp: string }
  /** forget every other shard, and delete the other shard files of `dir` */
  | { op: 'keep'; shards: number[]; dir: string | null }
  | { op: 'query'; text: string; limit: number; fields?: Array<keyof LunrDoc>; options?: LunrQueryOptions };

export type LunrReply =
  | { op: 'load'; ok: boolean }
  | { op: 'build'; ok: true; ms: number }
  | { op: 'keep'; ok: true }
  | { op: 'query'; hits: LunrHit[] };

interface Persisted {
  format: number;
  stamp: string;
  index: unknown;
}

/** The file a shard is persisted in, inside the index directory. */
export function shardFile(dir: string, shard: number): string {
  return join(dir, `shard-${shard}.json`);
}
const SHARD_FILE = /^shard-(\d+)\.json$/;

export interface LunrHostOptions {
  /** lets queries in between the chunks of a build made here */
  yieldFn?: () => Promise<void>;
  /**
   * Builds a shard somewhere else and returns its serialized index (in the worker: a short-lived thread of
   * its own, so the garbage of building dies with it instead of swelling this thread's heap for good).
   * When it fails, the shard is built here.
   */
  buildElsewhere?: (docs: LunrDoc[]) => Promise<string>;
}

/**
 * Owns the lunr shards: loads them from the data directory, (re)builds them, persists each next to the
 * database (write to a temporary file, then rename: a crash never leaves half an index) and answers queries
 * over all of them, also while a shard is being built.
 */
export function createLunrHost(opts: LunrHostOptions = {}) {
  const shards = new Map<number, lunr.Index>();
  /** A shard's index and its JSON text, built elsewhere when possible. */
  async function build(docs: LunrDoc[]): Promise<{ index: lunr.Index; json: string }> {
    if (opts.buildElsewhere) {
      try {
        const json = await opts.buildElsewhere(docs);
        const index = loadLunrIndex(JSON.parse(json));
        if (index) return { index, json };
      } catch {
        // built here instead
      }
    }
    const index = await buildLunrIndex(docs, opts.yieldFn);
    return { index, json: JSON.stringify(index.toJSON()) };
  }
  return {
    async handle(req: LunrRequest): Promise<LunrReply> {
      switch (req.op) {
        case 'load': {
          if (!existsSync(req.file)) return { op: 'load', ok: false };
          try {
            const data = JSON.parse(readFileSync(req.file, 'utf8')) as Persisted;
            if (data.format !== LUNR_FORMAT || data.stamp !== req.stamp) return { op: 'load', ok: false };
            const loaded = loadLunrIndex(data.index);
            if (!loaded) return { op: 'load', ok: false };
            shards.set(req.shard, loaded);
            return { op: 'load', ok: true };
          } catch {
            return { op: 'load', ok: false };
          }
        }
        case 'build': {
          const t0 = performance.now();
          const built = await build(req.docs);
          shards.set(req.shard, built.index);
          if (req.file) {
            // A Persisted object, written around the index's JSON text rather than serializing it again.
            const head = JSON.stringify({ format: LUNR_FORMAT, stamp: req.stamp } satisfies Omit<Persisted, 'index'>).slice(0, -1);
            mkdirSync(dirname(req.file), { recursive: true });
            const tmp = `${req.file}.tmp`;
            writeFileSync(tmp, `${head},"index":${built.json}}`);
            renameSync(tmp, req.file);
          }
          return { op: 'build', ok: true, ms: performance.now() - t0 };
        }
        case 'keep': {
          const keep = new Set(req.shards);
          for (const k of [...shards.keys()]) if (!keep.has(k)) shards.delete(k);
          if (req.dir && existsSync(req.dir)) {
            for (const name of readdirSync(req.dir)) {
              const m = SHARD_FILE.exec(name);
              if (m && !keep.has(Number(m[1]))) rmSync(join(req.dir, name), { force: true });
            }
          }
          return { op: 'keep', ok: true };
        }
        case 'query':
          return { op: 'query', hits: shards.size ? queryLunr([...shards.values()], req.text, req.limit, req.fields, req.options) : [] };
      }
    },
  };
}

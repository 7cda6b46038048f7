import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type lunr from 'lunr';
import { buildLunrIndex, loadLunrIndex, LUNR_FORMAT, queryLunr, type LunrDoc, type LunrHit, type LunrQueryOptions } from './lunr-engine';

/** Requests the lunr host understands, from the search service (through a worker or in-process). */
export type LunrRequest =
  | { op: 'load'; file: string; stamp: number }
  | { op: 'build'; docs: LunrDoc[]; file: string | null; stamp: number }
  | { op: 'query'; text: string; limit: number; fields?: Array<keyof LunrDoc>; options?: LunrQueryOptions };

export type LunrReply =
  | { op: 'load'; ok: boolean }
  | { op: 'build'; ok: true; ms: number }
  | { op: 'query'; hits: LunrHit[] };

interface Persisted {
  format: number;
  stamp: number;
  index: unknown;
}

/**
 * Owns one lunr index: loads it from the data directory, (re)builds it, persists it next to the database
 * (write to a temporary file, then rename: a crash never leaves half an index) and answers queries.
 */
export function createLunrHost(yieldFn?: () => Promise<void>) {
  let index: lunr.Index | null = null;
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
            index = loaded;
            return { op: 'load', ok: true };
          } catch {
            return { op: 'load', ok: false };
          }
        }
        case 'build': {
          const t0 = performance.now();
          const built = await buildLunrIndex(req.docs, yieldFn);
          index = built;
          if (req.file) {
            const payload: Persisted = { format: LUNR_FORMAT, stamp: req.stamp, index: built.toJSON() };
            const tmp = `${req.file}.tmp`;
            writeFileSync(tmp, JSON.stringify(payload));
            renameSync(tmp, req.file);
          }
          return { op: 'build', ok: true, ms: performance.now() - t0 };
        }
        case 'query':
          return { op: 'query', hits: index ? queryLunr(index, req.text, req.limit, req.fields, req.options) : [] };
      }
    },
  };
}

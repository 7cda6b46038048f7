import type { Database } from 'better-sqlite3';
import { normalizeDocNumber } from '../../../shared/domain/docnumber';
import { gramsOf, normalizeBodyJson, normalizeIssuersJson, normalizeText } from '../../../shared/search/normalize';

/** Bodies normalized during a batch (rememberBodies), by their stored JSON. */
interface BatchBodies {
  bodies: Map<string, string> | null;
  chars: number;
}
const batches = new WeakMap<Database, BatchBodies>();
/** At most this many characters (stored JSON and normal form) are remembered for a batch (≈ 64 MB). */
const MAX_REMEMBERED_CHARS = 32 * 1024 * 1024;

/**
 * Runs `write` with every body the search functions normalize remembered until it returns: a batch that inserts
 * documents (each normalized once by the insert trigger, for its length) and then indexes them (db/search-batch.ts)
 * normalizes each body once instead of three times.
 */
export function rememberBodies<T>(db: Database, write: () => T): T {
  const state = batches.get(db);
  if (!state || state.bodies) return write();
  state.bodies = new Map();
  state.chars = 0;
  try {
    return write();
  } finally {
    state.bodies = null;
    state.chars = 0;
  }
}

/**
 * SQL functions the search triggers call. They must exist on every connection that writes documents, so
 * openDatabase registers them before migrating (migration 0002's triggers call them).
 */
export function registerSearchFunctions(db: Database): void {
  const opts = { deterministic: true, varargs: false } as const;
  db.function('nd_search_text', opts, (s: unknown) => normalizeText(typeof s === 'string' ? s : ''));
  db.function('nd_search_issuers', opts, (s: unknown) => normalizeIssuersJson(typeof s === 'string' ? s : null));
  db.function('nd_search_docnum', opts, (raw: unknown, normalized: unknown) => {
    const parts = new Set<string>();
    for (const v of [normalized, raw]) {
      if (typeof v !== 'string' || !v) continue;
      parts.add(normalizeDocNumber(v) ?? normalizeText(v));
    }
    return [...parts].join(' ');
  });
  // A trigger normalizes the same body for the trigram index, the gram index and its length: remember the last
  // (and, within rememberBodies, every body of the batch: its indexes are written after all its rows).
  let lastIn: string | null = null;
  let lastOut = '';
  const state: BatchBodies = { bodies: null, chars: 0 };
  batches.set(db, state);
  const body = (s: unknown): string => {
    const json = typeof s === 'string' ? s : null;
    if (json === lastIn) return lastOut;
    const known = json !== null ? state.bodies?.get(json) : undefined;
    lastOut = known ?? normalizeBodyJson(json);
    lastIn = json;
    if (known === undefined && json !== null && state.bodies && state.chars + json.length + lastOut.length <= MAX_REMEMBERED_CHARS) {
      state.bodies.set(json, lastOut);
      state.chars += json.length + lastOut.length;
    }
    return lastOut;
  };
  db.function('nd_search_body', opts, body);
  db.function('nd_search_body_grams', opts, (s: unknown) => gramsOf(body(s)));
  db.function('nd_search_grams', opts, (s: unknown) => gramsOf(typeof s === 'string' ? s : ''));
}


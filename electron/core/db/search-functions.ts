import type { Database } from 'better-sqlite3';
import { normalizeDocNumber } from '../../../shared/domain/docnumber';
import { gramsOf, normalizeBodyJson, normalizeIssuersJson, normalizeText } from '../../../shared/search/normalize';

/** A body's search forms, computed ahead of its insert (by the parse worker): its stored JSON, normal form and grams. */
export interface BodyForms {
  json: string;
  normal: string;
  grams: string;
}

/** The search forms of a body as the insert trigger would compute them from its stored JSON (`JSON.stringify(body)`). */
export function bodyForms(body: readonly string[]): BodyForms {
  const json = JSON.stringify(body);
  const normal = normalizeBodyJson(json);
  return { json, normal, grams: gramsOf(normal) };
}

/** Bodies normalized during a batch (rememberBodies), by their stored JSON, and the forms its writer knew ahead. */
interface BatchBodies {
  bodies: Map<string, string> | null;
  chars: number;
  known: ReadonlyMap<string, BodyForms> | null;
}
const batches = new WeakMap<Database, BatchBodies>();
/** At most this many characters (stored JSON and normal form) are remembered for a batch (≈ 64 MB). */
const MAX_REMEMBERED_CHARS = 32 * 1024 * 1024;

/**
 * Runs `write` with every body the search functions normalize remembered until it returns: a batch that inserts
 * documents (each normalized once by the insert trigger, for its length) and then indexes them (db/search-batch.ts)
 * normalizes each body once instead of three times. `known`: forms computed ahead (bodyForms, by stored JSON), used
 * instead of normalizing here at all when a stored body is exactly one of them.
 */
export function rememberBodies<T>(db: Database, write: () => T, known?: ReadonlyMap<string, BodyForms>): T {
  const state = batches.get(db);
  if (!state || state.bodies) return write();
  state.bodies = new Map();
  state.chars = 0;
  state.known = known?.size ? known : null;
  try {
    return write();
  } finally {
    state.bodies = null;
    state.chars = 0;
    state.known = null;
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
  const state: BatchBodies = { bodies: null, chars: 0, known: null };
  batches.set(db, state);
  const body = (s: unknown): string => {
    const json = typeof s === 'string' ? s : null;
    if (json === lastIn) return lastOut;
    const known = json !== null ? (state.known?.get(json)?.normal ?? state.bodies?.get(json)) : undefined;
    lastOut = known ?? normalizeBodyJson(json);
    lastIn = json;
    if (known === undefined && json !== null && state.bodies && state.chars + json.length + lastOut.length <= MAX_REMEMBERED_CHARS) {
      state.bodies.set(json, lastOut);
      state.chars += json.length + lastOut.length;
    }
    return lastOut;
  };
  db.function('nd_search_body', opts, body);
  db.function('nd_search_body_grams', opts, (s: unknown) => (typeof s === 'string' ? state.known?.get(s)?.grams : undefined) ?? gramsOf(body(s)));
  db.function('nd_search_grams', opts, (s: unknown) => gramsOf(typeof s === 'string' ? s : ''));
}


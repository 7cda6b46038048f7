import type { Database } from 'better-sqlite3';
import { normalizeDocNumber } from '../../../shared/domain/docnumber';
import { gramsOf, normalizeBodyJson, normalizeIssuersJson, normalizeText } from '../../../shared/search/normalize';

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
  // A trigger normalizes the same body for the trigram index, the gram index and its length: remember the last.
  let lastIn: string | null = null;
  let lastOut = '';
  const body = (s: unknown): string => {
    const json = typeof s === 'string' ? s : null;
    if (json !== lastIn) {
      lastOut = normalizeBodyJson(json);
      lastIn = json;
    }
    return lastOut;
  };
  db.function('nd_search_body', opts, body);
  db.function('nd_search_body_grams', opts, (s: unknown) => gramsOf(body(s)));
  db.function('nd_search_grams', opts, (s: unknown) => gramsOf(typeof s === 'string' ? s : ''));
}


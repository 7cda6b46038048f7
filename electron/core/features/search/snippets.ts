import { normalizeText, normalizeWithMap, originalSpan, type MappedText } from '../../../../shared/search/normalize';
import { sourcesOf, termPattern, type TermPattern } from './source-pattern';

/**
 * Snippets: several windows of a matched body, cut from the text as written (full-width punctuation, the
 * 文号 brackets used), each with the ranges of every query term inside for highlighting. The terms are
 * normalized, the body is not: a term is found in the original through its pattern (source-pattern.ts) and
 * only short excerpts around the first few occurrences are normalized, with a map back, to place the
 * highlights exactly; bodies a pattern cannot see through are normalized paragraph by paragraph instead.
 */

const SNIPPETS_PER_DOC = 3;
const SNIPPET_BEFORE = 30;
const SNIPPET_AFTER = 60;

/** What a snippet needs of a document. */
export interface SnippetDoc {
  id: string;
  title: string;
  /** normalized, lower-cased title */
  nTitle: string;
}

export interface Snippets {
  snippets: string[];
  /** per snippet, [start, end) of every term inside it */
  ranges: Array<Array<[number, number]>>;
  /** the terms were found in the body (else the snippet is the title) */
  inBody: boolean;
}

/** Shared by the documents of one results page: how often their first paragraphs sufficed. */
export interface PageHeads {
  tried: number;
  failed: number;
}

/** Snippets of the documents of one page, their bodies (stored JSON) read through `bodyOf`. */
export function createSnippetPage(bodyOf: (id: string) => string | undefined, terms: string[]) {
  const heads: PageHeads = { tried: 0, failed: 0 };
  return (doc: SnippetDoc, scanBody: boolean): Snippets => snippetsFor(bodyOf, doc, terms, scanBody, heads);
}

/** A part of a body to normalize for snippets: a paragraph, or an excerpt around an occurrence. */
interface Piece {
  text: string;
  /** continues the previous piece (the next paragraph), so a term may span the two */
  join: boolean;
  /** starts at the beginning of the body / ends at its end (no ellipsis there) */
  first: boolean;
  last: boolean;
}
/** How much of a body's stored JSON is searched first (UTF-16 units): most snippets are in the first paragraphs. */
const BODY_HEAD = 8000;

/** The complete paragraphs at the start of a cut JSON array of strings; null when it cannot be read. */
function paragraphsOfHead(head: string): string[] | null {
  if (!head.startsWith('["')) return null;
  for (let cut = head.lastIndexOf('","'); cut > 0; cut = head.lastIndexOf('","', cut - 1)) {
    let backslashes = 0;
    while (head[cut - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 1) continue; // an escaped quote inside a paragraph
    try {
      const v: unknown = JSON.parse(head.slice(0, cut + 1) + ']');
      return Array.isArray(v) ? v.map((p) => (typeof p === 'string' ? p : '')) : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** Paragraphs as stored (JSON array) → strings, as normalizeBodyJson reads them. */
function paragraphsOf(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    if (Array.isArray(v)) return v.map((p) => (typeof p === 'string' ? p : ''));
    return [String(v)];
  } catch {
    return [json];
  }
}


function findAll(haystack: string, needle: string, max: number): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = haystack.indexOf(needle); i >= 0 && out.length < max; i = haystack.indexOf(needle, i + needle.length)) out.push(i);
  return out;
}

/** Windows [start, end) of a normalized text around the terms' occurrences, round-robin over terms. */
function windowsFor(occurrences: number[][], terms: string[], textLength: number): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  for (let round = 0; round < 20 && windows.length < SNIPPETS_PER_DOC; round++) {
    let added = false;
    terms.forEach((t, ti) => {
      const pos = occurrences[ti][round];
      if (pos === undefined || windows.length >= SNIPPETS_PER_DOC) return;
      if (windows.some(([s, e]) => pos >= s && pos + t.length <= e)) return;
      windows.push([Math.max(0, pos - SNIPPET_BEFORE), Math.min(textLength, pos + t.length + SNIPPET_AFTER)]);
      added = true;
    });
    if (!added && round > 0) break;
  }
  return windows.sort((a, b) => a[0] - b[0]);
}

/** Highlight ranges of every term inside a snippet, given where normalized units land in it. */
function rangesIn(lowPiece: string, from: number, terms: string[], at: (unit: number, edge: 'start' | 'end') => number, pre: number) {
  const r: Array<[number, number]> = [];
  for (const t of terms) {
    for (const p of findAll(lowPiece, t, 50)) r.push([pre + at(from + p, 'start'), pre + at(from + p + t.length - 1, 'end')]);
  }
  return r.sort((x, y) => x[0] - y[0]);
}

/**
 * Which parts of the body to normalize for snippets. A term with a pattern (see termPattern: nearly all)
 * is found in the original text, so only an excerpt around each of its first few occurrences is mapped;
 * otherwise, or when the text holds a character the pattern cannot see through, every paragraph that could
 * hold the term is.
 */
function piecesOf(paragraphs: string[], complete: boolean, terms: string[], patterns: Array<TermPattern | null>): { pieces: Piece[]; enough: boolean } {
  const n = paragraphs.length;
  if (patterns.every((x) => x !== null)) {
    // Paragraphs joined with line breaks, as the normal form is built: a pattern finds a term across a break.
    const joined = paragraphs.join('\n');
    const spans: Array<[number, number]> = [];
    let enough = true;
    for (const pattern of patterns) {
      const re = pattern!.find;
      re.lastIndex = 0;
      let found = 0;
      for (let mt = re.exec(joined); mt && found < SNIPPETS_PER_DOC; mt = re.exec(joined), found++) {
        spans.push([Math.max(0, mt.index - 2 * SNIPPET_BEFORE), Math.min(joined.length, mt.index + mt[0].length + 2 * SNIPPET_AFTER)]);
      }
      if (found < SNIPPETS_PER_DOC && !complete) enough = false;
    }
    spans.sort((x, y) => x[0] - y[0]);
    const pieces: Piece[] = [];
    for (let i = 0; i < spans.length; i++) {
      const [from] = spans[i];
      let to = spans[i][1];
      while (i + 1 < spans.length && spans[i + 1][0] <= to) to = Math.max(to, spans[++i][1]);
      pieces.push({ text: joined.slice(from, to), join: false, first: from === 0, last: complete && to === joined.length });
    }
    return { pieces, enough };
  }
  const wanted = new Uint8Array(n);
  // Other terms: a paragraph can only hold one if it holds, for each of its Han characters, letters and
  // digits, that character or one normalized into it; a term across a break has them in the two paragraphs.
  const keysOf = terms.map((t) => [...new Set(t.match(/[\u4e00-\u9fffa-z0-9]/g) ?? [])].map(sourcesOf));
  if (keysOf.some((k) => k.length === 0)) wanted.fill(1);
  else {
    const has = paragraphs.map((p) => keysOf.map((keys) => keys.reduce((bits, re, j) => (re.test(p) ? bits | (1 << j) : bits), 0)));
    keysOf.forEach((keys, ti) => {
      const all = keys.length >= 31 ? -1 : (1 << keys.length) - 1;
      for (let k = 0; k < n; k++) {
        if ((has[k][ti] & all) === all) wanted[k] = 1;
        else if (k + 1 < n && ((has[k][ti] | has[k + 1][ti]) & all) === all) wanted[k] = wanted[k + 1] = 1;
      }
    });
  }
  const pieces: Piece[] = [];
  for (let k = 0; k < n; k++) {
    if (wanted[k]) pieces.push({ text: paragraphs[k], join: k > 0 && wanted[k - 1] === 1, first: k === 0, last: complete && k === n - 1 });
  }
  return { pieces, enough: false };
}

/**
 * Normalizes pieces (with a map back to the original) one by one until every term has been seen a few
 * times, finding the terms as it goes; pieces that do not join the previous one start a new run (a snippet
 * never joins text across a gap).
 */
function scanPieces(pieces: Piece[], terms: string[]) {
  const segs: Array<{ at: number; original: string; mapped: MappedText }> = [];
  const textParts: string[] = [];
  const lowerParts: string[] = [];
  let length = 0;
  let tail = ''; // the last characters of the run so far (a term may span into the next piece)
  let lastChar = '';
  let exact = true; // lower-casing kept every length (else show the normal form)
  let next = 0;
  const maxTerm = Math.max(...terms.map((t) => t.length));
  const occurrences = terms.map(() => [] as number[]);
  const runs: Array<{ start: number; end: number; atStart: boolean; atEnd: boolean }> = [];
  const more = (): boolean => {
    while (next < pieces.length) {
      const piece = pieces[next++];
      if (!piece.join) {
        tail = '';
        lastChar = '';
      }
      const mapped = normalizeWithMap(piece.text, false);
      if (!mapped || !mapped.text) continue;
      if (!piece.join || runs.length === 0) runs.push({ start: length, end: length, atStart: piece.first, atEnd: piece.last });
      let low = mapped.text.toLowerCase();
      if (low.length !== mapped.text.length) exact = false;
      if (lastChar && /[A-Za-z0-9]/.test(lastChar) && /[A-Za-z0-9]/.test(mapped.text[0])) {
        segs.push({ at: length, original: ' ', mapped: { text: ' ', start: Int32Array.of(0), end: Int32Array.of(1) } });
        textParts.push(' ');
        lowerParts.push(' ');
        length++;
        tail += ' ';
      }
      segs.push({ at: length, original: piece.text, mapped });
      textParts.push(mapped.text);
      lowerParts.push(low);
      const base = length - tail.length;
      low = tail + low;
      terms.forEach((t, ti) => {
        const o = occurrences[ti];
        // Occurrences starting in the tail that were complete before were found already.
        for (let i = low.indexOf(t); i >= 0 && o.length < 20; i = low.indexOf(t, i + t.length)) {
          const at = base + i;
          if (o.length === 0 || at >= o[o.length - 1] + t.length) o.push(at);
        }
      });
      length += mapped.text.length;
      lastChar = mapped.text[mapped.text.length - 1];
      tail = low.slice(Math.max(0, low.length - Math.max(1, maxTerm - 1)));
      const run = runs[runs.length - 1];
      run.end = length;
      run.atEnd = piece.last;
      return true;
    }
    return false;
  };
  while (occurrences.some((o) => o.length < SNIPPETS_PER_DOC) && more());
  if (occurrences.some((o) => o.length > 0)) {
    // Enough text after the last occurrence for its window.
    const need = Math.max(...occurrences.flat()) + maxTerm + SNIPPET_AFTER;
    while (length < need && more());
  }
  const complete = next >= pieces.length;
  return { segs, text: textParts.join(''), lower: lowerParts.join(''), exact, occurrences, runs, complete };
}

/**
 * Several windows of the body around the matches, shown as written, each with the ranges of every term
 * inside. `heads` is shared by the documents of one page: how often their first paragraphs sufficed.
 */
function snippetsFor(
  bodyOf: (id: string) => string | undefined,
  m: SnippetDoc,
  terms: string[],
  scanBody: boolean,
  heads: PageHeads,
): Snippets {
  let st: ReturnType<typeof scanPieces> | null = null;
  if (scanBody) {
    const body = bodyOf(m.id) ?? '[]';
    // Found through their patterns, unless the body holds a character one cannot see through (checked once,
    // on the stored JSON: it holds the same characters outside ASCII).
    const patterns = terms.map((t) => {
      const p = termPattern(t);
      return p && !p.danger(body) ? p : null;
    });
    // Most snippets are found in the first paragraphs: parse and search the first BODY_HEAD units of the
    // stored JSON first, the whole body only when they do not suffice — and no longer first once they
    // have mostly not sufficed for this page (a term found once or twice in long bodies).
    const cut = body.length > BODY_HEAD;
    const tryHead = !cut || heads.tried < 3 || heads.failed * 2 < heads.tried;
    const headParagraphs = !tryHead ? null : cut ? paragraphsOfHead(body.slice(0, BODY_HEAD)) : paragraphsOf(body);
    if (headParagraphs) {
      const { pieces, enough } = piecesOf(headParagraphs, !cut, terms, patterns);
      st = scanPieces(pieces, terms);
      const seen = st.occurrences.every((o) => o.length >= SNIPPETS_PER_DOC) && (!st.complete || enough);
      if (cut) {
        heads.tried++;
        if (!seen && !enough) {
          heads.failed++;
          st = null;
        }
      }
    }
    if (!st) st = scanPieces(piecesOf(paragraphsOf(body), true, terms, patterns).pieces, terms);
  }
  const snippets: string[] = [];
  const ranges: Array<Array<[number, number]>> = [];
  const inBody = !!st && st.occurrences.some((o) => o.length > 0);
  if (st && inBody) {
    const { segs, text, lower, exact, occurrences, runs } = st;
    for (const [ws, we] of windowsFor(occurrences, terms, text.length)) {
      // Clip the window to the run it starts in.
      const run = runs.find((r) => ws < r.end) ?? runs[runs.length - 1];
      const s = Math.max(ws, run.start);
      const e = Math.min(we, run.end);
      const pre = s > run.start || !run.atStart ? '…' : '';
      const post = e < run.end || !run.atEnd ? '…' : '';
      const lowPiece = lower.slice(s, e);
      if (!exact) {
        snippets.push(pre + text.slice(s, e) + post);
        ranges.push(rangesIn(lowPiece, 0, terms, (u, edge) => (edge === 'start' ? u : u + 1), pre.length));
        continue;
      }
      // The window's original text, segment by segment, and where each normalized unit lands in it.
      const parts: string[] = [];
      const places: Array<{ from: number; to: number; offset: number; at: (unit: number, edge: 'start' | 'end') => number }> = [];
      let offset = 0;
      for (const seg of segs) {
        const a = Math.max(s, seg.at);
        const b = Math.min(e, seg.at + seg.mapped.text.length);
        if (a >= b) continue;
        const span = originalSpan(seg.original, seg.mapped, a - seg.at, b - seg.at);
        places.push({ from: a, to: b, offset, at: (u, edge) => span.at(u - seg.at, edge) });
        parts.push(span.text);
        offset += span.text.length;
      }
      const at = (unit: number, edge: 'start' | 'end') => {
        const p = places.find((x) => unit >= x.from && unit < x.to) ?? places[places.length - 1];
        return p.offset + p.at(unit, edge);
      };
      snippets.push(pre + parts.join('') + post);
      ranges.push(rangesIn(lowPiece, s, terms, at, pre.length));
    }
  } else {
    // Matched in the title, 文号 or issuers only: show the title as written.
    const mapped = normalizeWithMap(m.title);
    const nTitle = mapped?.text ?? normalizeText(m.title);
    const lowTitle = nTitle.toLowerCase();
    if (mapped && lowTitle.length === nTitle.length) {
      const span = originalSpan(m.title, mapped, 0, nTitle.length);
      snippets.push(span.text);
      ranges.push(rangesIn(lowTitle, 0, terms, span.at, 0));
    } else {
      snippets.push(nTitle);
      ranges.push(rangesIn(m.nTitle, 0, terms, (u, edge) => (edge === 'start' ? u : u + 1), 0));
    }
  }
  return { snippets, ranges, inBody };
}

/** A piece of a paragraph with the marks that apply to it. */
export interface Segment {
  text: string;
  /** which clause it belongs to, if any */
  clause: 'effective' | 'validity' | 'abolish' | null;
  /** part of a search term */
  term: boolean;
}

export interface ClauseRange {
  start: number;
  end: number;
  kind: 'effective' | 'validity' | 'abolish';
}

const OPEN = '[(（【〔';
const CLOSE = '])）】〕';

/** One character as matching sees it: full-width ASCII folded, any year bracket as 〔〕, case ignored; null = skip. */
function fold(ch: string): string | null {
  if (/\s/.test(ch)) return null;
  const code = ch.charCodeAt(0);
  let c = code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : ch;
  if (OPEN.includes(c)) c = '〔';
  else if (CLOSE.includes(c)) c = '〕';
  return c.toLowerCase();
}

/**
 * [start, end) ranges of every occurrence of the terms in the text, matched the way search matches: spaces and
 * line breaks ignored (`招政发〔2018〕27 号`), bracket and width variants equal, case-insensitive.
 */
export function findTerms(text: string, terms: readonly string[]): Array<[number, number]> {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const f = fold(text[i]);
    if (f === null) continue;
    folded += f;
    origin.push(i);
  }
  const out: Array<[number, number]> = [];
  for (const term of terms) {
    const t = [...term].map(fold).filter((c) => c !== null).join('');
    if (!t) continue;
    for (let i = folded.indexOf(t); i >= 0; i = folded.indexOf(t, i + t.length)) {
      out.push([origin[i], origin[i + t.length - 1] + 1]);
    }
  }
  return out;
}

/** Splits a paragraph at every range boundary so clause and term marks can nest without overlapping tags. */
export function segment(text: string, clauses: readonly ClauseRange[], terms: ReadonlyArray<readonly [number, number]>): Segment[] {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  const cuts = new Set<number>([0, text.length]);
  for (const c of clauses) cuts.add(clamp(c.start)).add(clamp(c.end));
  for (const [s, e] of terms) cuts.add(clamp(s)).add(clamp(e));
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [s, e] = [points[i], points[i + 1]];
    if (s === e) continue;
    const clause = clauses.find((c) => c.start <= s && c.end >= e)?.kind ?? null;
    const term = terms.some(([ts, te]) => ts <= s && te >= e);
    const prev = out[out.length - 1];
    if (prev && prev.clause === clause && prev.term === term) prev.text += text.slice(s, e);
    else out.push({ text: text.slice(s, e), clause, term });
  }
  return out;
}

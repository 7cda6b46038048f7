import type { ParseResult, RelationTarget } from '../domain/parse-result';
import { HANS, HANT } from './hant-table';

/**
 * Pages printed in traditional characters (a mirror of a government site, a 繁体 law database): `懷政辦發〔2023〕9號`,
 * `懷化市人民政府辦公室關于印發…的通知`. The parser reads such a text through a fold to simplified characters, one
 * character for one, so every offset stays; what it reports is then read back from the page as printed. A 文号's
 * normalized form stays simplified: it is the key that matches the same number printed in either script. Full-width
 * digits (`２０２３年５月６日`) are folded the same way, to ASCII ones, and read back as printed.
 */

const TO_HANS = new Map<string, string>();
for (let i = 0; i < HANT.length; i++) TO_HANS.set(HANT[i], HANS[i]);

/**
 * Traditional characters that simplified texts print too (`著作`, `於` in names, `瞭望`, `藉此`): they are folded but do
 * not count as evidence that a page is traditional.
 */
const SHARED = new Set([...'著於瞭藉鍾蘋餘夥剋甦鬥']);

/** By UTF-16 unit: 1 for a traditional character simplified texts do not print (TO_HANS's keys but SHARED). */
const TRADITIONAL_ONLY = new Uint8Array(0x10000);
for (const c of TO_HANS.keys()) if (!SHARED.has(c)) TRADITIONAL_ONLY[c.charCodeAt(0)] = 1;

/** Share of a text's CJK characters that must be traditional-only before it is read through the fold. */
const TRADITIONAL_SHARE = 0.04;
const TRADITIONAL_MIN = 8;

/** Traditional characters replaced by simplified ones, one for one (`懷政辦發〔2023〕9號` → `怀政办发〔2023〕9号`). */
export function toSimplified(s: string): string {
  return foldChars(s);
}

function foldChars(s: string): string {
  let out = '';
  for (const c of s) out += TO_HANS.get(c) ?? c;
  return out;
}

export interface ReadingFold {
  /** the text, traditional characters replaced by simplified ones and full-width digits by ASCII ones (same length) */
  folded: string;
  /** a string the parser built from the folded text, as the page prints it */
  unfold: (s: string) => string;
}

/** Full-width digits (`２０２３年５月６日`, `〔２０２３〕１２号`, typed so in a Word file or a portal) and their ASCII forms. */
const FULLWIDTH_DIGITS = new Map([...'０１２３４５６７８９'].map((d, i) => [d, String(i)]));

/**
 * The fold a text is read through: traditional characters to simplified ones when the page is printed in traditional
 * characters, full-width digits to ASCII ones when it types any; null when neither (the text is read as it is).
 */
export function readingFold(text: string): ReadingFold | null {
  let cjk = 0;
  let trad = 0;
  let fullwidth = false;
  // unit by unit (every document is read through here): the two halves of a character outside the BMP are outside
  // the range, as the character is
  for (let i = 0; i < text.length; i++) {
    const x = text.charCodeAt(i);
    if (x >= 0xff10 && x <= 0xff19) fullwidth = true;
    if (x < 0x3400 || x > 0x9fff) continue;
    cjk++;
    trad += TRADITIONAL_ONLY[x];
  }
  const hant = trad >= TRADITIONAL_MIN && trad >= cjk * TRADITIONAL_SHARE;
  if (!hant && !fullwidth) return null;
  let folded = '';
  for (const c of text) folded += (hant ? TO_HANS.get(c) : undefined) ?? FULLWIDTH_DIGITS.get(c) ?? c;
  // where a folded character came from, when the page prints only that one form of it
  const back = new Map<string, string>();
  const native = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    if (text[i] === folded[i]) native.add(text[i]);
    else if (!back.has(folded[i])) back.set(folded[i], text[i]);
  }
  const squeezedFold = folded.replace(/\s+/g, '');
  const squeezedText = text.replace(/\s+/g, '');
  const unfold = (s: string): string => {
    if (!s) return s;
    // character by character: a folded character the page never prints itself came from its traditional form
    let out = '';
    let ambiguous = false;
    for (const c of s) {
      if (back.has(c) && native.has(c)) ambiguous = true;
      out += back.has(c) && !native.has(c) ? back.get(c)! : c;
    }
    // a page printing both forms of a character: a short string (title, name, number) is looked up where it stands
    // (joined across lines); anything else keeps the simplified form of those characters
    if (ambiguous && s.length <= 300 && !/\s/.test(s)) {
      const at = squeezedFold.indexOf(s);
      if (at >= 0) return squeezedText.slice(at, at + s.length);
    }
    return out;
  };
  return { folded, unfold };
}

/** The parse result of a folded text with every reported string read back as the page prints it. */
export function unfoldResult(r: ParseResult, unfold: (s: string) => string): ParseResult {
  const rel = (t: RelationTarget): RelationTarget => ({ ...t, title: t.title === null ? null : unfold(t.title) });
  const opt = (s: string | null): string | null => (s === null ? null : unfold(s));
  return {
    ...r,
    gazette: r.gazette ? { ...r.gazette, title: unfold(r.gazette.title), toc: r.gazette.toc.map((e) => ({ ...e, title: unfold(e.title), section: opt(e.section) })) } : null,
    documents: r.documents.map((d) => ({
      ...d,
      title: unfold(d.title),
      docNumber: d.docNumber ? { ...d.docNumber, raw: unfold(d.docNumber.raw) } : null,
      registrationNumber: opt(d.registrationNumber),
      issuers: d.issuers.map(unfold),
      effectiveClause: opt(d.effectiveClause),
      validityClause: opt(d.validityClause),
      abolishes: d.abolishes.map(rel),
      amends: (d.amends ?? []).map(rel),
      replaces: (d.replaces ?? []).map(rel),
      appointments: d.appointments.map((a) => ({ ...a, name: unfold(a.name), position: unfold(a.position) })),
      body: (d.body ?? []).map(unfold),
      cleanup: d.cleanup ? { ...d.cleanup, scope: opt(d.cleanup.scope), items: d.cleanup.items.map((it) => ({ ...it, title: opt(it.title) })) } : d.cleanup,
    })),
    warnings: r.warnings.map((w) => ({ ...w, message: unfold(w.message) })),
  };
}

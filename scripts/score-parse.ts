/**
 * Scores the parser against the real development set (test/fixtures/real, hand-written answer keys).
 *
 *   npm run score:parse               per-field precision / recall over the whole set (exit 1 when a field is below
 *                                     THRESHOLD, parseText threw, or a document cites its own 文号)
 *   npm run score:parse -- --verbose  also every mismatch: file, field, expected, got
 *   npm run score:parse -- --json     the numbers as JSON
 *   npm run score:parse -- --file 017 only fixtures whose name contains 017 (combine with --verbose)
 *   npm run score:parse -- --holdout  the held-out texts (test/fixtures/real-holdout) instead: measured, never tuned on
 *   npm run score:parse -- --copy nbsp the texts as another copy prints them (COPIES: nbsp, blank-lines, wrap-28, …)
 *
 * Matching: a key document is paired with the parsed document whose title is the same (whitespace, 《》〈〉“”
 * ignored), else one whose title contains it or is contained in it. A key document whose title the page does not
 * print (`title: null`) is paired with the left-over parsed document that agrees with it on most other fields.
 * Scalars: equal → TP; predicted non-null and wrong → FP + FN; predicted null, key non-null → FN; predicted
 * non-null, key null → FP. Sets (issuers, abolishes, cites, cleanup counts and items): one TP per shared member,
 * FP per extra predicted member, FN per missing key member. An unmatched key document counts FN for each of its
 * non-null fields and members; an unmatched parsed document counts FP for documents and title.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedDocument } from '../shared/domain/parse-result';
import { toSimplified } from '../shared/parse/hant';
import { HANS, HANT } from '../shared/parse/hant-table';
import { parseText } from '../shared/parse/index';
import {
  canonicalDecision,
  compact,
  type Fixture,
  HOLDOUT_DIR,
  type KeyDocument,
  type KeyFile,
  type KeyRelation,
  loadFixtures,
  normDocNo as normPrinted,
  normTitle,
} from './check-real-keys';

/** A 文号 for comparison: normalized, in simplified characters (`懷政辦發〔2023〕9號` is the number `怀政办发〔2023〕9号`). */
const normDocNo = (s: string | null | undefined): string => normPrinted(toSimplified(s ?? ''));

/** Every field's precision and recall must reach this on the development set (the test and the CLI fail below it). */
export const THRESHOLD = 0.95;

export const FIELDS = [
  'documents',
  'title',
  'docNumber',
  'issuers',
  'dateSigned',
  'effectiveDate',
  'validUntil',
  'abolishes',
  'amends',
  'cites',
  'cleanupCounts',
  'cleanupItems',
] as const;
export type Field = (typeof FIELDS)[number];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface FieldScore extends Counts {
  /** TP / (TP + FP); 1 when nothing was predicted */
  precision: number;
  /** TP / (TP + FN); 1 when nothing was expected */
  recall: number;
}
export interface Mismatch {
  file: string;
  /** key document title (or `#n` for an untitled one) the mismatch belongs to */
  doc: string;
  field: Field;
  expected: string;
  got: string;
}
export interface ScoreResult {
  files: number;
  keyDocuments: number;
  parsedDocuments: number;
  fields: Record<Field, FieldScore>;
  mismatches: Mismatch[];
  /** files the parser threw on (it should never throw) */
  errors: { file: string; message: string }[];
  /**
   * parsed documents that list their own 文号 among their cites (the parsed or the keyed one): a precision error the
   * cites counts alone would hide behind a long list, so it is reported on its own and must stay empty
   */
  selfCites: { file: string; docNumber: string }[];
}

/** What the scorer reads from a parsed document; `cleanup` is optional, the parser may not have it yet. */
interface Predicted extends Omit<KeyDocument, 'title' | 'cleanup' | 'amends'> {
  title: string;
  amends: KeyRelation[];
  cleanupCounts: Map<string, number> | null;
  cleanupItems: { decision: string; title: string | null; docNumber: string | null }[];
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

function relation(v: unknown): KeyRelation {
  const o = (v ?? {}) as Record<string, unknown>;
  const dn = o.docNumber;
  const docNumber =
    typeof dn === 'string' ? dn : dn && typeof dn === 'object' ? (str((dn as { normalized?: unknown }).normalized) ?? str((dn as { raw?: unknown }).raw)) : null;
  return { title: str(o.title), docNumber: str(docNumber) };
}

function toPredicted(d: ParsedDocument): Predicted {
  const any = d as unknown as Record<string, unknown>;
  const cleanup = (any.cleanup ?? null) as Record<string, unknown> | null;
  let cleanupCounts: Map<string, number> | null = null;
  let cleanupItems: Predicted['cleanupItems'] = [];
  if (cleanup && typeof cleanup === 'object') {
    cleanupCounts = new Map();
    const counts = cleanup.counts;
    if (counts && typeof counts === 'object') {
      for (const [k, v] of Object.entries(counts as Record<string, unknown>)) {
        if (typeof v === 'number') cleanupCounts.set(canonicalDecision(k), v);
      }
    }
    if (Array.isArray(cleanup.items)) {
      cleanupItems = cleanup.items.map((it: unknown) => {
        const o = (it ?? {}) as Record<string, unknown>;
        return { ...relation(o), decision: canonicalDecision(String(o.decision ?? '')) };
      });
    }
  }
  const dn = any.docNumber as { normalized?: unknown; raw?: unknown } | string | null | undefined;
  return {
    title: typeof d.title === 'string' ? d.title : '',
    docNumber: typeof dn === 'string' ? str(dn) : dn ? (str(dn.normalized) ?? str(dn.raw)) : null,
    issuers: Array.isArray(d.issuers) ? d.issuers.filter((s): s is string => typeof s === 'string') : [],
    dateSigned: str(d.dateSigned),
    effectiveDate: str(d.effectiveDate),
    validUntil: str(d.validUntil),
    abolishes: Array.isArray(d.abolishes) ? d.abolishes.map(relation) : [],
    amends: Array.isArray(any.amends) ? (any.amends as unknown[]).map(relation) : [],
    cites: Array.isArray(d.cites) ? d.cites.filter((s): s is string => typeof s === 'string') : [],
    cleanupCounts,
    cleanupItems,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Matching

/** Two titles name the same document: equal, or one contains the other (the shorter at least 6 characters). */
export function titlesMatch(a: string | null, b: string | null): boolean {
  const x = normTitle(a);
  const y = normTitle(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [s, l] = x.length <= y.length ? [x, y] : [y, x];
  return s.length >= 6 && l.includes(s);
}

function relationsMatch(a: KeyRelation, b: KeyRelation): boolean {
  if (a.docNumber && b.docNumber && normDocNo(a.docNumber) === normDocNo(b.docNumber)) return true;
  return titlesMatch(a.title, b.title);
}

function agreement(k: KeyDocument, p: Predicted): number {
  let n = 0;
  if (k.docNumber && p.docNumber && normDocNo(k.docNumber) === normDocNo(p.docNumber)) n += 4;
  if (k.dateSigned && k.dateSigned === p.dateSigned) n += 2;
  const iss = new Set(k.issuers.map(compact));
  n += p.issuers.filter((s) => iss.has(compact(s))).length;
  const cites = new Set(k.cites.map(normDocNo));
  n += p.cites.filter((c) => cites.has(normDocNo(c))).length;
  if (k.cleanup && p.cleanupCounts) n += 1;
  return n;
}

/** Pairs key documents with parsed ones; returns key index → parsed index (or -1). */
export function matchDocuments(keys: KeyDocument[], preds: Predicted[]): number[] {
  const pairOf = keys.map(() => -1);
  const used = new Set<number>();
  const pass = (ok: (k: KeyDocument, p: Predicted) => boolean): void => {
    keys.forEach((k, i) => {
      if (pairOf[i] >= 0 || k.title === null) return;
      const j = preds.findIndex((p, jj) => !used.has(jj) && ok(k, p));
      if (j >= 0) {
        pairOf[i] = j;
        used.add(j);
      }
    });
  };
  pass((k, p) => normTitle(k.title) === normTitle(p.title));
  pass((k, p) => titlesMatch(k.title, p.title));
  keys.forEach((k, i) => {
    if (k.title !== null) return;
    let best = -1;
    let bestScore = -1;
    preds.forEach((p, j) => {
      if (used.has(j)) return;
      const s = agreement(k, p);
      if (s > bestScore) {
        best = j;
        bestScore = s;
      }
    });
    if (best >= 0) {
      pairOf[i] = best;
      used.add(best);
    }
  });
  return pairOf;
}

// ---------------------------------------------------------------------------------------------------------------
// Scoring

function emptyCounts(): Record<Field, Counts> {
  return Object.fromEntries(FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Record<Field, Counts>;
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function relShow(r: { title: string | null; docNumber: string | null; decision?: string }): string {
  return [r.decision, r.title ? `《${r.title}》` : null, r.docNumber ? `(${r.docNumber})` : null].filter(Boolean).join(' ');
}

class Scorer {
  readonly c = emptyCounts();
  readonly mismatches: Mismatch[] = [];
  constructor(private readonly file: string) {}

  private miss(doc: string, field: Field, expected: string, got: string): void {
    this.mismatches.push({ file: this.file, doc, field, expected, got });
  }

  scalar(doc: string, field: Field, key: string | null, pred: string | null, norm: (s: string) => string = (s) => s): void {
    const c = this.c[field];
    if (key === null && pred === null) return;
    if (key !== null && pred !== null && norm(key) === norm(pred)) {
      c.tp++;
      return;
    }
    if (pred !== null) c.fp++;
    if (key !== null) c.fn++;
    this.miss(doc, field, show(key), show(pred));
  }

  set<K, P>(doc: string, field: Field, keys: K[], preds: P[], same: (k: K, p: P) => boolean, showK: (k: K) => string, showP: (p: P) => string): void {
    const c = this.c[field];
    const used = new Set<number>();
    const missing: string[] = [];
    for (const k of keys) {
      const j = preds.findIndex((p, jj) => !used.has(jj) && same(k, p));
      if (j >= 0) {
        used.add(j);
        c.tp++;
      } else {
        c.fn++;
        missing.push(showK(k));
      }
    }
    const extra = preds.filter((_, j) => !used.has(j)).map(showP);
    c.fp += extra.length;
    if (missing.length || extra.length) this.miss(doc, field, missing.length ? `missing ${missing.join('; ')}` : '—', extra.length ? `extra ${extra.join('; ')}` : '—');
  }

  pair(doc: string, k: KeyDocument, p: Predicted): void {
    this.c.documents.tp++;
    this.scalar(doc, 'title', k.title, str(p.title), normTitle);
    this.scalar(doc, 'docNumber', k.docNumber, p.docNumber, normDocNo);
    this.set(doc, 'issuers', k.issuers, p.issuers, (a, b) => compact(a) === compact(b), show, show);
    this.scalar(doc, 'dateSigned', k.dateSigned, p.dateSigned);
    this.scalar(doc, 'effectiveDate', k.effectiveDate, p.effectiveDate);
    this.scalar(doc, 'validUntil', k.validUntil, p.validUntil);
    this.set(doc, 'abolishes', k.abolishes, p.abolishes, relationsMatch, relShow, relShow);
    this.set(doc, 'amends', k.amends ?? [], p.amends, relationsMatch, relShow, relShow);
    this.set(doc, 'cites', k.cites, p.cites, (a, b) => normDocNo(a) === normDocNo(b), show, show);
    const kc = Object.entries(k.cleanup?.counts ?? {}).map(([cat, n]) => ({ cat, n: n as number }));
    const pc = [...(p.cleanupCounts ?? new Map<string, number>())].map(([cat, n]) => ({ cat, n }));
    this.set(doc, 'cleanupCounts', kc, pc, (a, b) => a.cat === b.cat && a.n === b.n, (x) => `${x.cat} ${x.n}件`, (x) => `${x.cat} ${x.n}件`);
    this.set(
      doc,
      'cleanupItems',
      k.cleanup?.items ?? [],
      p.cleanupItems,
      (a, b) => a.decision === b.decision && relationsMatch(a, b),
      relShow,
      relShow,
    );
  }

  unmatchedKey(doc: string, k: KeyDocument): void {
    const c = this.c;
    c.documents.fn++;
    const n = (field: Field, count: number): void => {
      c[field].fn += count;
    };
    if (k.title !== null) n('title', 1);
    if (k.docNumber !== null) n('docNumber', 1);
    n('issuers', k.issuers.length);
    if (k.dateSigned !== null) n('dateSigned', 1);
    if (k.effectiveDate !== null) n('effectiveDate', 1);
    if (k.validUntil !== null) n('validUntil', 1);
    n('abolishes', k.abolishes.length);
    n('amends', k.amends?.length ?? 0);
    n('cites', k.cites.length);
    n('cleanupCounts', Object.keys(k.cleanup?.counts ?? {}).length);
    n('cleanupItems', k.cleanup?.items.length ?? 0);
    this.miss(doc, 'documents', `《${k.title ?? '(untitled)'}》 ${k.docNumber ?? ''}`.trim(), 'no parsed document matches');
  }

  unmatchedPred(p: Predicted): void {
    this.c.documents.fp++;
    this.c.title.fp++;
    this.miss('—', 'documents', '—', `extra parsed document 《${p.title}》${p.docNumber ? ` ${p.docNumber}` : ''}`);
  }
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

/** Parses every fixture and scores it against its key. `filter` keeps fixtures whose name contains it. */
export function scoreAll(opts: { filter?: string; fixtures?: Fixture[] } = {}): ScoreResult {
  const fixtures = (opts.fixtures ?? loadFixtures()).filter((f) => !opts.filter || f.name.includes(opts.filter));
  const total = emptyCounts();
  const mismatches: Mismatch[] = [];
  const errors: ScoreResult['errors'] = [];
  const selfCites: ScoreResult['selfCites'] = [];
  let keyDocuments = 0;
  let parsedDocuments = 0;
  for (const f of fixtures) {
    let docs: ParsedDocument[] = [];
    try {
      docs = parseText(f.text, { file: `${f.name}.txt`, encoding: 'utf-8' }).documents;
    } catch (e) {
      errors.push({ file: f.name, message: e instanceof Error ? e.message : String(e) });
    }
    const preds = docs.map(toPredicted);
    const keys = f.key.documents;
    keyDocuments += keys.length;
    parsedDocuments += preds.length;
    const s = new Scorer(f.name);
    const pairOf = matchDocuments(keys, preds);
    preds.forEach((p, j) => {
      const k = keys[pairOf.indexOf(j)];
      const own = new Set([p.docNumber, k?.docNumber].filter((x): x is string => !!x).map(normDocNo));
      const hit = p.cites.find((c) => own.has(normDocNo(c)));
      if (hit) selfCites.push({ file: f.name, docNumber: hit });
    });
    keys.forEach((k, i) => {
      const label = k.title ?? `#${i + 1} (untitled${k.docNumber ? ` ${k.docNumber}` : ''})`;
      if (pairOf[i] >= 0) s.pair(label, k, preds[pairOf[i]]);
      else s.unmatchedKey(label, k);
    });
    const used = new Set(pairOf);
    preds.forEach((p, j) => {
      if (!used.has(j)) s.unmatchedPred(p);
    });
    for (const fld of FIELDS) {
      total[fld].tp += s.c[fld].tp;
      total[fld].fp += s.c[fld].fp;
      total[fld].fn += s.c[fld].fn;
    }
    mismatches.push(...s.mismatches);
  }
  const fields = Object.fromEntries(
    FIELDS.map((fld) => {
      const c = total[fld];
      return [fld, { ...c, precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn) }];
    }),
  ) as Record<Field, FieldScore>;
  return { files: fixtures.length, keyDocuments, parsedDocuments, fields, mismatches, errors, selfCites };
}

// ---------------------------------------------------------------------------------------------------------------
// Copies: the same texts as other producers would hand them over

/** Wraps every line after `width` printed characters (spaces not counted), as a PDF's text layer read line by line. */
function wrapLines(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      let n = 0;
      let out = '';
      for (const ch of line.trim()) {
        out += ch;
        if (ch !== ' ' && ch !== '\t' && ch !== '\u3000' && ++n === width) {
          out += '\n';
          n = 0;
        }
      }
      return out;
    })
    .join('\n');
}

/**
 * The development set's texts as other copies of the same pages print them, for `--copy NAME`: a parser that reads a
 * page must read its copies, whose keys are the same (every key string still occurs, whitespace ignored).
 */
export const COPIES: Record<string, (text: string, key: KeyFile) => string> = {
  /** a web page whose spaces are no-break spaces */
  nbsp: (t) => t.replace(/ /g, '\u00a0'),
  /** a paste that puts an empty line after every line */
  'blank-lines': (t) => t.replace(/\n/g, '\n\n'),
  /** CRLF line ends */
  crlf: (t) => t.replace(/\n/g, '\r\n'),
  /** full-width spaces for spaces */
  'ideographic-spaces': (t) => t.replace(/ /g, '\u3000'),
  /** a portal's breadcrumb and toolbar above, its footer below */
  'page-furniture': (t) =>
    `首页 > 政务公开 > 政策文件\n字体：大 中 小    打印本页    关闭窗口\n\n${t}\n\n【打印本页】【关闭窗口】\n主办单位：某某人民政府办公室  技术支持：某某网络公司\n`,
  /** a PDF's text layer at GB/T 9704's 28 characters a line */
  'wrap-28': (t) => wrapLines(t, 28),
  /** a converter's hard wrap at 40 characters */
  'wrap-40': (t) => wrapLines(t, 40),
  /** short lines (heads, signatures) letter-spaced, as a PDF transcription or a centred heading prints them */
  'spaced-heads': (t) => t.split('\n').map((l) => (l.trim().length <= 30 ? [...l.trim()].join(' ') : l)).join('\n'),
  /** digits typed full-width (`２０２３年５月６日`, `〔２０２３〕１２号`) */
  'fullwidth-digits': (t) => t.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
  /** the page printed in traditional characters (its keys' strings too) */
  traditional: (t) => traditional(t),
  /** every line run onto one (a page flattened by a copy) */
  flatten: (t) => t.replace(/\s*\n\s*/g, ' '),
  /** a 文号's year in square brackets (`X政发[2023]5号`), as a web editor without 〔〕 types it */
  'square-brackets': (t) => t.replace(/〔/g, '[').replace(/〕/g, ']'),
  /** a 文号's year in round brackets (`X政发（2023）5号`), as many Word files and portals print it */
  'paren-brackets': (t) => t.replace(/〔/g, '（').replace(/〕/g, '）'),
  /** a 文号's year in lenticular brackets (`X政发【2023】5号`) */
  'lenticular-brackets': (t) => t.replace(/〔/g, '【').replace(/〕/g, '】'),
  /** dates in Chinese numerals (`二〇二三年五月六日`), as older documents and 规章 histories print them (the keys' titles too) */
  'hanzi-dates': (t) => hanziDates(t),
  /** ASCII brackets and punctuation for full-width ones (`(试行)`, `:`), as a web copy or a converter gives them */
  'halfwidth-punct': (t) => halfwidthPunct(t),
  /** a portal page titled with the document's title and the site's name, its breadcrumb ending in 正文, above the text */
  'portal-title': (t, k) => {
    const title = onlyTitle(k);
    return title ? `${title}_某某市人民政府门户网站\n首页 > 政务公开 > 政策文件 > 正文\n${t}` : t;
  },
  /** a portal's links after the text: its 解读 named by the document's title, the previous and the next document */
  'link-footer': (t, k) => {
    const title = onlyTitle(k);
    return title
      ? `${t}\n\n相关解读：《${title}》政策解读\n上一篇：关于做好2023年春节期间安全生产工作的通知\n下一篇：某某县人民政府关于印发某某县农村危房改造实施办法的通知\n`
      : t;
  },
  /** each document's head printed over two lines, broken where a word ends nearest the middle (as GB/T 9704 sets a title) */
  'title-broken': (t, k) => {
    const lines = t.split('\n');
    for (const d of k.documents) {
      if (!d.title || d.title.length < 12) continue;
      // (the head nearest the body: a page's own copy of the title above it stays on one line)
      let last = -1;
      lines.forEach((l, i) => {
        if (l.trim() === d.title) last = i;
      });
      if (last >= 0) lines[last] = brokenTitle(d.title);
    }
    return lines.join('\n');
  },
  /** each head over two lines broken at its middle character, as a converter or a narrow column breaks it (no word kept whole) */
  'title-halved': (t, k) => {
    const lines = t.split('\n');
    for (const d of k.documents) {
      if (!d.title || d.title.length < 12) continue;
      const last = lines.map((l) => l.trim()).lastIndexOf(d.title);
      const mid = Math.ceil(d.title.length / 2);
      if (last >= 0) lines[last] = `${d.title.slice(0, mid)}\n${d.title.slice(mid)}`;
    }
    return lines.join('\n');
  },
  /** the signature's organ printed with its label (`发布单位：某县人民政府`), as some portals print the signature */
  'signature-label': (t, k) => withSignatureLine(t, k, (organ) => `发布单位：${organ}`),
  /** every paragraph indented two full-width spaces, as a Word original's text export prints it */
  indent: (t) => t.split('\n').map((l) => (l.trim().length > 30 ? `\u3000\u3000${l.trim()}` : l)).join('\n'),
  /** the signature right-aligned by spaces, its organ and date on one line far apart (a text export of a Word original) */
  'signature-wide': (t) => signaturesOnOneLine(t, (organ, date) => `${' '.repeat(24)}${organ}${' '.repeat(12)}${date}`),
  /** a note on the seal after the signing organ (`某县人民政府（盖章）`), as a transcription of a sealed page prints it */
  'signature-seal': (t, k) => withSignatureLine(t, k, (organ) => `${organ}（盖章）`),
  /** joint signers printed on one line, spaced apart (`某县财政局　　某县教育局`), over the date */
  'joint-signature-line': (t, k) => {
    const lines = t.split('\n');
    for (const d of k.documents) {
      if (d.issuers.length < 2) continue;
      const n = d.issuers.length;
      const at = lines.findIndex((_, i) => d.issuers.every((x, j) => lines[i + j]?.trim() === x) && SIGNING_DATE.test(lines[i + n]?.trim() ?? ''));
      if (at >= 0) lines.splice(at, n, d.issuers.join('　　'));
    }
    return lines.join('\n');
  },
  /** GB/T 9704's letterhead (`某某县人民政府文件`) and 文号 above the head of a numbered document, as its Word original prints them */
  letterhead: (t, k) => {
    const d = k.documents.length === 1 ? k.documents[0] : null;
    // (a numbered document's: a 政府令 prints its order's own head, `某某市人民政府令`, not a letterhead)
    if (!d?.title || !d.docNumber?.includes('〔') || !d.issuers.length) return t;
    const lines = t.split('\n');
    const head = lines.map((l) => l.trim()).lastIndexOf(d.title);
    if (head >= 0) lines.splice(head, 0, `${d.issuers[0]}文件`, '', d.docNumber, '');
    return lines.join('\n');
  },
  /** the letterhead's organ broken over two lines before its 人民政府/办公室 (`某某县` / `人民政府文件`), as a wide letterhead is set */
  'letterhead-broken': (t, k) => {
    const d = k.documents.length === 1 ? k.documents[0] : null;
    const cut = d?.issuers[0]?.search(/人民政府|办公室|委员会/) ?? -1;
    if (!d?.title || !d.docNumber?.includes('〔') || cut < 2) return t;
    const lines = t.split('\n');
    const head = lines.map((l) => l.trim()).lastIndexOf(d.title);
    if (head >= 0) lines.splice(head, 0, d.issuers[0].slice(0, cut), `${d.issuers[0].slice(cut)}文件`, '', d.docNumber, '');
    return lines.join('\n');
  },
  /** a portal's table of the document's fields (索引号, 发文机关, 发文字号, 成文日期, 标题 …) above the text, as most portals print it */
  'portal-fields': (t, k) => portalFields(t, k),
  /** a portal's heading above the text with the own 文号 before the title (`某政发〔2023〕5号 关于…`) or after it in brackets */
  'number-heading': (t, k) => {
    const d = k.documents.length === 1 ? k.documents[0] : null;
    if (!d?.title || !d.docNumber) return t;
    const short = d.title.includes('关于') ? d.title.slice(d.title.indexOf('关于')) : d.title;
    return `${d.title.length % 2 ? `${d.docNumber} ${short}` : `${d.title}（${d.docNumber}）`}\n${t}`;
  },
  /** the posting line a portal prints under its heading: posted three days after the signing, the site as its source */
  'posting-line': (t, k) => {
    const d = k.documents.length === 1 ? k.documents[0] : null;
    if (!d) return t;
    const posted = d.dateSigned ? new Date(Date.parse(`${d.dateSigned}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10) : '2026-01-05';
    return `发布时间：${posted} 09:30  来源：本网  浏览次数：1024  【字体：大 中 小】\n${t}`;
  },
  /** a PDF's page numbers (`— 2 —`) between its lines, every 22 lines, as a text layer read page by page prints them */
  'page-numbers': (t) => {
    const lines = t.split('\n');
    const out: string[] = [];
    lines.forEach((l, i) => {
      out.push(l);
      if ((i + 1) % 22 === 0) out.push(`— ${(i + 1) / 22 + 1} —`);
    });
    return out.join('\n');
  },
  /** GB/T 9704's 版记 after the text: the 抄送 line and the office that printed it with the day it was printed */
  imprint: (t, k) => {
    const d = k.documents.length === 1 ? k.documents[0] : null;
    if (!d?.dateSigned || !d.issuers.length) return t;
    const printed = new Date(Date.parse(`${d.dateSigned}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10).split('-');
    return `${t}\n\n抄送：县委各部门，县人大常委会办公室，县政协办公室。\n${d.issuers[0]}　　　　${Number(printed[0])}年${Number(printed[1])}月${Number(printed[2])}日印发\n`;
  },
  /** a news site's column tag before the title where the page first prints it (`【政策文件】某某办法`) */
  'news-heading': (t, k) => {
    const title = onlyTitle(k);
    const lines = t.split('\n');
    const at = title ? lines.findIndex((l) => l.trim() === title) : -1;
    if (at >= 0) lines[at] = `【政策文件】${title}`;
    return lines.join('\n');
  },
  /**
   * a news site's repost: a headline of its own, a dateline and a lead naming the document in 《》 (`全文如下：`) over the
   * page it copied
   */
  'news-lead': (t, k) => {
    const title = onlyTitle(k);
    if (!title) return t;
    const d = k.documents[0];
    const lead = `　　近日，${d.issuers[0] ?? '有关部门'}发布《${title}》，全文如下：`;
    return withAfterSource(t, ['重磅！最新通知来了，事关你我', `${d.dateSigned ?? '2023-05-06'} 09:30　来源：某某日报`, lead].join('\n'));
  },
  /** a forum's thread reposting the page: its subject line (the title), the poster, the thread's buttons and counts */
  'forum-post': (t, k) => {
    // (a page that prints no title keeps none: the thread's subject would be its title, 387)
    const title = onlyTitle(k);
    if (!title) return t;
    return withAfterSource(t, `主题: ${title}\n\n  • 半夏时光\n楼主回复\n  • 阅读:213\n  • 回复:0\n  • 发表于:2022/1/21 9:50:41\n只看该作者\n倒序看帖`);
  },
  /** each long signing organ's name over two lines, broken where a word ends (a narrow column's wrap) */
  'signature-broken': (t) => brokenSignatures(t),
  /** the title printed in 【】 where the page first prints it alone on a line (a news site's way of setting a notice's title) */
  'bracket-title': (t, k) => {
    const title = onlyTitle(k);
    const lines = t.split('\n');
    const at = title ? lines.findIndex((l) => l.trim() === title) : -1;
    if (at >= 0) lines[at] = `【${title}】`;
    return lines.join('\n');
  },
  /** a portal's whole page: its <title> line and breadcrumb, its table of fields, a posting line, the signature on one line, links after */
  'portal-page': (t, k) =>
    ['signature-line', 'posting-line', 'portal-fields', 'portal-title', 'link-footer'].reduce((x, name) => COPIES[name](x, k), t),
  /** the signature's organ and date on one line, as a web copy runs them together (`某县人民政府 2023年5月6日`) */
  'signature-line': (t) => signaturesOnOneLine(t, (organ, date) => `${organ}　${date}`),
};

/**
 * A portal's table of the document's fields above its text, in one of the four ways portals print it (picked by the
 * title, so a text always gets the same one): `label：value` rows; a `|` table two fields a row; bullets with label and
 * value on lines of their own; labels run into their values without a colon, the fields on one line. The fields are the
 * keyed ones (an unkeyed field is printed empty), beside an index number, a category and a posting date five days later.
 */
function portalFields(t: string, k: KeyFile): string {
  const d = k.documents.length === 1 ? k.documents[0] : null;
  if (!d?.title) return t;
  const ymd = d.dateSigned?.split('-') ?? null;
  const posted = d.dateSigned ? new Date(Date.parse(`${d.dateSigned}T00:00:00Z`) + 5 * 86_400_000).toISOString().slice(0, 10) : '';
  const year = ymd?.[0] ?? '2023';
  const f = {
    index: `11${String(d.title.length * 7919).padStart(8, '0')}X/${year}-00${String(d.title.length).padStart(3, '0')}`,
    issuer: d.issuers.join('、'),
    number: d.docNumber ?? '',
    signed: ymd ? `${ymd[0]}年${ymd[1]}月${ymd[2]}日` : '',
    signedIso: d.dateSigned ?? '',
  };
  const layouts = [
    `索引号：${f.index}\n主题分类：综合政务\\通知\n发文机关：${f.issuer}\n成文日期：${f.signed}\n标题：${d.title}\n发文字号：${f.number}\n发布日期：${posted}`,
    `索引号： | ${f.index} | 发文字号： | ${f.number} |\n发文机关： | ${f.issuer} | 成文日期： | ${f.signedIso} |\n标题： | ${d.title} |\n主题分类： | 综合政务 | 发布日期： | ${posted} |`,
    `  • 索 引 号\n  • ${f.index}\n  • 发文字号\n  • ${f.number}\n  • 成文日期\n  • ${f.signed}\n  • 标    题\n  • ${d.title}`,
    `索引号${f.index}主题分类综合政务发文机关${f.issuer}发文字号${f.number}成文日期${f.signedIso}发布日期${posted}\n标题${d.title}`,
  ];
  const table = layouts[[...d.title].reduce((a, c) => a + c.charCodeAt(0), 0) % layouts.length];
  const lines = t.split('\n');
  const at = lines[0].startsWith('来源') ? 1 : 0;
  lines.splice(at, 0, table);
  return lines.join('\n');
}

/** How the copies recognise a signing organ's line over its date (`…人民政府`, `…办公室`, `…指挥部` …). */
const SIGNING_ORGAN_END = /(?:政府|办公室|委员会|局|厅|部|委|院|中心|指挥部|管委会|领导小组|大队|支队)$/;

/** A signing date alone on its line, as the development set prints most (`2023年5月6日`). */
const SIGNING_DATE = /^(?:19|20)\d{2}年\d{1,2}月\d{1,2}日$/;

/** The text with the signature of its one document's one issuer (the organ's line straight over its date) printed by `print`. */
function withSignatureLine(t: string, k: KeyFile, print: (organ: string) => string): string {
  const d = k.documents.length === 1 ? k.documents[0] : null;
  if (!d || d.issuers.length !== 1) return t;
  const lines = t.split('\n');
  const at = lines.findLastIndex((l, i) => l.trim() === d.issuers[0] && SIGNING_DATE.test(lines[i + 1]?.trim() ?? ''));
  if (at >= 0) lines[at] = print(d.issuers[0]);
  return lines.join('\n');
}

/** Every signature (an organ's line over its date's) printed on one line as `join` sets the two. */
function signaturesOnOneLine(t: string, join: (organ: string, date: string) => string): string {
  const lines = t.split('\n');
  for (let i = lines.length - 2; i >= 0; i--) {
    const organ = lines[i].trim();
    const date = lines[i + 1].trim();
    if (SIGNING_DATE.test(date) && SIGNING_ORGAN_END.test(organ) && organ.length <= 30) {
      lines.splice(i, 2, join(organ, date));
    }
  }
  return lines.join('\n');
}

/**
 * A signing organ's name of ten characters or more over two lines, broken where a word ends nearest its middle (after a
 * place's name, before the organ's unit: `某县新型冠状病毒感染的肺炎` / `疫情防控指挥部`), as a narrow column prints it.
 */
function brokenSignatures(t: string): string {
  const lines = t.split('\n');
  for (let i = lines.length - 2; i >= 0; i--) {
    const organ = lines[i].trim();
    if (!SIGNING_DATE.test(lines[i + 1].trim()) || organ.length < 10 || organ.length > 30 || !/^[\u4e00-\u9fff]+$/.test(organ)) continue;
    if (!SIGNING_ORGAN_END.test(organ)) continue;
    const at: number[] = [];
    for (const m of organ.matchAll(/(?:省|市|县|区|州|盟|旗|镇|乡)(?=[\u4e00-\u9fff]{3})|(?=办公室$|指挥部$|领导小组|委员会$|管理局$|执法局$)/g)) at.push(m.index + m[0].length);
    const fits = at.filter((c) => c >= 3 && organ.length - c >= 3).sort((a, b) => Math.abs(a - organ.length / 2) - Math.abs(b - organ.length / 2));
    if (fits.length) lines.splice(i, 1, organ.slice(0, fits[0]), organ.slice(fits[0]));
  }
  return lines.join('\n');
}

/** A title over two lines, broken after 关于/印发/转发 or a 、, around a 《》 or before its last 的, nearest its middle. */
function brokenTitle(t: string): string {
  const at: number[] = [];
  for (const m of t.matchAll(/关于|印发|转发|、|》/g)) at.push(m.index + m[0].length);
  for (const m of t.matchAll(/《/g)) at.push(m.index);
  if (t.lastIndexOf('的') > 0) at.push(t.lastIndexOf('的'));
  const fits = at.filter((c) => c >= 4 && t.length - c >= 4).sort((a, b) => Math.abs(a - t.length / 2) - Math.abs(b - t.length / 2));
  return fits.length ? `${t.slice(0, fits[0])}\n${t.slice(fits[0])}` : t;
}

/** `text` with `block` put above it (under its `来源：` line, which the scorer strips). */
function withAfterSource(t: string, block: string): string {
  const lines = t.split('\n');
  lines.splice(lines[0].startsWith('来源') ? 1 : 0, 0, block);
  return lines.join('\n');
}

/** The title of a text that holds one titled document (the copies that print it again around the text), else null. */
function onlyTitle(k: KeyFile): string | null {
  return k.documents.length === 1 && k.documents[0].title ? k.documents[0].title : null;
}

function halfwidthPunct(t: string): string {
  return t.replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':').replace(/，/g, ',').replace(/；/g, ';');
}

const HANZI_DIGITS = '〇一二三四五六七八九';
/** `2023年5月26日` → `二〇二三年五月二十六日`. */
function hanziDates(t: string): string {
  const small = (n: number): string =>
    n < 10 ? HANZI_DIGITS[n] : `${n >= 20 ? HANZI_DIGITS[Math.floor(n / 10)] : ''}十${n % 10 ? HANZI_DIGITS[n % 10] : ''}`;
  return t.replace(
    /((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日/g,
    (_, y: string, m: string, d: string) => `${[...y].map((c) => HANZI_DIGITS[Number(c)]).join('')}年${small(Number(m))}月${small(Number(d))}日`,
  );
}

/** Simplified → traditional, one for one (the first traditional form OpenCC's table gives each simplified character). */
let toHant: Map<string, string> | null = null;
function traditional(t: string): string {
  if (!toHant) {
    toHant = new Map();
    for (let i = HANT.length - 1; i >= 0; i--) toHant.set(HANS[i], HANT[i]);
  }
  let out = '';
  for (const ch of t) out += toHant.get(ch) ?? ch;
  return out;
}

/** Copies whose printed words change (a page printed in traditional characters): the keys' strings change with them. */
const KEY_COPIES: Record<string, (s: string) => string> = { traditional, 'halfwidth-punct': halfwidthPunct, 'hanzi-dates': hanziDates };

/** Every string a key compares, through `f` (the decisions of a cleanup stay as the conventions name them). */
function copiedKey(key: KeyFile, f: (s: string) => string): KeyFile {
  const rel = (r: KeyRelation): KeyRelation => ({ title: r.title && f(r.title), docNumber: r.docNumber && f(r.docNumber) });
  const doc = (d: KeyDocument): KeyDocument => ({
    ...d,
    title: d.title && f(d.title),
    docNumber: d.docNumber && f(d.docNumber),
    issuers: d.issuers.map(f),
    abolishes: d.abolishes.map(rel),
    amends: d.amends?.map(rel),
    cites: d.cites.map(f),
    cleanup: d.cleanup && { counts: d.cleanup.counts, items: d.cleanup.items.map((it) => ({ ...rel(it), decision: it.decision })) },
  });
  return { ...key, documents: key.documents.map(doc) };
}

/** The development set (or `fixtures`) as the copy named prints it. */
export function copiedFixtures(copy: string, fixtures: Fixture[] = loadFixtures()): Fixture[] {
  const f = COPIES[copy];
  if (!f) throw new Error(`unknown copy ${copy}: one of ${Object.keys(COPIES).join(', ')}`);
  const k = KEY_COPIES[copy];
  return fixtures.map((x) => ({ ...x, text: f(x.text, x.key), key: k ? copiedKey(x.key, k) : x.key }));
}

// ---------------------------------------------------------------------------------------------------------------
// CLI

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`.padStart(7);
}

export function formatTable(r: ScoreResult): string {
  const lines = [
    `${r.files} texts, ${r.keyDocuments} keyed documents, ${r.parsedDocuments} parsed documents`,
    '',
    `${'field'.padEnd(14)}${'TP'.padStart(6)}${'FP'.padStart(6)}${'FN'.padStart(6)}  precision  recall`,
  ];
  for (const f of FIELDS) {
    const s = r.fields[f];
    lines.push(`${f.padEnd(14)}${String(s.tp).padStart(6)}${String(s.fp).padStart(6)}${String(s.fn).padStart(6)}  ${pct(s.precision)}    ${pct(s.recall)}`);
  }
  lines.push('', `own 文号 among cites: ${r.selfCites.length ? r.selfCites.map((x) => `${x.file} ${x.docNumber}`).join('; ') : 'none'}`);
  return lines.join('\n');
}

export function formatMismatches(r: ScoreResult): string {
  const out: string[] = [];
  let file = '';
  for (const m of r.mismatches) {
    if (m.file !== file) {
      file = m.file;
      out.push('', `== ${file}`);
    }
    out.push(`  ${m.field.padEnd(13)} ${m.doc === '—' ? '' : `[${m.doc.slice(0, 40)}] `}`);
    out.push(`      expected: ${m.expected}`);
    out.push(`      got:      ${m.got}`);
  }
  for (const e of r.errors) out.push(`!! ${e.file}: parseText threw: ${e.message}`);
  return out.join('\n');
}

function main(argv: string[]): void {
  const json = argv.includes('--json');
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  const fi = argv.indexOf('--file');
  const filter = fi >= 0 ? argv[fi + 1] : undefined;
  const ci = argv.indexOf('--copy');
  const base = argv.includes('--holdout') ? loadFixtures(HOLDOUT_DIR) : loadFixtures();
  const r = scoreAll({ filter, fixtures: ci >= 0 ? copiedFixtures(argv[ci + 1], base) : base });
  if (json) {
    console.log(JSON.stringify(verbose ? r : { ...r, mismatches: undefined }, null, 2));
    return;
  }
  if (verbose) console.log(formatMismatches(r), '\n');
  console.log(formatTable(r));
  if (r.errors.length) console.log(`\nparseText threw on ${r.errors.length} file(s): ${r.errors.map((e) => e.file).join(', ')}`);
  const below = FIELDS.filter((f) => r.fields[f].precision < THRESHOLD || r.fields[f].recall < THRESHOLD);
  if (below.length || r.errors.length || r.selfCites.length) {
    console.log(`\nbelow ${THRESHOLD}: ${below.join(', ') || 'none'}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));

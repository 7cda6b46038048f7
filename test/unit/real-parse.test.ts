import { beforeAll, describe, expect, it } from 'vitest';
import { checkKeys, loadFixtures } from '../../scripts/check-real-keys';
import { copiedFixtures, FIELDS, formatMismatches, formatTable, type ScoreResult, scoreAll, THRESHOLD } from '../../scripts/score-parse';

/**
 * The real development set (test/fixtures/real): texts from public government pages with hand-written answer
 * keys. The key check must always pass; the score thresholds are the parser's target (`npm run score:parse --
 * --verbose` lists what is still wrong).
 */

describe('real development set: answer keys', () => {
  it('has at least 45 texts, every one with a key', () => {
    expect(loadFixtures().length).toBeGreaterThanOrEqual(45);
  });

  it('every key string occurs in its text', () => {
    const problems = checkKeys().map((p) => `${p.file} ${p.where} ${p.value}: ${p.problem}`);
    expect(problems).toEqual([]);
  });
});

describe('real development set: parser score', () => {
  let result: ScoreResult;
  beforeAll(() => {
    result = scoreAll();
  });

  it('parseText never throws', () => {
    expect(result.errors).toEqual([]);
  });

  it('no document lists its own 文号 among its citations', () => {
    expect(result.selfCites).toEqual([]);
  });

  it.each(FIELDS)(`%s: precision and recall ≥ ${THRESHOLD}`, (field) => {
    const s = result.fields[field];
    const detail = `${formatTable(result)}\n${formatMismatches({ ...result, mismatches: result.mismatches.filter((m) => m.field === field) })}`;
    expect(s.precision, `${field} precision\n${detail}`).toBeGreaterThanOrEqual(THRESHOLD);
    expect(s.recall, `${field} recall\n${detail}`).toBeGreaterThanOrEqual(THRESHOLD);
  });
});

/**
 * The same pages as other copies print them (scripts/score-parse.ts COPIES): no-break spaces, an empty line after every
 * line, CRLF, full-width spaces, a portal's furniture around the text, traditional characters, full-width digits, a 文号's
 * year in other brackets, ASCII punctuation, dates in Chinese numerals, a portal's page title and breadcrumb above the text
 * and its 解读/上一篇/下一篇 links after it — what a person pastes,
 * a converter writes or a Hong Kong, Macao or Taiwan mirror prints. A copy that only changes layout or script must read
 * as the page does; a fixed-width wrap (a PDF's text layer) nearly so.
 */
describe('real development set: the same pages as other copies print them', () => {
  // (a copy measures what its layout costs: the pages the parser misses as printed — their classes unread, or their keys taking a
  // reading the conventions leave open — are missed in every copy, and are left out of the copies' scores)
  let asPrinted: ReturnType<typeof loadFixtures> = [];
  beforeAll(() => {
    const missed = new Set(scoreAll().mismatches.map((m) => m.file));
    asPrinted = loadFixtures().filter((f) => !missed.has(f.name));
  });
  const copied = (copy: string) => copiedFixtures(copy, asPrinted);
  const LAYOUT_ONLY = [
    'nbsp',
    'crlf',
    'ideographic-spaces',
    'page-furniture',
    'spaced-heads',
    'traditional',
    'fullwidth-digits',
    'square-brackets',
    'paren-brackets',
    'lenticular-brackets',
    'halfwidth-punct',
    'hanzi-dates',
    'portal-title',
    'link-footer',
    // (GB/T 9704's letterhead, `某某县人民政府文件`, and 文号 above a numbered document's head)
    'letterhead',
    // (a portal's table of the document's fields above the text, in four layouts: rows, cells, bullets, labels run together)
    'portal-fields',
    // (a heading with the 文号 or 令 number before the title; a posting line under it; the signature's organ and date on one line)
    'number-heading',
    'posting-line',
    'signature-line',
    // (a PDF's page numbers between the lines; GB/T 9704's 版记 after the text; a news site's column tag before the title)
    'page-numbers',
    'imprint',
    'news-heading',
    // (the copies above at once, as a whole portal page prints them)
    'portal-page',
    // (the signature printed with its label, `发布单位：…`; a letterhead's organ broken over two lines)
    'signature-label',
    'letterhead-broken',
    // (a note on the seal after the signing organ, `（盖章）`; joint signers spaced apart on one line)
    'signature-seal',
    'joint-signature-line',
    // (a Word original's text export: paragraphs indented, the signature right-aligned with its date far apart on one line)
    'indent',
    'signature-wide',
    // (a forum thread's subject and buttons above the post)
    'forum-post',
    // (each head printed over two lines, broken where a word ends, as GB/T 9704 sets a title; an empty line after every line; a
    // long signing organ's name over two lines, broken where a word ends: `某县` / `人民政府`)
    'title-broken',
    'blank-lines',
    'signature-broken',
  ];
  it.each(LAYOUT_ONLY)('%s: every field ≥ 0.99', (copy) => {
    const r = scoreAll({ fixtures: copied(copy) });
    expect(r.errors).toEqual([]);
    const below = FIELDS.filter((f) => r.fields[f].precision < 0.99 || r.fields[f].recall < 0.99);
    expect(below, `${copy}\n${formatTable(r)}\n${formatMismatches(r)}`).toEqual([]);
  });

  // (a news site's repost — its own headline, a dateline and a lead naming the document in 《》 over the page — and a title set
  // alone in 【】: a headline-only page's own title competes with them, so a few titles go)
  it.each(['news-lead', 'bracket-title'])('%s: every field ≥ 0.98', (copy) => {
    const r = scoreAll({ fixtures: copied(copy) });
    expect(r.errors).toEqual([]);
    expect(FIELDS.filter((f) => r.fields[f].precision < 0.98 || r.fields[f].recall < 0.98), `${copy}\n${formatTable(r)}`).toEqual([]);
  });

  // (a breadcrumb, a portal's fields, a 令's number, organs heading a joint title and a numbered heading stand apart on the
  // one line; a heading, an issuer line and the title printed again run together by a space alone still cost some titles)
  it('flatten (every line run onto one): documents ≥ 0.94, titles ≥ 0.90, no field under 0.90', () => {
    const r = scoreAll({ fixtures: copied('flatten') });
    expect(r.errors).toEqual([]);
    const f = r.fields;
    const below = FIELDS.filter((k) => f[k].precision < 0.9 || f[k].recall < 0.9);
    expect({ documents: Math.min(f.documents.recall, f.documents.precision) >= 0.94, title: Math.min(f.title.recall, f.title.precision) >= 0.9, below }, formatTable(r)).toEqual({
      documents: true,
      title: true,
      below: [],
    });
  });

  // (a wrapped paragraph is read as the line its producer wrote; a title, a salutation, a 文号 or a field row over two lines
  // runs on, a title printed whole on full lines ends there; what stays is a paragraph that ends without a mark exactly
  // at the width, read as running on)
  it.each(['wrap-28', 'wrap-40'])('%s (a hard wrap, a title or 文号 over two lines): every field of 20+ keyed items ≥ 0.97', (copy) => {
    const r = scoreAll({ fixtures: copied(copy) });
    expect(r.errors).toEqual([]);
    // (a field keyed a handful of times, 有效期至's five, moves by a fifth with one document)
    const below = FIELDS.filter((f) => r.fields[f].tp + r.fields[f].fn >= 20 && (r.fields[f].precision < 0.97 || r.fields[f].recall < 0.97));
    expect(below, `${copy}\n${formatTable(r)}`).toEqual([]);
  });
});

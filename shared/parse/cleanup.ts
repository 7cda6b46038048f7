import type { Cleanup, CleanupDecision, RelationTarget } from '../domain/parse-result';
import { PRINTED_YEAR } from '../domain/cn-date';
import { findDocNumbers, findOrderNumbers } from '../domain/docnumber';
import { isTitleEnd, squeeze } from './text';

/**
 * Results of a cleanup (清理) and abolition lists: the counts a notice states (`继续有效26件`, `7件宣布失效`,
 * `保留…1份，废止3份`, `需修改的规章目录（37件）`), the documents it names under each decision — numbered lines,
 * table rows, `一、《…》（…令第N号发布）`, `《X》等7件规范性文件继续有效` — and, for 废止, the abolished documents.
 * Pure; linear in the lines given.
 */

const DECISION_WORDS: [RegExp, CleanupDecision][] = [
  [/宣布继续有效|继续有效|予以保留|保留|继续执行|继续施行/, '继续有效'],
  [/予以修订|予以修改|需修改|需修订|修订|修改|修正/, '修改'],
  [/宣布废止|予以废止|废止/, '废止'],
  [/宣布失效|予以失效|失效/, '宣布失效'],
];
const DECISION_ANY = /宣布继续有效|继续有效|予以保留|保留|继续执行|继续施行|予以修订|予以修改|需修改|需修订|修订|修改|修正|宣布废止|予以废止|废止|宣布失效|予以失效|失效/g;

function decisionOf(word: string): CleanupDecision | null {
  for (const [re, d] of DECISION_WORDS) if (re.test(word)) return d;
  return null;
}

const COUNT = /(?:共|计)?(\d{1,5})(?:件|份|个|部|项)/g;
/** `18部规章和4部规范性文件`: two kinds counted apart, joined by 和, the kinds named after each number. */
const JOINED_COUNTS = /(\d{1,5})(件|部|份|项)(?:[\u4e00-\u9fff]{1,10})和(\d{1,5})(?:件|部|份|项)(?=[\u4e00-\u9fff])/g;

/** Counts stated in one sentence: a number of documents with the decision after it, else the one before it. */
function countsIn(text: string, counts: Cleanup['counts']): void {
  // Counts inside a cited title (`《关于修改〈…〉等148件规章的决定》`) are not this document's; documents of two kinds
  // under one decision are one count (`对18部规章和4部规范性文件的部分条款予以修改`: 22).
  const sentence = text
    .replace(/《[^《》]*》|<[^<>]*>/g, '《》')
    .replace(JOINED_COUNTS, (_, a: string, unit: string, b: string) => `${Number(a) + Number(b)}${unit}`);
  for (const m of sentence.matchAll(COUNT)) {
    const at = m.index ?? 0;
    const after = sentence.slice(at + m[0].length, at + m[0].length + 20);
    const before = sentence.slice(Math.max(0, at - 24), at);
    // `152件现行有效的…` (what was reviewed) is not a decision.
    if (/^现行有效/.test(after)) continue;
    const a = [...after.matchAll(DECISION_ANY)][0];
    const b = [...before.matchAll(DECISION_ANY)].pop();
    const aGap = a ? after.slice(0, a.index) : '';
    const bGap = b ? before.slice((b.index ?? 0) + b[0].length) : '';
    // the decision word next to the number, not across a comma; `4件文件，宣布失效` when nothing stands before
    let word: string | null = null;
    // `继续有效1件、废止1件`: a decision written right before the number is its own, unless one is right after it
    if (b && bGap === '' && !(a && aGap === '')) word = b[0];
    else if (a && !/[，,：:]/.test(aGap)) word = a[0];
    else if (b && !/[，,]/.test(bGap)) word = b[0];
    else if (a && !/[：:\d]/.test(aGap)) word = a[0];
    // `5件规章及规范性文件作如下修改和废止`, `关于修改和废止5件规章…`: a number two decisions share is neither's
    const shared =
      (!!a && word === a[0] && new RegExp(`^(?:和|及|与|、)(?:${DECISION_ANY.source})`).test(after.slice((a.index ?? 0) + a[0].length))) ||
      (!!b && word === b[0] && new RegExp(`(?:${DECISION_ANY.source})(?:和|及|与|、)$`).test(before.slice(0, b.index)));
    const d = word && !shared ? decisionOf(word) : null;
    if (d && counts[d] === undefined) counts[d] = Number(m[1]);
  }
}

/**
 * `二、对下列7件省政府规章予以废止。`: a decision's part heading written as a sentence (a full stop, not a colon), opening
 * the items below it.
 */
const DECISION_SENTENCE = /^(?:[一二三四五六七八九十]{1,3}[、.．])?(?:对|将)(?:以下|下列)[^。：:《》，,]{0,24}?(?:予以|作出?|做出?|进行)?(?:废止|修改|修订|宣布失效)[。]?$/;

/**
 * `…和第二款中的“…”。二、对下列7件…予以废止。`: a part's heading run into the end of the line before it (the previous
 * part's last sentence) is a line of its own.
 */
function runInHeading(line: string): string[] {
  const m = /[。；;”"）)](?=[一二三四五六七八九十]{1,3}、(?:对|将)(?:以下|下列))/.exec(line);
  return m ? [line.slice(0, m.index + 1), line.slice(m.index + 1)] : [line];
}

/** A heading or lead-in that opens a list under one decision: `继续有效的规范性文件目录`, `…予以废止：`. */
function listDecision(line: string): CleanupDecision | null {
  if (line.length > 200) return null;
  const lead = /[:：]$/.test(line) || /目录|清单|名录|名单|[（(]\d+件[）)]$/.test(line) || DECISION_SENTENCE.test(line);
  if (!lead) return null;
  const words = [...line.matchAll(DECISION_ANY)].map((m) => decisionOf(m[0]));
  const kinds = new Set(words.filter(Boolean));
  if (kinds.size === 1) return [...kinds][0]!;
  // `一、现行有效规章（52件）`: the list of what remains in force
  return kinds.size === 0 && /^(?:[一二三四五六七八九十]{1,3}[、.．]\s*)?现行有效/.test(line) ? '继续有效' : null;
}

/**
 * `一、现行有效规章(52件)1.某办法(…发布)2.某规定(…)`: entries run together on one line after their heading, each
 * number standing right after the bracket that closes the entry before it. Split where they start (a line with
 * fewer than two such starts stays whole).
 */
function runOnEntries(line: string): string[] {
  const starts = [...line.matchAll(/(?<=[）)])(?=\d{1,3}[.．、](?!\d))/g)].map((m) => m.index ?? 0);
  if (starts.length < 2) return [line];
  const pieces = [0, ...starts].map((at, k, all) => line.slice(at, all[k + 1]));
  // (only after a heading that opens the list: `一、现行有效规章（52件）1.…`; a sentence's run-on list is read elsewhere)
  if (listDecision(squeeze(pieces[0]))) return pieces.filter((p) => p.trim());
  const first = /^(.*?[:：])(\d{1,3}[.．、].*)$/.exec(pieces[0]);
  if (!first || !listDecision(squeeze(first[1]))) return [line];
  return [first[1], first[2], ...pieces.slice(1)].filter((p) => p.trim());
}

/** `（1990年6月20日某部、某局某财〔1990〕16号发布，…修正）` after an entry's title: its history, dated (`（一九九〇年…`). */
const DATED_HISTORY = new RegExp(`[（(]${PRINTED_YEAR}年[^（）()]*(?:[）)]|$)`);

/**
 * The number an entry's history says it was published by (its first part; later ones amended it), without the
 * issuing organ the history prints right before it (`某部、某局某财〔1990〕16号发布` → `某财〔1990〕16号`).
 */
function historyNumber(history: string): string | null {
  const first = history.replace(/^[（(]/, '').split(/[，,；;]/)[0];
  const n = firstNumber(first)?.normalized ?? null;
  const m = n ? /^(.+?)(〔\d{4}〕\d+号)$/.exec(n) : null;
  if (!m) return n;
  const agency = m[1].replace(/^[\u4e00-\u9fff]{1,10}?(?:部|局|委员会|委|厅|署|办公厅|办公室)(?=[\u4e00-\u9fff]{1,6}$)/, '');
  return `${agency}${m[2]}`;
}

// (`（一）` numbers headings as often as entries: only before a named document, `（一）《某规定》（政府令第146号）`)
const NUMBERED = /^(?:[一二三四五六七八九十百]{1,4}[、.．]|\d{1,4}(?:[.．、]|\s)|[（(]\d{1,4}[）)]|[（(][一二三四五六七八九十]{1,3}[）)](?=\s*《))\s*/;
/** `《某规定》(市政府令第38号公布)` alone on its line: the one entry of a list, printed without a number. */
const LONE_ENTRY = /^[ \t\u3000]*(?=《[^《》]{4,120}》[（(][^（）()]{2,60}[）)][。；;，,]?[ \t\u3000]*$)/;

/**
 * One list entry: `1.《X》（X规〔2019〕N号）`, `一、X（省政府令第114号）。`, a table row `1 关于……的通知 X市府发〔2000〕NN号
 * 说明…` (title, then the first number; later columns ignored). The title must read as a title.
 */
function entry(raw: string): RelationTarget | null {
  if (BOX_ROW.test(raw)) return boxRow(raw);
  const numbered = NUMBERED.exec(raw) ?? LONE_ENTRY.exec(raw);
  if (!numbered) return null;
  const rest = squeeze(raw.slice(numbered[0].length)).replace(/[。；;，,]$/, '');
  // `某办法(1990年6月20日某部某财〔1990〕16号发布)`: the title, then its dated history (cut off at the page's end or not)
  const hist = DATED_HISTORY.exec(rest);
  if (hist && hist.index >= 4) {
    const title = rest.slice(0, hist.index).replace(/^《(.*)》$/, '$1');
    if (!/[。；;，,]/.test(title) && isTitleEnd(title.replace(/[《》]/g, ''))) return { title, docNumber: historyNumber(hist[0]) };
  }
  const dn = firstNumber(rest);
  // `关于……的通知 达市府发〔2000〕1` (a number cut short): the title ends before it
  const broken = dn ? -1 : rest.search(/[〔[【（(]\d{4}[〕\]】）)]?\d*$/);
  let title = dn ? rest.slice(0, dn.at) : broken > 0 ? longestTitle(rest.slice(0, broken)) : rest;
  title = title.replace(/[（(]$/, '').replace(/^《(.*)》$/, '$1');
  if (title.length < 4 || /[。；;，,]/.test(title) || !isTitleEnd(title.replace(/[《》]/g, ''))) return null;
  // (`5.经重新认定不属于行政规范性文件的文件目录` after `4.废止的…目录` in an 附件 list: another list's name, numbered, no entry)
  if (!dn && /的(?:文件|规章|规范性文件)?(?:目录|清单|名录|名单)$/.test(title)) return null;
  return { title, docNumber: dn?.normalized ?? null };
}

/** `│ 1 │市政[1986]12号 │ 1986.1.18 │关于……的通知 │`: a row of a table drawn with box characters. */
const BOX_ROW = /^[│┃║|]\s*\d{1,4}\s*[│┃║|]/;

/** A box-drawn table row: its cells in any order — the 序号, a 文号 cell, a date, the title cell. */
function boxRow(raw: string): RelationTarget | null {
  const cells = raw.split(/[│┃║|]/).map(squeeze).filter(Boolean).slice(1);
  const title = cells.find((c) => c.length >= 4 && !/[。；;，,]/.test(c) && isTitleEnd(c.replace(/[《》]/g, '')));
  if (!title) return null;
  const number = cells.find((c) => c !== title && firstNumber(c)?.at === 0);
  return { title: title.replace(/^《(.*)》$/, '$1'), docNumber: number ? firstNumber(number)!.normalized : null };
}

/** The longest prefix of s that reads as a complete title (s is one short table cell run-on). */
function longestTitle(s: string): string {
  for (let end = s.length; end >= 4; end--) if (isTitleEnd(s.slice(0, end))) return s.slice(0, end);
  return s;
}

/** The first 文号 or 政府令 number in a squeezed string, with where its agency starts. */
function firstNumber(s: string): { normalized: string; at: number } | null {
  const a = findDocNumbers(s)[0];
  const b = findOrderNumbers(s)[0];
  const at = (x: { raw: string } | undefined) => (x ? s.indexOf(squeeze(x.raw)) : -1);
  const ia = at(a);
  const ib = at(b);
  if (a && (ib < 0 || (ia >= 0 && ia <= ib))) return { normalized: a.normalized, at: ia };
  if (b && ib >= 0) {
    // `（2016年12月1日常州市人民政府令第2号发布）`: the number's bracket opens before the date
    const cut = Math.max(s.lastIndexOf('(', ib), s.lastIndexOf('（', ib));
    return { normalized: b.normalized, at: cut >= 0 ? cut : ib };
  }
  return null;
}

/** `《X》等7件规范性文件继续有效`: the first named document with the sentence's decision. */
function namedWithDecision(sentence: string): { decision: CleanupDecision; target: RelationTarget } | null {
  const after = /《([^《》]{4,120})》(?:[（(]([^（）()]{4,40})[）)])?等\d+(?:件|份|个)[^。；;]{0,20}?(宣布继续有效|继续有效|保留|修订|修改|废止|宣布失效|失效)/.exec(sentence);
  // `修改《某暂行规定》(桂政发[1980]94号)等42件自治区人民政府规章`: the decision stands before the named document
  const before = after ? null : /(修订|修改|废止|宣布失效)《([^《》]{4,120})》(?:[（(]([^（）()]{4,40})[）)])?等\d+(?:件|份|个)/.exec(sentence);
  const [word, title, number] = after ? [after[3], after[1], after[2]] : before ? [before[1], before[2], before[3]] : [];
  if (!word || !title) return null;
  const d = decisionOf(word);
  const dn = number ? (findDocNumbers(number)[0] ?? findOrderNumbers(number)[0]) : undefined;
  return d ? { decision: d, target: { title, docNumber: dn?.normalized ?? null } } : null;
}

/**
 * What was reviewed: `对（我市）现行有效的县政府和县政府办公室规范性文件进行了集中清理` →
 * `现行有效的县政府和县政府办公室规范性文件`; `对2018年12月31日以前制定的规范性文件进行清理` likewise.
 */
function scopeOf(text: string): string | null {
  for (const sentence of text.split(/[。；;\n]/)) {
    const m = /对((?:[^对，,。]{0,20}?(?:以前|之前|前|截至)[^对，,。]{0,30}?|[^对，,。]{0,12}?现行有效的)[^对，,。]{0,40}?(?:规范性文件|规章|政策性文件|文件))(?:[，,]?(?:进行了?|开展了?|组织了?)[^，,。]{0,6}清理|[^，,。]{0,6}清理)/.exec(sentence);
    if (m) return m[1].replace(/^(?:我[市县区省镇]|本[市县区省镇])/, '');
  }
  return null;
}

/**
 * Reads a document's lines (compact, one per printed line) and title. Returns null when the document is not a
 * cleanup result or abolition list.
 */
export function extractCleanup(lines: string[], title: string, flat = '', mentioned?: Set<string>): Cleanup | null {
  const counts: Cleanup['counts'] = {};
  const items: Cleanup['items'] = [];
  const inSentences: Cleanup['items'] = [];
  let current: CleanupDecision | null = /关于(?:废止|宣布失效)/.test(title) ? decisionOf(/废止/.test(title) ? '废止' : '失效') : null;
  let listed = 0;
  const titleCount = /等(\d{1,5})件/.exec(title);
  if (titleCount && current) counts[current] = Number(titleCount[1]);
  const all = lines.join('');
  // Counts are read only in texts about a cleanup or an abolition, not in any notice that mentions `3件`.
  let about = /清理/.test(all) || current !== null || /关于(?:公布|修改|废止)[^《]*(?:规范性文件|规章)/.test(title);
  for (const raw of lines.flatMap(runInHeading).flatMap(runOnEntries)) {
    const line = squeeze(raw);
    const named = namedWithDecision(line);
    // (after the list's entries: a list names its documents in order)
    if (named) inSentences.push({ decision: named.decision, ...named.target });
    const opened = listDecision(line);
    if (opened) {
      current = opened;
      about = true;
      // `现行有效规章（52件）`: the heading states the count
      const n = /[（(](\d{1,5})件[）)]$/.exec(line);
      if (n && counts[opened] === undefined) counts[opened] = Number(n[1]);
      continue;
    }
    const e = current && !named ? entry(raw.trim()) : null;
    if (e && current) {
      items.push({ decision: current, ...e });
      listed++;
      // (the numbers an entry's history names are the entry's, not citations)
      for (const d of findDocNumbers(line)) mentioned?.add(d.normalized);
    }
  }
  // Counts from whole sentences: hard line breaks split `决定保留…规范性文件` from `18件`.
  if (!about) return null;
  for (const sentence of (flat || lines.map(squeeze).join('\n')).split(/[。；;\n]/)) countsIn(sentence, counts);
  items.push(...inSentences);
  const isCleanup = Object.keys(counts).length > 0 || listed >= 2 || items.length > 0 || (/清理/.test(all) && /继续有效/.test(all));
  if (!isCleanup) return null;
  return { scope: scopeOf(flat || lines.map(squeeze).join('\n')), counts, items: onceEach(items) };
}

/**
 * A document named in a sentence (`废止《某规定》等3件…`) and again as an entry of the list below it is one item: the
 * first mention, with the number the other supplies.
 */
export function onceEach(items: Cleanup['items']): Cleanup['items'] {
  const out: Cleanup['items'] = [];
  for (const it of items) {
    const same = out.find((o) => o.decision === it.decision && sameTarget(o, it));
    if (!same) out.push({ ...it });
    else {
      same.title ??= it.title;
      same.docNumber ??= it.docNumber;
    }
  }
  return out;
}

/**
 * Two mentions name the same document: the same title, or the same number where a title is missing on one side
 * (orders numbered per year — `1989年省政府令第4号`, `2010年省政府令第4号` — give two documents one number).
 */
export function sameTarget(a: RelationTarget, b: RelationTarget): boolean {
  if (a.title && b.title) return a.title === b.title;
  return !!a.docNumber && a.docNumber === b.docNumber;
}

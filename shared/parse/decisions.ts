import type { RelationTarget } from '../domain/parse-result';
import { PRINTED_SMALL, PRINTED_YEAR } from '../domain/cn-date';
import { findDocNumbers, findOrderNumbers } from '../domain/docnumber';
import { titleDepths } from './relations';
import { sameTarget } from './cleanup';
import { isTitleEnd } from './text';

/**
 * The items of a decision that abolishes or amends 规章 (a 政府令 `关于废止和修改部分市政府规章的决定`, a 人大常委会
 * `关于修改部分地方性法规的决定`): each item a title followed by its history (`某市城市绿化管理办法（2005年3月1日市人民政府令第12号
 * 公布，根据2010年5月1日市人民政府令第30号修正）`), numbered or not, one per line or all on one line; or, under a
 * 修改 heading, `1.在《某条例》第七条中增加…` / `对《某办法》作出修改`. Each item has the decision of the heading above
 * it (`一、废止以下规章：`, `二、对下列规章作出修改`), else the one the title names. Pure; linear in the text.
 */

export interface DecisionItem {
  decision: '废止' | '修改';
  target: RelationTarget;
}

/** A heading or lead-in that opens the items of one decision. */
const CUE =
  /(?:决定|予以|一律|同时)?(废止|修改|修正|修订)(?:以下|下列|如下)|(?:对|将)(?:以下|下列)[^。：:\n《》]{0,24}?(?:予以|作出?|做出?|进行)?(废止|修改|修订)|[一二三四五六七八九十]{1,3}、(?:决定)?(废止|修改)(?=[^。\n《》]{0,16}[：:\n])|(?:予以|决定)(废止|修改)[：:]|[一二三四五六七八九十]{1,3}、对\d{1,5}(?:件|部|项)[^。\n《》]{0,24}?(?:予以)?(废止|修改)(?=[。：:\n]|$)/g;
/** A history's date, whole or its year and month only (`2005年3月1日`, `二〇〇五年三月`, `1989年`). */
const DATED = `${PRINTED_YEAR}年(?:${PRINTED_SMALL}月(?:${PRINTED_SMALL}日)?)?`;
/**
 * What stands after an item's title: its history, the 令 that published it (`2005年3月1日市人民政府令第12号公布`,
 * `二〇〇五年三月一日…`; a 修正 history may follow), or its number in brackets (`（省政府令第114号）`,
 * `（某政发〔2010〕5号）`).
 */
const HISTORY = new RegExp(
  [
    `${DATED}[^，,。；;（()）\\n《》]{0,24}?令第\\d{1,5}号(?:公布|发布|颁布|印发)`,
    // (`（文化部令第1号,1990年3月28日发布）`, `（1989年省政府令第4号,1998年省政府令第11号修正）`: the number, then more history)
    '[（(][^（()）\\n《》]{0,24}?令第\\d{1,5}号(?:[，,；;][^（()）\\n《》]{0,120}?)?[）)]',
    // `（2001年3月19日省人民政府公布）`, `（1990年6月20日某部、某局某财〔1990〕16号发布，…修正）`: dated, published by
    `[（(]${PRINTED_YEAR}年[^（()）\\n《》]{0,60}?(?:公布|发布|颁布|印发)(?:[，,；;][^（()）\\n《》]{0,120}?)?[）)]`,
    '[（(][\\u4e00-\\u9fff]{1,12}[〔[［【(（](?:19|20)\\d{2}[〕\\]］】)）]第?\\d{1,6}号[）)]',
  ].join('|'),
  'g',
);
/** An item number at the start of what stands before a history: `3.`, `（二）`, `十、`, `(1)`. */
const ITEM_MARK = /^(?:\d{1,3}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)/;
/** `对《某办法》作出修改`, `1.在《某条例》第七条…`, `将《某办法》第五条修改为` — the amended document named first. */
const AMEND_NAMED = /(?:^|\n|[：:；;。]|(?:\d{1,3}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、))(?:对|在|将|把)?《([^《》\n]{4,80})》(?:[^。\n《》]{0,40}?(?:作出?|做出?|作了|做了)?(?:如下|以下)?(?:修改|修正)|第[一二三四五六七八九十百零〇\d]{1,6}[条款项章])/g;

/**
 * `（三）省政府令第33号发布的《某规定》予以废止。`, `（一）某政发〔1992〕255号文件发布的《某办法》第六条…修改为`: an item that names
 * the number its document was published by before the title; what follows the title says the decision.
 */
const NUMBER_FIRST =
  /(?:^|\n)(?:\d{1,3}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)?([^\n《》。，,；;：:]{2,30}?(?:令第\d{1,5}号|[〔[［【(（](?:19|20)\d{2}[〕\]］】)）]第?\d{1,6}号))(?:文件)?(?:发布|公布|印发|颁布)的《([^《》\n]{4,80})》([^\n]{0,40})/g;

type Decision = DecisionItem['decision'];

function decisionOf(word: string): Decision {
  return word === '废止' ? '废止' : '修改';
}

/**
 * The title standing right before position `at` (a history), back to the previous item's end or a mark; with
 * `numbered` only when an item number stands before it (a cited `《…》（…号）` in a sentence is no item).
 */
function titleBefore(s: string, at: number, numbered = false): string | null {
  let end = at;
  while (end > 0 && /[（(\s]/.test(s[end - 1])) end--;
  const floor = Math.max(0, end - 100);
  // `《某某办法》（…公布）`: the title is inside the brackets, the item's number before them
  let open = -1;
  for (let i = end - 2; s[end - 1] === '》' && i >= floor; i--) {
    if (s[i] === '《') {
      open = i;
      break;
    }
  }
  const titleEnd = open >= floor ? open : end;
  let start = titleEnd;
  while (start > floor && !/[\n：:；;。）)》”"」]/.test(s[start - 1])) start--;
  let t = s.slice(start, titleEnd).trim();
  if (numbered && !ITEM_MARK.test(t)) return null;
  // `…修正）3.某某市殡葬管理办法` / `二、修改以下规章：1.某某办法`: the item's number is not part of its title
  for (let m = ITEM_MARK.exec(t); m; m = ITEM_MARK.exec(t)) t = t.slice(m[0].length);
  if (open >= floor) {
    // only an item number (or nothing) may stand between the previous item and the bracketed title
    if (t !== '' && !/^(?:废止|修改|对|将|宣布废止)$/.test(t)) return null;
    t = s.slice(open + 1, end - 1);
  }
  return t.length >= 4 && isTitleEnd(t) && !/令第\d/.test(t) ? t : null;
}

/** The date a history opens with (`二〇〇五年三月一日`): not part of the 令's issuer. */
const LEADING_DATE = new RegExp(`^[（(]?${DATED}`);

function numberIn(history: string): string | null {
  // (the number it was published by: `（1987年10月13日公布,2006年省政府令第11号修正）` has none of its own)
  const h = history.split(/[，,；;]/)[0].replace(LEADING_DATE, '');
  return findOrderNumbers(h)[0]?.normalized ?? findDocNumbers(h)[0]?.normalized ?? null;
}

/**
 * Items of an abolition/amendment decision in `flat` (squeezed paragraphs joined by `\n`). `title` is the
 * document's own title: it supplies the decision when no heading does, and a `关于修改《X》…的决定` names X.
 */
export function decisionItems(flat: string, title: string): DecisionItem[] {
  const out: DecisionItem[] = [];
  const add = (decision: Decision, target: RelationTarget): void => {
    const same = out.find((o) => sameTarget(o.target, target));
    if (same) {
      same.target.docNumber ??= target.docNumber;
      return;
    }
    out.push({ decision, target });
  };
  const byTitle = /关于(?:修改|修订)[《〈]([^《》〈〉]{4,80})[》〉]/.exec(title);
  const titleDecision: Decision | null = /废止/.test(title) && !/修改|修订|修正/.test(title) ? '废止' : /修改|修订|修正/.test(title) && !/废止/.test(title) ? '修改' : null;
  if (!/令第\d|规章|法规|条例|办法|规定/.test(flat + title)) return out;
  const depth = titleDepths(flat);
  const cues: { at: number; decision: Decision }[] = [];
  for (const m of flat.matchAll(CUE)) {
    const at = m.index ?? 0;
    if (depth[at] !== 0) continue;
    cues.push({ at, decision: decisionOf(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]) });
  }
  let c = 0;
  let current: Decision | null = null;
  const decisionAt = (at: number): Decision | null => {
    while (c < cues.length && cues[c].at < at) current = cues[c++].decision;
    return current ?? titleDecision;
  };
  // Items with a history: only inside a decision about 规章 (a cue, or a title that abolishes or amends).
  if (cues.length || titleDecision) {
    for (const m of flat.matchAll(HISTORY)) {
      const at = m.index ?? 0;
      if (depth[at] !== 0) continue;
      const decision = decisionAt(at);
      // a bare number in brackets names an item only in a numbered list under a heading (a dated history is no bare number)
      const bare = /^[（(]/.test(m[0]) && !/年|公布|发布|颁布|印发|修正|修订/.test(m[0]);
      const t = decision && (!bare || current) ? titleBefore(flat, at, bare) : null;
      if (!decision || !t) continue;
      add(decision, { title: t, docNumber: numberIn(m[0]) });
    }
  }
  if (cues.length || /废止|修改|修订/.test(title)) {
    for (const m of flat.matchAll(NUMBER_FIRST)) {
      if (depth[(m.index ?? 0) + m[0].indexOf(m[1])] !== 0) continue;
      const decision: Decision | null = /^[^。\n]{0,8}?(?:予以|宣布)?废止/.test(m[3])
        ? '废止'
        : /^[^。\n]{0,40}?(?:修改|修正|删除|删去|增加|第[一二三四五六七八九十百零〇\d]{1,6}[条款项])/.test(m[3])
          ? '修改'
          : null;
      const dn = findOrderNumbers(m[1])[0] ?? findDocNumbers(m[1])[0];
      if (decision && dn) add(decision, { title: m[2], docNumber: dn.normalized });
    }
  }
  if (byTitle) add('修改', { title: byTitle[1], docNumber: null });
  // Amendments that name the 规章 in 《》 where a 修改 heading (or the title) has opened them.
  c = 0;
  current = null;
  for (const m of flat.matchAll(AMEND_NAMED)) {
    const at = (m.index ?? 0) + m[0].indexOf('《');
    // (the depth before the opening bracket: a title cited inside another title's name is not an item)
    if (depth[m.index ?? 0] !== 0) continue;
    const decision = decisionAt(at);
    // `对《X》作出修改` says so itself; `1.在《X》第七条中…` only under a 修改 heading
    const lead = m[0].slice(0, m[0].indexOf('《'));
    const explicit = /[对将把]$/.test(lead) && /修改|修正/.test(m[0]);
    const listed = decision === '修改' && ITEM_MARK.test(lead.replace(/^[\n：:；;。]/, ''));
    if (explicit || listed) add('修改', { title: m[1], docNumber: null });
  }
  return out;
}

import type { Appointment, RelationTarget } from '../domain/parse-result';
import { findDocNumbers, findOrderNumbers } from '../domain/docnumber';

/**
 * Relations between documents found in a body: 废止 / 停止执行 / 宣布失效 (abolishes), 修改 (amends),
 * 替代 / 代替 (replaces) — each `《title》（文号）` in the clause that says so — and plain citations (every
 * 文号 other than the document's own). Also the appointments of 任免 notices. Pure.
 */

export interface Relations {
  abolishes: RelationTarget[];
  amends: RelationTarget[];
  replaces: RelationTarget[];
  cites: string[];
}

// (`原5月27日发布的《某某通告》作废`: a document an earlier one named in 《》 or by its number is declared void)
const ABOLISH = /废止|停止执行|宣布失效|同时失效|予以撤销|不再执行|(?<=[》）)号])(?:同时|即行|自行)?作废/;
// (`推进修改《某条例》`, `研究修改《…》`: a plan or a work list intending to revise a rule amends nothing)
const AMEND = /作如下修改|作出如下修改|修改如下|予以修改|修正如下|决定修改|(?<!关于|推进|推动|加快|研究|适时|启动|抓紧|争取|做好|配合|牵头|计划|拟)修改《/;
const REPLACE = /替代|代替|取代/;

/** Depth inside 《…》 / 〈…〉 before each character, so keywords and numbers inside a cited title are ignored. */
export function titleDepths(s: string): Uint8Array {
  const d = new Uint8Array(s.length + 1);
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '《' || c === '〈') depth = Math.min(depth + 1, 255);
    d[i] = depth;
    if ((c === '》' || c === '〉') && depth > 0) depth--;
  }
  d[s.length] = depth;
  return d;
}

/** First match of kw outside any 《title》, or null. */
function keywordOutsideTitles(sentence: string, kw: RegExp): RegExpExecArray | null {
  const re = new RegExp(kw.source, 'g');
  let depth: Uint8Array | null = null;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    depth ??= titleDepths(sentence);
    // `关于公布废止和失效的…目录`: the word names a kind of list here, it does not act on anything
    const attributive = /^[的和或、]/.test(sentence.slice(m.index + m[0].length));
    if (depth[m.index] === 0 && !attributive) return m;
    if (m[0] === '') re.lastIndex++;
  }
  return null;
}

/** Pairs `《title》（文号）`, `《title》` or a bare `（文号）` / `招政发〔2018〕27号` inside one clause. */
function targets(clause: string): RelationTarget[] {
  const out: RelationTarget[] = [];
  const re = /《([^《》]{2,120})》|[（(]([^（）()]{4,60}?号)(?:[^（）()]{0,6})[）)]/g;
  let last: RelationTarget | null = null;
  let lastEnd = -1;
  const used = new Set<string>();
  for (const m of clause.matchAll(re)) {
    const at = m.index ?? 0;
    if (m[1] !== undefined) {
      last = { title: m[1], docNumber: null };
      lastEnd = at + m[0].length;
      out.push(last);
    } else {
      // `（招政发〔2018〕27号）`, `（2016年12月1日常州市人民政府令第2号发布）`
      const dn = findDocNumbers(m[2])[0] ?? findOrderNumbers(m[2])[0];
      if (!dn) continue;
      used.add(dn.normalized);
      if (last && last.docNumber === null && clause.slice(lastEnd, at).trim() === '') last.docNumber = dn.normalized;
      else out.push({ title: null, docNumber: dn.normalized });
      last = null;
    }
  }
  // Numbers written without brackets (`原招政发〔2018〕27号文件同时废止`), outside cited titles.
  const depth = titleDepths(clause);
  for (const dn of findDocNumbers(clause)) {
    // `used` holds every 文号 already in `out` (a Set: a clause of thousands of numbers stays linear)
    if (depth[dn.index] !== 0 || used.has(dn.normalized)) continue;
    used.add(dn.normalized);
    out.push({ title: null, docNumber: dn.normalized });
  }
  return out;
}

/** The part of a sentence, ending at the keyword, that lists what is acted on (after the last top-level comma). */
function clauseBefore(sentence: string, at: number): string {
  let depth = 0;
  let cut = 0;
  for (let i = 0; i < at; i++) {
    const c = sentence[i];
    if (c === '《') depth++;
    else if (c === '》') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === '，' || c === ',')) cut = i + 1;
  }
  return sentence.slice(cut, at);
}

/** The part of a sentence after the keyword, up to the next top-level comma (`代替《…》（…号）`). */
function clauseAfter(sentence: string, from: number): string {
  let depth = 0;
  for (let i = from; i < sentence.length; i++) {
    const c = sentence[i];
    if (c === '《') depth++;
    else if (c === '》') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === '，' || c === ',')) return sentence.slice(from, i);
  }
  return sentence.slice(from);
}

/**
 * `《某意见》(某政办发〔2017〕3号)确定的省级名单即行`, `《某办法》中关于…的规定`: the clause before the verb names a part of the
 * document it cites (a list the document fixed, a provision in it) — what is abolished is that part, not the document.
 */
function partOfNamed(clause: string): boolean {
  const close = clause.lastIndexOf('》');
  if (close < 0) return false;
  // (its number in brackets after it, the year's own brackets printed round as well: `(某办发（2017）3号)`)
  const rest = clause.slice(close + 1).replace(/^[（(](?:[^（）()]|[（(][^（）()]{0,6}[）)]){0,60}[）)]/, '');
  return /^(?:所?(?:确定|规定|公布|认定|命名|设立|明确|列入)的|中(?:的|关于|有关))[\u4e00-\u9fff]/.test(rest);
}

/** `该文件`, `上述文件`, `该办法`: a clause naming no document but the one the sentence before named. */
const NAMED_BEFORE = /(?:该|上述|前述)(?:文件|规范性文件|办法|规定|细则|通知|意见)(?=[^《》]*$)/;

/** `及所附《某表》`, `及其附件《…》`: what a named document carried, after it. */
const ATTACHED_WITH = /(?:及|和|以及)(?:其)?(?:所附|附件)《[^《》]*》/g;

/** A target's identity for de-duplication (a Set of these, not a scan of the list: 50,000 clauses stay linear). */
const targetKey = (t: RelationTarget) => `${t.title ?? '\u0000'}\u0001${t.docNumber ?? '\u0000'}`;

function collect(sentences: string[], kw: RegExp, mode: 'around' | 'sentence'): RelationTarget[] {
  const out: RelationTarget[] = [];
  const seen = new Set<string>();
  for (const [at, s] of sentences.entries()) {
    const m = keywordOutsideTitles(s, kw);
    if (!m) continue;
    let found: RelationTarget[];
    if (mode === 'sentence') found = targets(s);
    else {
      // `《…》（…号）同时废止` names the target before the verb; `废止/代替《…》（…号）` after it.
      // (`《某通知》(…号)及所附《某表》同时废止`: the form it carried goes with it, no document of its own)
      const before = clauseBefore(s, m.index).replace(ATTACHED_WITH, '');
      // (`《某意见》(…)确定的…名单即行废止`: a part of the document named ends, not the document)
      if (partOfNamed(before)) continue;
      found = targets(before);
      if (!found.length) found = targets(clauseAfter(s, m.index + m[0].length));
      // (`…印发的《某办法》(某函〔2015〕292号),其内容与…不符。` / `该文件自本公告发布之日起废止。`: the document named before the
      // anaphor — in the sentence before, or earlier in this one where a cut copy lost the full stop)
      const anaphor = found.length ? null : NAMED_BEFORE.exec(before);
      if (anaphor) {
        const prev = sentences.slice(Math.max(0, at - 3), at).filter((x) => x.trim()).at(-1) ?? '';
        const earlier = `${prev}。${s.slice(0, m.index - before.length + anaphor.index)}`;
        found = targets(earlier).filter((t) => t.docNumber).slice(-1);
      }
      // (`…印发的《某办法》(某函〔2015〕292号),其内容与现行《某法》相抵触,予以废止`: the clause before the verb names no subject — the
      // sentence's document, the last one named with its number)
      if (!found.length && /^(?:现|决定|应|一律|均|故)?予以$/.test(before)) found = targets(s.slice(0, m.index)).filter((t) => t.docNumber).slice(-1);
    }
    for (const t of found) {
      const k = targetKey(t);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(t);
    }
  }
  return out;
}

/**
 * A sentence without the clauses that name its basis (`根据《…》和有关法律、法规的规定，`) or its purpose (`为了贯彻实施
 * 《某法》，`: the law a decision carries out is not what it amends).
 */
function withoutBasis(s: string): string {
  return s
    .replace(/(?:根据|依据|依照|按照)《[^《》]*》[^，,。；;《]*[，,]?/g, '')
    .replace(/为了?(?:全面|认真|进一步)?(?:贯彻实施|贯彻落实|贯彻执行|贯彻|实施|落实|执行|适应)《[^《》]*》[^，,。；;《]{0,30}[，,]/g, '');
}

/**
 * `(京)网药械信息备字(2023)第00464号`, `京ICP证…`: a site's filing or licence number in its footer (备案), which numbers the site,
 * not a document.
 */
const SITE_FILING = /备字$|ICP/i;

/** Relations in a body given as squeezed text (no layout spaces); `own` is the document's normalized 文号. */
export function extractRelations(flat: string, own: string | null): Relations {
  const sentences = flat.split(/[。；;\n]/);
  // A document without a 文号 of its own (own null) must not drop the targets that have none either.
  const notOwn = (t: RelationTarget) => own === null || t.docNumber !== own;
  const abolishes = collect(sentences, ABOLISH, 'around');
  // `根据《某法》…，决定对《某办法》等37件规章作如下修改`: the basis a sentence names is not amended
  const amends = collect(sentences.map(withoutBasis), AMEND, 'sentence').filter(notOwn);
  const replaces = collect(sentences, REPLACE, 'around').filter(notOwn);
  const cites = new Set<string>();
  for (const dn of findDocNumbers(flat)) if (dn.normalized !== own && !SITE_FILING.test(dn.agency)) cites.add(dn.normalized);
  return { abolishes: abolishes.filter(notOwn), amends, replaces, cites: [...cites] };
}

const NAME = '[\\u4e00-\\u9fff·]{2,5}?';
/** Probation and term notes that are not part of the position: `（试用期一年）`, `（挂职时间为一年）`. */
const NOTE = /[（(][^（）()]*(试用期|时间|期限|任期)[^（）()]*[）)]/g;

function cleanPosition(s: string): string {
  return s.replace(NOTE, '').replace(/^(?:担任|任)/, '').replace(/[，,、。；;]+$/, '').trim();
}

/**
 * Appointments in a 任免 notice: `任命张三为县发展和改革局局长`, lists `任命：张三为…；李四为…`,
 * `免去王五的…职务`, `免去其…职务`.
 */
export function extractAppointments(flat: string): Appointment[] {
  const out: Appointment[] = [];
  let mode: '任命' | '免去' | null = null;
  let lastName: string | null = null;
  const clauses = flat.split(/[；;。\n]/);
  for (const clause of clauses) {
    for (let part of clause.split(/[，,](?=[\u4e00-\u9fff·]{2,5}(?:同志)?(?:为|的|任))|[，,](?=任命|免去|聘任|解聘)/)) {
      part = part.trim();
      const lead = /(任命|聘任|免去|解聘)[:：]?/.exec(part);
      if (lead) {
        mode = lead[1] === '任命' || lead[1] === '聘任' ? '任命' : '免去';
        part = part.slice(lead.index + lead[0].length);
      }
      if (!part) continue;
      // `张三同志任县财政局局长` appoints without the word 任命.
      const plain = new RegExp(`^(${NAME})同志(?:任|担任)(.{2,80})$`).exec(part);
      if (plain && !lead) {
        lastName = plain[1];
        const position = cleanPosition(plain[2]);
        if (position) out.push({ name: plain[1], action: '任命', position });
        continue;
      }
      if (!mode) continue;
      if (mode === '任命') {
        const m = new RegExp(`^(${NAME})(?:同志)?(?:为|任|担任)(.{2,80})$`).exec(part);
        if (m) {
          lastName = m[1];
          const position = cleanPosition(m[2]);
          if (position) out.push({ name: m[1], action: '任命', position });
        }
      } else {
        const m =
          new RegExp(`^(${NAME})(?:同志)?的(.{2,80}?)职务$`).exec(part) ??
          new RegExp(`^(其)(.{2,80}?)职务$`).exec(part) ??
          new RegExp(`^(${NAME})(?:同志)?(县|市|区|镇|省|乡|街道)(.{1,80}?)职务$`).exec(part);
        if (m) {
          const name = m[1] === '其' ? lastName : m[1];
          const position = cleanPosition(m.length > 3 ? `${m[2]}${m[3]}` : m[2]);
          if (name && position) out.push({ name, action: '免去', position });
        }
      }
    }
  }
  return out;
}

import type { Appointment, RelationTarget } from '../domain/parse-result';
import { findDocNumbers } from '../domain/docnumber';

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

const ABOLISH = /废止|停止执行|宣布失效|同时失效|予以撤销/;
const AMEND = /作如下修改|作出如下修改|修改如下|予以修改|修正如下/;
const REPLACE = /替代|代替|取代/;

/** Pairs `《title》（文号）`, `《title》` or a bare `（文号）` inside one clause. */
function targets(clause: string): RelationTarget[] {
  const out: RelationTarget[] = [];
  const re = /《([^《》]{2,120})》|[（(]([^（）()]{4,40}?号)[）)]/g;
  let last: RelationTarget | null = null;
  for (const m of clause.matchAll(re)) {
    if (m[1] !== undefined) {
      last = { title: m[1], docNumber: null };
      out.push(last);
    } else {
      const dn = findDocNumbers(m[2])[0];
      if (!dn) continue;
      const gap = last?.title ? clause.slice(clause.indexOf(`《${last.title}》`) + last.title.length + 2, m.index) : 'x';
      if (last && last.docNumber === null && gap.trim() === '') last.docNumber = dn.normalized;
      else out.push({ title: null, docNumber: dn.normalized });
      last = null;
    }
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

function collect(sentences: string[], kw: RegExp, mode: 'before' | 'sentence'): RelationTarget[] {
  const out: RelationTarget[] = [];
  for (const s of sentences) {
    const m = kw.exec(s);
    if (!m) continue;
    const part = mode === 'before' ? clauseBefore(s, m.index) : s;
    for (const t of targets(part)) {
      if (!out.some((o) => o.title === t.title && o.docNumber === t.docNumber)) out.push(t);
    }
  }
  return out;
}

/** Relations in a body given as squeezed text (no layout spaces); `own` is the document's normalized 文号. */
export function extractRelations(flat: string, own: string | null): Relations {
  const sentences = flat.split(/[。；;\n]/);
  const abolishes = collect(sentences, ABOLISH, 'before');
  const amends = collect(sentences, AMEND, 'sentence').filter((t) => t.docNumber !== own);
  const replaces = collect(sentences, REPLACE, 'before').filter((t) => t.docNumber !== own);
  const cites: string[] = [];
  for (const dn of findDocNumbers(flat)) {
    if (dn.normalized !== own && !cites.includes(dn.normalized)) cites.push(dn.normalized);
  }
  return { abolishes: abolishes.filter((t) => t.docNumber !== own), amends, replaces, cites };
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
    for (let part of clause.split(/[，,](?=[\u4e00-\u9fff·]{2,5}(?:同志)?(?:为|的))|[，,](?=任命|免去|聘任|解聘)/)) {
      part = part.trim();
      const lead = /(任命|聘任|免去|解聘)[:：]?/.exec(part);
      if (lead) {
        mode = lead[1] === '任命' || lead[1] === '聘任' ? '任命' : '免去';
        part = part.slice(lead.index + lead[0].length);
      }
      if (!mode || !part) continue;
      if (mode === '任命') {
        const m = new RegExp(`^(${NAME})(?:同志)?为(.{2,80})$`).exec(part);
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

import type { CheckId, CheckReport, Finding } from '../../../../shared/contract/oversight';
import { addYearsMinusOneDay } from '../../../../shared/domain/cn-date';
import type { DocumentStatus } from '../../../../shared/domain/document';
import { IN_FORCE_STATUSES } from '../../../../shared/domain/status';
import { ruleLimits, validityRuleFor, type ValidityRule } from '../../../../shared/domain/validity';
import type { StatusesOnDay } from '../validity/status-index';
import type { OversightRelation, OversightRow } from './library-rows';

/** Every check, in the order the 检查 page and `check --json` list them. */
export const CHECK_TITLES: Record<CheckId, string> = {
  'no-validity': '规范性文件未规定有效期（按发文机关所在省份的规定）',
  'too-long': '有效期超过发文机关所在省份规定的年限',
  'end-before-start': '有效期截止日期早于施行日期',
  'effective-before-signed': '施行日期早于成文日期',
  'dangling-basis': '现行有效文件所依据的文件已废止或失效',
  unresolved: '引用的文件尚未收录',
  'duplicate-number': '文号重复',
  'relation-cycle': '文件关系成环（互相废止、修改或替代）',
  'abolished-by-pending': '废止它的文件尚未生效',
  'no-registration': '规范性文件缺少登记号或登记号格式不符',
  'needs-review': '导入时按原文保存、待核对的文件',
};

const GONE: readonly DocumentStatus[] = ['已废止', '已失效', '宣布失效'];
const NOT_YET: readonly DocumentStatus[] = ['未发布', '尚未生效'];
const VERB = { abolishes: '废止', amends: '修改', replaces: '替代', cites: '引用' } as const;

export interface CheckInput {
  rows: OversightRow[];
  relations: OversightRelation[];
  statusOn: StatusesOnDay;
  /** the 登记号 pattern from the settings (a whole-value match) */
  registrationPattern: string;
  /** validity rules by the issuer's province (settings): a document of a province without one is not judged */
  validityRules: readonly ValidityRule[];
  /** documents the import stored as printed although their facts contradict each other, with why */
  flags?: Array<{ documentId: string; message: string }>;
}

/** `《title》（文号）` as a reason names a document. */
function named(title: string | null, docNumber: string | null): string {
  const t = title ? `《${title.replace(/^《|》$/g, '')}》` : '';
  if (!t) return docNumber ?? '（未知文件）';
  return docNumber ? `${t}（${docNumber}）` : t;
}

/** Document ids that sit on a cycle of status-changing relations (Tarjan's strongly connected components). */
export function cycleMembers(edges: Array<[string, string]>): Set<string> {
  const next = new Map<string, string[]>();
  for (const [a, b] of edges) next.set(a, [...(next.get(a) ?? []), b]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out = new Set<string>();
  let counter = 0;
  for (const [a, b] of edges) if (a === b) out.add(a);
  for (const start of next.keys()) {
    if (index.has(start)) continue;
    // Iterative depth-first search: a long chain of relations must not overflow the call stack.
    const work: Array<[string, number]> = [[start, 0]];
    while (work.length) {
      const frame = work[work.length - 1];
      const [v, i] = frame;
      if (i === 0) {
        index.set(v, counter);
        low.set(v, counter++);
        stack.push(v);
        onStack.add(v);
      }
      const succ = next.get(v) ?? [];
      if (i < succ.length) {
        frame[1] = i + 1;
        const w = succ[i];
        if (!index.has(w)) work.push([w, 0]);
        else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent)!, low.get(v)!));
      }
      if (low.get(v) === index.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        if (component.length > 1) component.forEach((c) => out.add(c));
      }
    }
  }
  return out;
}

function compilePattern(pattern: string): RegExp | null {
  try {
    return pattern ? new RegExp(`^(?:${pattern})$`) : null;
  } catch {
    return null;
  }
}

function issuersOf(r: OversightRow): string[] {
  try {
    const v: unknown = JSON.parse(r.issuers);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Checks on each document's own fields: validity clause and length, date order, 登记号. */
function fieldChecks(input: CheckInput, add: (check: CheckId, row: OversightRow, reason: string) => void): void {
  const registration = compilePattern(input.registrationPattern);
  for (const r of input.rows) {
    const normative = r.is_normative === 1;
    const start = r.effective_date ?? r.date_signed;
    const rule = validityRuleFor({ issuers: issuersOf(r), title: r.title, docNumber: r.doc_number }, input.validityRules);
    const limits = rule ? ruleLimits(rule, r.title) : null;
    if (limits && normative && !r.validity_clause && !r.valid_until) {
      add('no-validity', r, `未找到有效期条款，也未填写有效期截止日期（${limits.cite}，应为${limits.range}）`);
    }
    if (r.valid_until && start) {
      const limit = limits ? addYearsMinusOneDay(start, limits.max) : null;
      if (limits && limit && r.valid_until > limit) {
        const temp = limits.temporary ? '暂行/试行文件' : '';
        add('too-long', r, `有效期 ${start} 至 ${r.valid_until}，超过${temp}最长 ${limits.max} 年（应不晚于 ${limit}；${limits.cite}）`);
      }
      if (r.valid_until < start) {
        add('end-before-start', r, `有效期截止日期 ${r.valid_until} 早于${r.effective_date ? '施行日期' : '成文日期'} ${start}`);
      }
    }
    if (r.effective_date && r.date_signed && r.effective_date < r.date_signed) {
      add('effective-before-signed', r, `施行日期 ${r.effective_date} 早于成文日期 ${r.date_signed}`);
    }
    if (normative) {
      const reg = r.registration_number?.trim();
      if (!reg) add('no-registration', r, '未填写登记号');
      else if (registration && !registration.test(reg)) add('no-registration', r, `登记号“${reg}”不符合设置中的格式 ${input.registrationPattern}`);
    }
  }
}

/** Checks across documents: dangling basis, unresolved references, duplicate 文号, cycles, abolished by a pending one. */
function relationChecks(input: CheckInput, byId: Map<string, OversightRow>, add: (check: CheckId, row: OversightRow, reason: string) => void): void {
  const { statusOn } = input;
  const cycleEdges: Array<[string, string]> = [];
  for (const rel of input.relations) {
    const source = byId.get(rel.source_id);
    if (!source) continue;
    const target = rel.target_id ? byId.get(rel.target_id) : undefined;
    if (!target) {
      add('unresolved', source, `${VERB[rel.type]}的文件${named(rel.target_title, rel.target_doc_number)}尚未收录`);
      continue;
    }
    if (rel.type === 'cites') {
      const s = statusOn(source.id);
      const t = statusOn(target.id);
      if (IN_FORCE_STATUSES.includes(s) && GONE.includes(t)) {
        add('dangling-basis', source, `本文件${s}，但所依据的${named(target.title, target.doc_number)}${t}`);
      }
      continue;
    }
    cycleEdges.push([source.id, target.id]);
    if ((rel.type === 'abolishes' || rel.type === 'replaces') && NOT_YET.includes(statusOn(source.id))) {
      const when = source.effective_date ?? source.date_signed;
      add('abolished-by-pending', target, `将被${named(source.title, source.doc_number)}${VERB[rel.type]}，该文件尚未生效${when ? `（${when} 起施行）` : ''}`);
    }
  }
  const members = cycleMembers(cycleEdges);
  for (const rel of input.relations) {
    if (rel.type === 'cites' || !rel.target_id || !members.has(rel.source_id) || !members.has(rel.target_id)) continue;
    const target = byId.get(rel.target_id)!;
    add('relation-cycle', byId.get(rel.source_id)!, `${VERB[rel.type]}${named(target.title, target.doc_number)}，而该文件又直接或间接${VERB[rel.type]}本文件`);
  }
  const byNumber = new Map<string, OversightRow[]>();
  for (const r of input.rows) if (r.doc_number) byNumber.set(r.doc_number, [...(byNumber.get(r.doc_number) ?? []), r]);
  for (const [num, list] of byNumber) {
    if (list.length < 2) continue;
    for (const r of list) {
      const others = list.filter((o) => o !== r).map((o) => `《${o.title}》`).join('、');
      add('duplicate-number', r, `文号 ${num} 也用于${others}`);
    }
  }
}

/** Runs every consistency check over the library; each finding names its document and why. */
export function runChecks(input: CheckInput, asOf: string): CheckReport {
  const byId = new Map(input.rows.map((r) => [r.id, r]));
  const found = new Map<CheckId, Finding[]>(Object.keys(CHECK_TITLES).map((id) => [id as CheckId, []]));
  const seen = new Set<string>();
  const add = (check: CheckId, row: OversightRow, reason: string) => {
    const key = `${check}|${row.id}|${reason}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.get(check)!.push({ id: row.id, title: row.title, docNumber: row.doc_number, reason });
  };
  fieldChecks(input, add);
  relationChecks(input, byId, add);
  for (const f of input.flags ?? []) {
    const row = byId.get(f.documentId);
    if (row) add('needs-review', row, f.message);
  }
  return {
    asOf,
    checks: [...found].map(([id, documents]) => ({ id, title: CHECK_TITLES[id], count: documents.length, documents })),
  };
}

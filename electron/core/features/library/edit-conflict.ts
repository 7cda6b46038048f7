import type { AuditEntry } from '../../../../shared/contract/documents';
import { AppError } from '../../kernel/errors';

const FIELDS: Record<string, string> = {
  title: '标题',
  docNumber: '文号',
  registrationNumber: '登记号',
  issuers: '发文机关',
  dateSigned: '成文日期',
  kind: '文种',
  isNormative: '是否规范性文件',
  effectiveClause: '施行条款',
  effectiveDate: '施行日期',
  validityClause: '有效期条款',
  validUntil: '有效期至',
  declaredInvalidOn: '宣布失效日期',
  appointments: '任免事项',
  body: '正文',
};

/** `YYYY-MM-DD HH:MM` in local time, as the 修改记录 shows it. */
function shortTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * The refusal of an edit made on an outdated copy: who changed the document since the editor loaded it, when,
 * and which fields — from the audit rows written after `loadedAt`.
 */
export function staleEditError(loadedAt: string, currentUpdatedAt: string, history: AuditEntry[]): AppError {
  const since = history.filter((e) => e.entity === 'document' && e.action === 'document.update' && e.at > loadedAt);
  const fields = new Set<string>();
  const actors = new Set<string>();
  for (const e of since) {
    actors.add(e.actor);
    const after = (e.after ?? {}) as Record<string, unknown>;
    for (const k of Object.keys(after)) fields.add(FIELDS[k] ?? k);
  }
  const who = actors.size ? `，操作人：${[...actors].join('、')}` : '';
  const what = fields.size ? `；改动了：${[...fields].join('、')}` : '';
  return new AppError(
    'CONFLICT',
    `保存失败：您打开编辑后，这件文件已被修改（${shortTime(currentUpdatedAt)}${who}${what}）。` +
      '您的修改尚未保存。请重新加载最新内容后再修改。',
  );
}

/** A stored `updated_at` that is always later than the previous one, even within the same millisecond. */
export function nextStamp(previous: string, now: Date): string {
  const prev = Date.parse(previous);
  return (Number.isFinite(prev) && now.getTime() <= prev ? new Date(prev + 1) : now).toISOString();
}

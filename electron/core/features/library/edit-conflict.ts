import type { AuditEntry } from '../../../../shared/contract/documents';
import { DOCUMENT_FIELD_LABELS } from '../../../../shared/domain/document';
import { AppError } from '../../kernel/errors';


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
    for (const k of Object.keys(after)) fields.add(DOCUMENT_FIELD_LABELS[k] ?? k);
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

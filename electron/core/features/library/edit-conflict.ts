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
 * and which fields they changed (not those written back unchanged) — from the audit rows written after `loadedAt`.
 */
export function staleEditError(loadedAt: string, currentUpdatedAt: string, history: AuditEntry[]): AppError {
  const since = history.filter((e) => e.entity === 'document' && e.action === 'document.update' && e.at > loadedAt);
  // each person with the fields they changed: one person's edit is never blamed on another
  const byActor = new Map<string, Set<string>>();
  for (const e of since) {
    const fields = byActor.get(e.actor) ?? new Set<string>();
    byActor.set(e.actor, fields);
    const before = (e.before ?? {}) as Record<string, unknown>;
    const after = (e.after ?? {}) as Record<string, unknown>;
    // only what that person changed: a field written back with the value it had is not theirs
    for (const k of Object.keys(after)) {
      if (k in before && JSON.stringify(before[k]) === JSON.stringify(after[k])) continue;
      fields.add(DOCUMENT_FIELD_LABELS[k] ?? k);
    }
  }
  const who = [...byActor].map(([actor, fields]) => `操作人：${actor}${fields.size ? `；改动了：${[...fields].join('、')}` : ''}`).join('；');
  return new AppError(
    'CONFLICT',
    `保存失败：您打开编辑后，这件文件已被修改（${shortTime(currentUpdatedAt)}${who ? `，${who}` : ''}）。` +
      '您的修改尚未保存。请重新加载最新内容后再修改。',
  );
}

/** A stored `updated_at` that is always later than the previous one, even within the same millisecond. */
export function nextStamp(previous: string, now: Date): string {
  const prev = Date.parse(previous);
  return (Number.isFinite(prev) && now.getTime() <= prev ? new Date(prev + 1) : now).toISOString();
}

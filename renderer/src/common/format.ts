import type { DocumentStatus } from '../../../shared/domain/document';

/** `2022-02-07` → `2022年2月7日`; empty for null. */
export function cnDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** An ISO timestamp as a Chinese date and time, for the history timeline. */
export function cnDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A 文号 shown the official way: the year always in 〔〕, whatever brackets the source used. */
export function displayDocNumber(docNumber: string | null | undefined): string {
  if (!docNumber) return '';
  return docNumber.replace(/[[(（【]\s*(\d{4})\s*[\])）】]/, '〔$1〕');
}

/** `12` → `12 件`. */
export function countDocs(n: number): string {
  return `${n.toLocaleString('zh-CN')} 件`;
}

/** Mantine colour per status: green in force, orange expiring, cyan not yet issued, blue not yet in force, violet amended, grey/red ended. */
export const STATUS_COLORS: Record<DocumentStatus, string> = {
  未发布: 'cyan',
  现行有效: 'green',
  即将到期: 'orange',
  尚未生效: 'blue',
  已修改: 'violet',
  已失效: 'gray',
  已废止: 'red',
  宣布失效: 'red',
};

/** Today as YYYY-MM-DD in local time. */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

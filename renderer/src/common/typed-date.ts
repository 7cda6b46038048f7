/**
 * What is wrong with a date field as typed, naming the field (`截止日期“2022-02-30”不是有效的日期…`); null when it
 * is a real day, or empty and not required.
 */
export function dateFieldError(label: string, text: string, required = false): string | null {
  const t = text.trim();
  if (!t) return required ? `请填写${label}` : null;
  return parseTypedDate(t) ? null : `${label}“${t}”不是有效的日期，请按 2022-02-07 或 2022年2月7日 的格式填写`;
}

/**
 * A day typed by a person: `2021-06-30`, `2021/6/30`, `2021.6.30`, `20210630`, `2021年6月30日`. Returns
 * `YYYY-MM-DD`, or null when it is not a real day (2021-02-30 is refused, never rolled over to March).
 */
export function parseTypedDate(text: string): string | null {
  const s = text.trim().replace(/\s+/g, '');
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

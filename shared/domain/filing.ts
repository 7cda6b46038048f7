/**
 * 备案 (filing a normative document with the higher level's legal office): the deadline from publication under a
 * jurisdiction's rule, the states a filing goes through, and the two rates offices are assessed on.
 * Pure: the filing feature stores, the UI and the CLI show.
 */

export type FilingRule = '30d' | '15d' | '3wd';
export type FilingState = 'unfiled' | 'sent' | 'registered' | 'correction' | 'refused' | 'reviewed';
export type ReviewDecision = '无异议' | '需修改' | '撤销';

const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/**
 * The last day to file a document published on `published`: 30 or 15 days after it, or the third working day
 * after it (Saturdays and Sundays skipped; public holidays and swapped working days are not known here).
 */
export function filingDue(published: string, rule: FilingRule): string {
  if (rule === '30d') return addDays(published, 30);
  if (rule === '15d') return addDays(published, 15);
  let day = published;
  for (let left = 3; left > 0; ) {
    day = addDays(day, 1);
    const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (dow !== 0 && dow !== 6) left--;
  }
  return day;
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A filing's state in the office's words. */
export function filingStateLabel(state: FilingState, decision: ReviewDecision | null = null): string {
  switch (state) {
    case 'unfiled':
      return '未报备';
    case 'sent':
      return '已报备';
    case 'registered':
      return '已登记';
    case 'correction':
      return '需补正';
    case 'refused':
      return '不予备案';
    case 'reviewed':
      return `审查完毕：${decision ?? '无异议'}`;
  }
}

/** One document that should be filed: published on a day, first sent on a day (or not yet). */
export interface FilingFact {
  published: string;
  due: string;
  firstSent: string | null;
}

/** 报备率 and 报备及时率 of the documents published in a period: filed at all, and filed by the deadline. */
export function filingRates(rows: readonly FilingFact[], from: string, to: string) {
  const expected = rows.filter((r) => r.published >= from && r.published <= to);
  const filed = expected.filter((r) => r.firstSent !== null);
  const onTime = filed.filter((r) => r.firstSent! <= r.due);
  const rate = (n: number) => (expected.length ? Math.round((n / expected.length) * 1000) / 10 : null);
  return { expected: expected.length, filed: filed.length, onTime: onTime.length, filingRate: rate(filed.length), timelyRate: rate(onTime.length) };
}

/** The quarter a day falls in, and its first and last day. */
export function quarterRange(year: number, quarter: 1 | 2 | 3 | 4): { from: string; to: string; label: string } {
  const m = (quarter - 1) * 3 + 1;
  const from = `${year}-${String(m).padStart(2, '0')}-01`;
  const end = new Date(Date.UTC(year, m + 2, 0)).toISOString().slice(0, 10);
  const label = `${year}年第${['一', '二', '三', '四'][quarter - 1]}季度`;
  return { from, to: end, label };
}

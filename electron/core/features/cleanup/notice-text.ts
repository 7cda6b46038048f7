import type { CleanupDecisionValue } from '../../../../shared/contract/cleanup';

/** The default text of a result notice: counts per decision. */
export function noticeBody(issuer: string, counts: Record<CleanupDecisionValue, number>): string[] {
  const parts = (Object.entries(counts) as [CleanupDecisionValue, number][]).filter(([, n]) => n > 0).map(([d, n]) => `${d}的${n}件`);
  return [
    `按照行政规范性文件管理有关规定，${issuer}对现行行政规范性文件进行了全面清理。经清理，决定${parts.join('，')}，现将清理结果予以公布。`,
    '未列入继续有效目录的行政规范性文件，一律不得作为行政管理的依据。',
  ];
}

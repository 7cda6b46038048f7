import type { CleanupDecisionValue } from '../../../shared/contract/cleanup';

/** One colour per cleanup decision, the same in the list, the document page and the progress bar. */
export const DECISION_COLORS: Record<CleanupDecisionValue, string> = { 继续有效: 'green', 修改: 'yellow', 废止: 'red', 宣布失效: 'grape' };

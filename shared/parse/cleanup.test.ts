import { describe, expect, it } from 'vitest';
import { extractCleanup } from './cleanup';

const TITLE = '某县人民政府关于公布行政规范性文件清理结果的通知';
const counts = (sentence: string) => extractCleanup([sentence], TITLE)?.counts;

describe('cleanup counts', () => {
  it('takes the decision written right before a number as its own, whichever order a notice uses', () => {
    expect(counts('经清理，继续有效1件、废止1件。现将清理结果予以公布。')).toEqual({ 继续有效: 1, 废止: 1 });
    expect(counts('经清理，保留26件，修订3件，宣布失效7件，废止4件。')).toEqual({ 继续有效: 26, 修改: 3, 宣布失效: 7, 废止: 4 });
    expect(counts('共清理文件40件，其中26件继续有效、7件宣布失效、4件废止。')).toEqual({ 继续有效: 26, 宣布失效: 7, 废止: 4 });
  });
});

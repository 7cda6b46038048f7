import { describe, expect, it } from 'vitest';
import { noticeName } from '../cleanup/ImportedCleanupResults';
import { reviewDoc } from '../test-fixtures';
import { cleanupNoticesIn, refreshWarnings, type ReviewFile } from './use-import-batch';

const items = [{ title: '甲办法', docNumber: '招政发〔2018〕1号', decision: '废止' as const, reason: '' }];

describe('the cleanup-result offer after an import', () => {
  it('offers only notices that are in the library now, never an untitled or unsaved one', () => {
    const file: ReviewFile = {
      name: 'n.txt',
      parsed: null,
      error: null,
      docs: [
        { doc: reviewDoc({ title: '关于公布清理结果的通知', cleanup: { items } as never }), keep: true },
        { doc: reviewDoc({ title: '未保存的清理结果通知', cleanup: { items } as never }), keep: true },
        { doc: reviewDoc({ title: '', cleanup: { items } as never }), keep: true },
      ],
    };
    const offered = cleanupNoticesIn([file], { created: [{ id: '1', title: '关于公布清理结果的通知', docNumber: null }], skipped: [] });
    expect(offered.map((n) => n.title)).toEqual(['关于公布清理结果的通知']);
  });

  it('names a notice by its 文号 when it has no title: never 《》', () => {
    expect(noticeName({ title: '', docNumber: '招政字〔2021〕60号' })).toBe('清理结果通知（招政字〔2021〕60号）');
    expect(noticeName({ title: ' ', docNumber: null })).not.toContain('《》');
    expect(noticeName({ title: '关于公布清理结果的通知', docNumber: null })).toBe('《关于公布清理结果的通知》');
  });
});

describe('review warnings after a correction', () => {
  it('未识别出文号 and 未识别出标题 go once filled in and come back when emptied', () => {
    const doc = reviewDoc({ title: '', docNumber: null, reviewWarnings: [{ kind: 'no-title', message: 't' }, { kind: 'no-doc-number', message: 'n' }, { kind: 'parse', message: 'p' }] });
    const fixed = refreshWarnings({ ...doc, title: '补上的标题', docNumber: { raw: '招政发〔2022〕8号', normalized: '招政发〔2022〕8号', agency: '招政发', year: 2022, serial: 8 } });
    expect(fixed.reviewWarnings.map((w) => w.kind)).toEqual(['parse']);
    expect(refreshWarnings({ ...fixed, title: '' }).reviewWarnings.map((w) => w.kind)).toEqual(['no-title', 'parse']);
  });
});

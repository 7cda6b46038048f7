import { describe, expect, it } from 'vitest';
import { buildEntries } from './gazette-service';

const gazette = (toc: Array<{ section: string | null; title: string; page: number | null }>) => ({
  title: '招远市人民政府公报',
  issueNumber: 1,
  totalNumber: null,
  year: 2022,
  publishDate: '2022-04-07',
  toc,
});

describe('buildEntries', () => {
  it('links contents lines to documents despite line breaks, leader dots and full/half-width punctuation', () => {
    const docs = [
      { id: 'a', title: '招远市人民政府办公室关于印发招远市城乡社区服务体系建设规划（2021—2025年）的通知' },
      { id: 'b', title: '招远市人民政府办公室关于贯彻《烟台市燃放烟花爆竹管理条例》的实施意见' },
    ];
    const entries = buildEntries(
      gazette([
        { section: '【市政府办公室文件】', title: '招远市人民政府办公室关于贯彻《烟台市燃放烟花爆竹管理条 例》的实施意见·····', page: 35 },
        { section: '【市政府办公室文件】', title: '招远市人民政府办公室关于印发招远市城乡社区服务体系建设规划(2021-2025 年)的通知', page: 47 },
      ]),
      docs,
    );
    expect(entries.map((e) => [e.page, e.documentId])).toEqual([
      [35, 'b'],
      [47, 'a'],
    ]);
  });

  it('keeps contents lines without a document, and adds documents the contents do not list', () => {
    const entries = buildEntries(gazette([{ section: '【人事任免】', title: '某某任免通知', page: 9 }]), [{ id: 'x', title: '另一件文件' }]);
    expect(entries).toEqual([
      { section: '【人事任免】', title: '某某任免通知', page: 9, documentId: null },
      { section: null, title: '另一件文件', page: null, documentId: 'x' },
    ]);
  });

  it('uses the documents themselves as contents when the issue has none', () => {
    const entries = buildEntries(gazette([]), [{ id: 'x', title: '甲' }, { id: 'y', title: '乙' }]);
    expect(entries.map((e) => e.documentId)).toEqual(['x', 'y']);
  });
});

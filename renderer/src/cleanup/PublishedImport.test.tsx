import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Req } from '../../../shared/contract';
import { renderWith } from '../test-utils';
import { PublishedImport } from './PublishedImport';

const ITEMS = [
  { decision: '废止' as const, title: '高青县人民政府关于甲的办法', docNumber: '高政发〔2019〕8号' },
  { decision: '继续有效' as const, title: '不在库里的文件', docNumber: null },
];

describe('导入已公布的清理结果', () => {
  it('reads the annex lists, shows which rows are in the library, applies them as a completed campaign', async () => {
    const apply = vi.fn(async (req: Req<'cleanup:apply-published'>) => ({
      campaign: { id: 'c9', name: req.name, total: 1 } as never,
      notFound: [ITEMS[1]],
    }));
    renderWith(<PublishedImport />, {
      'import:parse': async () => [{ error: null, documents: [{ title: '高青县人民政府关于公布清理结果的通知', docNumber: { normalized: '高政字〔2021〕60号' }, dateSigned: '2021-09-26', cleanup: { scope: null, counts: {}, items: ITEMS } }] }] as never,
      'cleanup:match-result': async ({ items }) => items.map((it, i) => ({ ...it, documentId: i === 0 ? 'd1' : null, matchedTitle: i === 0 ? it.title : null })),
      'cleanup:apply-published': apply as never,
    });
    const input = screen.getByLabelText('选择清理结果通知') as HTMLInputElement;
    Object.defineProperty(input, 'files', { configurable: true, value: [new File(['x'], '清理结果.txt')] });
    fireEvent.change(input);
    expect(await screen.findByText('目录共 2 行，文件库中找到 1 件，未找到 1 件（未找到的不会应用）。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '作为已完成的清理应用到文件库' }));
    await waitFor(() => expect(apply).toHaveBeenCalledTimes(1));
    expect(apply.mock.calls[0][0]).toMatchObject({ docNumber: '高政字〔2021〕60号', date: '2021-09-26', items: ITEMS });
    expect(await screen.findByText(/未找到：不在库里的文件/)).toBeTruthy();
  });
});

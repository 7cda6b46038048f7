import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWith } from '../test-utils';
import { detail, storedDocument } from '../test-fixtures';
import { DocumentPage } from './DocumentPage';

describe('编辑冲突', () => {
  it('a save refused because someone else saved first shows who and what, and offers to reload the latest copy', async () => {
    const v1 = storedDocument({ title: '旧标题', updatedAt: '2026-11-01T08:00:00.000Z' });
    const v2 = storedDocument({ title: '同事改的标题', updatedAt: '2026-11-01T09:00:00.000Z' });
    let current = v1;
    const get = vi.fn(async () => detail({ document: current }));
    const update = vi.fn(async (req: { expectedUpdatedAt?: string }) => {
      if (req.expectedUpdatedAt !== current.updatedAt) {
        throw Object.assign(new Error('保存失败：您打开编辑后，这件文件已被修改（2026-11-01 17:00，操作人：李四；改动了：标题）。您的修改尚未保存。请重新加载最新内容后再修改。'), { code: 'CONFLICT' });
      }
      return detail({ document: current });
    });
    renderWith(<DocumentPage id="d1" terms={[]} />, { 'documents:get': get, 'documents:update': update as never });
    fireEvent.click(await screen.findByRole('button', { name: '编辑' }));
    current = v2; // another window saves while this one edits
    fireEvent.change(await screen.findByLabelText('文种'), { target: { value: '意见' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText(/已被修改.*李四.*标题/)).toBeTruthy();
    expect(screen.getByText('文件已被他人修改')).toBeTruthy();
    expect(update).toHaveBeenLastCalledWith(expect.objectContaining({ expectedUpdatedAt: v1.updatedAt }));

    fireEvent.click(screen.getByRole('button', { name: /重新加载最新内容/ }));
    await waitFor(() => expect((screen.getByLabelText('标题') as HTMLInputElement).value).toBe('同事改的标题'));
    expect(screen.queryByText('文件已被他人修改')).toBeNull();
    fireEvent.change(screen.getByLabelText('文种'), { target: { value: '意见' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(update).toHaveBeenLastCalledWith(expect.objectContaining({ expectedUpdatedAt: v2.updatedAt })));
  });
});

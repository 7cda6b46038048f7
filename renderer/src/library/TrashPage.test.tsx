import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Res } from '../../../shared/contract';
import { renderWith } from '../test-utils';
import { TrashPage } from './TrashPage';

describe('回收站', () => {
  it('lists deleted documents and restores one', async () => {
    let entries: Res<'trash:list'> = [{ id: 'd1', kind: 'document', title: '关于甲的办法', docNumber: '招政发〔2025〕2号', deletedAt: '2026-11-20T08:00:00.000Z', deletedBy: '张三' }];
    const restore = vi.fn(async ({ id }: { id: string }) => {
      entries = [];
      return { id };
    });
    renderWith(<TrashPage />, { 'trash:list': async () => entries, 'trash:restore': restore as never });
    expect(await screen.findByText('关于甲的办法')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '恢复' }));
    await waitFor(() => expect(restore).toHaveBeenCalledWith({ id: 'd1', kind: 'document' }));
    expect(await screen.findByText('已恢复《关于甲的办法》及其关系。')).toBeTruthy();
    expect(await screen.findByText(/回收站是空的/)).toBeTruthy();
  });

  it('lists a deleted gazette issue beside documents and restores it as an issue', async () => {
    const entries: Res<'trash:list'> = [
      { id: 'g1', kind: 'issue', title: '《高青县人民政府公报》2021年第3期', docNumber: null, deletedAt: '2026-11-21T08:00:00.000Z', deletedBy: '李四' },
      { id: 'd1', kind: 'document', title: '关于甲的办法', docNumber: null, deletedAt: '2026-11-20T08:00:00.000Z', deletedBy: '张三' },
    ];
    const restore = vi.fn(async ({ id }: { id: string }) => ({ id }));
    renderWith(<TrashPage />, { 'trash:list': async () => entries, 'trash:restore': restore as never });
    expect(await screen.findByText('公报期次')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: '恢复' })[0]);
    await waitFor(() => expect(restore).toHaveBeenCalledWith({ id: 'g1', kind: 'issue' }));
    expect(await screen.findByText(/已恢复《高青县人民政府公报》2021年第3期及其目录/)).toBeTruthy();
  });
});

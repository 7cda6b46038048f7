import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Req } from '../../../shared/contract';
import { renderWith } from '../test-utils';
import { summary } from '../test-fixtures';
import { LibraryPage } from './LibraryPage';

describe('状态日期', () => {
  it('picking a day asks for the statuses as of that day', async () => {
    const list = vi.fn(async (_req: Req<'documents:list'>) => ({ total: 1, rows: [summary()], options: { issuers: [], years: [2022], kinds: [] } }));
    renderWith(<LibraryPage />, { 'documents:list': list as never });
    await screen.findByText('招政发〔2022〕8号');
    expect(list.mock.calls.at(-1)![0]).not.toHaveProperty('asOf');
    fireEvent.click(screen.getByRole('button', { name: /状态日期|今天/ }));
    // The calendar's day buttons (this month's 15th; the first '15' is never a neighbour month's day).
    const day = await waitFor(() => {
      const found = [...document.body.querySelectorAll<HTMLButtonElement>('table button')].find((b) => b.textContent === '15');
      expect(found).toBeTruthy();
      return found!;
    });
    fireEvent.click(day);
    await waitFor(() => expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ asOf: expect.stringMatching(/^\d{4}-\d{2}-15$/) })));
  });
});

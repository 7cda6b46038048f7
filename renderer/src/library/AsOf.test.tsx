import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Req } from '../../../shared/contract';
import { renderWith } from '../test-utils';
import { summary } from '../test-fixtures';
import { LibraryPage } from './LibraryPage';

describe('状态日期', () => {
  it('a typed day asks for the statuses as of that day', async () => {
    window.history.replaceState(null, '', '#/library');
    const list = vi.fn(async (_req: Req<'documents:list'>) => ({ total: 1, rows: [summary()], options: { issuers: [], years: [2022], kinds: [] } }));
    renderWith(<LibraryPage />, { 'documents:list': list as never });
    await screen.findByText('招政发〔2022〕8号');
    expect(list.mock.calls.at(-1)![0]).not.toHaveProperty('asOf');
    const input = screen.getByRole('textbox', { name: '状态日期' });
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '2021年6月30日' } });
    fireEvent.blur(input);
    await waitFor(() => expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ asOf: '2021-06-30' })));
    // The day is in the URL, so Back from a document finds it again.
    expect(decodeURIComponent(window.location.hash)).toContain('asOf=2021-06-30');
  });
});

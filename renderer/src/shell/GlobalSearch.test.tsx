import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWith } from '../test-utils';
import { GlobalSearch } from './GlobalSearch';

const SUGGESTIONS = [
  { id: 'd1', title: '招远市农村集体经济组织管理办法', docNumber: '招政发〔2022〕8号' },
  { id: 'd2', title: '招远市养犬管理办法', docNumber: null },
];

describe('页头检索框', () => {
  it('Enter runs the search and closes the suggestion list, which stays closed when late suggestions arrive', async () => {
    const suggest = vi.fn(async () => SUGGESTIONS);
    renderWith(<GlobalSearch initial="" />, { 'search:suggest': suggest });
    const box = screen.getByRole('combobox', { name: '全文检索' });
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: '管理办法' } });
    // The list renders in a portal that happy-dom reports as hidden.
    expect(await screen.findByRole('option', { name: /养犬管理办法/, hidden: true }, { timeout: 3000 })).toBeTruthy();
    await waitFor(() => expect(box.getAttribute('aria-expanded')).toBe('true'));
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(box.getAttribute('aria-expanded')).toBe('false'));
    expect(decodeURIComponent(window.location.hash)).toBe('#/search?q=管理办法');
    await new Promise((r) => setTimeout(r, 400));
    expect(box.getAttribute('aria-expanded')).toBe('false');
    // Typing again opens it again.
    fireEvent.change(box, { target: { value: '养犬' } });
    await waitFor(() => expect(box.getAttribute('aria-expanded')).toBe('true'));
  });

  it('asks for no suggestions for a paste over the query limit', async () => {
    const suggest = vi.fn(async () => SUGGESTIONS);
    renderWith(<GlobalSearch initial="" />, { 'search:suggest': suggest });
    fireEvent.change(screen.getByRole('combobox', { name: '全文检索' }), { target: { value: '字'.repeat(100_001) } });
    await new Promise((r) => setTimeout(r, 400));
    expect(suggest).not.toHaveBeenCalled();
  });
});

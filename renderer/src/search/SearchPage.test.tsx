import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Req, Res } from '../../../shared/contract';
import { renderWith } from '../test-utils';
import { navigate, useRoute } from '../shell/router';
import { SearchPage } from './SearchPage';

/** The search page as the app shows it: its query comes from the URL. */
function Routed() {
  const route = useRoute();
  return <SearchPage q={route.name === 'search' ? route.q : ''} />;
}

const RESULTS: Res<'search:query'> = {
  total: 1,
  tookMs: 3.2,
  results: [
    {
      id: 'd7',
      title: '招远市人民政府关于印发某办法的通知',
      docNumber: '招政发〔2022〕11号',
      issuers: ['招远市人民政府'],
      dateSigned: '2022-03-01',
      status: '现行有效',
      score: 9,
      snippets: ['《办法》（招政发〔2018〕27号）同时废止', '第二段提到补贴'],
      snippetMatches: [[[5, 17]], [[5, 7]]],
      matchedIn: ['body'],
    },
  ],
  facets: {
    status: [{ value: '现行有效', count: 1 }],
    issuer: [{ value: '招远市人民政府', count: 1 }],
    year: [{ value: '2022', count: 1 }],
    kind: [],
    normative: [],
  },
  terms: ['招政发〔2018〕27号'],
  notice: null,
};

describe('全文检索', () => {
  it('renders several snippets per result with the matches highlighted, and facets filter', async () => {
    const query = vi.fn(async (_req: Req<'search:query'>) => RESULTS);
    renderWith(<SearchPage q="招政发[2018]27号" />, { 'search:query': query as never });
    const hit = await screen.findByTestId('search-hit');
    const marks = hit.querySelectorAll('mark.nd-hl-term');
    expect([...marks].map((m) => m.textContent)).toEqual(['招政发〔2018〕27号', '补贴']);
    expect(screen.getByTestId('search-total').textContent).toContain('找到 1 件');
    const link = screen.getByRole('link', { name: '招远市人民政府关于印发某办法的通知' });
    expect(link.getAttribute('href')).toBe('#/documents/d7?t=%E6%8B%9B%E6%94%BF%E5%8F%91%E3%80%942018%E3%80%9527%E5%8F%B7');

    fireEvent.click(screen.getByRole('button', { name: /2022年/ }));
    await waitFor(() => expect(query).toHaveBeenLastCalledWith(expect.objectContaining({ filters: { year: 2022 }, offset: 0 })));
  });

  it('shows the notice for a malformed query instead of an error page', async () => {
    renderWith(<SearchPage q="标题:" />, {
      'search:query': async () => ({ ...RESULTS, total: 0, results: [], notice: '“标题:”后没有检索词，已忽略' }),
    });
    expect(await screen.findByText('“标题:”后没有检索词，已忽略')).toBeTruthy();
    expect(screen.getByText('没有找到包含这些词的文件。')).toBeTruthy();
  });

  it('shows a refused query inline', async () => {
    renderWith(<SearchPage q={'"'} />, {
      'search:query': async () => {
        throw Object.assign(new Error('检索式过长：最多 10,000 个字符'), { code: 'INVALID_INPUT' });
      },
    });
    expect(await screen.findByText('检索式过长：最多 10,000 个字符')).toBeTruthy();
    expect(screen.getByLabelText('检索词')).toBeTruthy();
  });

  it('a refused query or a paste over the limit clears the previous result line instead of leaving it beside the error', async () => {
    const query = vi.fn(async (req: Req<'search:query'>) => {
      if (req.text === '坏') throw Object.assign(new Error('检索式有误'), { code: 'INVALID_INPUT' });
      return RESULTS;
    });
    const wrap = (q: string) => act(() => navigate({ name: 'search', q }));
    wrap('办法');
    renderWith(<Routed />, { 'search:query': query as never });
    expect((await screen.findByTestId('search-total')).textContent).toContain('找到 1 件');
    wrap('坏');
    expect(await screen.findByText('检索式有误')).toBeTruthy();
    expect(screen.queryByTestId('search-total')).toBeNull();
    expect(screen.queryByTestId('search-hit')).toBeNull();

    wrap('办法');
    expect(await screen.findByTestId('search-total')).toBeTruthy();
    // Pasted into the box: refused under it at once, the old count and hits go.
    fireEvent.change(screen.getByLabelText('检索词'), { target: { value: '字'.repeat(100_001) } });
    expect(screen.getByText('查询内容过长（超过 10 万字），请缩短后再查')).toBeTruthy();
    expect(screen.queryByTestId('search-total')).toBeNull();
    expect(screen.queryByTestId('search-hit')).toBeNull();

    // Arriving in the URL (the header box): refused without a call.
    const calls = query.mock.calls.length;
    wrap('字'.repeat(100_001));
    expect(await screen.findByText('查询内容过长（超过 10 万字），请缩短后再查')).toBeTruthy();
    expect(screen.queryByTestId('search-total')).toBeNull();
    expect(query.mock.calls.length).toBe(calls);
  });
});

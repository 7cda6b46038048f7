import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Req, Res } from '../../../shared/contract';
import { renderWith } from '../test-utils';
import { summary } from '../test-fixtures';
import { LibraryPage } from './LibraryPage';
import { PAGE_SIZE } from './use-paged-list';

const EMPTY: Res<'documents:list'> = { total: 0, rows: [], options: { issuers: [], years: [], kinds: [] } };

describe('文件库', () => {
  it('an empty library offers the sample gazettes and loads them in one click', async () => {
    let loaded = false;
    const samples = vi.fn(async () => {
      loaded = true;
      return { created: [{ id: 'x', title: 't', docNumber: null }], skipped: [], gazettes: [], resolvedRelations: 0, flagged: [], refused: [] };
    });
    renderWith(<LibraryPage />, {
      'documents:list': async () => (loaded ? { ...EMPTY, total: 1, rows: [summary()] } : EMPTY),
      'import:samples': samples,
    });
    expect(await screen.findByText('文件库中还没有文件')).toBeTruthy();
    expect(screen.getByRole('link', { name: '导入文件…' }).getAttribute('href')).toBe('#/import');
    fireEvent.click(screen.getByRole('button', { name: '载入示例公报' }));
    await waitFor(() => expect(samples).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('招政发〔2022〕8号')).toBeTruthy();
  });

  it('a long 文号 has room at 1440 px and its cell says it whole on hover; the filters are remembered for “← 返回文件库”', async () => {
    window.location.hash = '#/library?sort=title&dir=asc';
    renderWith(<LibraryPage />, { 'documents:list': async () => ({ ...EMPTY, total: 1, rows: [summary({ docNumber: '招政办发〔2022〕118号' })] }) });
    const cell = (await screen.findByText('招政办发〔2022〕118号')).closest('[role="cell"]')!;
    expect(cell.getAttribute('title')).toBe('招政办发〔2022〕118号');
    expect((cell.parentElement as HTMLElement).style.gridTemplateColumns).toMatch(/^minmax\(150px, 215px\)/);
    expect(window.sessionStorage.getItem('normdesk.library.params')).toBe('sort=title&dir=asc');
    window.location.hash = '';
    window.sessionStorage.clear();
  });

  it('shows rows with Chinese dates and the count, and sorting asks the service', async () => {
    const list = vi.fn(async (_req: Req<'documents:list'>) => ({
      total: 2,
      rows: [summary(), summary({ id: 'd2', title: '关于废止的决定', docNumber: '招政发[2018]27号', status: '已废止', dateSigned: '2018-05-01', validUntil: null })],
      options: { issuers: ['招远市人民政府'], years: [2018, 2022], kinds: ['通知'] },
    }));
    renderWith(<LibraryPage />, { 'documents:list': list as never });
    expect(await screen.findByText('招政发〔2018〕27号')).toBeTruthy();
    expect(screen.getByText('2022年2月7日')).toBeTruthy();
    expect(screen.getByTestId('library-count').textContent).toContain('共 2 件');
    const table = screen.getByRole('table', { name: '文件列表' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);

    fireEvent.click(screen.getByRole('button', { name: '标题' }));
    await waitFor(() => expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'title', dir: 'asc' })));
    fireEvent.click(screen.getByRole('button', { name: /标题/ }));
    await waitFor(() => expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'title', dir: 'desc' })));
  });

  it('the quick filter goes into the request; unset filters are left out', async () => {
    const list = vi.fn(async (_req: Req<'documents:list'>) => ({ total: 1, rows: [summary()], options: { issuers: [], years: [2022], kinds: [] } }));
    renderWith(<LibraryPage />, { 'documents:list': list as never });
    await screen.findByText('招政发〔2022〕8号');
    fireEvent.change(screen.getByLabelText('快速筛选'), { target: { value: '集体经济' } });
    await waitFor(() => expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ q: '集体经济' })), { timeout: 2000 });
    expect(list.mock.calls.at(-1)![0]).not.toHaveProperty('hasValidity');
  });

  it('keeps only the visible rows of a 100,000-document library in the page and fetches the page the person scrolls to', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => summary({ id: `d${i}`, docNumber: `招政发〔2022〕${i + 1}号` }));
    const list = vi.fn(async (req: Req<'documents:list'>) => ({
      total: rows.length,
      rows: rows.slice(req.offset ?? 0, (req.offset ?? 0) + (req.limit ?? 50_000)),
      options: { issuers: [], years: [], kinds: [] },
    }));
    renderWith(<LibraryPage />, { 'documents:list': list as never });
    expect(await screen.findByText('招政发〔2022〕1号')).toBeTruthy();
    expect(screen.getByTestId('library-count').textContent).toContain('共 100,000 件');
    const table = screen.getByRole('table', { name: '文件列表' });
    expect(table.getAttribute('aria-rowcount')).toBe('100001');
    expect(within(table).getAllByRole('row').length).toBeLessThan(60);
    // only the first page was asked for, not the library
    expect(list.mock.calls.every(([req]) => req.limit === PAGE_SIZE)).toBe(true);
    expect(new Set(list.mock.calls.map(([req]) => req.offset))).toEqual(new Set([0]));

    // scrolled to row 50,001: that page is fetched and shown; the pages in between are never asked for
    const scroller = screen.getByTestId('library-scroll');
    scroller.scrollTop = 50_000 * 38;
    fireEvent.scroll(scroller);
    expect(await screen.findByText('招政发〔2022〕50001号')).toBeTruthy();
    expect(list.mock.calls.map(([req]) => req.offset)).toContain(50_000 - (50_000 % PAGE_SIZE));
    expect(list.mock.calls.length).toBeLessThan(5);
  });

  it('a failing service shows its Chinese message instead of a blank page', async () => {
    renderWith(<LibraryPage />, {
      'documents:list': async () => {
        throw Object.assign(new Error('数据库已损坏，请从备份恢复'), { code: 'INTERNAL' });
      },
    });
    expect(await screen.findByText('数据库已损坏，请从备份恢复')).toBeTruthy();
  });
});

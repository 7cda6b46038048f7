import { useCallback, useEffect, useRef, useState } from 'react';
import type { Req, Res } from '../../../shared/contract';
import type { DocumentSummary } from '../../../shared/domain/document';
import { errorMessage } from '../api/call';
import { useCall } from '../api/CallProvider';

/** Rows the library asks for at once: a screen is about 20, so a page covers several screens of scrolling. */
export const PAGE_SIZE = 200;

type List = Res<'documents:list'>;

export interface PagedList {
  /** total and filter menus of the newest answer (undefined before the first) */
  total: number | undefined;
  options: List['options'] | undefined;
  /** the row at a position of the whole filtered, sorted list, or undefined while its page is not loaded */
  rowAt: (index: number) => DocumentSummary | undefined;
  /** asks for the pages covering positions `first … last` (the visible rows) if not loaded or asked yet */
  want: (first: number, last: number) => void;
  error: string | null;
  loading: boolean;
  /** forgets every page and asks again (after an import) */
  reload: () => void;
}

/**
 * The library list a page at a time (issue 25): the service sorts and filters the whole library, the page asks
 * only for the rows the person scrolls to. A new query (filter, sort, 状态日期) forgets the pages of the old one;
 * an answer to an older query is dropped, so a slow page never mixes into a newer list.
 */
export function usePagedList(query: Req<'documents:list'>): PagedList {
  const call = useCall();
  const key = JSON.stringify(query);
  const gen = useRef(0);
  const asked = useRef(new Set<number>());
  const [pages, setPages] = useState<Map<number, DocumentSummary[]>>(new Map());
  const [head, setHead] = useState<{ total: number; options: List['options'] } | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(0);
  const [tick, setTick] = useState(0);

  const fetchPage = useCallback(
    (page: number) => {
      if (asked.current.has(page)) return;
      asked.current.add(page);
      const mine = gen.current;
      setPending((n) => n + 1);
      call('documents:list', { ...(JSON.parse(key) as Req<'documents:list'>), offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
        (res) => {
          setPending((n) => n - 1);
          if (mine !== gen.current) return;
          setPages((prev) => new Map(prev).set(page, res.rows));
          setHead({ total: res.total, options: res.options });
          setError(null);
        },
        (err: unknown) => {
          setPending((n) => n - 1);
          if (mine !== gen.current) return;
          asked.current.delete(page);
          setError(errorMessage(err));
        },
      );
    },
    [call, key],
  );

  useEffect(() => {
    gen.current++;
    asked.current = new Set();
    setPages(new Map());
    fetchPage(0);
  }, [fetchPage, tick]);

  const want = useCallback(
    (first: number, last: number) => {
      for (let p = Math.floor(Math.max(0, first) / PAGE_SIZE); p <= Math.floor(Math.max(0, last) / PAGE_SIZE); p++) fetchPage(p);
    },
    [fetchPage],
  );
  const rowAt = useCallback((i: number) => pages.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE], [pages]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { total: head?.total, options: head?.options, rowAt, want, error, loading: pending > 0, reload };
}

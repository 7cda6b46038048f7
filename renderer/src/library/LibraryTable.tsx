import { Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { DocumentSummary } from '../../../shared/domain/document';
import { cnDate, displayDocNumber } from '../common/format';
import { StatusBadge } from '../common/StatusBadge';

import type { SortField } from './url-filters';

export type { SortField };

const COLUMNS: Array<{ field: SortField; label: string }> = [
  { field: 'docNumber', label: '文号' },
  { field: 'title', label: '标题' },
  { field: 'issuer', label: '发文机关' },
  { field: 'dateSigned', label: '成文日期' },
  { field: 'status', label: '状态' },
  { field: 'validUntil', label: '有效期至' },
];
// Fits a 1024-pixel window (navigation 188 px): 状态 and 有效期至 stay visible; narrower, header and rows scroll together.
// The 文号 column grows to fit a long 文号 (招政办发〔2022〕118号) where there is room (1440 px); cut, its cell says it on hover.
const GRID = 'minmax(150px, 215px) minmax(180px, 1fr) 130px 122px 84px 122px';
const MIN_WIDTH = 788;
const ROW_HEIGHT = 38;

interface Props {
  /** rows in the whole filtered list */
  count: number;
  /** the row at a position, or undefined while its page is being fetched (a placeholder row stands there) */
  rowAt: (index: number) => DocumentSummary | undefined;
  /** told the positions on screen (with some around them), to fetch their pages */
  onRange: (first: number, last: number) => void;
  sort: SortField;
  dir: 'asc' | 'desc';
  onSort: (field: SortField) => void;
  onOpen: (id: string) => void;
  height: number | string;
}

/**
 * The library table: only the visible rows are in the DOM, and only the pages around them are fetched, so
 * 100,000 documents scroll smoothly; the scroll bar and the keys span the whole list from the start.
 */
export function LibraryTable({ count, rowAt, onRange, sort, dir, onSort, onOpen, height }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (count > 0) onRange(first, last);
  }, [first, last, count, onRange]);

  /** Arrow keys move between rows (scrolling the row into view first: only visible rows exist), Enter opens. */
  const onRowKey = (e: KeyboardEvent<HTMLDivElement>, index: number, id: string | undefined) => {
    if (e.key === 'Enter') return id && onOpen(id);
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : e.key === 'PageDown' ? 10 : e.key === 'PageUp' ? -10 : 0;
    if (!step) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(count - 1, index + step));
    virtualizer.scrollToIndex(next);
    const focus = (tries: number) => {
      const el = scrollRef.current?.querySelector<HTMLElement>(`[aria-rowindex="${next + 2}"]`);
      if (el) el.focus({ preventScroll: true });
      else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
    };
    focus(5);
  };

  return (
    <div style={{ overflowX: 'auto', border: '1px solid #dee2e6', borderRadius: 4, background: '#fff' }}>
    <div role="table" aria-label="文件列表" aria-rowcount={count + 1} style={{ minWidth: MIN_WIDTH }}>
      <div role="row" className="nd-vhead" style={{ display: 'grid', gridTemplateColumns: GRID }}>
        {COLUMNS.map((c) => (
          <div
            key={c.field}
            role="columnheader"
            className="nd-cell"
            aria-sort={sort === c.field ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
          >
            <button type="button" onClick={() => onSort(c.field)} title={`按${c.label}排序`}>
              {c.label}
              {sort === c.field ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}
            </button>
          </div>
        ))}
      </div>
      <div ref={scrollRef} style={{ height, overflow: 'auto' }} data-testid="library-scroll">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            const style = {
              display: 'grid',
              gridTemplateColumns: GRID,
              position: 'absolute',
              top: 0,
              left: 0,
              right: 0,
              height: ROW_HEIGHT,
              alignItems: 'center',
              transform: `translateY(${item.start}px)`,
              background: item.index % 2 ? '#fafbfc' : undefined,
            } as const;
            if (!row) {
              return (
                <div key={item.index} role="row" aria-rowindex={item.index + 2} aria-busy="true" className="nd-vrow" tabIndex={0}
                  onKeyDown={(e) => onRowKey(e, item.index, undefined)} style={style}>
                  <div role="cell" className="nd-cell">
                    <Text span c="dimmed" size="sm">载入中…</Text>
                  </div>
                </div>
              );
            }
            // keyed by position, so a focused placeholder keeps the focus when its page arrives
            return (
              <div
                key={item.index}
                role="row"
                aria-rowindex={item.index + 2}
                className="nd-vrow"
                tabIndex={0}
                onClick={() => onOpen(row.id)}
                onKeyDown={(e) => onRowKey(e, item.index, row.id)}
                style={style}
              >
                <div role="cell" className="nd-cell" title={displayDocNumber(row.docNumber) || undefined}>
                  {displayDocNumber(row.docNumber) || <Text span c="dimmed" size="sm">无文号</Text>}
                </div>
                <div role="cell" className="nd-cell" title={row.title}>
                  {row.title}
                  {!row.isNormative && (
                    <Text span size="xs" c="dimmed" ml={6}>
                      （非规范性）
                    </Text>
                  )}
                </div>
                <div role="cell" className="nd-cell" title={row.issuers.join('、')}>
                  {row.issuers.join('、')}
                </div>
                <div role="cell" className="nd-cell">
                  {cnDate(row.dateSigned)}
                </div>
                <div role="cell" className="nd-cell">
                  <StatusBadge status={row.status} />
                </div>
                <div role="cell" className="nd-cell">
                  {row.validUntil ? cnDate(row.validUntil) : row.hasValidityClause ? '' : <Text span c="dimmed" size="sm">未规定</Text>}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
    </div>
  );
}

import { Button, Group, Loader, MultiSelect, Select, Stack, Text, TextInput, Title, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../../../shared/domain/document';
import { AsOfPicker } from '../common/AsOfPicker';
import { ErrorAlert } from '../common/ErrorAlert';
import { cnDate, countDocs } from '../common/format';
import { navigate, routeHref } from '../shell/router';
import { EmptyLibrary } from './EmptyLibrary';
import { LibraryTable } from './LibraryTable';
import { usePagedList } from './use-paged-list';
import { filtersFromParams, filtersToParams, INITIAL, isFiltered, libraryParamsOfHash, rememberLibraryParams, toQuery, type Filters, type SortField } from './url-filters';

export { toQuery };

const YES_NO = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
];
const HAS_NONE = [
  { value: 'yes', label: '有' },
  { value: 'no', label: '无' },
];

/** A filter menu of the library: empty means 全部, and it can always be cleared. */
function FilterSelect(props: SelectProps) {
  return <Select placeholder="全部" clearable size="xs" {...props} />;
}

/**
 * Keeps the filters, sort and 状态日期 in the URL (`#/library?status=即将到期&asOf=…`) without adding history
 * entries, so opening a document and going back finds them again, and follows a library link clicked while here.
 */
function useUrlFilters(f: Filters, setF: (f: Filters) => void) {
  const written = useRef<string | null>(null);
  useEffect(() => {
    if (libraryParamsOfHash(window.location.hash) === null && window.location.hash) return;
    const qs = filtersToParams(f);
    written.current = qs;
    rememberLibraryParams(qs);
    const href = `#/library${qs ? '?' + qs : ''}`;
    if (window.location.hash !== href) window.history.replaceState(window.history.state, '', href);
  }, [f]);
  useEffect(() => {
    const onChange = () => {
      const params = libraryParamsOfHash(window.location.hash);
      if (params !== null && params !== written.current) setF(filtersFromParams(params));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [setF]);
}

/** 文件库: every stored document, filterable and sortable, with statuses as of a chosen day, fetched a page at a time. */
export function LibraryPage() {
  const [f, setF] = useState<Filters>(() => filtersFromParams(libraryParamsOfHash(window.location.hash) ?? ''));
  const [q] = useDebouncedValue(f.q, 250);
  useUrlFilters(f, setF);
  const list = usePagedList(toQuery(f, q));
  const set = (patch: Partial<Filters>) => setF((prev) => ({ ...prev, ...patch }));

  const onSort = (field: SortField) =>
    set(f.sort === field ? { dir: f.dir === 'asc' ? 'desc' : 'asc' } : { sort: field, dir: field === 'dateSigned' || field === 'validUntil' ? 'desc' : 'asc' });

  const total = list.total;
  if (total === 0 && !isFiltered(f)) {
    return <EmptyLibrary onLoaded={list.reload} />;
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3" className="nd-page-title">
          文件库
        </Title>
        <Group gap="xs">
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="library-count">
            {total !== undefined ? `共 ${countDocs(total)}` : ''}
            {f.asOf ? `，状态截至 ${cnDate(f.asOf)}` : ''}
          {f.validFrom || f.validTo ? `，有效期截止于 ${f.validFrom ? cnDate(f.validFrom) : ''}至${f.validTo ? cnDate(f.validTo) : ''}` : ''}
          </Text>
          {list.loading && <Loader size="xs" />}
          <Button component="a" href={routeHref({ name: 'import' })} size="xs" variant="light">
            导入文件
          </Button>
          <Button component="a" href={routeHref({ name: 'trash' })} size="xs" variant="subtle">
            回收站
          </Button>
        </Group>
      </Group>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          label="快速筛选"
          placeholder="标题、文号或机关"
          value={f.q}
          onChange={(e) => set({ q: e.currentTarget.value })}
          w={180}
          size="xs"
        />
        <MultiSelect
          label="状态"
          placeholder={f.status.length ? '' : '全部'}
          data={[...DOCUMENT_STATUSES]}
          value={f.status}
          onChange={(v) => set({ status: v as DocumentStatus[] })}
          clearable
          w={200}
          size="xs"
        />
        <FilterSelect
          label="发文机关"
          data={list.options?.issuers ?? []}
          value={f.issuer}
          onChange={(v) => set({ issuer: v })}
          searchable
          w={180}
          nothingFoundMessage="无匹配机关"
        />
        <FilterSelect
          label="年份"
          data={(list.options?.years ?? []).map((y) => ({ value: String(y), label: `${y}年` }))}
          value={f.year}
          onChange={(v) => set({ year: v })}
          w={100}
        />
        <FilterSelect
          label="文种"
          data={list.options?.kinds ?? []}
          value={f.kind}
          onChange={(v) => set({ kind: v })}
          w={100}
        />
        <FilterSelect
          label="规范性文件"
          data={YES_NO}
          value={f.normative}
          onChange={(v) => set({ normative: v })}
          w={104}
        />
        <FilterSelect
          label="有效期条款"
          data={HAS_NONE}
          value={f.hasValidity}
          onChange={(v) => set({ hasValidity: v })}
          w={104}
        />
        <AsOfPicker value={f.asOf} onChange={(asOf) => set({ asOf })} />
        {(isFiltered(f) || f.asOf) && (
          <Button size="xs" variant="subtle" onClick={() => setF({ ...INITIAL, sort: f.sort, dir: f.dir })}>
            清除筛选
          </Button>
        )}
      </Group>
      <ErrorAlert message={list.error} title="文件列表未能载入" />
      {total !== undefined && (
        <LibraryTable
          count={total}
          rowAt={list.rowAt}
          onRange={list.want}
          sort={f.sort}
          dir={f.dir}
          onSort={onSort}
          onOpen={(id) => navigate({ name: 'document', id, terms: [] })}
          height="calc(100vh - 250px)"
        />
      )}
      {total === 0 && (
        <Text c="dimmed" ta="center" py="md">
          没有符合筛选条件的文件。
        </Text>
      )}
    </Stack>
  );
}

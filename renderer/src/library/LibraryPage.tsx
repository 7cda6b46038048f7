import { Button, Group, Loader, MultiSelect, Select, Stack, Text, TextInput, Title, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { Req } from '../../../shared/contract';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../../../shared/domain/document';
import { useRequest } from '../api/use-request';
import { AsOfPicker } from '../common/AsOfPicker';
import { ErrorAlert } from '../common/ErrorAlert';
import { cnDate, countDocs } from '../common/format';
import { navigate, routeHref } from '../shell/router';
import { EmptyLibrary } from './EmptyLibrary';
import { LibraryTable, type SortField } from './LibraryTable';

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

interface Filters {
  q: string;
  status: DocumentStatus[];
  issuer: string | null;
  year: string | null;
  kind: string | null;
  normative: string | null;
  hasValidity: string | null;
  asOf: string | null;
  sort: SortField;
  dir: 'asc' | 'desc';
}

const INITIAL: Filters = {
  q: '',
  status: [],
  issuer: null,
  year: null,
  kind: null,
  normative: null,
  hasValidity: null,
  asOf: null,
  sort: 'dateSigned',
  dir: 'desc',
};

/** Turns the filter bar into the service's query; unset filters are left out rather than sent empty. */
export function toQuery(f: Filters, q: string): Req<'documents:list'> {
  const req: Req<'documents:list'> = { sort: f.sort, dir: f.dir };
  if (q.trim()) req.q = q.trim();
  if (f.status.length) req.status = f.status;
  if (f.issuer) req.issuer = f.issuer;
  if (f.year) req.year = Number(f.year);
  if (f.kind) req.kind = f.kind;
  if (f.normative) req.normative = f.normative === 'yes';
  if (f.hasValidity) req.hasValidity = f.hasValidity === 'yes';
  if (f.asOf) req.asOf = f.asOf;
  return req;
}

const isFiltered = (f: Filters) =>
  !!(f.q.trim() || f.status.length || f.issuer || f.year || f.kind || f.normative || f.hasValidity);

/** 文件库: every stored document, filterable and sortable, with statuses as of a chosen day. */
export function LibraryPage() {
  const [f, setF] = useState<Filters>(INITIAL);
  const [q] = useDebouncedValue(f.q, 250);
  const list = useRequest('documents:list', toQuery(f, q));
  const set = (patch: Partial<Filters>) => setF((prev) => ({ ...prev, ...patch }));

  const onSort = (field: SortField) =>
    set(f.sort === field ? { dir: f.dir === 'asc' ? 'desc' : 'asc' } : { sort: field, dir: field === 'dateSigned' || field === 'validUntil' ? 'desc' : 'asc' });

  const data = list.data;
  if (data && data.total === 0 && data.rows.length === 0 && !isFiltered(f)) {
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
            {data ? `共 ${countDocs(data.total)}${data.total > data.rows.length ? `，显示前 ${countDocs(data.rows.length)}` : ''}` : ''}
            {f.asOf ? `，状态截至 ${cnDate(f.asOf)}` : ''}
          </Text>
          {list.loading && <Loader size="xs" />}
          <Button component="a" href={routeHref({ name: 'import' })} size="xs" variant="light">
            导入文件
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
          data={data?.options.issuers ?? []}
          value={f.issuer}
          onChange={(v) => set({ issuer: v })}
          searchable
          w={180}
          nothingFoundMessage="无匹配机关"
        />
        <FilterSelect
          label="年份"
          data={(data?.options.years ?? []).map((y) => ({ value: String(y), label: `${y}年` }))}
          value={f.year}
          onChange={(v) => set({ year: v })}
          w={100}
        />
        <FilterSelect
          label="文种"
          data={data?.options.kinds ?? []}
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
      {data && (
        <LibraryTable
          rows={data.rows}
          sort={f.sort}
          dir={f.dir}
          onSort={onSort}
          onOpen={(id) => navigate({ name: 'document', id, terms: [] })}
          height="calc(100vh - 250px)"
        />
      )}
      {data && data.rows.length === 0 && (
        <Text c="dimmed" ta="center" py="md">
          没有符合筛选条件的文件。
        </Text>
      )}
    </Stack>
  );
}

import { Alert, Anchor, Badge, Group, Loader, Pagination, Paper, SegmentedControl, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Req } from '../../../shared/contract';
import type { FacetCount } from '../../../shared/contract/documents';
import { MAX_QUERY_CHARS, QUERY_TOO_LONG, SEARCH_PAGE_SIZE, type SearchHit, type SearchRequest } from '../../../shared/contract/search';
import type { DocumentStatus } from '../../../shared/domain/document';
import { useRequest } from '../api/use-request';
import { AsOfPicker } from '../common/AsOfPicker';
import { cnDate, countDocs, displayDocNumber } from '../common/format';
import { StatusBadge } from '../common/StatusBadge';
import { segment } from '../document/highlight';
import { HighlightedText } from '../document/HighlightedText';
import { navigate, routeHref } from '../shell/router';
import { SyntaxHelp } from './SyntaxHelp';

const PAGE_SIZE = SEARCH_PAGE_SIZE;
type Filters = SearchRequest['filters'];
const MATCHED_IN = { docNumber: '文号', title: '标题', issuer: '机关', body: '正文' } as const;
const TRUE_VALUES = ['true', '是', '规范性', '规范性文件'];

const normativeLabel = (v: string) => (v === 'true' ? '规范性文件' : v === 'false' ? '非规范性文件' : v);

function Facet({ title, items, active, onPick, label = (v) => v }: {
  title: string;
  items: FacetCount[];
  active: (value: string) => boolean;
  onPick: (value: string) => void;
  label?: (v: string) => string;
}) {
  if (!items.length) return null;
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      <Stack gap={1}>
        {items.map((f) => (
          <UnstyledButton
            key={f.value}
            onClick={() => onPick(f.value)}
            aria-pressed={active(f.value)}
            style={{ display: 'flex', justifyContent: 'space-between', padding: '2px 6px', borderRadius: 3, background: active(f.value) ? '#dbe6f5' : undefined }}
          >
            <Text size="sm" fw={active(f.value) ? 600 : 400}>
              {label(f.value)}
            </Text>
            <Text size="xs" c="dimmed">
              {f.count}
            </Text>
          </UnstyledButton>
        ))}
      </Stack>
    </div>
  );
}

function Hit({ hit, terms }: { hit: SearchHit; terms: string[] }) {
  return (
    <Paper withBorder p="sm" data-testid="search-hit">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Anchor href={routeHref({ name: 'document', id: hit.id, terms })} fw={600}>
          {hit.title}
        </Anchor>
        <StatusBadge status={hit.status} />
      </Group>
      <Group gap="sm" mt={2}>
        {hit.docNumber && <Text size="sm">{displayDocNumber(hit.docNumber)}</Text>}
        <Text size="sm" c="dimmed">
          {hit.issuers.join('、')}
        </Text>
        {hit.dateSigned && (
          <Text size="sm" c="dimmed">
            {cnDate(hit.dateSigned)}
          </Text>
        )}
        {hit.matchedIn.map((m) => (
          <Badge key={m} size="xs" variant="dot" color="gray">
            {MATCHED_IN[m]}命中
          </Badge>
        ))}
      </Group>
      {hit.snippets.map((s, i) => (
        <Text key={i} size="sm" mt={4} c="#343a40" className="nd-snippet">
          <HighlightedText segments={segment(s, [], hit.snippetMatches[i] ?? [])} />
        </Text>
      ))}
    </Paper>
  );
}

/** 全文检索 results: snippets with highlights, facets that filter, sorting and paging; a bad query only earns a note. */
export function SearchPage({ q }: { q: string }) {
  const [filters, setFilters] = useState<Filters>({});
  const [sort, setSort] = useState<'relevance' | 'date'>('relevance');
  const [page, setPage] = useState(1);
  const [asOf, setAsOf] = useState<string | null>(null);
  const [input, setInput] = useState(q);

  useEffect(() => {
    setInput(q);
    setFilters({});
    setPage(1);
  }, [q]);

  // A query over the limit is refused here, without a round trip; neither it nor a refused one shows older results.
  const tooLong = q.length > MAX_QUERY_CHARS;
  const inputTooLong = input.length > MAX_QUERY_CHARS;
  const req: Req<'search:query'> | null =
    q.trim() && !tooLong ? { text: q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, sort, filters, ...(asOf ? { asOf } : {}) } : null;
  const res = useRequest('search:query', req);
  const refusal = tooLong ? QUERY_TOO_LONG : q.trim() ? res.error : null;
  const data = req && !res.error && !inputTooLong ? res.data : undefined;

  const refine = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const toggleStatus = (v: string) => {
    const s = filters.status ?? [];
    const next = s.includes(v as DocumentStatus) ? s.filter((x) => x !== v) : [...s, v as DocumentStatus];
    refine({ status: next.length ? next : undefined });
  };
  const activeFilters = Object.values(filters).some((v) => v !== undefined && !(Array.isArray(v) && !v.length));

  return (
    <Stack gap="sm">
      <Title order={2} size="h3" className="nd-page-title">
        全文检索
      </Title>
      <TextInput
        aria-label="检索词"
        placeholder="输入检索词后回车"
        value={input}
        onChange={(e) => setInput(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && input.trim() && !inputTooLong && navigate({ name: 'search', q: input.trim() })}
        error={inputTooLong ? QUERY_TOO_LONG : undefined}
        maw={720}
      />
      {!q.trim() && (
        <Paper withBorder p="md" maw={720}>
          <SyntaxHelp />
        </Paper>
      )}
      {refusal && !inputTooLong && (
        <Alert color="orange" title="无法按此检索" role="alert">
          {refusal}
        </Alert>
      )}
      {data?.notice && (
        <Alert color="yellow" variant="light" role="status">
          {data.notice}
        </Alert>
      )}
      {data && (
        <Group align="flex-start" gap="lg" wrap="nowrap">
          <Stack gap="md" w={220} style={{ flexShrink: 0 }}>
            <AsOfPicker value={asOf} onChange={setAsOf} w="100%" />
            <Facet title="状态" items={data.facets.status} active={(v) => !!filters.status?.includes(v as DocumentStatus)} onPick={toggleStatus} />
            <Facet title="发文机关" items={data.facets.issuer} active={(v) => filters.issuer === v} onPick={(v) => refine({ issuer: filters.issuer === v ? undefined : v })} />
            <Facet
              title="年份"
              items={data.facets.year}
              label={(v) => `${v}年`}
              active={(v) => filters.year === Number(v)}
              onPick={(v) => refine({ year: filters.year === Number(v) ? undefined : Number(v) })}
            />
            <Facet title="文种" items={data.facets.kind} active={(v) => filters.kind === v} onPick={(v) => refine({ kind: filters.kind === v ? undefined : v })} />
            <Facet
              title="规范性"
              items={data.facets.normative}
              label={normativeLabel}
              active={(v) => filters.normative === TRUE_VALUES.includes(v)}
              onPick={(v) => {
                const want = TRUE_VALUES.includes(v);
                refine({ normative: filters.normative === want ? undefined : want });
              }}
            />
            {activeFilters && (
              <Anchor component="button" size="sm" onClick={() => refine({ status: undefined, issuer: undefined, year: undefined, kind: undefined, normative: undefined })}>
                清除筛选
              </Anchor>
            )}
            <SyntaxHelp />
          </Stack>
          <Stack gap="sm" style={{ flex: 1, minWidth: 0 }}>
            <Group justify="space-between">
              <Group gap="xs">
                <Text size="sm" data-testid="search-total">
                  找到 {countDocs(data.total)}，用时 {Math.round(data.tookMs * 10) / 10} 毫秒
                </Text>
                {res.loading && <Loader size="xs" />}
              </Group>
              <SegmentedControl
                size="xs"
                value={sort}
                onChange={(v) => {
                  setSort(v as 'relevance' | 'date');
                  setPage(1);
                }}
                data={[
                  { value: 'relevance', label: '按相关度' },
                  { value: 'date', label: '按日期' },
                ]}
              />
            </Group>
            {data.results.length === 0 && <Text c="dimmed">没有找到包含这些词的文件。</Text>}
            {data.results.map((hit) => (
              <Hit key={hit.id} hit={hit} terms={data.terms} />
            ))}
            {data.total > PAGE_SIZE && <Pagination total={Math.ceil(data.total / PAGE_SIZE)} value={page} onChange={setPage} size="sm" />}
          </Stack>
        </Group>
      )}
      {!data && req && res.loading && <Loader size="sm" />}
    </Stack>
  );
}

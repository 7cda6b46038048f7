import { Badge, Checkbox, Group, Pagination, Select, Table, Text, TextInput, Tooltip } from '@mantine/core';
import type { CampaignItem } from '../../../shared/contract/cleanup';
import { CLEANUP_DECISIONS } from '../../../shared/contract/cleanup';
import { StatusBadge } from '../common/StatusBadge';
import { cnDate, displayDocNumber } from '../common/format';
import { DECISION_COLORS } from './decision-colors';

export const PAGE_SIZE = 100;

export interface ListFilter {
  decision: string | null;
  issuer: string | null;
  q: string;
  page: number;
}

interface Props {
  rows: CampaignItem[];
  total: number;
  issuers: string[];
  filter: ListFilter;
  onFilter: (f: ListFilter) => void;
  current: number;
  onCurrent: (i: number) => void;
  selected: Set<string>;
  onSelected: (next: Set<string>) => void;
  /** the campaign's cut-off date: the status column shows the status then */
  cutoff: string | null;
}

/** The review list: filters, one page of documents with status, decision and warnings; a selection for bulk decisions. */
export function ReviewList({ rows, total, issuers, filter, onFilter, current, onCurrent, selected, onSelected, cutoff }: Props) {
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.documentId));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelected(next);
  };
  return (
    <>
      <Group gap="xs" mb="xs" wrap="nowrap">
        <Select
          size="xs"
          placeholder="全部决定"
          data={[{ value: 'none', label: '未决定' }, ...CLEANUP_DECISIONS.map((d) => ({ value: d, label: d }))]}
          value={filter.decision}
          onChange={(v) => onFilter({ ...filter, decision: v, page: 1 })}
          clearable
          w={120}
          aria-label="按决定筛选"
        />
        <Select size="xs" placeholder="全部制定机关" data={issuers} value={filter.issuer} onChange={(v) => onFilter({ ...filter, issuer: v, page: 1 })} clearable searchable w={180} aria-label="按制定机关筛选" />
        <TextInput size="xs" placeholder="标题或文号" value={filter.q} onChange={(e) => onFilter({ ...filter, q: e.currentTarget.value, page: 1 })} style={{ flex: 1 }} aria-label="查找" />
      </Group>
      <div style={{ maxHeight: 'calc(100vh - 330px)', overflow: 'auto' }}>
        <Table fz="sm" highlightOnHover stickyHeader data-testid="review-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={28}>
                <Checkbox
                  size="xs"
                  aria-label="全选本页"
                  checked={allOnPage}
                  onChange={() => {
                    const next = new Set(selected);
                    for (const r of rows) {
                      if (allOnPage) next.delete(r.documentId);
                      else next.add(r.documentId);
                    }
                    onSelected(next);
                  }}
                />
              </Table.Th>
              <Table.Th w={40}>序号</Table.Th>
              <Table.Th>文件</Table.Th>
              <Table.Th w={96} title={cutoff ? `截至清理截止日期（${cnDate(cutoff)}）的状态；与今日不同时下方注明今日状态` : undefined}>
                截止日状态
              </Table.Th>
              <Table.Th w={100}>决定</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr
                key={r.documentId}
                onClick={() => onCurrent(i)}
                style={{ cursor: 'pointer' }}
                bg={i === current ? 'var(--mantine-color-blue-light)' : undefined}
                aria-current={i === current ? 'true' : undefined}
                data-testid="review-row"
              >
                <Table.Td onClick={(e) => e.stopPropagation()}>
                  <Checkbox size="xs" aria-label={`选择 ${r.title}`} checked={selected.has(r.documentId)} onChange={() => toggle(r.documentId)} />
                </Table.Td>
                <Table.Td>{r.position}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={1} title={r.title}>
                    {r.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {displayDocNumber(r.docNumber)}
                    {r.opinion ? ` · 机关意见：${r.opinion}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={r.statusAtCutoff} size="xs" />
                  {r.status !== r.statusAtCutoff && (
                    <Text size="xs" c="dimmed" data-testid="status-today">
                      今日：{r.status}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    {r.decision ? (
                      <Badge size="xs" color={DECISION_COLORS[r.decision]} variant="light">
                        {r.decision}
                      </Badge>
                    ) : (
                      <Text size="xs" c="dimmed">
                        未决定
                      </Text>
                    )}
                    {r.warnings.length > 0 && (
                      <Tooltip label={r.warnings.join('；')}>
                        <Badge size="xs" color="orange" variant="filled" aria-label="有提示">
                          !
                        </Badge>
                      </Tooltip>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <Group justify="space-between" mt="xs">
        <Text size="xs" c="dimmed">
          共 {total} 件 · ↑↓ 切换 · 1–4 决定 · X 选择
        </Text>
        {total > PAGE_SIZE && <Pagination size="xs" total={Math.ceil(total / PAGE_SIZE)} value={filter.page} onChange={(p) => onFilter({ ...filter, page: p })} />}
      </Group>
    </>
  );
}

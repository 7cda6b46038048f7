import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Req } from '../../../shared/contract';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../common/ErrorAlert';
import { cnDate, displayDocNumber } from '../common/format';
import { StatusBadge } from '../common/StatusBadge';

interface Props {
  sections: string[];
  inIssue: Set<string>;
  issueId: string;
  onAdd: (documentId: string, section: string) => void;
}

/** Finds library documents by title / 文号 / issuer with the library's filters, flags those printed elsewhere, adds one. */
export function AddDocuments({ sections, inIssue, issueId, onAdd }: Props) {
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');
  const [kind, setKind] = useState<string | null>('all');
  const [year, setYear] = useState<string | null>(null);
  const [section, setSection] = useState<string | null>(sections[0] ?? null);
  useEffect(() => {
    const t = setTimeout(() => setQ(typed), 250);
    return () => clearTimeout(t);
  }, [typed]);
  useEffect(() => {
    if (!section || !sections.includes(section)) setSection(sections[0] ?? null);
  }, [sections, section]);

  const req: Req<'documents:list'> = { sort: 'dateSigned', dir: 'desc', limit: 30 };
  if (q.trim()) req.q = q.trim();
  if (kind === 'normative') req.normative = true;
  if (kind === 'other') req.normative = false;
  if (year) req.year = Number(year);
  const found = useRequest('documents:list', req);
  const ids = (found.data?.rows ?? []).map((r) => r.id);
  const printed = useRequest('issue:printed-in', ids.length ? { documentIds: ids } : null);

  return (
    <Paper withBorder p="sm" aria-label="从文件库加入">
      <Title order={3} size="h5" mb="xs">
        从文件库加入
      </Title>
      <Stack gap="xs">
        <Group gap="xs" align="end">
          <TextInput label="搜索" data-testid="add-search" placeholder="标题、文号或发文机关" value={typed} onChange={(e) => setTyped(e.currentTarget.value)} style={{ flex: 1 }} />
          <Select
            label="类别"
            w={120}
            value={kind}
            onChange={setKind}
            data={[
              { value: 'all', label: '全部' },
              { value: 'normative', label: '规范性文件' },
              { value: 'other', label: '其他文件' },
            ]}
          />
          <Select label="年份" w={100} clearable placeholder="全部" value={year} onChange={setYear} data={(found.data?.options.years ?? []).map(String)} />
        </Group>
        <Select label="加入栏目" data-testid="add-section" value={section} onChange={setSection} data={sections} allowDeselect={false} />
        <ErrorAlert message={found.error} title="搜索未完成" />
        <Table fz="xs" verticalSpacing={3} data-testid="add-results">
          <Table.Tbody>
            {(found.data?.rows ?? []).map((r) => {
              const here = inIssue.has(r.id);
              const elsewhere = (printed.data?.[r.id] ?? []).filter((p) => p.id !== issueId);
              return (
                <Table.Tr key={r.id} data-doc={r.id}>
                  <Table.Td>
                    <Text size="sm">{r.title}</Text>
                    <Group gap={4}>
                      <Text size="xs" c="dimmed">
                        {displayDocNumber(r.docNumber)} {cnDate(r.dateSigned)}
                      </Text>
                      <StatusBadge status={r.status} size="xs" />
                      {elsewhere.map((p) => (
                        <Badge key={p.id} size="xs" color="orange" variant="light">
                          已刊登于{p.label}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td w={70}>
                    <Button size="compact-xs" variant={here ? 'subtle' : 'light'} disabled={here || !section} onClick={() => section && onAdd(r.id, section)}>
                      {here ? '已在本期' : '加入'}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {found.data && found.data.total > found.data.rows.length && (
          <Text size="xs" c="dimmed">
            共 {found.data.total} 件，显示前 {found.data.rows.length} 件；请输入更多字缩小范围。
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

import { Anchor, Badge, Button, Group, Modal, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ISSUE_STATE_LABELS, type Gazette, type GazetteSummary } from '../../../shared/contract/gazettes';
import { errorMessage } from '../api/call';
import { useCall } from '../api/CallProvider';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../common/ErrorAlert';
import { cnDate, todayIso } from '../common/format';
import { navigate, routeHref } from '../shell/router';
import { GazetteForm } from './GazetteForm';
import { IssueEditor } from './IssueEditor';
import { GuardedButton } from '../accounts/Allowed';

/** The issue number as its gazette prints it (`2021年第3期`, `第2号（总第20号）`). */
export function issueLabel(g: Pick<GazetteSummary, 'year' | 'issueNumber' | 'totalNumber' | 'label'>): string {
  if (g.label !== undefined) return g.label;
  const main = g.year && g.issueNumber ? `${g.year}年第${g.issueNumber}期` : g.issueNumber ? `第${g.issueNumber}期` : g.year ? `${g.year}年` : '';
  return main + (g.totalNumber ? `（总第${g.totalNumber}期）` : '');
}

/** 新建一期: the publish date, then the proposed 期号 and 总期号 (changeable). */
function NewIssueModal({ gazette, opened, onClose }: { gazette: Gazette; opened: boolean; onClose: () => void }) {
  const call = useCall();
  const [date, setDate] = useState(todayIso());
  const [n, setN] = useState<number | string>('');
  const [t, setT] = useState<number | string>('');
  const [error, setError] = useState<string | null>(null);
  const proposed = useRequest('issue:propose', opened && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { gazetteId: gazette.id, date } : null);
  useEffect(() => {
    if (!proposed.data) return;
    setN(proposed.data.issueNumber);
    setT(proposed.data.totalNumber ?? '');
  }, [proposed.data]);
  const create = async () => {
    try {
      const d = await call('issue:create', {
        gazetteId: gazette.id,
        publishDate: date,
        issueNumber: typeof n === 'number' ? n : undefined,
        totalNumber: typeof t === 'number' ? t : undefined,
      });
      onClose();
      navigate({ name: 'gazettes', id: d.id });
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={`新建一期：${gazette.title}`}>
      <Stack gap="xs">
        <TextInput label="出版日期" type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} />
        <Group grow>
          <NumberInput label={gazette.numberingStyle === 'cumulative' ? '当年第几号' : '当年第几期'} min={1} value={n} onChange={setN} allowDecimal={false} />
          <NumberInput label="总期号（不印可留空）" min={1} value={t} onChange={setT} allowDecimal={false} />
        </Group>
        <Text size="xs" c="dimmed">
          已按本公报上一期自动推算，可修改。
        </Text>
        <ErrorAlert message={error ?? proposed.error} title="未能新建" />
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button onClick={create}>新建</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The issue archive of one gazette, by year. */
function Archive({ issues }: { issues: GazetteSummary[] }) {
  const years = [...new Set(issues.map((i) => i.year))];
  return (
    <Stack gap="sm">
      {years.map((y) => (
        <div key={String(y)}>
          <Title order={3} size="h5" mb={4}>
            {y ? `${y}年` : '年份不详'}
          </Title>
          <Table fz="sm" withTableBorder highlightOnHover bg="white">
            <Table.Tbody>
              {issues
                .filter((i) => i.year === y)
                .map((g) => (
                  <Table.Tr key={g.id} onClick={() => navigate({ name: 'gazettes', id: g.id })} style={{ cursor: 'pointer' }}>
                    <Table.Td w={220}>
                      <Anchor href={routeHref({ name: 'gazettes', id: g.id })}>{issueLabel(g)}</Anchor>
                    </Table.Td>
                    <Table.Td w={160}>{g.publishDate ? `${cnDate(g.publishDate)}出版` : '出版日期未填'}</Table.Td>
                    <Table.Td w={80}>{g.documentCount} 件</Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" color={g.state === 'published' ? 'green' : g.state === 'draft' ? 'blue' : 'gray'}>
                        {ISSUE_STATE_LABELS[g.state ?? 'imported']}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </div>
      ))}
    </Stack>
  );
}

/** 公报: the gazettes, each with its settings and its issues by year; an issue opens in the editor. */
export function GazettesPage({ id }: { id: string | null }) {
  const call = useCall();
  const gazettes = useRequest('gazette:all', {});
  const [selected, setSelected] = useState<string | null>(null);
  const [form, setForm] = useState<'new' | 'edit' | null>(null);
  const [newIssue, setNewIssue] = useState(false);
  const current = gazettes.data?.find((g) => g.id === selected) ?? gazettes.data?.[0] ?? null;
  const issues = useRequest('gazettes:list', current ? { gazetteId: current.id } : null);

  if (id) return <IssueEditor id={id} onChanged={issues.reload} />;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h3" className="nd-page-title">
          公报
        </Title>
        <Group gap="xs">
          <Button component="a" href={routeHref({ name: 'trash' })} size="xs" variant="subtle">
            回收站
          </Button>
          <GuardedButton channel="gazette:create" variant="light" onClick={() => setForm('new')}>
            新建公报
          </GuardedButton>
        </Group>
      </Group>
      <ErrorAlert message={gazettes.error ?? issues.error} title="公报未能载入" />
      {gazettes.data && gazettes.data.length === 0 && (
        <Text c="dimmed">
          还没有公报。请“新建公报”，或<Anchor href={routeHref({ name: 'import' })}>导入</Anchor>一期政府公报。
        </Text>
      )}
      {current && (
        <Group gap="xs" align="end">
          <Select
            label="公报"
            w={280}
            value={current.id}
            onChange={setSelected}
            allowDeselect={false}
            data={(gazettes.data ?? []).map((g) => ({ value: g.id, label: g.title }))}
          />
          <GuardedButton channel="gazette:update" variant="default" onClick={() => setForm('edit')}>
            公报设置
          </GuardedButton>
          <GuardedButton channel="issue:create" onClick={() => setNewIssue(true)}>
            新建一期
          </GuardedButton>
          <Text size="sm" c="dimmed">
            {current.numberingStyle === 'cumulative' ? '累计编号（第N号）' : '按年编期（第N期）'} · 主办：{current.sponsor || current.title.replace(/公报$/, '')}
          </Text>
        </Group>
      )}
      {issues.data && issues.data.length === 0 && <Text c="dimmed">这份公报还没有任何一期。</Text>}
      {issues.data && issues.data.length > 0 && <Archive issues={issues.data} />}
      <GazetteForm
        opened={form !== null}
        gazette={form === 'edit' ? current : null}
        onClose={() => setForm(null)}
        onSave={async (input) => {
          const g = form === 'edit' && current ? await call('gazette:update', { id: current.id, patch: input }) : await call('gazette:create', input);
          setSelected(g.id);
          gazettes.reload();
          issues.reload();
        }}
      />
      {current && <NewIssueModal gazette={current} opened={newIssue} onClose={() => setNewIssue(false)} />}
    </Stack>
  );
}

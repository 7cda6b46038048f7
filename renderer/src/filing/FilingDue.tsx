import { Anchor, Group, List, Text } from '@mantine/core';
import { useRequest } from '../api/use-request';
import { Panel } from '../common/Panel';

const pct = (n: number | null) => (n === null ? '—' : `${n}%`);

/** 首页: own normative documents overdue or due for 备案, and this year's 报备率 / 报备及时率, linking to 备案与交换. */
export function FilingDue() {
  const overdue = useRequest('filing:list', { show: 'overdue' });
  const due = useRequest('filing:list', { show: 'due' });
  const year = new Date().getFullYear();
  const stats = useRequest('filing:stats', { from: `${year}-01-01`, to: `${year}-12-31` });
  // the start page's other panels carry on when this one cannot load; 备案与交换 shows its errors
  if (!overdue.data || !due.data || !stats.data) return null;
  if (!overdue.data.length && !due.data.length && !stats.data.expected) return null;
  const s = stats.data;
  return (
    <Panel title="报送备案">
      <Group gap="xl" mb="xs" data-testid="filing-due">
        <Anchor href="#/filing" c={overdue.data.length ? 'red' : undefined}>已逾期 {overdue.data.length} 件</Anchor>
        <Anchor href="#/filing">待报备 {due.data.length} 件</Anchor>
        <Text size="sm">
          {year}年报备率 {pct(s.filingRate)} · 报备及时率 {pct(s.timelyRate)}（应报备 {s.expected} 件）
        </Text>
      </Group>
      <List size="sm">
        {[...overdue.data, ...due.data].slice(0, 5).map((r) => (
          <List.Item key={r.documentId}>
            《{r.title}》{r.docNumber ?? ''}：期限 {r.due}
            {r.daysLeft! < 0 ? `，已逾期 ${-r.daysLeft!} 天` : `，剩 ${r.daysLeft} 天`}
          </List.Item>
        ))}
      </List>
    </Panel>
  );
}

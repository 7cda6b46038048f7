import { BarChart } from '@mantine/charts';
import { Alert, Anchor, Badge, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Dashboard } from '../../../shared/contract/oversight';
import { useRequest } from '../api/use-request';
import { AsOfPicker } from '../common/AsOfPicker';
import { ErrorAlert } from '../common/ErrorAlert';
import { cnDate, cnDateTime, countDocs, displayDocNumber, STATUS_COLORS, todayIso } from '../common/format';
import { Panel } from '../common/Panel';
import { StatusBadge } from '../common/StatusBadge';
import { FilingDue } from '../filing/FilingDue';
import { EmptyLibrary } from '../library/EmptyLibrary';
import { routeHref } from '../shell/router';
import { cnMonth, dashboardLinks } from './links';

const REMINDER_KEY = 'normdesk.reminder.shown';

/** The expiry reminder shows once a day: the first time the start page opens that day. */
function useOncePerDay(): boolean {
  const [show] = useState(() => {
    try {
      const today = todayIso();
      if (window.localStorage.getItem(REMINDER_KEY) === today) return false;
      window.localStorage.setItem(REMINDER_KEY, today);
      return true;
    } catch {
      return true;
    }
  });
  return show;
}

const docHref = (id: string) => routeHref({ name: 'document', id, terms: [] });

function StatusCounts({ data }: { data: Dashboard }) {
  return (
    <SimpleGrid cols={{ base: 4, lg: 8 }} spacing="xs">
      <Paper withBorder p="xs" component="a" href={dashboardLinks.all(data.asOf)} className="nd-stat" aria-label={`全部文件 ${data.total} 件`}>
        <Text size="xl" fw={700}>{data.total.toLocaleString('zh-CN')}</Text>
        <Text size="sm" c="dimmed">全部文件</Text>
      </Paper>
      {data.byStatus.map((s) => (
        <Paper
          key={s.status}
          withBorder
          p="xs"
          component="a"
          href={dashboardLinks.status(data.asOf, s.status)}
          className="nd-stat"
          aria-label={`${s.status} ${s.count} 件`}
          data-testid={`stat-${s.status}`}
        >
          <Text size="xl" fw={700} c={s.count ? STATUS_COLORS[s.status] : 'dimmed'}>{s.count.toLocaleString('zh-CN')}</Text>
          <StatusBadge status={s.status} size="xs" />
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function Expiring({ data }: { data: Dashboard }) {
  if (!data.expiring.length) return <Text c="dimmed" size="sm">评估期（到期前 {data.windowMonths} 个月）内没有文件。</Text>;
  return (
    <Table.ScrollContainer minWidth={600} mah={320}>
      <Table striped stickyHeader aria-label="即将到期的文件">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>文号</Table.Th>
            <Table.Th>标题</Table.Th>
            <Table.Th w={130}>有效期至</Table.Th>
            <Table.Th w={90}>剩余</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.expiring.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{displayDocNumber(d.docNumber) || '—'}</Table.Td>
              <Table.Td><Anchor href={docHref(d.id)} size="sm">{d.title}</Anchor></Table.Td>
              <Table.Td>{cnDate(d.validUntil)}</Table.Td>
              <Table.Td><Badge color={d.daysLeft <= 30 ? 'red' : 'orange'} variant="light">{d.daysLeft} 天</Badge></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A monthly bar chart whose bars open the library; the non-empty months are also listed as links. */
function MonthChart({ months, color, label, href }: { months: Dashboard['expiriesByMonth']; color: string; label: string; href: (month: string) => string }) {
  const data = months.map((m) => ({ month: cnMonth(m.month).replace(/^20/, ''), key: m.month, count: m.count }));
  const nonEmpty = months.filter((m) => m.count);
  return (
    <Stack gap={6}>
      <BarChart
        h={180}
        data={data}
        dataKey="month"
        series={[{ name: 'count', label, color }]}
        tickLine="y"
        gridAxis="y"
        withTooltip
        barProps={{
          cursor: 'pointer',
          onClick: (bar: { payload?: { key?: string } }) => {
            if (bar.payload?.key) window.location.hash = href(bar.payload.key);
          },
        }}
        xAxisProps={{ interval: 2 }}
        yAxisProps={{ allowDecimals: false }}
      />
      <Group gap={6}>
        {nonEmpty.length === 0 && <Text size="sm" c="dimmed">无</Text>}
        {nonEmpty.map((m) => (
          <Anchor key={m.month} href={href(m.month)} size="sm" aria-label={`${cnMonth(m.month)} ${m.count} 件`}>
            {cnMonth(m.month)} {m.count} 件
          </Anchor>
        ))}
      </Group>
    </Stack>
  );
}

function IssuersAndYears({ data }: { data: Dashboard }) {
  const years = data.byYear.slice(-15);
  return (
    <SimpleGrid cols={2}>
      <Panel title="按发文机关">
        <Stack gap={4} mah={260} style={{ overflow: 'auto' }}>
          {data.byIssuer.slice(0, 30).map((i) => (
            <Group key={i.issuer} justify="space-between" wrap="nowrap">
              <Anchor href={dashboardLinks.issuer(data.asOf, i.issuer)} size="sm" truncate>{i.issuer}</Anchor>
              <Text size="sm">{countDocs(i.count)}</Text>
            </Group>
          ))}
        </Stack>
      </Panel>
      <Panel title="按年份">
        <BarChart
          h={200}
          data={years.map((y) => ({ year: `${y.year}`, count: y.count }))}
          dataKey="year"
          series={[{ name: 'count', label: '文件数', color: 'blue.6' }]}
          gridAxis="y"
          barProps={{
            cursor: 'pointer',
            onClick: (bar: { payload?: { year?: string } }) => {
              if (bar.payload?.year) window.location.hash = dashboardLinks.year(data.asOf, Number(bar.payload.year));
            },
          }}
        />
        <Group gap={6} mt={4}>
          {years.map((y) => (
            <Anchor key={y.year} href={dashboardLinks.year(data.asOf, y.year)} size="xs">{y.year}年 {y.count}</Anchor>
          ))}
        </Group>
      </Panel>
    </SimpleGrid>
  );
}

function Recent({ data }: { data: Dashboard }) {
  if (!data.recent.length) return <Text size="sm" c="dimmed">还没有导入或修改记录。</Text>;
  return (
    <Stack gap={4}>
      {data.recent.map((r, i) => (
        <Group key={`${r.id}-${i}`} gap="xs" wrap="nowrap">
          <Badge variant="light" color={r.action === '导入' ? 'blue' : 'grape'} w={48}>{r.action}</Badge>
          <Text size="xs" c="dimmed" w={150}>{cnDateTime(r.at)}</Text>
          <Anchor href={docHref(r.id)} size="sm" truncate>{r.title}</Anchor>
          <Text size="xs" c="dimmed">{displayDocNumber(r.docNumber)}</Text>
        </Group>
      ))}
    </Stack>
  );
}

/** 首页: what needs attention today — statuses, what expires soon, expiries and lapses by month, recent work. */
export function DashboardPage({ asOf = null }: { asOf?: string | null }) {
  // the 状态日期 lives in the address, so a link or a reload shows the same day
  const setAsOf = (day: string | null) => {
    window.location.hash = routeHref({ name: 'dashboard', asOf: day });
  };
  const res = useRequest('oversight:dashboard', asOf ? { asOf } : {});
  const remind = useOncePerDay();
  const data = res.data;
  const soon = data?.byStatus.find((s) => s.status === '即将到期')?.count ?? 0;
  // A new user's first page: nothing to oversee yet, so offer what the empty library offers.
  if (data && data.total === 0 && !asOf) return <EmptyLibrary onLoaded={res.reload} />;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3" className="nd-page-title">首页</Title>
        <Group gap="xs" align="flex-end">
          {res.loading && <Loader size="xs" />}
          <AsOfPicker value={asOf} onChange={setAsOf} />
        </Group>
      </Group>
      <ErrorAlert message={res.error} title="首页数据未能载入" />
      {data && remind && soon > 0 && (
        <Alert color="orange" title="到期提醒" data-testid="expiry-reminder">
          <Anchor href={dashboardLinks.status(data.asOf, '即将到期')}>
            {soon} 件文件将在 {data.windowMonths} 个月内到期
          </Anchor>
          ，请安排评估。
        </Alert>
      )}
      {data && (
        <>
          <Text size="sm" c="dimmed">状态截至 {cnDate(data.asOf)}；点击任一数字或柱形即可在文件库中查看对应文件。</Text>
          <StatusCounts data={data} />
          <FilingDue />
          <Panel title={`评估期内的文件（到期前 ${data.windowMonths} 个月，${data.expiring.length} 件）`}>
            <Expiring data={data} />
          </Panel>
          <SimpleGrid cols={2}>
            <Panel title="今后 24 个月每月到期">
              <MonthChart months={data.expiriesByMonth} color="orange.6" label="到期" href={(m) => dashboardLinks.expiries(data.asOf, m)} />
            </Panel>
            <Panel title="过去 24 个月每月失效">
              <MonthChart months={data.lapsesByMonth} color="gray.6" label="失效" href={(m) => dashboardLinks.lapses(data.asOf, m)} />
            </Panel>
          </SimpleGrid>
          <IssuersAndYears data={data} />
          <Panel title="最近导入和修改">
            <Recent data={data} />
          </Panel>
        </>
      )}
    </Stack>
  );
}

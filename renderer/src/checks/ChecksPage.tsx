import { Accordion, Anchor, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { CheckReport } from '../../../shared/contract/oversight';
import { errorMessage } from '../api/call';
import { useCall } from '../api/CallProvider';
import { useRequest } from '../api/use-request';
import { AsOfPicker } from '../common/AsOfPicker';
import { downloadExported } from '../common/download';
import { ErrorAlert } from '../common/ErrorAlert';
import { cnDate, displayDocNumber } from '../common/format';
import { routeHref } from '../shell/router';

/** Checks whose documents are candidates for a cleanup campaign (the cleanup page reads `check` from the URL). */
const CAMPAIGN_CHECKS = new Set(['no-validity', 'too-long', 'dangling-basis', 'abolished-by-pending']);

function Findings({ check, asOf }: { check: CheckReport['checks'][number]; asOf: string | null }) {
  if (!check.documents.length) return <Text size="sm" c="dimmed">未发现问题。</Text>;
  return (
    <Stack gap={6}>
      <Table.ScrollContainer minWidth={640} mah={420}>
        <Table striped stickyHeader aria-label={check.title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={48}>序号</Table.Th>
              <Table.Th>文件</Table.Th>
              <Table.Th w={180}>文号</Table.Th>
              <Table.Th>问题说明</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {check.documents.map((d, i) => (
              <Table.Tr key={`${d.id}-${i}`}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>
                  <Anchor href={routeHref({ name: 'document', id: d.id, terms: [] })} size="sm">{d.title}</Anchor>
                </Table.Td>
                <Table.Td>{displayDocNumber(d.docNumber) || '—'}</Table.Td>
                <Table.Td><Text size="sm">{d.reason}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {CAMPAIGN_CHECKS.has(check.id) && (
        <Anchor href={routeHref({ name: 'cleanup', id: null, check: check.id, asOf })} size="sm">以这些文件发起清理…</Anchor>
      )}
    </Stack>
  );
}

/** 检查: the consistency checks, each with the documents it concerns and why; findings export to XLSX and DOCX. */
export function ChecksPage() {
  const [asOf, setAsOf] = useState<string | null>(null);
  const res = useRequest('oversight:checks', asOf ? { asOf } : {});
  const call = useCall();
  const [busy, setBusy] = useState<'xlsx' | 'docx' | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const data = res.data;
  const total = data?.checks.reduce((s, c) => s + c.count, 0) ?? 0;

  const exportAs = async (format: 'xlsx' | 'docx') => {
    setBusy(format);
    setExportError(null);
    try {
      downloadExported(await call('oversight:export', { format, ...(asOf ? { asOf } : {}) }));
    } catch (err) {
      setExportError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3" className="nd-page-title">一致性检查</Title>
        <Group gap="xs" align="flex-end">
          {res.loading && <Loader size="xs" />}
          <AsOfPicker value={asOf} onChange={setAsOf} />
          <Button size="xs" variant="light" loading={busy === 'xlsx'} onClick={() => exportAs('xlsx')} disabled={!data}>导出 Excel</Button>
          <Button size="xs" variant="light" loading={busy === 'docx'} onClick={() => exportAs('docx')} disabled={!data}>导出 Word</Button>
        </Group>
      </Group>
      <ErrorAlert message={res.error} title="检查未能完成" />
      <ErrorAlert message={exportError} title="导出失败" />
      {data && (
        <>
          <Text size="sm" c="dimmed" data-testid="checks-summary">
            共 {data.checks.length} 项检查，发现 {total} 处问题（状态截至 {cnDate(data.asOf)}）。
          </Text>
          <Accordion multiple variant="separated" defaultValue={data.checks.filter((c) => c.count).slice(0, 1).map((c) => c.id)}>
            {data.checks.map((c) => (
              <Accordion.Item key={c.id} value={c.id} data-testid={`check-${c.id}`}>
                <Accordion.Control>
                  <Group justify="space-between" pr="md">
                    <Text fw={500}>{c.title}</Text>
                    <Badge color={c.count ? 'orange' : 'green'} variant="light">{c.count ? `${c.count} 处` : '无问题'}</Badge>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Findings check={c} asOf={asOf} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </>
      )}
    </Stack>
  );
}

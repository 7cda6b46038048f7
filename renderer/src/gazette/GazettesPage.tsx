import { Anchor, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ExportFormat } from '../../../shared/contract/export';
import type { GazetteSummary } from '../../../shared/contract/documents';
import { useCall } from '../api/CallProvider';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../common/ErrorAlert';
import { ExportDialog } from '../common/ExportDialog';
import { cnDate, displayDocNumber } from '../common/format';
import { navigate, routeHref } from '../shell/router';

/** `2021年第3期（总第20期）` from whatever numbers the issue has. */
export function issueLabel(g: Pick<GazetteSummary, 'year' | 'issueNumber' | 'totalNumber'>): string {
  const main = g.year && g.issueNumber ? `${g.year}年第${g.issueNumber}期` : g.issueNumber ? `第${g.issueNumber}期` : g.year ? `${g.year}年` : '';
  return main + (g.totalNumber ? `（总第${g.totalNumber}期）` : '');
}

function GazetteDetailView({ id }: { id: string }) {
  const call = useCall();
  const detail = useRequest('gazettes:get', { id });
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  if (detail.error) return <ErrorAlert message={detail.error} title="公报未能打开" />;
  if (!detail.data) return <Loader size="sm" />;
  const g = detail.data;
  let lastSection: string | null = null;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={3} size="h4">
            {g.title}
          </Title>
          <Text size="sm" c="dimmed">
            {issueLabel(g)}
            {g.publishDate ? ` · ${cnDate(g.publishDate)}出版` : ''} · 共 {g.documentCount} 件
          </Text>
        </div>
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={() => setExporting('docx')}>
            导出 DOCX
          </Button>
          <Button size="xs" onClick={() => setExporting('pdf')}>
            导出 PDF
          </Button>
        </Group>
      </Group>
      <Title order={4} size="h5" mb={4}>
        目录
      </Title>
      <Table fz="sm" verticalSpacing={3}>
        <Table.Tbody>
          {g.entries.flatMap((e) => {
            const rows = [];
            if (e.section && e.section !== lastSection) {
              rows.push(
                <Table.Tr key={`s${e.position}`}>
                  <Table.Td colSpan={3} fw={600} pt="sm">
                    {e.section}
                  </Table.Td>
                </Table.Tr>,
              );
            }
            lastSection = e.section;
            rows.push(
              <Table.Tr key={e.position}>
                <Table.Td pl="lg">
                  {e.documentId ? <Anchor href={routeHref({ name: 'document', id: e.documentId, terms: [] })} size="sm">{e.title}</Anchor> : e.title}
                </Table.Td>
                <Table.Td w={180} c="dimmed">
                  {displayDocNumber(e.docNumber)}
                </Table.Td>
                <Table.Td w={60} ta="right">
                  {e.page ?? ''}
                </Table.Td>
              </Table.Tr>,
            );
            return rows;
          })}
        </Table.Tbody>
      </Table>
      <ExportDialog
        format={exporting}
        subject={`${g.title} ${issueLabel(g)}`}
        run={(format) => call('export:gazette', { id, format })}
        onClose={() => setExporting(null)}
      />
    </Paper>
  );
}

/** 公报: stored gazette issues; one issue's contents and its export. */
export function GazettesPage({ id }: { id: string | null }) {
  const list = useRequest('gazettes:list', {});
  return (
    <Stack gap="md">
      <Title order={2} size="h3" className="nd-page-title">
        公报
      </Title>
      <ErrorAlert message={list.error} title="公报列表未能载入" />
      {list.data && list.data.length === 0 && (
        <Text c="dimmed">
          还没有公报。<Anchor href={routeHref({ name: 'import' })}>导入</Anchor>一期政府公报后，这里会列出它的目录。
        </Text>
      )}
      {list.data && list.data.length > 0 && (
        <Table fz="sm" withTableBorder highlightOnHover bg="white">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>公报</Table.Th>
              <Table.Th>期号</Table.Th>
              <Table.Th>出版日期</Table.Th>
              <Table.Th>文件</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((g) => (
              <Table.Tr
                key={g.id}
                onClick={() => navigate({ name: 'gazettes', id: g.id })}
                style={{ cursor: 'pointer', background: g.id === id ? '#e8f0fa' : undefined }}
              >
                <Table.Td>{g.title}</Table.Td>
                <Table.Td>{issueLabel(g)}</Table.Td>
                <Table.Td>{cnDate(g.publishDate)}</Table.Td>
                <Table.Td>{g.documentCount} 件</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {id && <GazetteDetailView id={id} />}
    </Stack>
  );
}

import { Alert, Anchor, Badge, Button, Grid, Group, Loader, Menu, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { DocumentDetail } from '../../../shared/contract/documents';
import type { ExportFormat } from '../../../shared/contract/export';
import { useCall } from '../api/CallProvider';
import { useRequest } from '../api/use-request';
import { AsOfPicker } from '../common/AsOfPicker';
import { ErrorAlert } from '../common/ErrorAlert';
import { DocumentCampaigns } from '../cleanup/DocumentCampaigns';
import { Panel } from '../common/Panel';
import { ExportDialog } from '../common/ExportDialog';
import { DeleteDocumentButton } from '../library/DeleteDocumentButton';
import { cnDate, cnDateTime, displayDocNumber } from '../common/format';
import { backToLibraryHref } from '../library/url-filters';
import { StatusBadge } from '../common/StatusBadge';
import { routeHref } from '../shell/router';
import { EditDocumentModal } from './EditDocumentModal';
import { findTerms, segment } from './highlight';
import { HighlightedText } from './HighlightedText';
import { History } from './History';
import { ImportCorrections, ImportSource } from './ImportCorrections';
import { ScanPages } from './ScanPages';
import { ReviewFlags } from './ReviewFlags';
import { Relations } from './Relations';
import { useSession } from '../accounts/session';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={96} style={{ verticalAlign: 'top', whiteSpace: 'nowrap', color: '#495057' }}>
        {label}
      </Table.Th>
      <Table.Td>{children || <Text span c="dimmed" size="sm">—</Text>}</Table.Td>
    </Table.Tr>
  );
}

export function Body({ detail, terms }: { detail: DocumentDetail; terms: string[] }) {
  const paragraphs = useMemo(
    () =>
      detail.document.body.map((text, i) =>
        segment(
          text,
          detail.highlights.filter((h) => h.paragraph === i),
          findTerms(text, terms),
        ),
      ),
    [detail, terms],
  );
  // Opened from search: bring the first match into view.
  useEffect(() => {
    if (terms.length) document.querySelector('.nd-body mark.nd-hl-term')?.scrollIntoView?.({ block: 'center' });
  }, [paragraphs, terms.length]);
  if (!paragraphs.length) return <Text c="dimmed">此文件没有正文。</Text>;
  return (
    <div className="nd-body" data-testid="document-body">
      {paragraphs.map((segs, i) => (
        <p key={i}>
          <HighlightedText segments={segs} />
        </p>
      ))}
    </div>
  );
}

/** 任免 notices: who is appointed or removed, and to what. */
function Appointments({ list }: { list: DocumentDetail['document']['appointments'] }) {
  if (list.length === 0) return null;
  return (
    <Table mt="md" withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>姓名</Table.Th>
            <Table.Th>任免</Table.Th>
            <Table.Th>职务</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((a, i) => (
            <Table.Tr key={i}>
              <Table.Td>{a.name}</Table.Td>
              <Table.Td>{a.action}</Table.Td>
              <Table.Td>{a.position}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
  );
}

/** 基本信息: issuer, dates, validity and the gazettes that printed the document. */
function Facts({ detail: d }: { detail: DocumentDetail }) {
  const doc = d.document;
  return (
    <Panel title="基本信息">
      <Table fz="sm" verticalSpacing={4}>
        <Table.Tbody>
          <Field label="发文机关">{doc.issuers.join('、')}</Field>
          <Field label="成文日期">{cnDate(doc.dateSigned)}</Field>
          <Field label="文种">{doc.kind}</Field>
          <Field label="施行日期">{cnDate(doc.effectiveDate)}</Field>
          <Field label="施行条款">{doc.effectiveClause}</Field>
          <Field label="有效期至">{cnDate(doc.validUntil)}</Field>
          <Field label="有效期条款">
            {doc.validityClause ?? (doc.isNormative ? <Text span c="orange.8" size="sm">未规定有效期</Text> : null)}
          </Field>
          {doc.declaredInvalidOn && <Field label="宣布失效">{cnDate(doc.declaredInvalidOn)}</Field>}
          <Field label="刊登公报">
            {d.gazettes.length > 0 && (
              <Stack gap={2}>
                {d.gazettes.map((g) => (
                  <Anchor key={g.id} href={routeHref({ name: 'gazettes', id: g.id })} size="sm">
                    {g.title}
                    {g.year ? ` ${g.year}年` : ''}
                    {g.issueNumber ? `第${g.issueNumber}期` : ''}
                  </Anchor>
                ))}
              </Stack>
            )}
          </Field>
        </Table.Tbody>
      </Table>
    </Panel>
  );
}

/** One document: its text with clauses (and search terms) highlighted, every field, relations, history, export. */
export function DocumentPage({ id, terms }: { id: string; terms: string[] }) {
  const call = useCall();
  const canEdit = useSession().can('edit');
  const [asOf, setAsOf] = useState<string | null>(null);
  const detail = useRequest('documents:get', asOf ? { id, asOf } : { id });
  const [editing, setEditing] = useState(false);
  const [exporting, setExporting] = useState<ExportFormat | null>(null);

  // a document that is not there may be in the trash: say so, with the way to it
  const trash = useRequest('trash:list', detail.error && !detail.data ? {} : null);
  const trashed = trash.data?.find((t) => t.kind === 'document' && t.id === id);

  if (detail.error && !detail.data) {
    return (
      <Stack gap="sm">
        {trashed ? (
          <Alert color="orange" title="此文件已删除，在回收站中" data-testid="document-in-trash">
            《{trashed.title}》{trashed.docNumber ? `（${displayDocNumber(trashed.docNumber)}）` : ''}已于 {cnDateTime(trashed.deletedAt)} 由 {trashed.deletedBy}{' '}
            删除。可以在回收站中查看或恢复：<Anchor href={routeHref({ name: 'trash' })}>打开回收站 →</Anchor>
          </Alert>
        ) : (
          <ErrorAlert message={detail.error} title="文件未能打开" />
        )}
        <Anchor href={backToLibraryHref()} size="sm">
          ← 返回文件库
        </Anchor>
      </Stack>
    );
  }
  if (!detail.data) return <Loader />;
  const d = detail.data;
  const doc = d.document;

  return (
    <Stack gap="md">
      <Anchor href={backToLibraryHref()} size="sm">
        ← 返回文件库
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6}>
          <Title order={2} size="h3">
            {doc.title}
          </Title>
          <Group gap="sm">
            {doc.docNumber && <Text fw={600}>{displayDocNumber(doc.docNumber.normalized)}</Text>}
            {doc.registrationNumber && (
              <Text size="sm" c="dimmed">
                登记号 {doc.registrationNumber}
              </Text>
            )}
            <StatusBadge status={d.status} size="md" />
            <Text size="xs" c="dimmed">
              截至 {cnDate(d.asOf)}
            </Text>
            {!doc.isNormative && <Badge color="gray" variant="outline">非规范性文件</Badge>}
          </Group>
        </Stack>
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <AsOfPicker value={asOf} onChange={setAsOf} />
          {canEdit && (
            <Button size="xs" variant="default" onClick={() => setEditing(true)}>
              编辑
            </Button>
          )}
          {canEdit && <DeleteDocumentButton id={doc.id} title={doc.title} />}
          <Menu position="bottom-end">
            <Menu.Target>
              <Button size="xs">导出 ▾</Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => setExporting('docx')}>导出 DOCX（公文格式）</Menu.Item>
              <Menu.Item onClick={() => setExporting('pdf')}>导出 PDF（公文格式）</Menu.Item>
              <Menu.Item onClick={() => setExporting('ofd')}>导出 OFD（公文格式）</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      <ErrorAlert message={detail.error} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Paper withBorder p="lg">
            <Group justify="space-between" mb="sm">
              <Title order={3} size="h5">
                正文
              </Title>
              <Group gap={6}>
                <mark className="nd-hl-effective" style={{ fontSize: 12 }}>施行</mark>
                <mark className="nd-hl-validity" style={{ fontSize: 12 }}>有效期</mark>
                <mark className="nd-hl-abolish" style={{ fontSize: 12 }}>废止</mark>
                {terms.length > 0 && (
                  <mark className="nd-hl-term" style={{ fontSize: 12 }}>
                    检索词：{terms.join('、')}
                  </mark>
                )}
              </Group>
            </Group>
            <Body detail={d} terms={terms} />
            <Appointments list={doc.appointments} />
          </Paper>
          <ScanPages documentId={d.document.id} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <ReviewFlags key={doc.updatedAt} documentId={d.document.id} />
            <Facts detail={d} />
            <Panel title="关系">
              <Relations
                documentId={doc.id}
                outgoing={d.outgoing}
                incoming={d.incoming}
                statuses={d.relatedStatuses}
                canEdit={canEdit}
                onChanged={() => detail.reload()}
              />
            </Panel>
            <DocumentCampaigns documentId={d.document.id} />
            <ImportSource documentId={d.document.id} />
            <ImportCorrections documentId={d.document.id} />
            <Panel title="历史记录">
              <History entries={d.history} />
            </Panel>
          </Stack>
        </Grid.Col>
      </Grid>
      <EditDocumentModal
        document={doc}
        opened={editing}
        onClose={() => setEditing(false)}
        save={async (patch, loadedAt) => {
          await call('documents:update', { id, patch, expectedUpdatedAt: loadedAt });
          detail.reload();
        }}
        onReload={() => detail.reload()}
      />
      <ExportDialog
        format={exporting}
        subject={doc.title}
        run={(format, opts) => call('export:document', opts.letterhead ? { id, format, letterhead: true } : { id, format })}
        offerLetterhead
        onClose={() => setExporting(null)}
      />
    </Stack>
  );
}

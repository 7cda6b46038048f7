import { Anchor, Badge, Button, Checkbox, FileButton, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { MATERIAL_KINDS, type FilingRow } from '../../../shared/contract/filing';
import { useCall } from '../api/CallProvider';
import { useAction } from '../api/use-action';
import { useRequest } from '../api/use-request';
import { downloadExported } from '../common/download';
import { ErrorAlert } from '../common/ErrorAlert';
import { Panel } from '../common/Panel';
import { readAsBase64 } from '../import/read-file';

const SHOW = [
  { value: 'all', label: '全部' },
  { value: 'due', label: '待报备' },
  { value: 'overdue', label: '已逾期' },
  { value: 'filed', label: '已报备' },
] as const;
type Show = (typeof SHOW)[number]['value'];

const today = () => new Date().toISOString().slice(0, 10);
const pct = (n: number | null) => (n === null ? '—' : `${n}%`);
const PACKAGE_MIME = 'application/octet-stream';

function StateBadge({ row }: { row: FilingRow }) {
  if (row.state === 'unfiled') {
    const late = row.daysLeft! < 0;
    return <Badge color={late ? 'red' : row.daysLeft! <= 5 ? 'orange' : 'gray'}>{late ? `已逾期${-row.daysLeft!}天` : `未报备 · 剩${row.daysLeft}天`}</Badge>;
  }
  const color = row.state === 'correction' || row.decision === '需修改' || row.decision === '撤销' || row.state === 'refused' ? 'orange' : row.state === 'reviewed' ? 'green' : 'blue';
  return <Badge color={color}>{row.stateLabel}</Badge>;
}

/** The materials of one document's filing: listed, added by kind, removed. */
function MaterialsDialog({ row, onClose, onChanged }: { row: FilingRow; onClose: () => void; onChanged: (r: FilingRow) => void }) {
  const call = useCall();
  const [kind, setKind] = useState<(typeof MATERIAL_KINDS)[number]>('制定说明');
  const act = useAction();
  const add = (f: File | null) =>
    f && act.run(async () => onChanged(await call('filing:add-material', { documentId: row.documentId, kind, fileName: f.name, dataBase64: await readAsBase64(f) })));
  return (
    <Modal opened onClose={onClose} title={`备案材料：《${row.title}》`} size="lg">
      <Stack gap="sm">
        {row.materials.length === 0 && <Text c="dimmed">尚未添加材料。报送时应附制定说明和合法性审核意见。</Text>}
        {row.materials.map((m) => (
          <Group key={m.id} justify="space-between">
            <Text size="sm">
              {m.kind}：<Anchor component="button" onClick={() => act.run(async () => downloadExported(await call('filing:material-file', { id: m.id })))}>{m.name}</Anchor>（{(m.size / 1024).toFixed(0)} KB）
            </Text>
            <Button size="xs" variant="subtle" color="red" onClick={() => act.run(async () => onChanged(await call('filing:remove-material', { id: m.id })))}>
              移除
            </Button>
          </Group>
        ))}
        <Group align="flex-end">
          <Select label="材料类别" data={[...MATERIAL_KINDS]} value={kind} onChange={(v) => v && setKind(v as typeof kind)} allowDeselect={false} w={180} />
          <FileButton onChange={add}>{(props) => <Button {...props} loading={act.busy}>选择文件并添加…</Button>}</FileButton>
        </Group>
        <ErrorAlert message={act.error} />
      </Stack>
    </Modal>
  );
}

/** 报送备案 (sending side): deadlines, due and overdue documents, materials, the 备案报告 and the filing package. */
export function SendingTab() {
  const call = useCall();
  const [show, setShow] = useState<Show>('all');
  const [from, setFrom] = useState(`${today().slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today());
  const list = useRequest('filing:list', { show });
  const stats = useRequest('filing:stats', /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) ? { from, to } : null);
  const [selected, setSelected] = useState<string[]>([]);
  const [materials, setMaterials] = useState<FilingRow | null>(null);
  const act = useAction();
  const rows = list.data ?? [];
  const sendable = (r: FilingRow) => r.state === 'unfiled' || r.state === 'correction';
  const chosen = selected.filter((id) => rows.some((r) => r.documentId === id && sendable(r)));
  const send = () =>
    act.run(async () => {
      const p = await call('filing:send', { documentIds: chosen });
      downloadExported({ fileName: p.fileName, mime: PACKAGE_MIME, dataBase64: p.dataBase64, pages: null, warnings: [] });
      setSelected([]);
      list.reload();
      stats.reload();
    });
  const report = (format: 'docx' | 'pdf') => act.run(async () => downloadExported(await call('filing:report', { documentIds: chosen, format })));
  return (
    <Stack gap="md">
      <Panel title="报备情况">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Group align="flex-end">
            <TextInput label="公布日期自" value={from} onChange={(e) => setFrom(e.currentTarget.value)} w={140} />
            <TextInput label="至" value={to} onChange={(e) => setTo(e.currentTarget.value)} w={140} />
          </Group>
          {stats.data && (
            <Group gap="xl" data-testid="filing-stats">
              <Stack gap={0}>
                <Text size="xs" c="dimmed">应报备</Text>
                <Text fw={700}>{stats.data.expected} 件</Text>
              </Stack>
              <Stack gap={0}>
                <Text size="xs" c="dimmed">报备率</Text>
                <Text fw={700}>{pct(stats.data.filingRate)}</Text>
              </Stack>
              <Stack gap={0}>
                <Text size="xs" c="dimmed">报备及时率</Text>
                <Text fw={700}>{pct(stats.data.timelyRate)}</Text>
              </Stack>
            </Group>
          )}
        </SimpleGrid>
        <ErrorAlert message={stats.error} />
      </Panel>
      <Group justify="space-between">
        <SegmentedControl value={show} onChange={(v) => setShow(v as Show)} data={SHOW.map((s) => ({ ...s }))} />
        <Group>
          <Button variant="default" disabled={!chosen.length} onClick={() => report('docx')}>备案报告（DOCX）</Button>
          <Button variant="default" disabled={!chosen.length} onClick={() => report('pdf')}>备案报告（PDF）</Button>
          <Button disabled={!chosen.length} loading={act.busy} onClick={send}>
            报送备案{chosen.length ? `（${chosen.length}件）` : ''}
          </Button>
        </Group>
      </Group>
      <ErrorAlert message={act.error ?? list.error} />
      <Table striped highlightOnHover fz="sm" data-testid="filing-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={32} />
            <Table.Th>文件名称</Table.Th>
            <Table.Th w={180}>文号</Table.Th>
            <Table.Th w={100}>公布日期</Table.Th>
            <Table.Th w={100}>报备期限</Table.Th>
            <Table.Th w={160}>状态</Table.Th>
            <Table.Th w={90}>材料</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.documentId}>
              <Table.Td>
                <Checkbox
                  aria-label={`选择《${r.title}》`}
                  disabled={!sendable(r)}
                  checked={selected.includes(r.documentId)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setSelected((s) => (on ? [...s, r.documentId] : s.filter((x) => x !== r.documentId)));
                  }}
                />
              </Table.Td>
              <Table.Td>
                <a href={`#/documents/${encodeURIComponent(r.documentId)}`}>{r.title}</a>
                {r.answerNote && (
                  <Text size="xs" c="orange.8" style={{ whiteSpace: 'pre-wrap' }}>
                    {r.receiver ? `${r.receiver}：` : ''}
                    {r.state === 'correction' && r.correctionDue ? `请于${r.correctionDue}前补正。` : ''}
                    {r.answerNote}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.docNumber ?? ''}</Table.Td>
              <Table.Td>{r.published}</Table.Td>
              <Table.Td>{r.due}</Table.Td>
              <Table.Td>
                <StateBadge row={r} />
                {r.registrationNumber && <Text size="xs">登记编号 {r.registrationNumber}</Text>}
              </Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="light" onClick={() => setMaterials(r)}>
                  {r.materials.length} 份
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!list.loading && rows.length === 0 && <Text c="dimmed">没有{SHOW.find((s) => s.value === show)!.label === '全部' ? '需报备的规范性文件' : `“${SHOW.find((s) => s.value === show)!.label}”的文件`}。</Text>}
      {materials && (
        <MaterialsDialog
          row={materials}
          onClose={() => setMaterials(null)}
          onChanged={(r) => {
            setMaterials(r);
            list.reload();
          }}
        />
      )}
    </Stack>
  );
}

import { Anchor, Badge, Button, Group, Modal, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { REVIEW_DECISIONS, type ReviewRow } from '../../../shared/contract/filing';
import { useCall } from '../api/CallProvider';
import { useAction } from '../api/use-action';
import { useRequest } from '../api/use-request';
import { downloadExported } from '../common/download';
import { ErrorAlert } from '../common/ErrorAlert';
import { Panel } from '../common/Panel';

const PACKAGE_MIME = 'application/octet-stream';
const STATE_COLORS: Record<ReviewRow['state'], string> = { received: 'blue', registered: 'cyan', correction: 'orange', refused: 'red', reviewed: 'green' };

/** One queue entry: register, ask for 补正 or refuse; notes (上位法依据, 问题, 建议) and the decision. */
function ReviewDialog({ row, onClose, onChanged }: { row: ReviewRow; onClose: () => void; onChanged: (r: ReviewRow) => void }) {
  const call = useCall();
  const act = useAction();
  const [number, setNumber] = useState('');
  const [reason, setReason] = useState('');
  const [due, setDue] = useState('');
  const [notes, setNotes] = useState({ basis: row.basis, problems: row.problems, suggestions: row.suggestions });
  const [decision, setDecision] = useState<(typeof REVIEW_DECISIONS)[number]>(row.decision ?? '无异议');
  const done = (p: Promise<ReviewRow>) => act.run(async () => onChanged(await p));
  return (
    <Modal opened onClose={onClose} title={`《${row.title}》`} size="xl">
      <Stack gap="sm">
        <Text size="sm">
          {row.sender} · {row.docNumber ?? '无文号'} · 公布 {row.published ?? '—'} · 第{row.round}次报送，{row.receivedOn} 收到 · 审查期限 {row.reviewDue ?? '—'}
        </Text>
        <Text size="sm">
          材料：
          {row.materials.length === 0 && '无'}
          {row.materials.map((m, i) => (
            <span key={m.id}>
              {i > 0 && '、'}
              {m.kind}（<Anchor component="button" fz="sm" onClick={() => act.run(async () => downloadExported(await call('filing:material-file', { id: m.id })))}>{m.name}</Anchor>）
            </span>
          ))}
        </Text>
        <Group gap="xs">
          {row.documentId && <Anchor href={`#/documents/${encodeURIComponent(row.documentId)}`} size="sm" onClick={onClose}>查看正文</Anchor>}
          <Badge color={STATE_COLORS[row.state]}>{row.stateLabel}</Badge>
          {row.registrationNumber && <Text size="sm">登记编号 {row.registrationNumber}</Text>}
          {row.state === 'correction' && <Text size="sm">补正期限 {row.correctionDue}：{row.correctionReason}</Text>}
        </Group>
        {row.state === 'received' && (
          <Stack gap="xs">
            <Group align="flex-end">
              <TextInput label="登记编号（留空自动编号）" value={number} onChange={(e) => setNumber(e.currentTarget.value)} w={220} />
              <Button onClick={() => done(call('review:register', { id: row.id, registrationNumber: number || undefined }))} loading={act.busy}>
                予以备案登记
              </Button>
            </Group>
            <Textarea label="补正内容 / 不予备案理由" value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
            <Group align="flex-end">
              <TextInput label="补正期限（YYYY-MM-DD）" value={due} onChange={(e) => setDue(e.currentTarget.value)} w={200} />
              <Button color="orange" variant="light" onClick={() => done(call('review:correction', { id: row.id, reason, due }))}>
                暂缓备案，限期补正
              </Button>
              <Button color="red" variant="light" onClick={() => done(call('review:refuse', { id: row.id, reason }))}>
                不予备案
              </Button>
            </Group>
          </Stack>
        )}
        {(row.state === 'registered' || row.state === 'reviewed') && (
          <Stack gap="xs">
            <Textarea label="上位法依据" value={notes.basis} onChange={(e) => setNotes({ ...notes, basis: e.currentTarget.value })} autosize minRows={2} />
            <Textarea label="存在的问题" value={notes.problems} onChange={(e) => setNotes({ ...notes, problems: e.currentTarget.value })} autosize minRows={2} />
            <Textarea label="审查建议" value={notes.suggestions} onChange={(e) => setNotes({ ...notes, suggestions: e.currentTarget.value })} autosize minRows={2} />
            <Group align="flex-end">
              <Button variant="default" onClick={() => done(call('review:notes', { id: row.id, ...notes }))}>
                保存审查记录
              </Button>
              <Select label="审查结论" data={[...REVIEW_DECISIONS]} value={decision} onChange={(v) => v && setDecision(v as typeof decision)} allowDeselect={false} w={140} />
              <Button onClick={() => done(call('review:notes', { id: row.id, ...notes }).then(() => call('review:decide', { id: row.id, decision })))}>
                作出结论
              </Button>
            </Group>
          </Stack>
        )}
        <ErrorAlert message={act.error} />
      </Stack>
    </Modal>
  );
}

/** The quarter's 备案目录: exported as DOCX/PDF/XLSX, or added to a draft gazette issue as a section. */
function CatalogPanel() {
  const call = useCall();
  const now = new Date();
  const [year, setYear] = useState(String(now.getFullYear()));
  const [quarter, setQuarter] = useState(String(Math.floor(now.getMonth() / 3) + 1));
  const [issue, setIssue] = useState<string | null>(null);
  const issues = useRequest('gazettes:list', {});
  const act = useAction();
  const q = { year: Number(year), quarter: Number(quarter) as 1 | 2 | 3 | 4 };
  const drafts = (issues.data ?? []).filter((i) => i.state === 'draft').map((i) => ({ value: i.id, label: `${i.title} ${i.label ?? ''}` }));
  const [added, setAdded] = useState(false);
  return (
    <Panel title="备案目录（按季度）">
      <Group align="flex-end">
        <TextInput label="年份" value={year} onChange={(e) => setYear(e.currentTarget.value)} w={90} />
        <Select label="季度" data={['1', '2', '3', '4'].map((v) => ({ value: v, label: `第${'一二三四'[Number(v) - 1]}季度` }))} value={quarter} onChange={(v) => v && setQuarter(v)} allowDeselect={false} w={120} />
        {(['docx', 'pdf', 'xlsx'] as const).map((format) => (
          <Button key={format} variant="default" onClick={() => act.run(async () => downloadExported(await call('review:catalog-export', { ...q, format })))}>
            {format.toUpperCase()}
          </Button>
        ))}
        <Select label="加入公报期次（草稿）" data={drafts} value={issue} onChange={setIssue} placeholder={drafts.length ? '选择期次' : '没有草稿期次'} w={260} />
        <Button disabled={!issue} onClick={() => act.run(async () => {
          await call('review:catalog-to-issue', { ...q, issueId: issue! });
          setAdded(true);
        })}>
          加入“备案目录”栏目
        </Button>
      </Group>
      {added && <Text size="sm" c="green">已加入公报期次。</Text>}
      <ErrorAlert message={act.error} />
    </Panel>
  );
}

/** 备案审查 (receiving side): the queue from lower offices, the answers to each sender, the quarterly catalogue. */
export function ReviewTab() {
  const call = useCall();
  const list = useRequest('review:list', {});
  const [open, setOpen] = useState<ReviewRow | null>(null);
  const act = useAction();
  const rows = list.data ?? [];
  const senders = [...new Set(rows.filter((r) => r.unanswered && r.state !== 'received').map((r) => r.sender))];
  const answer = (sender: string) =>
    act.run(async () => {
      const p = await call('review:answer', { sender });
      downloadExported({ fileName: p.fileName, mime: PACKAGE_MIME, dataBase64: p.dataBase64, pages: null, warnings: [] });
      list.reload();
    });
  return (
    <Stack gap="md">
      <Group>
        {senders.map((s) => (
          <Button key={s} variant="light" onClick={() => answer(s)} loading={act.busy}>
            生成给“{s}”的答复包
          </Button>
        ))}
        {senders.length === 0 && <Text size="sm" c="dimmed">收到的报备文件通过“数据包”导入；登记、补正或作出结论后，可在此生成答复包。</Text>}
      </Group>
      <ErrorAlert message={act.error ?? list.error} />
      <Table striped highlightOnHover fz="sm" data-testid="review-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>文件名称</Table.Th>
            <Table.Th w={150}>文号</Table.Th>
            <Table.Th w={170}>报送机关</Table.Th>
            <Table.Th w={100}>收到日期</Table.Th>
            <Table.Th w={100}>审查期限</Table.Th>
            <Table.Th w={170}>状态</Table.Th>
            <Table.Th w={70} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                {r.title}
                {r.round > 1 && <Text span size="xs" c="dimmed">（第{r.round}次报送）</Text>}
              </Table.Td>
              <Table.Td>{r.docNumber ?? ''}</Table.Td>
              <Table.Td>{r.sender}</Table.Td>
              <Table.Td>{r.receivedOn}</Table.Td>
              <Table.Td>{r.reviewDue ?? ''}</Table.Td>
              <Table.Td>
                <Badge color={STATE_COLORS[r.state]}>{r.stateLabel}</Badge>
                {r.unanswered && r.state !== 'received' && <Text size="xs" c="dimmed">尚未答复</Text>}
              </Table.Td>
              <Table.Td>
                <Button size="compact-xs" onClick={() => setOpen(r)}>处理</Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!list.loading && rows.length === 0 && <Text c="dimmed">备案审查队列为空。</Text>}
      <CatalogPanel />
      {open && <ReviewDialog row={open} onClose={() => setOpen(null)} onChanged={(r) => { setOpen(r); list.reload(); }} />}
    </Stack>
  );
}

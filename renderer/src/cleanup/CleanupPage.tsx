import { ActionIcon, Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { CLEANUP_DECISIONS, CleanupInput, type ExportFormat } from '../../../shared/contract/export';
import { fieldName } from '../../../shared/contract/issues';
import { useCall } from '../api/CallProvider';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../common/ErrorAlert';
import { dateFieldError, parseTypedDate } from '../common/typed-date';
import { Panel } from '../common/Panel';
import { ExportButtons } from '../common/ExportButtons';
import { ExportDialog } from '../common/ExportDialog';
import { displayDocNumber, todayIso } from '../common/format';

type Item = CleanupInput['items'][number];
type Decision = Item['decision'];

/** A JSON file's text → a cleanup list, or the first problem in Chinese. */
export function parseCleanupJson(text: string): { input: CleanupInput } | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { error: '不是有效的 JSON 文件' };
  }
  const parsed = CleanupInput.safeParse(raw);
  if (parsed.success) return { input: parsed.data };
  const issue = parsed.error.issues[0];
  // The Chinese name for the clerk, the JSON path for whoever wrote the file.
  const where = issue.path.length ? `${fieldName(issue.path)}（${issue.path.join('.')}）` : '文件';
  return { error: `JSON 内容不符合清理结果格式：${where}${issue.message}` };
}

/** 清理结果: builds the result notice and its annex lists, from library documents or a JSON file, and exports it. */
export function CleanupPage() {
  const call = useCall();
  const fileRef = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('关于公布行政规范性文件清理结果的通知');
  const [issuer, setIssuer] = useState('');
  const [docNumber, setDocNumber] = useState('');
  const [date, setDate] = useState(todayIso());
  const [body, setBody] = useState('');
  const [items, setItems] = useState<Array<Item & { label: string }>>([]);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const found = useRequest('documents:list', q.trim() ? { q: q.trim(), limit: 30 } : null);

  const input: CleanupInput = {
    title: title.trim(),
    issuer: issuer.trim(),
    docNumber: docNumber.trim() || null,
    addressee: null,
    body: body.split('\n').map((p) => p.trim()).filter(Boolean),
    date: parseTypedDate(date) ?? date,
    items: items.map(({ label: _l, ...it }) => it),
  };
  const problems = [
    !input.title && '请填写通知标题',
    !input.issuer && '请填写发文机关',
    dateFieldError('成文日期', date, true),
    !items.length && '请至少添加一件文件',
  ].filter(Boolean) as string[];

  const add = (id: string | null) => {
    const row = found.data?.rows.find((r) => r.id === id);
    if (!row || items.some((i) => i.documentId === row.id)) return;
    setItems((prev) => [...prev, { documentId: row.id, decision: '继续有效', reason: '', label: row.title, docNumber: row.docNumber }]);
    setSearch('');
  };
  const setItem = (i: number, patch: Partial<Item>) => setItems((prev) => prev.map((it, j) => (j === i ? { ...it, ...patch } : it)));

  const loadJson = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    const res = parseCleanupJson(await file.text());
    if ('error' in res) return setError(res.error);
    const c = res.input;
    setTitle(c.title);
    setIssuer(c.issuer);
    setDocNumber(c.docNumber ?? '');
    setDate(c.date);
    setBody(c.body.join('\n'));
    setItems(c.items.map((it) => ({ ...it, label: it.title ?? it.documentId ?? '（未命名）' })));
  };

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between">
        <Title order={2} size="h3" className="nd-page-title">
          清理结果
        </Title>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => fileRef.current?.click()}>
            载入 JSON…
          </Button>
          <input ref={fileRef} type="file" accept=".json,application/json" style={{ display: 'none' }} aria-label="载入清理结果 JSON" onChange={(e) => {
            void loadJson(e.currentTarget.files?.[0]);
            e.currentTarget.value = '';
          }} />
        </Group>
      </Group>
      <ErrorAlert message={error} title="JSON 文件未能载入" onClose={() => setError(null)} />
      <Paper withBorder p="md">
        <Stack gap="sm">
          <TextInput label="通知标题" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
          <SimpleGrid cols={3}>
            <TextInput label="发文机关" placeholder="如 高青县人民政府" value={issuer} onChange={(e) => setIssuer(e.currentTarget.value)} />
            <TextInput label="文号" placeholder="如 高政字〔2021〕60号" value={docNumber} onChange={(e) => setDocNumber(e.currentTarget.value)} />
            <TextInput label="成文日期" placeholder="如 2021-06-30" value={date} onChange={(e) => setDate(e.currentTarget.value)} error={dateFieldError('成文日期', date)} />
          </SimpleGrid>
          <Textarea label="通知正文（可空，空则使用标准表述；每行一段）" autosize minRows={2} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
        </Stack>
      </Paper>
      <Panel title={`清理文件（${items.length} 件）`}>
        <Select
          label="从文件库添加"
          placeholder="输入标题或文号查找"
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          data={(found.data?.rows ?? []).map((r) => ({ value: r.id, label: `${r.docNumber ? displayDocNumber(r.docNumber) + ' ' : ''}${r.title}` }))}
          filter={({ options }) => options}
          value={null}
          onChange={add}
          nothingFoundMessage={q.trim() ? '没有找到' : '请输入关键词'}
          mb="sm"
        />
        {items.length > 0 && (
          <Table fz="sm" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>序号</Table.Th>
                <Table.Th>文件名称</Table.Th>
                <Table.Th w={160}>文号</Table.Th>
                <Table.Th w={130}>处理意见</Table.Th>
                <Table.Th>理由</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((it, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>{it.label}</Table.Td>
                  <Table.Td>{displayDocNumber(it.docNumber)}</Table.Td>
                  <Table.Td>
                    <Select size="xs" data={[...CLEANUP_DECISIONS]} value={it.decision} allowDeselect={false} onChange={(v) => v && setItem(i, { decision: v as Decision })} aria-label="处理意见" />
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="xs" value={it.reason} placeholder="如：上位法已修改" onChange={(e) => setItem(i, { reason: e.currentTarget.value })} aria-label="理由" />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" aria-label="移除" onClick={() => setItems((prev) => prev.filter((_, j) => j !== i))}>
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Panel>
      {problems.length > 0 && items.length > 0 && (
        <Alert color="yellow" variant="light">
          {problems.join('；')}
        </Alert>
      )}
      <Group>
        <ExportButtons onPick={setExporting} disabled={problems.length > 0} />
        {problems.length > 0 && (
          <Text size="sm" c="dimmed">
            {problems[0]}
          </Text>
        )}
      </Group>
      <ExportDialog format={exporting} subject={input.title} run={(format) => call('export:cleanup', { input, format })} onClose={() => setExporting(null)} />
    </Stack>
  );
}

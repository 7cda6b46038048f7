import { Alert, Anchor, Badge, Button, Group, List, Stack, Table, Text, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import type { Res } from '../../../shared/contract';
import { errorMessage } from '../api/call';
import { useCall } from '../api/CallProvider';
import { ErrorAlert } from '../common/ErrorAlert';
import { displayDocNumber } from '../common/format';
import { readAsBase64 } from '../import/read-file';
import { DECISION_COLORS } from './decision-colors';

type Matches = Res<'cleanup:match-result'>;
type Applied = Res<'cleanup:apply-published'>;

/**
 * A cleanup result published elsewhere: the annex lists read from its text, matched to the library, and applied
 * as a completed campaign (rows not found are listed, never guessed).
 */
export function PublishedImport() {
  const call = useCall();
  const fileRef = useRef<HTMLInputElement>(null);
  const [matches, setMatches] = useState<Matches | null>(null);
  const [name, setName] = useState('');
  const [docNumber, setDocNumber] = useState('');
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Applied | null>(null);
  const [busy, setBusy] = useState(false);

  const read = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setMatches(null);
    setDone(null);
    setBusy(true);
    try {
      const [parsed] = await call('import:parse', { files: [{ name: file.name, dataBase64: await readAsBase64(file) }] });
      if (parsed.error) throw new Error(parsed.error);
      const notice = parsed.documents.find((d) => d.cleanup?.items.length);
      if (!notice?.cleanup) return setError(`“${file.name}”中没有找到印有清理结果目录（继续有效、修改、废止、宣布失效）的通知`);
      setName(notice.title);
      setDocNumber(notice.docNumber?.normalized ?? '');
      setDate(notice.dateSigned ?? '');
      setMatches(await call('cleanup:match-result', { items: notice.cleanup.items }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const apply = async () => {
    if (!matches) return;
    setError(null);
    try {
      setDone(await call('cleanup:apply-published', { name, docNumber, date, items: matches.map(({ decision, title, docNumber: n }) => ({ decision, title, docNumber: n })) }));
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const found = matches?.filter((m) => m.documentId).length ?? 0;
  return (
    <Stack gap="sm">
      <Group>
        <Button variant="default" loading={busy} onClick={() => fileRef.current?.click()}>
          选择清理结果通知（.txt/.docx/.pdf）…
        </Button>
        <input ref={fileRef} type="file" accept=".txt,.docx,.pdf" style={{ display: 'none' }} aria-label="选择清理结果通知" onChange={(e) => {
          void read(e.currentTarget.files?.[0]);
          e.currentTarget.value = '';
        }} />
      </Group>
      <ErrorAlert message={error} onClose={() => setError(null)} />
      {matches && !done && (
        <>
          <Group grow>
            <TextInput label="清理项目名称" value={name} onChange={(e) => setName(e.currentTarget.value)} />
            <TextInput label="通知文号" value={docNumber} onChange={(e) => setDocNumber(e.currentTarget.value)} />
            <TextInput label="公布日期" placeholder="YYYY-MM-DD" value={date} onChange={(e) => setDate(e.currentTarget.value)} />
          </Group>
          <Text size="sm">
            目录共 {matches.length} 行，文件库中找到 {found} 件，未找到 {matches.length - found} 件（未找到的不会应用）。
          </Text>
          <Table fz="sm" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>决定</Table.Th>
                <Table.Th>文件名称</Table.Th>
                <Table.Th>文号</Table.Th>
                <Table.Th>文件库中</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {matches.map((m, i) => (
                <Table.Tr key={i}>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={DECISION_COLORS[m.decision]}>
                      {m.decision}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{m.title ?? ''}</Table.Td>
                  <Table.Td>{displayDocNumber(m.docNumber)}</Table.Td>
                  <Table.Td>{m.documentId ? <Anchor href={`#/documents/${m.documentId}`} size="sm">{m.matchedTitle}</Anchor> : <Text size="sm" c="orange">未找到</Text>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group>
            <Button color="red" disabled={!found || !docNumber.trim() || !/^\d{4}-\d{2}-\d{2}$/.test(date)} onClick={() => void apply()}>
              作为已完成的清理应用到文件库
            </Button>
          </Group>
        </>
      )}
      {done && (
        <Alert color="green" title="已应用">
          <Text size="sm">
            已建立并公布清理项目 <Anchor href={`#/cleanup/${done.campaign.id}`}>{done.campaign.name}</Anchor>（{done.campaign.total} 件）。
          </Text>
          {done.notFound.length > 0 && (
            <List size="sm">
              {done.notFound.map((n, i) => (
                <List.Item key={i}>
                  未找到：{n.title ?? ''} {displayDocNumber(n.docNumber)}（{n.decision}）
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Stack>
  );
}

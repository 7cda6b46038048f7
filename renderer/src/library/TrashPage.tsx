import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { TrashEntry } from '../../../shared/contract/oversight';
import { errorMessage } from '../api/call';
import { useCall } from '../api/CallProvider';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../common/ErrorAlert';
import { cnDateTime, displayDocNumber } from '../common/format';
import { backToLibraryHref } from './url-filters';
import { GuardedButton } from '../accounts/Allowed';

const restored = (r: TrashEntry) => (r.kind === 'issue' ? `已恢复${r.title}及其目录，其中的文件仍在文件库中。` : `已恢复《${r.title}》及其关系。`);

/** 回收站: deleted documents and gazette issues, each restorable whole; the trash can be emptied for good. */
export function TrashPage() {
  const call = useCall();
  const list = useRequest('trash:list', {});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const act = async (fn: () => Promise<string>) => {
    setError(null);
    setNotice(null);
    try {
      setNotice(await fn());
      list.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const rows = list.data ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3" className="nd-page-title">回收站</Title>
        <Group gap="xs">
          <Anchor href={backToLibraryHref()} size="sm">← 返回文件库</Anchor>
          <GuardedButton
            channel="trash:empty"
            size="xs"
            color="red"
            variant="light"
            disabled={!rows.length}
            onClick={() => {
              if (window.confirm(`永久删除回收站中的 ${rows.length} 项（文件或公报期次）？此操作无法撤销。`)) {
                void act(async () => `已永久删除 ${(await call('trash:empty', {})).count} 项。`);
              }
            }}
          >
            清空回收站
          </GuardedButton>
        </Group>
      </Group>
      <ErrorAlert message={list.error ?? error} title="操作未完成" />
      {notice && <Text size="sm" c="green.8" role="status">{notice}</Text>}
      {list.data && rows.length === 0 && <Text c="dimmed">回收站是空的。删除的文件和公报期次会先放在这里，可以恢复。</Text>}
      {rows.length > 0 && (
        <Table striped aria-label="回收站">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>类别</Table.Th>
              <Table.Th>文号</Table.Th>
              <Table.Th>标题</Table.Th>
              <Table.Th>删除时间</Table.Th>
              <Table.Th>删除人</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.kind === 'issue' ? '公报期次' : '文件'}</Table.Td>
                <Table.Td>{displayDocNumber(r.docNumber) || '—'}</Table.Td>
                <Table.Td>{r.title}</Table.Td>
                <Table.Td>{cnDateTime(r.deletedAt)}</Table.Td>
                <Table.Td>{r.deletedBy}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => void act(async () => (await call('trash:restore', { id: r.id, kind: r.kind }), restored(r)))}>
                    恢复
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

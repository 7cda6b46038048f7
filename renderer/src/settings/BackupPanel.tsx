import { Alert, Button, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { BackupEntry, RestoreResult } from '../../../shared/contract/backup';
import { errorMessage } from '../api/call';
import { useCall } from '../api/CallProvider';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../common/ErrorAlert';
import { Panel } from '../common/Panel';
import { cnDateTime, countDocs } from '../common/format';

const KINDS: Record<BackupEntry['kind'], string> = {
  auto: '每日自动',
  manual: '手动',
  'pre-migration': '升级前',
  other: '外部复制',
};

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * 设置 → 备份与恢复: the backups in the data directory, 立即备份, and 恢复 from one of them. Restore picks from
 * this list in both shells: in browser mode the server cannot read the person's disk, and a library is too large
 * for an upload through the API; a backup kept elsewhere is copied into the folder shown (or restored with the CLI).
 */
export function BackupPanel({ onRestored }: { onRestored: (r: RestoreResult) => void }) {
  const call = useCall();
  const list = useRequest('backup:list', {});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<BackupEntry | null>(null);

  const backupNow = async () => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const e = await call('backup:now', {});
      setNotice(`已备份 ${countDocs(e.documents ?? 0)}（${size(e.bytes)}），已校验：${e.name}`);
      list.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const restore = async (entry: BackupEntry) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const r = await call('backup:restore', { name: entry.name });
      setConfirm(null);
      setNotice(`已从 ${cnDateTime(entry.createdAt)} 的备份恢复 ${countDocs(r.documents)}。原文件库保存在：${r.asideDir}`);
      list.reload();
      onRestored(r);
    } catch (err) {
      setConfirm(null);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel title="备份与恢复">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          每天第一次启动时和数据库升级前自动备份，保留 {list.data?.retentionDays ?? 30} 天（可在“选项”中修改）。恢复前会校验备份，当前文件库另存到数据目录中带时间的文件夹，不会丢失。
          {list.data?.dir ? ` 备份文件夹：${list.data.dir}（其他位置的备份文件复制到这里即可在此恢复，或使用命令 normdesk restore --from 文件）。` : ''}
        </Text>
        <ErrorAlert message={list.error} title="无法读取备份列表" />
        <ErrorAlert message={error} title="操作未完成" onClose={() => setError(null)} />
        {notice && (
          <Alert color="green" withCloseButton onClose={() => setNotice(null)}>
            {notice}
          </Alert>
        )}
        <Group>
          <Button onClick={backupNow} loading={busy && !confirm}>
            立即备份
          </Button>
        </Group>
        {list.loading && !list.data && <Loader size="sm" />}
        {list.data && list.data.entries.length === 0 && <Text c="dimmed">还没有备份。</Text>}
        {list.data && list.data.entries.length > 0 && (
          <Table fz="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>时间</Table.Th>
                <Table.Th>类型</Table.Th>
                <Table.Th>大小</Table.Th>
                <Table.Th>文件数</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.entries.map((e) => (
                <Table.Tr key={e.name} data-testid="backup-row">
                  <Table.Td title={e.name}>{cnDateTime(e.createdAt)}</Table.Td>
                  <Table.Td>{KINDS[e.kind]}</Table.Td>
                  <Table.Td>{size(e.bytes)}</Table.Td>
                  <Table.Td c={e.problem ? 'red' : undefined}>{e.problem ?? (e.documents === null ? '—' : countDocs(e.documents))}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" color="orange" disabled={!!e.problem || busy} onClick={() => setConfirm(e)} aria-label={`恢复 ${e.name}`}>
                      恢复
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Modal opened={!!confirm} onClose={() => !busy && setConfirm(null)} title="从备份恢复">
        {confirm && (
          <Stack gap="sm">
            <Text size="sm">
              用 {cnDateTime(confirm.createdAt)} 的备份（{confirm.documents === null ? '' : countDocs(confirm.documents)}）替换当前文件库？
              此后的修改将不在恢复后的文件库中；当前文件库会完整另存到数据目录中的 before-restore-（时间）文件夹。
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirm(null)} disabled={busy}>
                取消
              </Button>
              <Button color="orange" loading={busy} onClick={() => restore(confirm)}>
                确认恢复
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Panel>
  );
}

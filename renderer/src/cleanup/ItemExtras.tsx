import { Button, Group, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { CampaignItem } from '../../../shared/contract/cleanup';
import { errorMessage } from '../api/call';
import { useCall } from '../api/CallProvider';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../common/ErrorAlert';
import { displayDocNumber } from '../common/format';

/**
 * Beside a decision: the amending document of a 修改 (its status becomes 已修改 once linked and published), and
 * taking the document out of the campaign with a recorded reason.
 */
export function ItemExtras({ campaignId, item, published, onChanged }: { campaignId: string; item: CampaignItem; published: boolean; onChanged: () => void }) {
  const call = useCall();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useRequest('documents:list', q.trim() ? { q: q.trim(), limit: 20 } : null);
  const amending = useRequest('documents:get', item.amendedBy ? { id: item.amendedBy } : null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <>
      {item.decision === '修改' && (
        <Group gap="xs" align="end">
          <Select
            size="xs"
            label={item.amendedBy ? `修改文件：${amending.data?.document.title ?? ''}` : '修改文件（关联后，公布时该文件状态为“已修改”）'}
            placeholder="输入标题或文号查找修改文件"
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            data={(found.data?.rows ?? []).filter((r) => r.id !== item.documentId).map((r) => ({ value: r.id, label: `${displayDocNumber(r.docNumber)} ${r.title}` }))}
            filter={({ options }) => options}
            value={null}
            onChange={(v) => v && void run(() => call('cleanup:link-amendment', { id: campaignId, documentId: item.documentId, amendingId: v }))}
            nothingFoundMessage={q.trim() ? '没有找到' : '请输入关键词'}
            style={{ flex: 1 }}
          />
          {!item.amendedBy && published && (
            <Text size="xs" c="orange">
              尚未关联修改文件
            </Text>
          )}
        </Group>
      )}
      {!published && (
        <Group gap="xs" align="end">
          <TextInput size="xs" label="移出清理范围" placeholder="移出理由（必填，将记录）" value={reason} onChange={(e) => setReason(e.currentTarget.value)} style={{ flex: 1 }} />
          <Button size="xs" variant="default" disabled={!reason.trim()} onClick={() => void run(() => call('cleanup:scope-remove', { id: campaignId, documentId: item.documentId, reason }).then(() => setReason('')))}>
            移出
          </Button>
        </Group>
      )}
      <ErrorAlert message={error} onClose={() => setError(null)} />
    </>
  );
}

import { Autocomplete, Badge, Button, Checkbox, Group, MultiSelect, Paper, Progress, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { CAMPAIGN_STATE_LABELS } from '../../../shared/contract/cleanup';
import { errorMessage } from '../api/call';
import { useCall } from '../api/CallProvider';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../common/ErrorAlert';
import { dateFieldError, parseTypedDate } from '../common/typed-date';
import { cnDate, displayDocNumber } from '../common/format';
import { navigate } from '../shell/router';
import { useAllowed } from '../accounts/Allowed';
import { CleanupPage } from './CleanupPage';
import { PublishedImport } from './PublishedImport';
import { ReasonsEditor } from './ReasonsEditor';
import { ReviewPage } from './ReviewPage';

/** Documents a consistency check found, carried into a new campaign (“以这些文件发起清理…”). */
export interface FromCheck {
  check: string;
  asOf: string | null;
}

/** The documents of one check as of its day, for the form to show and take as its scope. */
function useCheckDocuments(from: FromCheck | null) {
  const report = useRequest('oversight:checks', from ? (from.asOf ? { asOf: from.asOf } : {}) : null);
  const check = from ? report.data?.checks.find((c) => c.id === from.check) : undefined;
  // one document may be found more than once (several reasons): take it once
  const documents = check ? [...new Map(check.documents.map((d) => [d.id, d])).values()] : [];
  return { check, documents, loading: report.loading, error: report.error };
}

/** The form that starts a campaign: name, basis, cut-off and the filters its scope is frozen from. */
function CreateCampaign({ onCreated, fromCheck }: { onCreated: (id: string) => void; fromCheck: FromCheck | null }) {
  const call = useCall();
  const found = useCheckDocuments(fromCheck);
  const [useFound, setUseFound] = useState(true);
  const carried = fromCheck && useFound ? found.documents : null;
  const options = useRequest('documents:list', { limit: 1 });
  const [name, setName] = useState('');
  const [basis, setBasis] = useState('');
  const [basisTitle, setBasisTitle] = useState('');
  const [organizer, setOrganizer] = useState('');
  const [cutoff, setCutoff] = useState('');
  const [issuers, setIssuers] = useState<string[]>([]);
  const [normativeOnly, setNormativeOnly] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const cutoffError = dateFieldError('截止日期', cutoff);
  const problem = !name.trim() ? '请填写清理名称' : !cutoff.trim() ? '请填写截止日期' : cutoffError;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const scope = { issuers, normativeOnly, ...(carried ? { documentIds: carried.map((d) => d.id) } : {}) };
      const c = await call('cleanup:create', { name, basisDocNumber: basis, basisTitle, organizer, cutoff: parseTypedDate(cutoff) ?? cutoff, scope });
      onCreated(c.id);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h5">
          新建清理
        </Title>
        <SimpleGrid cols={2}>
          <TextInput label="清理名称" placeholder="如 2021年行政规范性文件清理" value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <TextInput label="截止日期" description="此日及以前成文、当日仍有效的文件纳入清理" placeholder="如 2021-06-30" value={cutoff} onChange={(e) => setCutoff(e.currentTarget.value)} error={cutoffError} />
          <TextInput label="清理依据文号" placeholder="如 鲁司〔2020〕66号" value={basis} onChange={(e) => setBasis(e.currentTarget.value)} />
          <TextInput label="清理依据标题" placeholder="上级关于开展清理工作的通知" value={basisTitle} onChange={(e) => setBasisTitle(e.currentTarget.value)} />
          <Autocomplete
            label="组织清理的机关"
            description="清理结果通知默认以此机关名义发布（公布时可改）"
            placeholder="如 招远市人民政府"
            data={options.data?.options.issuers ?? []}
            value={organizer}
            onChange={setOrganizer}
          />
        </SimpleGrid>
        <MultiSelect
          label="制定机关（不选则为全部）"
          data={options.data?.options.issuers ?? []}
          value={issuers}
          onChange={setIssuers}
          searchable
          clearable
        />
        <Checkbox label="只清理行政规范性文件（不含任免等非规范性文件）" checked={normativeOnly} onChange={(e) => setNormativeOnly(e.currentTarget.checked)} />
        {fromCheck && (
          <Paper withBorder p="sm" bg="blue.0" data-testid="carried-documents">
            <ErrorAlert message={found.error} title="检查结果未能载入" />
            {found.loading && <Text size="sm">正在载入检查结果…</Text>}
            {found.check && (
              <Stack gap={4}>
                <Checkbox
                  checked={useFound}
                  onChange={(e) => setUseFound(e.currentTarget.checked)}
                  label={`只纳入检查“${found.check.title}”发现的 ${found.documents.length} 件文件${fromCheck.asOf ? `（状态截至 ${cnDate(fromCheck.asOf)}）` : ''}（仍按上面的截止日期和条件筛选）`}
                />
                <Text size="xs" c="dimmed" lineClamp={3}>
                  {found.documents.map((d) => `《${d.title}》${d.docNumber ? displayDocNumber(d.docNumber) : ''}`).join('、')}
                </Text>
              </Stack>
            )}
          </Paper>
        )}
        <ErrorAlert message={error} title="未能建立清理项目" onClose={() => setError(null)} />
        <Group>
          <Button onClick={submit} disabled={!!problem} loading={busy}>
            建立清理项目并锁定范围
          </Button>
          {problem && (
            <Text size="sm" c="dimmed">
              {problem}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** 文件清理: every campaign with its progress, the form to start one, and the review screen of one. */
export function CampaignsPage({ id, fromCheck = null }: { id: string | null; fromCheck?: FromCheck | null }) {
  const list = useRequest('cleanup:list', id ? null : {});
  const create = useAllowed('cleanup:create');
  if (id) return <ReviewPage id={id} />;
  return (
    <Stack gap="md" maw={1200}>
      <Title order={2} size="h3" className="nd-page-title">
        规范性文件清理
      </Title>
      <Tabs defaultValue="campaigns">
        <Tabs.List>
          <Tabs.Tab value="campaigns">清理项目</Tabs.Tab>
          <Tabs.Tab value="published">导入已公布的清理结果</Tabs.Tab>
          <Tabs.Tab value="reasons">标准理由</Tabs.Tab>
          <Tabs.Tab value="manual">按清单导出清理结果</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="campaigns" pt="md">
          <Stack gap="md">
            <ErrorAlert message={list.error} title="清理项目未能载入" />
            {list.data && list.data.length > 0 && (
              <Table withTableBorder highlightOnHover fz="sm" data-testid="campaign-list">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>清理名称</Table.Th>
                    <Table.Th>依据</Table.Th>
                    <Table.Th>截止日期</Table.Th>
                    <Table.Th w={220}>进度</Table.Th>
                    <Table.Th>状态</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.map((c) => (
                    <Table.Tr key={c.id} style={{ cursor: 'pointer' }} onClick={() => navigate({ name: 'cleanup', id: c.id })}>
                      <Table.Td>
                        <a href={`#/cleanup/${c.id}`}>{c.name}</a>
                      </Table.Td>
                      <Table.Td>{displayDocNumber(c.basisDocNumber)}</Table.Td>
                      <Table.Td>{cnDate(c.cutoff)}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Progress value={c.total ? (100 * c.decided) / c.total : 0} w={120} />
                          <Text size="xs">
                            {c.decided}/{c.total}
                          </Text>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={c.state === 'published' ? 'green' : 'blue'} variant="light">
                          {CAMPAIGN_STATE_LABELS[c.state]}
                          {c.noticeDocNumber ? ` ${c.noticeDocNumber}` : ''}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {list.data && list.data.length === 0 && <Text c="dimmed">还没有清理项目。填写下面的表单开始一次清理。</Text>}
            {create.allowed ? (
              <CreateCampaign fromCheck={fromCheck} onCreated={(cid) => navigate({ name: 'cleanup', id: cid })} />
            ) : (
              <Text size="sm" c="dimmed" data-refused="cleanup:create">
                新建清理：{create.reason}
              </Text>
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="published" pt="md">
          <PublishedImport />
        </Tabs.Panel>
        <Tabs.Panel value="reasons" pt="md">
          <ReasonsEditor />
        </Tabs.Panel>
        <Tabs.Panel value="manual" pt="md">
          <CleanupPage />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

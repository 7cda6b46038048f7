import { Anchor, Badge, Button, Grid, Group, Menu, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import { CAMPAIGN_STATE_LABELS, CLEANUP_DECISIONS, REASON_BEFORE_SAVE, type CampaignDetail, type CleanupDecisionValue } from '../../../shared/contract/cleanup';
import type { ExportFormat } from '../../../shared/contract/export';
import { errorMessage } from '../api/call';
import { useCall } from '../api/CallProvider';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../common/ErrorAlert';
import { ExportButtons } from '../common/ExportButtons';
import { ExportDialog } from '../common/ExportDialog';
import { Panel } from '../common/Panel';
import { cnDate, displayDocNumber } from '../common/format';
import { DECISION_COLORS } from './decision-colors';
import { DecisionPanel, type KeyedDecision } from './DecisionPanel';
import { PAGE_SIZE, ReviewList, type ListFilter } from './ReviewList';
import { PublishModal } from './PublishModal';
import { SheetsMenu } from './SheetsMenu';
import { GuardedButton } from '../accounts/Allowed';

/** Progress per decision and per issuer, scope changes with their reasons: the campaign report. */
function Progress({ c }: { c: CampaignDetail }) {
  return (
    <Paper withBorder p="sm">
      <Group gap="xs" mb="xs" data-testid="progress">
        <Text size="sm" fw={600}>
          已决定 {c.decided}/{c.total}
        </Text>
        {c.byDecision.map((d) => (
          <Badge key={d.decision} color={DECISION_COLORS[d.decision as CleanupDecisionValue] ?? 'gray'} variant="light">
            {d.decision} {d.count}
          </Badge>
        ))}
        {c.state === 'published' && c.pendingAmendments > 0 && (
          <Badge color="orange" variant="outline">
            {c.pendingAmendments} 件决定修改、尚未关联修改文件
          </Badge>
        )}
      </Group>
      <Table fz="xs" withRowBorders={false} verticalSpacing={2} w="auto">
        <Table.Tbody>
          {c.byIssuer.map((i) => (
            <Table.Tr key={i.issuer}>
              <Table.Td>{i.issuer}</Table.Td>
              <Table.Td>
                {i.decided}/{i.total}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {c.scopeChanges.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          范围变更：
          {c.scopeChanges.map((s) => `${s.change === 'add' ? '加入' : '移出'}《${s.title}》（${s.reason}，${s.actor}）`).join('；')}
        </Text>
      )}
    </Paper>
  );
}

/** Header actions: sheets, export of the notice and annexes, publish / revert. */
function Actions({ c, reload }: { c: CampaignDetail; reload: () => void }) {
  const call = useCall();
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const [reporting, setReporting] = useState<ExportFormat | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const revert = async () => {
    if (!window.confirm(`撤销“${c.name}”的公布？所有文件的状态将恢复到公布以前。`)) return;
    try {
      await call('cleanup:revert', { id: c.id });
      reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <Stack gap="xs">
      <Group gap="xs" justify="flex-end">
        <SheetsMenu id={c.id} issuers={c.byIssuer.map((i) => i.issuer)} readOnly={c.state !== 'reviewing'} onImported={reload} />
        <ExportButtons onPick={setExporting} disabled={c.decided === 0} size="xs" allLight />
        <Menu position="bottom-end">
          <Menu.Target>
            <Button size="xs" variant="default">清理情况报告 ▾</Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => setReporting('docx')}>导出报告 DOCX</Menu.Item>
            <Menu.Item onClick={() => setReporting('pdf')}>导出报告 PDF</Menu.Item>
            <Menu.Item onClick={() => setReporting('ofd')}>导出报告 OFD</Menu.Item>
          </Menu.Dropdown>
        </Menu>
        {c.state === 'reviewing' ? (
          <GuardedButton channel="cleanup:publish" size="xs" color="red" onClick={() => setPublishing(true)}>
            公布并应用…
          </GuardedButton>
        ) : (
          <GuardedButton channel="cleanup:revert" size="xs" color="gray" variant="outline" onClick={() => void revert()}>
            撤销公布
          </GuardedButton>
        )}
      </Group>
      <ErrorAlert message={error} onClose={() => setError(null)} />
      <ExportDialog format={exporting} subject={`${c.name} 清理结果`} run={(format) => call('export:cleanup', { campaignId: c.id, format })} onClose={() => setExporting(null)} />
      <ExportDialog format={reporting} subject={`${c.name}情况报告`} run={(format) => call('export:campaign-report', { campaignId: c.id, format })} onClose={() => setReporting(null)} />
      <PublishModal id={c.id} organizer={c.organizer} opened={publishing} onClose={() => setPublishing(false)} onDone={() => { setPublishing(false); reload(); }} />
    </Stack>
  );
}

/** The bulk bar: one decision and reason for every selected document. */
function BulkBar({ count, reasons, onApply, onClear }: { count: number; reasons: string[]; onApply: (d: CleanupDecisionValue, r: string) => void; onClear: () => void }) {
  const [decision, setDecision] = useState<string | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  return (
    <Group gap="xs" p="xs" bg="var(--mantine-color-blue-light)" data-testid="bulk-bar">
      <Text size="sm">已选 {count} 件：</Text>
      <Select size="xs" data={[...CLEANUP_DECISIONS]} value={decision} onChange={setDecision} placeholder="决定" w={110} aria-label="批量决定" />
      <Select size="xs" data={reasons} value={reason} onChange={setReason} placeholder="理由" searchable clearable w={200} aria-label="批量理由" />
      <Button
        size="xs"
        disabled={!decision || (REASON_BEFORE_SAVE.includes(decision as CleanupDecisionValue) && !reason)}
        title={decision && REASON_BEFORE_SAVE.includes(decision as CleanupDecisionValue) && !reason ? `决定“${decision}”须选择理由` : undefined}
        onClick={() => onApply(decision as CleanupDecisionValue, reason ?? '')}
      >
        批量决定
      </Button>
      <Button size="xs" variant="subtle" onClick={onClear}>
        取消选择
      </Button>
    </Group>
  );
}

/** The review screen of one campaign: list with progress on the left, the current document and its decision on the right. */
export function ReviewPage({ id }: { id: string }) {
  const call = useCall();
  const campaign = useRequest('cleanup:get', { id });
  const reasons = useRequest('cleanup:reasons', {});
  const [filter, setFilter] = useState<ListFilter>({ decision: null, issuer: null, q: '', page: 1 });
  const [q] = useDebouncedValue(filter.q, 250);
  const items = useRequest('cleanup:items', {
    id, decision: (filter.decision ?? undefined) as never, issuer: filter.issuer ?? undefined, q: q || undefined,
    offset: (filter.page - 1) * PAGE_SIZE, limit: PAGE_SIZE,
  });
  const [current, setCurrent] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [keyed, setKeyed] = useState<KeyedDecision | null>(null);
  const rows = items.data?.rows ?? [];
  const item = rows[Math.min(current, rows.length - 1)];
  const c = campaign.data;
  const readOnly = c?.state !== 'reviewing';
  const reload = useCallback(() => {
    campaign.reload();
    items.reload();
  }, [campaign.reload, items.reload]);

  const decide = useCallback(
    async (documentIds: string[], decision: CleanupDecisionValue | null, reason: string, note = '') => {
      setError(null);
      try {
        await call('cleanup:decide', { id, documentIds, decision, reason, note });
        reload();
      } catch (err) {
        setError(errorMessage(err));
      }
    },
    [call, id, reload],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'ArrowDown' || e.key === 'j') setCurrent((i) => Math.min(i + 1, rows.length - 1));
      else if (e.key === 'ArrowUp' || e.key === 'k') setCurrent((i) => Math.max(i - 1, 0));
      else if (item && /^[1-4]$/.test(e.key) && !readOnly) {
        const decision = CLEANUP_DECISIONS[Number(e.key) - 1];
        // another decision's reason does not carry over; 废止/宣布失效 without one go to the form, which asks for it
        const reason = decision === item.decision ? item.reason : '';
        if (REASON_BEFORE_SAVE.includes(decision) && !reason.trim()) setKeyed({ documentId: item.documentId, decision, at: Date.now() });
        else {
          void decide([item.documentId], decision, reason, item.note);
          setCurrent((i) => Math.min(i + 1, rows.length - 1));
        }
      } else if (item && (e.key === 'x' || e.key === 'X')) {
        const next = new Set(selected);
        if (next.has(item.documentId)) next.delete(item.documentId);
        else next.add(item.documentId);
        setSelected(next);
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rows.length, item, readOnly, decide, selected]);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="start">
        <div>
          <Anchor href="#/cleanup" size="sm">
            ← 全部清理项目
          </Anchor>
          <Title order={2} size="h3" className="nd-page-title">
            {c?.name ?? '清理项目'}{' '}
            {c && (
              <Badge color={c.state === 'published' ? 'green' : 'blue'} variant="light" data-testid="campaign-state">
                {CAMPAIGN_STATE_LABELS[c.state]}
                {c.noticeDocNumber ? ` ${displayDocNumber(c.noticeDocNumber)}` : ''}
              </Badge>
            )}
          </Title>
          {c && (
            <Text size="sm" c="dimmed">
              依据：{displayDocNumber(c.basisDocNumber) || '未填写'} {c.basisTitle} · 截止日期 {cnDate(c.cutoff)} · 组织机关 {c.organizer || '未填写'} · 由 {c.createdBy} 建立
              {c.noticeDate ? ` · ${cnDate(c.noticeDate)}公布` : ''}
            </Text>
          )}
        </div>
        {c && <Actions c={c} reload={reload} />}
      </Group>
      <ErrorAlert message={campaign.error ?? items.error ?? error} onClose={error ? () => setError(null) : undefined} />
      {c && <Progress c={c} />}
      {selected.size > 0 && !readOnly && (
        <BulkBar
          count={selected.size}
          reasons={reasons.data ?? []}
          onClear={() => setSelected(new Set())}
          onApply={(d, r) => void decide([...selected], d, r).then(() => setSelected(new Set()))}
        />
      )}
      <Grid gap="md">
        <Grid.Col span={5}>
          <Panel title="清理范围">
            <ReviewList
              rows={rows} total={items.data?.total ?? 0} issuers={c?.byIssuer.map((i) => i.issuer) ?? []} filter={filter}
              onFilter={(f) => { setFilter(f); setCurrent(0); }} current={current} onCurrent={setCurrent} selected={selected} onSelected={setSelected}
              cutoff={c?.cutoff ?? null}
            />
          </Panel>
        </Grid.Col>
        <Grid.Col span={7}>
          {item ? (
            <DecisionPanel
              campaignId={id}
              onChanged={reload}
              item={item}
              keyed={keyed}
              reasons={reasons.data ?? []}
              readOnly={readOnly}
              onDecide={(d, r, n) => decide([item.documentId], d, r, n)}
              onOpinion={async (opinion, reason) => {
                try {
                  await call('cleanup:opinion', { id, documentId: item.documentId, opinion, reason });
                  items.reload();
                } catch (err) {
                  setError(errorMessage(err));
                }
              }}
            />
          ) : (
            <Text c="dimmed">{items.loading ? '正在载入…' : '没有符合条件的文件。'}</Text>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

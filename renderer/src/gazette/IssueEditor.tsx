import { Alert, Anchor, Badge, Button, Grid, Group, Loader, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ExportFormat } from '../../../shared/contract/export';
import { ISSUE_STATE_LABELS, type GazetteDetail } from '../../../shared/contract/gazettes';
import { errorMessage } from '../api/call';
import { useCall } from '../api/CallProvider';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../common/ErrorAlert';
import { ExportButtons } from '../common/ExportButtons';
import { ExportDialog } from '../common/ExportDialog';
import { TrashButton } from '../common/TrashButton';
import { cnDate } from '../common/format';
import { navigate, routeHref } from '../shell/router';
import { AddDocuments } from './AddDocuments';
import { IssueContents, sectionsOf, type Order } from './IssueContents';
import { IssuePreview } from './IssuePreview';
import { PublishDialogs } from './PublishDialogs';

const STATE_COLORS = { imported: 'gray', draft: 'blue', published: 'green' } as const;

/** 期号, 总期号 and 出版日期 of an issue not yet published; saved together. */
function NumbersForm({ issue, onSave }: { issue: GazetteDetail; onSave: (p: { issueNumber?: number; totalNumber?: number; publishDate?: string }) => void }) {
  const [n, setN] = useState<number | string>(issue.issueNumber ?? '');
  const [t, setT] = useState<number | string>(issue.totalNumber ?? '');
  const [date, setDate] = useState(issue.publishDate ?? '');
  useEffect(() => {
    setN(issue.issueNumber ?? '');
    setT(issue.totalNumber ?? '');
    setDate(issue.publishDate ?? '');
  }, [issue.issueNumber, issue.totalNumber, issue.publishDate]);
  const changed = n !== (issue.issueNumber ?? '') || t !== (issue.totalNumber ?? '') || date !== (issue.publishDate ?? '');
  return (
    <Group gap="xs" align="end">
      <NumberInput label="期号" w={90} min={1} value={n} onChange={setN} allowDecimal={false} />
      <NumberInput label="总期号" w={100} min={1} value={t} onChange={setT} allowDecimal={false} />
      <TextInput label="出版日期" type="date" w={160} value={date} onChange={(e) => setDate(e.currentTarget.value)} />
      <Button
        size="sm"
        variant="light"
        disabled={!changed}
        onClick={() =>
          onSave({
            issueNumber: typeof n === 'number' ? n : undefined,
            totalNumber: typeof t === 'number' ? t : undefined,
            publishDate: date || undefined,
          })
        }
      >
        保存期号与日期
      </Button>
    </Group>
  );
}

/** 公报编辑: one issue — numbers and date, contents by section in order, checks, preview, publish / re-open, export. */
export function IssueEditor({ id, onChanged }: { id: string; onChanged: () => void }) {
  const call = useCall();
  const loaded = useRequest('gazettes:get', { id });
  const gazettes = useRequest('gazette:all', {});
  const checks = useRequest('issue:checks', { id });
  const [issue, setIssue] = useState<GazetteDetail | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const [confirmPublish, setConfirmPublish] = useState(false);
  const [reopening, setReopening] = useState(false);

  useEffect(() => {
    if (loaded.data) setIssue(loaded.data);
  }, [loaded.data]);

  if (loaded.error) return <ErrorAlert message={loaded.error} title="本期未能打开" />;
  if (!issue) return <Loader size="sm" />;

  const presets = gazettes.data?.find((g) => g.id === issue.gazetteId)?.sections ?? [];
  const locked = issue.state === 'published';
  const problems = (checks.data ?? []).filter((c) => c.problems.length).length;

  /** Runs a change; the answer is the issue as stored, so the screen always shows what the library holds. */
  const change = async (run: () => Promise<GazetteDetail>, done?: string) => {
    setError(null);
    setNotice(null);
    try {
      setIssue(await run());
      setVersion((v) => v + 1);
      checks.reload();
      onChanged();
      if (done) setNotice(done);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const reorder = (order: Order) => change(() => call('issue:reorder', { id, order }));
  const publish = async () => {
    setConfirmPublish(false);
    await change(async () => {
      const r = await call('issue:publish', { id });
      setNotice(r.derived.length ? `已出版。${r.derived.length} 件“自公布之日起施行”的文件以本期出版日期为施行日期（见各文件的修改记录）。` : '已出版。没有文件的施行日期因此改变。');
      return r.issue;
    });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="start">
        <div>
          <Anchor href={routeHref({ name: 'gazettes', id: null })} size="sm">
            ← 公报列表
          </Anchor>
          <Title order={2} size="h3" className="nd-page-title">
            {issue.title} {issue.label}
          </Title>
          <Group gap="xs">
            <Badge color={STATE_COLORS[issue.state ?? 'draft']} data-testid="issue-state">
              {ISSUE_STATE_LABELS[issue.state ?? 'draft']}
            </Badge>
            <Text size="sm" c="dimmed">
              {issue.publishDate ? `${cnDate(issue.publishDate)}出版` : '出版日期未填'} · 共 {issue.documentCount} 件
              {problems > 0 && ` · ${problems} 件待核对`}
            </Text>
          </Group>
        </div>
        <Group gap="xs">
          {!locked && (
            <Button color="green" onClick={() => setConfirmPublish(true)} disabled={!issue.documentCount}>
              出版
            </Button>
          )}
          {locked && (
            <Button variant="light" color="orange" onClick={() => setReopening(true)}>
              重新打开
            </Button>
          )}
          <ExportButtons onPick={setExporting} disabled={!issue.documentCount} />
          {!locked && (
            <TrashButton
              label="删除本期"
              heading="删除本期"
              explanation={`将《${issue.title}》${issue.label ?? ''}移入回收站？本期目录一并保存，其中的文件仍留在文件库中；可随时在回收站中恢复。`}
              remove={async () => {
                await call('issue:delete', { id });
                onChanged();
              }}
              done={() => navigate({ name: 'gazettes', id: null })}
            />
          )}
        </Group>
      </Group>
      <ErrorAlert message={error} onClose={() => setError(null)} />
      {notice && (
        <Alert color="green" withCloseButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {locked ? (
        <Alert color="gray">本期已出版，内容已固定。如需修改，请“重新打开”并说明理由（记入操作日志）。</Alert>
      ) : (
        <NumbersForm issue={issue} onSave={(p) => change(() => call('issue:update', { id, ...p }), '期号与出版日期已保存')} />
      )}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <IssueContents
              issue={issue}
              presets={presets}
              checks={checks.data}
              locked={locked}
              onReorder={reorder}
              onMove={(documentId, to) => change(() => call('issue:move', { id, documentId, to }))}
              onRemove={(documentId) => change(() => call('issue:remove', { id, documentId }))}
            />
            {!locked && (
              <AddDocuments
                issueId={id}
                sections={sectionsOf(issue.entries, presets)}
                inIssue={new Set(issue.entries.map((e) => e.documentId ?? ''))}
                onAdd={(documentId, section) => change(() => call('issue:add', { id, documentId, section }))}
              />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>{issue.documentCount > 0 ? <IssuePreview id={id} version={version} /> : <Text c="dimmed">加入文件后在这里预览印刷效果。</Text>}</Grid.Col>
      </Grid>

      <PublishDialogs
        issueId={id}
        publishing={confirmPublish}
        reopening={reopening}
        publishDate={issue.publishDate}
        problems={problems}
        onPublish={publish}
        onReopen={(reason) => {
          setReopening(false);
          void change(() => call('issue:reopen', { id, reason }), '已重新打开，可以修改。修改后请再次出版。');
        }}
        onClose={() => {
          setConfirmPublish(false);
          setReopening(false);
        }}
      />
      <ExportDialog format={exporting} subject={`${issue.title} ${issue.label ?? ''}`} run={(format) => call('export:gazette', { id, format })} onClose={() => setExporting(null)} />
    </Stack>
  );
}

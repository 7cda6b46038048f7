import { Alert, Button, Group, List, Loader, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { DateDerivation, DateEffects } from '../../../shared/contract/gazettes';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../common/ErrorAlert';
import { cnDate, displayDocNumber } from '../common/format';

interface Props {
  issueId: string;
  publishing: boolean;
  reopening: boolean;
  publishDate: string | null;
  /** documents whose checks failed */
  problems: number;
  onPublish: () => void;
  onReopen: (reason: string) => void;
  onClose: () => void;
}

const name = (d: { title: string; docNumber: string | null }) => `《${d.title}》${d.docNumber ? `（${displayDocNumber(d.docNumber)}）` : ''}`;
const dates = (f: DateDerivation['before']) => `施行日期 ${cnDate(f.effectiveDate) || '（空）'}，有效期至 ${cnDate(f.validUntil) || '（空）'}`;

/** Each document whose dates change: before → after, as the history will record it. */
function Changes({ list, testId }: { list: DateDerivation[]; testId: string }) {
  return (
    <List size="sm" spacing={4} data-testid={testId}>
      {list.map((d) => (
        <List.Item key={d.documentId}>
          {name(d)}：{dates(d.before)} → {dates(d.after)}
        </List.Item>
      ))}
    </List>
  );
}

/** What publishing would change in the library, shown before it commits (and what it leaves alone, and why). */
function PublishEffects({ effects }: { effects: DateEffects }) {
  return (
    <>
      {effects.derive.length > 0 ? (
        <Alert color="blue" title={`出版后，以下 ${effects.derive.length} 件文件将以本期出版日期为施行日期（记入各文件的修改记录）`}>
          <Changes list={effects.derive} testId="derive-list" />
        </Alert>
      ) : (
        <Text size="sm" data-testid="derive-none">
          本期没有文件需要按出版日期确定施行日期。
        </Text>
      )}
      {effects.kept.length > 0 && (
        <Alert color="gray" title={`以下 ${effects.kept.length} 件“自公布之日起施行”的文件不改动`}>
          <List size="sm" spacing={4} data-testid="kept-list">
            {effects.kept.map((k) => (
              <List.Item key={k.documentId}>
                {name(k)}：{k.reason}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </>
  );
}

/**
 * Confirming a publication — every document whose 施行日期/有效期至 it would derive, before → after, and those it
 * leaves alone — and re-opening with a reason for the audit log, showing the dates it puts back.
 */
export function PublishDialogs({ issueId, publishing, reopening, publishDate, problems, onPublish, onReopen, onClose }: Props) {
  const [reason, setReason] = useState('');
  const effects = useRequest('issue:date-effects', publishing || reopening ? { id: issueId } : null);
  return (
    <>
      <Modal opened={publishing} onClose={onClose} title="出版本期" size="lg">
        <Stack>
          <Text size="sm">出版后本期内容固定；出版日期 {cnDate(publishDate)} 为本期文件的公布日期。此前已公布或已另行确定施行日期的文件不受影响。</Text>
          <ErrorAlert message={effects.error} />
          {effects.data ? <PublishEffects effects={effects.data} /> : !effects.error && <Loader size="sm" />}
          {problems > 0 && <Alert color="orange">有 {problems} 件文件的检查未通过（见目录中的红色标记），仍要出版吗？</Alert>}
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button color="green" onClick={onPublish} disabled={!effects.data}>
              确认出版
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={reopening} onClose={onClose} title="重新打开本期" size="lg">
        <Stack>
          {effects.data && effects.data.revert.length > 0 && (
            <Alert color="orange" title={`重新打开将撤销本期出版时确定的 ${effects.data.revert.length} 件文件的施行日期`}>
              <Changes list={effects.data.revert} testId="revert-list" />
            </Alert>
          )}
          <Textarea label="理由（记入操作日志）" value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button
              color="orange"
              onClick={() => {
                onReopen(reason);
                setReason('');
              }}
            >
              重新打开
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

import { Alert, Badge, Button, Group, Select, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { CLEANUP_DECISIONS, REASON_REQUIRED, type CampaignItem, type CleanupDecisionValue } from '../../../shared/contract/cleanup';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../common/ErrorAlert';
import { Panel } from '../common/Panel';
import { StatusBadge } from '../common/StatusBadge';
import { cnDate, displayDocNumber } from '../common/format';
import { Body } from '../document/DocumentPage';
import { Relations } from '../document/Relations';
import { DECISION_COLORS } from './decision-colors';
import { ItemExtras } from './ItemExtras';


interface Props {
  campaignId: string;
  item: CampaignItem;
  onChanged: () => void;
  reasons: string[];
  readOnly: boolean;
  onDecide: (decision: CleanupDecisionValue | null, reason: string, note: string) => Promise<void>;
  onOpinion: (opinion: CleanupDecisionValue | null, reason: string) => Promise<void>;
}

/** The legal office's decision on the current document, with the drafting office's opinion beside it. */
function DecisionForm({ item, reasons, readOnly, onDecide, onOpinion }: Props) {
  const [decision, setDecision] = useState<CleanupDecisionValue | null>(item.decision);
  const [reason, setReason] = useState(item.reason);
  const [note, setNote] = useState(item.note);
  const [opinion, setOpinion] = useState<CleanupDecisionValue | null>(item.opinion);
  const [opinionReason, setOpinionReason] = useState(item.opinionReason);
  useEffect(() => {
    setDecision(item.decision);
    setReason(item.reason);
    setNote(item.note);
    setOpinion(item.opinion);
    setOpinionReason(item.opinionReason);
  }, [item]);
  const needsReason = decision !== null && REASON_REQUIRED.includes(decision) && !reason.trim();
  const dirty = decision !== item.decision || reason !== item.reason || note !== item.note;
  const opinionDirty = opinion !== item.opinion || opinionReason !== item.opinionReason;
  const reasonOptions = [...new Set([...reasons, ...(reason && !reasons.includes(reason) ? [reason] : [])])];

  return (
    <Stack gap="sm">
      <Title order={4} size="h6">
        起草/实施机关意见
      </Title>
      <Group gap="xs" align="end">
        <Select size="xs" label="意见" data={[...CLEANUP_DECISIONS]} value={opinion} onChange={(v) => setOpinion(v as CleanupDecisionValue | null)} clearable disabled={readOnly} w={130} />
        <Select size="xs" label="理由" data={reasonOptions} value={opinionReason || null} searchable clearable onChange={(v) => setOpinionReason(v ?? '')} disabled={readOnly} style={{ flex: 1 }} />
        <Button size="xs" variant="default" disabled={!opinionDirty || readOnly} onClick={() => void onOpinion(opinion, opinionReason)}>
          保存意见
        </Button>
      </Group>
      <Title order={4} size="h6">
        法制机构决定
      </Title>
      <SegmentedControl
        fullWidth
        data={CLEANUP_DECISIONS.map((d, i) => ({ value: d, label: `${i + 1} ${d}` }))}
        value={decision ?? ''}
        onChange={(v) => setDecision(v as CleanupDecisionValue)}
        disabled={readOnly}
        aria-label="清理决定"
      />
      <Select
        label="理由"
        description="从标准理由中选择，或直接输入"
        placeholder="选择或输入理由"
        data={reasonOptions}
        value={reason || null}
        searchable
        clearable
        onChange={(v) => setReason(v ?? '')}
        onSearchChange={(s) => s && !reasonOptions.includes(s) && setReason(s)}
        disabled={readOnly}
        error={needsReason ? `决定“${decision}”须填写理由` : undefined}
        aria-label="理由"
      />
      <Textarea label="说明（可空）" autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} disabled={readOnly} />
      <Group>
        <Button disabled={!dirty || readOnly} onClick={() => void onDecide(decision, reason, note)}>
          保存决定
        </Button>
        {item.decision && !readOnly && (
          <Button variant="subtle" color="gray" onClick={() => void onDecide(null, '', '')}>
            清除决定
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** The current document: text with its 施行/有效期/废止 clauses marked, status, validity, relations; the decision form. */
export function DecisionPanel(props: Props) {
  const { item } = props;
  const detail = useRequest('documents:get', { id: item.documentId });
  const d = detail.data;
  return (
    <Stack gap="sm">
      <Panel
        title={
          <Group gap="xs">
            <span>{item.title}</span>
            <StatusBadge status={item.status} />
          </Group>
        }
      >
        <Group gap="lg" mb="xs">
          <Text size="sm">文号：{displayDocNumber(item.docNumber) || '无'}</Text>
          <Text size="sm">成文日期：{cnDate(item.dateSigned) || '未注明'}</Text>
          <Text size="sm">有效期至：{cnDate(item.validUntil) || '未注明'}</Text>
          <Text size="sm">制定机关：{item.issuers.join('、') || '未注明'}</Text>
        </Group>
        {item.warnings.map((w) => (
          <Alert key={w} color="orange" variant="light" py={6} mb={6}>
            {w}
          </Alert>
        ))}
        {item.decision && (
          <Text size="sm" mb="xs" component="div">
            当前决定：
            <Badge color={DECISION_COLORS[item.decision]} variant="light">
              {item.decision}
            </Badge>{' '}
            {item.reason}
            {item.decidedBy ? `（${item.decidedBy}）` : ''}
          </Text>
        )}
        <DecisionForm {...props} />
        <ItemExtras campaignId={props.campaignId} item={item} published={props.readOnly} onChanged={props.onChanged} />
      </Panel>
      <ErrorAlert message={detail.error} title="文件未能载入" />
      {d && (
        <>
          <Panel title="关系">
            <Relations documentId={d.document.id} outgoing={d.outgoing} incoming={d.incoming} statuses={d.relatedStatuses} canEdit={false} onChanged={() => {}} />
          </Panel>
          <Panel title="正文（施行、有效期、废止条款已标出）">
            <div style={{ maxHeight: 420, overflow: 'auto' }}>
              <Body detail={d} terms={[]} />
            </div>
          </Panel>
        </>
      )}
    </Stack>
  );
}

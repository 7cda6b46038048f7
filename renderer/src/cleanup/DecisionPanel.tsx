import { Alert, Autocomplete, Badge, Button, Group, Select, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { CLEANUP_DECISIONS, REASON_BEFORE_SAVE, REASON_REQUIRED, type CampaignItem, type CleanupDecisionValue } from '../../../shared/contract/cleanup';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../common/ErrorAlert';
import { Panel } from '../common/Panel';
import { StatusBadge } from '../common/StatusBadge';
import { cnDate, displayDocNumber } from '../common/format';
import { Body } from '../document/DocumentPage';
import { Relations } from '../document/Relations';
import { DECISION_COLORS } from './decision-colors';
import { ItemExtras } from './ItemExtras';

/** A decision chosen by key (1–4) that still needs its reason: the form takes it and asks for the reason. */
export interface KeyedDecision {
  documentId: string;
  decision: CleanupDecisionValue;
  /** changes with every key press, so the same key twice is seen twice */
  at: number;
}

interface Props {
  campaignId: string;
  item: CampaignItem;
  keyed?: KeyedDecision | null;
  onChanged: () => void;
  reasons: string[];
  readOnly: boolean;
  onDecide: (decision: CleanupDecisionValue | null, reason: string, note: string) => Promise<void>;
  onOpinion: (opinion: CleanupDecisionValue | null, reason: string) => Promise<void>;
}

/**
 * The legal office's decision on the current document, with the drafting office's opinion beside it. Mounted once
 * per document (keyed by its id), so nothing typed for one row is ever shown or saved for another. Reasons are
 * free text with the standard ones offered: the box shows exactly what is stored, and picking an offered reason
 * again never clears it.
 */
function DecisionForm({ item, reasons, readOnly, onDecide, onOpinion, keyed }: Props) {
  const [decision, setDecision] = useState<CleanupDecisionValue | null>(item.decision);
  const [reason, setReason] = useState(item.reason);
  const [note, setNote] = useState(item.note);
  const [opinion, setOpinion] = useState<CleanupDecisionValue | null>(item.opinion);
  const [opinionReason, setOpinionReason] = useState(item.opinionReason);
  const reasonRef = useRef<HTMLInputElement>(null);
  const stored = useRef(item);
  // the stored copy changed (saved here, or reloaded): show what changed, keep what is being typed in the other part
  useEffect(() => {
    const was = stored.current;
    stored.current = item;
    if (was.decision !== item.decision || was.reason !== item.reason || was.note !== item.note) {
      setDecision(item.decision);
      setReason(item.reason);
      setNote(item.note);
    }
    if (was.opinion !== item.opinion || was.opinionReason !== item.opinionReason) {
      setOpinion(item.opinion);
      setOpinionReason(item.opinionReason);
    }
  }, [item]);
  // a decision chosen by key that needs a reason: take it, drop the other decision's reason, ask for this one's
  useEffect(() => {
    if (!keyed || keyed.documentId !== item.documentId) return;
    setDecision(keyed.decision);
    setReason('');
    reasonRef.current?.focus();
  }, [keyed, item.documentId]);
  const choose = (next: CleanupDecisionValue) => {
    // a reason given for another decision does not carry over (继续有效 never keeps 适用期已过)
    if (next !== decision) setReason(next === item.decision ? item.reason : '');
    setDecision(next);
  };
  const missingReason = decision !== null && REASON_REQUIRED.includes(decision) && !reason.trim();
  const blocked = decision !== null && REASON_BEFORE_SAVE.includes(decision) && !reason.trim();
  const dirty = decision !== item.decision || reason !== item.reason || note !== item.note;
  const opinionDirty = opinion !== item.opinion || opinionReason !== item.opinionReason;

  return (
    <Stack gap="sm">
      <Title order={4} size="h6">
        起草/实施机关意见
      </Title>
      <Group gap="xs" align="end">
        <Select size="xs" label="意见" data={[...CLEANUP_DECISIONS]} value={opinion} onChange={(v) => setOpinion(v as CleanupDecisionValue | null)} clearable disabled={readOnly} w={130} />
        <Autocomplete
          size="xs"
          label="起草机关意见·理由"
          data={reasons}
          value={opinionReason}
          onChange={setOpinionReason}
          clearable
          disabled={readOnly}
          style={{ flex: 1 }}
          aria-label="起草机关意见理由"
        />
        <Button size="xs" variant="default" disabled={!opinionDirty || readOnly} onClick={() => void onOpinion(opinion, opinionReason.trim())}>
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
        onChange={(v) => choose(v as CleanupDecisionValue)}
        disabled={readOnly}
        aria-label="清理决定"
      />
      <Autocomplete
        ref={reasonRef}
        label="理由"
        description="从标准理由中选择，或直接输入"
        placeholder="选择或输入理由"
        data={reasons}
        value={reason}
        onChange={setReason}
        clearable
        disabled={readOnly}
        error={missingReason ? `决定“${decision}”须填写理由${blocked ? '，填写后才能保存' : '（公布前须补齐）'}` : undefined}
        aria-label="理由"
      />
      <Textarea label="说明（可空）" autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} disabled={readOnly} />
      <Group>
        <Button disabled={!dirty || readOnly || blocked} onClick={() => void onDecide(decision, reason.trim(), note)}>
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
            <StatusBadge status={item.statusAtCutoff} />
            {item.status !== item.statusAtCutoff && (
              <Text size="xs" c="dimmed" data-testid="status-today">
                今日：{item.status}
              </Text>
            )}
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
        <DecisionForm key={item.documentId} {...props} />
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

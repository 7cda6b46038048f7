import { Anchor, Badge, Stack, Text } from '@mantine/core';
import { CAMPAIGN_STATE_LABELS, type CleanupDecisionValue } from '../../../shared/contract/cleanup';
import { useRequest } from '../api/use-request';
import { displayDocNumber } from '../common/format';
import { Panel } from '../common/Panel';
import { DECISION_COLORS } from './decision-colors';

/** On the document page: every cleanup campaign the document was in, and the decision taken. */
export function DocumentCampaigns({ documentId }: { documentId: string }) {
  const list = useRequest('cleanup:for-document', { documentId });
  if (!list.data?.length) return null;
  return (
    <Panel title="清理记录">
      <Stack gap={4} data-testid="document-campaigns">
        {list.data.map((m) => (
          <Text size="sm" key={m.campaignId}>
            <Anchor href={`#/cleanup/${m.campaignId}`} size="sm">
              {m.name}
            </Anchor>
            （{CAMPAIGN_STATE_LABELS[m.state]}
            {m.noticeDocNumber ? ` ${displayDocNumber(m.noticeDocNumber)}` : ''}）：
            {m.decision ? (
              <Badge size="sm" variant="light" color={DECISION_COLORS[m.decision as CleanupDecisionValue]}>
                {m.decision}
              </Badge>
            ) : (
              '尚未决定'
            )}{' '}
            {m.reason}
          </Text>
        ))}
      </Stack>
    </Panel>
  );
}

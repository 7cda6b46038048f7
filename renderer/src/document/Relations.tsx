import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { RELATION_LABELS, type Relation } from '../../../shared/domain/document';
import { displayDocNumber } from '../common/format';
import { routeHref } from '../shell/router';

function Target({ id, title, docNumber }: { id: string | null; title: string | null; docNumber: string | null }) {
  const label = [title ? `《${title}》` : '', docNumber ? `（${displayDocNumber(docNumber)}）` : ''].join('') || '（未注明）';
  if (id) return <Anchor href={routeHref({ name: 'document', id, terms: [] })} size="sm">{label}</Anchor>;
  return (
    <Text size="sm" span>
      {label}{' '}
      <Badge size="xs" color="gray" variant="outline" title="该文件尚未收录，导入后自动关联" style={{ verticalAlign: 'middle' }}>
        未收录
      </Badge>
    </Text>
  );
}

/** Relations both ways: what this document does to others, and what others do to it. */
export function Relations({ outgoing, incoming }: { outgoing: Relation[]; incoming: Relation[] }) {
  if (!outgoing.length && !incoming.length) return <Text size="sm" c="dimmed">没有记录与其他文件的关系。</Text>;
  return (
    <Stack gap={6} data-testid="relations">
      {outgoing.map((r) => (
        <Group key={`o${r.id}`} gap={8} wrap="nowrap" align="flex-start">
          <Badge size="sm" variant="light" color={r.type === 'cites' ? 'gray' : r.type === 'abolishes' ? 'red' : 'violet'} style={{ flexShrink: 0 }}>
            {RELATION_LABELS[r.type].out}
          </Badge>
          <Target id={r.targetId} title={r.targetTitle} docNumber={r.targetDocNumber} />
        </Group>
      ))}
      {incoming.map((r) => (
        <Group key={`i${r.id}`} gap={8} wrap="nowrap" align="flex-start">
          <Badge size="sm" variant="outline" color={r.type === 'cites' ? 'gray' : r.type === 'abolishes' ? 'red' : 'violet'} style={{ flexShrink: 0 }}>
            {RELATION_LABELS[r.type].in}
          </Badge>
          <Target id={r.sourceId} title={r.sourceTitle} docNumber={r.sourceDocNumber} />
        </Group>
      ))}
    </Stack>
  );
}

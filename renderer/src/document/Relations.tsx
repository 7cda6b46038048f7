import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { RELATION_LABELS, type DocumentStatus, type Relation } from '../../../shared/domain/document';
import { useCall } from '../api/CallProvider';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { displayDocNumber } from '../common/format';
import { StatusBadge } from '../common/StatusBadge';
import { routeHref } from '../shell/router';
import { AddRelationModal } from './AddRelationModal';

/** 《title》（文号）, the way a relation names a document. */
export function docLabel(title: string | null, docNumber: string | null): string {
  return [title ? `《${title}》` : '', docNumber ? `（${displayDocNumber(docNumber)}）` : ''].join('') || '（未注明）';
}

/** The other document of a relation: a link when it is in the library (with its status), else marked 未收录. */
export function Target({ id, title, docNumber, status }: { id: string | null; title: string | null; docNumber: string | null; status?: DocumentStatus }) {
  const label = docLabel(title, docNumber);
  if (id)
    return (
      <Text size="sm" span>
        <Anchor href={routeHref({ name: 'document', id, terms: [] })} size="sm">
          {label}
        </Anchor>{' '}
        {status && <StatusBadge status={status} size="xs" />}
      </Text>
    );
  return (
    <Text size="sm" span>
      {label}{' '}
      <Badge size="xs" color="gray" variant="outline" title="该文件尚未收录，导入后自动关联" style={{ verticalAlign: 'middle' }}>
        未收录
      </Badge>
    </Text>
  );
}

const typeColor = (r: Relation) => (r.type === 'cites' ? 'gray' : r.type === 'abolishes' ? 'red' : 'violet');

interface Props {
  documentId: string;
  outgoing: Relation[];
  incoming: Relation[];
  /** status of each stored document at the other end */
  statuses: Record<string, DocumentStatus>;
  canEdit: boolean;
  /** called after a relation was added or removed: statuses change with it */
  onChanged: () => void;
}

/** Relations both ways (what this document does to others, what others do to it), added and removed by hand. */
export function Relations({ documentId, outgoing, incoming, statuses, canEdit, onChanged }: Props) {
  const call = useCall();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<{ relation: Relation; wording: string } | null>(null);
  const rows = [
    ...outgoing.map((r) => ({ r, dir: 'out' as const, other: { id: r.targetId, title: r.targetTitle, docNumber: r.targetDocNumber } })),
    ...incoming.map((r) => ({ r, dir: 'in' as const, other: { id: r.sourceId, title: r.sourceTitle, docNumber: r.sourceDocNumber } })),
  ];
  return (
    <Stack gap={8}>
      {rows.length === 0 && <Text size="sm" c="dimmed">没有记录与其他文件的关系。</Text>}
      {rows.length > 0 && (
        <Stack gap={6} data-testid="relations">
          {rows.map(({ r, dir, other }) => {
            const wording = RELATION_LABELS[r.type][dir];
            return (
              <Group key={`${dir}${r.id}`} gap={8} wrap="nowrap" align="flex-start" data-testid="relation-row">
                <Badge size="sm" variant={dir === 'out' ? 'light' : 'outline'} color={typeColor(r)} style={{ flexShrink: 0 }}>
                  {wording}
                </Badge>
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Target {...other} status={other.id ? statuses[other.id] : undefined} />
                </div>
                {canEdit && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="gray"
                    style={{ flexShrink: 0 }}
                    aria-label={`删除关系：${wording}${docLabel(other.title, other.docNumber)}`}
                    onClick={() => setRemoving({ relation: r, wording: `${wording}${docLabel(other.title, other.docNumber)}` })}
                  >
                    删除
                  </Button>
                )}
              </Group>
            );
          })}
        </Stack>
      )}
      {canEdit && (
        <Group>
          <Button size="xs" variant="light" onClick={() => setAdding(true)}>
            添加关系
          </Button>
        </Group>
      )}
      <AddRelationModal sourceId={documentId} opened={adding} onClose={() => setAdding(false)} onAdded={onChanged} />
      <ConfirmDialog
        opened={removing !== null}
        title="删除关系"
        confirmLabel="删除关系"
        failedTitle="未能删除关系"
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          await call('relations:remove', { id: removing.relation.id });
          onChanged();
        }}
      >
        删除本文件与其他文件的关系“{removing?.wording}”？
        {removing && removing.relation.type !== 'cites' && ' 删除后，相关文件的状态将按其余记录重新计算。'}
        删除操作记入历史记录。
      </ConfirmDialog>
    </Stack>
  );
}

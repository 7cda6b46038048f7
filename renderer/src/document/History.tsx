import { Text, Timeline } from '@mantine/core';
import type { AuditEntry } from '../../../shared/contract/documents';
import { cnDateTime } from '../common/format';
import { DOCUMENT_FIELD_LABELS } from '../../../shared/domain/document';

export const ACTIONS: Record<string, string> = {
  'document.create': '收录文件',
  'document.update': '修改文件信息',
  'document.delete': '删除文件',
  'relation.create': '记录文件关系',
  'relation.delete': '删除文件关系',
  'relation.resolve': '引用的文件已收录，自动关联',
  'relation.unresolve': '关联的文件被删除，改为未收录',
  'gazette.create': '收录公报',
};


/** Which fields an audit entry changed, by their Chinese names. */
export function changedFields(e: AuditEntry): string[] {
  const b = e.before && typeof e.before === 'object' ? (e.before as Record<string, unknown>) : {};
  const a = e.after && typeof e.after === 'object' ? (e.after as Record<string, unknown>) : {};
  if (!e.before || !e.after) return [];
  return Object.keys(DOCUMENT_FIELD_LABELS).filter((k) => (k in a || k in b) && JSON.stringify(a[k]) !== JSON.stringify(b[k])).map((k) => DOCUMENT_FIELD_LABELS[k]);
}

/** The document's audit log, newest first: who did what when. */
export function History({ entries }: { entries: AuditEntry[] }) {
  if (!entries.length) return <Text size="sm" c="dimmed">暂无记录。</Text>;
  const sorted = [...entries].sort((x, y) => (x.at < y.at ? 1 : -1));
  return (
    <Timeline bulletSize={12} lineWidth={2} active={sorted.length}>
      {sorted.map((e) => {
        const fields = changedFields(e);
        return (
          <Timeline.Item key={e.id} title={<Text size="sm" fw={600}>{ACTIONS[e.action] ?? e.action}</Text>}>
            <Text size="xs" c="dimmed">
              {cnDateTime(e.at)} · {e.actor}
            </Text>
            {fields.length > 0 && <Text size="xs">修改了：{fields.join('、')}</Text>}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

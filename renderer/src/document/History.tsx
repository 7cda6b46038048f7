import { Text, Timeline } from '@mantine/core';
import type { AuditEntry } from '../../../shared/contract/documents';
import { cnDateTime } from '../common/format';

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

export const FIELDS: Record<string, string> = {
  title: '标题',
  docNumber: '文号',
  registrationNumber: '登记号',
  issuers: '发文机关',
  dateSigned: '成文日期',
  kind: '文种',
  isNormative: '规范性文件',
  effectiveClause: '施行条款',
  effectiveDate: '施行日期',
  validityClause: '有效期条款',
  validUntil: '有效期至',
  declaredInvalidOn: '宣布失效日期',
  appointments: '任免事项',
  body: '正文',
};

/** Which fields an audit entry changed, by their Chinese names. */
export function changedFields(e: AuditEntry): string[] {
  const b = e.before && typeof e.before === 'object' ? (e.before as Record<string, unknown>) : {};
  const a = e.after && typeof e.after === 'object' ? (e.after as Record<string, unknown>) : {};
  if (!e.before || !e.after) return [];
  return Object.keys(FIELDS).filter((k) => (k in a || k in b) && JSON.stringify(a[k]) !== JSON.stringify(b[k])).map((k) => FIELDS[k]);
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

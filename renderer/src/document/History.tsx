import { Anchor, Stack, Text, Timeline } from '@mantine/core';
import type { AuditEntry } from '../../../shared/contract/documents';
import { auditActionLabel, auditCauseLine } from '../../../shared/domain/audit-actions';
import { DOCUMENT_FIELD_LABELS, RELATION_LABELS } from '../../../shared/domain/document';
import { cnDate, cnDateTime, displayDocNumber } from '../common/format';
import { routeHref } from '../shell/router';
import { docLabel } from './Relations';

const DATE_FIELDS = new Set(['dateSigned', 'effectiveDate', 'validUntil', 'declaredInvalidOn']);
const LONG = 60;

/** One logged field value as a clerk reads it: dates in Chinese, 文号 as printed, lists joined, long text cut. */
export function fieldValue(key: string, v: unknown): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return '（空）';
  if (DATE_FIELDS.has(key) && typeof v === 'string') return cnDate(v);
  if (key === 'docNumber' && typeof v === 'object') return displayDocNumber((v as { normalized?: string }).normalized ?? '');
  if (key === 'isNormative') return v ? '是' : '否';
  if (key === 'body' && Array.isArray(v)) return `${v.length} 段`;
  if (key === 'appointments' && Array.isArray(v)) return `${v.length} 项`;
  const text = Array.isArray(v) ? v.join('、') : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return text.length > LONG ? `${text.slice(0, LONG)}…` : text;
}

/** What an edit changed: each field by its Chinese name with the value before and after. */
export function changedFields(e: AuditEntry): Array<{ label: string; before: string; after: string }> {
  if (!e.before || !e.after || typeof e.before !== 'object' || typeof e.after !== 'object') return [];
  const b = e.before as Record<string, unknown>;
  const a = e.after as Record<string, unknown>;
  return Object.keys(DOCUMENT_FIELD_LABELS)
    .filter((k) => (k in a || k in b) && JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => ({ label: DOCUMENT_FIELD_LABELS[k], before: fieldValue(k, b[k]), after: fieldValue(k, a[k]) }));
}

/** 废止《某办法》（文号）, or 被《某决定》（文号）废止: the relation seen from this document, naming the other one. */
function RelatedLine({ related }: { related: NonNullable<AuditEntry['related']> }) {
  const label = docLabel(related.title, related.docNumber);
  const name = related.id ? (
    <Anchor href={routeHref({ name: 'document', id: related.id, terms: [] })} size="xs">
      {label}
    </Anchor>
  ) : (
    <span>{label}（未收录）</span>
  );
  const verb = RELATION_LABELS[related.type].out;
  return (
    <Text size="xs" data-testid="history-relation">
      {related.direction === 'out' ? (
        <>
          关系：本文件{verb}
          {name}
        </>
      ) : (
        <>
          关系：本文件被{name}
          {verb}
        </>
      )}
    </Text>
  );
}

/** The document's audit log, newest first: who did what when, each edit's before → after, relations by name. */
export function History({ entries }: { entries: AuditEntry[] }) {
  if (!entries.length) return <Text size="sm" c="dimmed">暂无记录。</Text>;
  const sorted = [...entries].sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : y.id - x.id));
  return (
    <Timeline bulletSize={12} lineWidth={2} active={sorted.length}>
      {sorted.map((e) => {
        // every change of a document's fields (an edit, or a workflow's with its cause) shows before → after
        const fields = e.entity === 'document' ? changedFields(e) : [];
        const cause = auditCauseLine(e);
        return (
          <Timeline.Item key={e.id} title={<Text size="sm" fw={600}>{auditActionLabel(e.action)}</Text>}>
            <Text size="xs" c="dimmed">
              {cnDateTime(e.at)} · {e.actor}
            </Text>
            {e.related && <RelatedLine related={e.related} />}
            {cause && (
              <Text size="xs" data-testid="history-cause">
                {cause}
              </Text>
            )}
            {fields.length > 0 && (
              <Stack gap={0} data-testid="history-changes">
                {fields.map((f) => (
                  <Text size="xs" key={f.label}>
                    {f.label}：{f.before} → {f.after}
                  </Text>
                ))}
              </Stack>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

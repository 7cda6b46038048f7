import { List, Text } from '@mantine/core';
import type { ImportCorrection } from '../../../shared/contract/import';
import { DOCUMENT_FIELD_LABELS } from '../../../shared/domain/document';
import { useRequest } from '../api/use-request';
import { cnDateTime } from '../common/format';
import { Panel } from '../common/Panel';

const quoted = (v: string | null) => (v ? `“${v}”` : '（空）');

/** One correction as a clerk reads it: `标题 由“X”改为“Y”`, or the split or merge with the lines involved. */
export function correctionText(c: ImportCorrection): string {
  if (c.kind === 'split') return `拆分：原识别为一件 ${c.extractedValue ?? ''}，拆为两件（${c.correctedValue ?? ''}）`;
  if (c.kind === 'merge') return `合并：原识别为两件 ${c.extractedValue ?? ''}，合为一件（${c.correctedValue ?? ''}）`;
  if (c.field === 'text') {
    // an OCR'd line read against the scan: `第12行：what was read` → what it is
    const [where, ...read] = (c.extractedValue ?? '').split('：');
    return `OCR 文字校对（${where}）：由${quoted(read.join('：'))}改为${quoted(c.correctedValue)}`;
  }
  const label = (c.field && DOCUMENT_FIELD_LABELS[c.field]) ?? c.field ?? '';
  return `${label} 由${quoted(c.extractedValue)}改为${quoted(c.correctedValue)}`;
}

/** 导入时人工更正: what people corrected at import review, stored with the file; nothing when there was none. */
export function ImportCorrections({ documentId }: { documentId: string }) {
  const { data } = useRequest('import:corrections', { documentId });
  if (!data?.length) return null;
  const first = data[0];
  return (
    <Panel title="导入时人工更正">
      <Text size="xs" c="dimmed" mb={4}>
        导入“{first.fileName}”时 {first.createdBy} 于 {cnDateTime(first.createdAt)} 核对更正（随原文件保存）：
      </Text>
      <List size="sm" spacing={2} data-testid="import-corrections">
        {data.map((c, i) => (
          <List.Item key={i}>{correctionText(c)}</List.Item>
        ))}
      </List>
    </Panel>
  );
}

/** 来源: the saved web page a document was imported from — its address and 发布日期 as the page gave them. */
export function ImportSource({ documentId }: { documentId: string }) {
  const { data } = useRequest('import:source', { documentId });
  const origin = data?.origin;
  if (!data || !origin) return null;
  const [y, m, d] = origin.published?.split('-').map(Number) ?? [];
  return (
    <Panel title="来源">
      <Text size="sm" data-testid="import-source" style={{ overflowWrap: "anywhere" }}>
        导入自网页“{data.name}”{origin.url ? `，网址 ${origin.url}` : ''}
        {origin.published ? `，发布日期 ${y}年${m}月${d}日` : ''}。
      </Text>
    </Panel>
  );
}

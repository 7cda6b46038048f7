import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { CLEANUP_DECISIONS } from '../../../shared/contract/cleanup';
import { displayDocNumber } from '../common/format';
import { PublishedResult, type PublishedNotice } from './PublishedResult';

/** "继续有效 12 件、废止 3 件": what a notice's annex lists decide, in the order the notices print them. */
export function decisionCounts(items: PublishedNotice['items']): string {
  return CLEANUP_DECISIONS.map((d) => [d, items.filter((i) => i.decision === d).length] as const)
    .filter(([, n]) => n > 0)
    .map(([d, n]) => `${d} ${n} 件`)
    .join('、');
}

/** How the offer names a notice: 《title》, else its 文号 — never an empty 《》. */
export function noticeName(n: Pick<PublishedNotice, 'title' | 'docNumber'>): string {
  if (n.title.trim()) return `《${n.title.trim()}》`;
  return n.docNumber ? `清理结果通知（${displayDocNumber(n.docNumber)}）` : '清理结果通知（未识别出标题）';
}

/**
 * After an import: the cleanup result notices it brought in, each offered for applying to the library as a
 * completed campaign (checked row by row first, in a dialog). Nothing is applied without the person's click.
 */
export function ImportedCleanupResults({ notices }: { notices: PublishedNotice[] }) {
  const [open, setOpen] = useState<PublishedNotice | null>(null);
  if (!notices.length) return null;
  return (
    <>
      <Alert color="blue" variant="light" title="导入的文件中有清理结果通知" data-testid="cleanup-offer">
        <Stack gap={6}>
          {notices.map((n, i) => (
            <Group key={i} justify="space-between" wrap="nowrap">
              <Text size="sm">
                {noticeName(n)}附件列有 {n.items.length} 件文件的清理结论（{decisionCounts(n.items)}）。可以逐行与文件库核对后，作为已完成的清理应用：废止、宣布失效的文件随之改变状态。
              </Text>
              <Button size="xs" variant="light" onClick={() => setOpen(n)} style={{ flexShrink: 0 }}>
                核对并应用…
              </Button>
            </Group>
          ))}
        </Stack>
      </Alert>
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={open ? `应用清理结果：${noticeName(open)}` : ''} size="xl">
        {open && <PublishedResult notice={open} />}
      </Modal>
    </>
  );
}

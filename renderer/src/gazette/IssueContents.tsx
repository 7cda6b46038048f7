import { ActionIcon, Badge, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useState, type DragEvent, type KeyboardEvent } from 'react';
import type { Res } from '../../../shared/contract';
import type { GazetteDetail } from '../../../shared/contract/gazettes';
import { displayDocNumber } from '../common/format';
import { routeHref } from '../shell/router';

type Entry = GazetteDetail['entries'][number];
type Checks = Res<'issue:checks'>;
export type Order = Array<{ documentId: string; section: string }>;

/** Sections in print order: those used, then the gazette's presets not used yet (so a document can be dropped there). */
export function sectionsOf(entries: readonly Entry[], presets: readonly string[]): string[] {
  const used: string[] = [];
  for (const e of entries) if (e.section && !used.includes(e.section)) used.push(e.section);
  return [...used, ...presets.filter((p) => !used.includes(p))];
}

/** The order after moving `docId` before `beforeDocId` (or to the end of `section` when null). */
export function moved(entries: readonly Entry[], docId: string, section: string, beforeDocId: string | null): Order {
  const order: Order = entries.filter((e) => e.documentId).map((e) => ({ documentId: e.documentId!, section: e.section ?? '' }));
  const from = order.findIndex((o) => o.documentId === docId);
  if (from < 0) return order;
  order.splice(from, 1);
  let at = beforeDocId ? order.findIndex((o) => o.documentId === beforeDocId) : -1;
  if (at < 0) {
    const last = order.map((o) => o.section).lastIndexOf(section);
    at = last >= 0 ? last + 1 : order.length;
  }
  order.splice(at, 0, { documentId: docId, section });
  return order;
}

interface Props {
  issue: GazetteDetail;
  presets: string[];
  checks: Checks | undefined;
  locked: boolean;
  onReorder: (order: Order) => void;
  onMove: (docId: string, to: number) => void;
  onRemove: (docId: string) => void;
}

/**
 * The contents being edited: sections with their documents in print order. Drag a document onto another (or onto a
 * section heading); with the keyboard, focus a row and press Alt+↑ / Alt+↓; Delete removes it.
 */
export function IssueContents({ issue, presets, checks, locked, onReorder, onMove, onRemove }: Props) {
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const byDoc = new Map((checks ?? []).map((c) => [c.documentId, c]));
  const docs = issue.entries.filter((e) => e.documentId);
  const indexOf = (docId: string) => docs.findIndex((e) => e.documentId === docId);

  const drop = (section: string, beforeDocId: string | null) => (ev: DragEvent) => {
    ev.preventDefault();
    const docId = dragging ?? ev.dataTransfer.getData('text/plain');
    setDragging(null);
    setOver(null);
    if (!docId || docId === beforeDocId) return;
    onReorder(moved(issue.entries, docId, section, beforeDocId));
  };
  const allow = (key: string) => (ev: DragEvent) => {
    if (locked) return;
    ev.preventDefault();
    setOver(key);
  };
  const keys = (docId: string) => (ev: KeyboardEvent) => {
    if (locked) return;
    const i = indexOf(docId);
    if (ev.altKey && ev.key === 'ArrowUp' && i > 0) onMove(docId, i);
    else if (ev.altKey && ev.key === 'ArrowDown' && i < docs.length - 1) onMove(docId, i + 2);
    else if (ev.key === 'Delete') onRemove(docId);
    else return;
    ev.preventDefault();
  };

  return (
    <Stack gap="xs" aria-label="本期目录">
      {sectionsOf(issue.entries, presets).map((section) => {
        const rows = issue.entries.filter((e) => (e.section ?? '') === section);
        return (
          <Paper
            key={section}
            withBorder
            p="xs"
            data-section={section}
            onDragOver={allow(`s:${section}`)}
            onDrop={drop(section, null)}
            bg={over === `s:${section}` ? '#eef4fb' : undefined}
          >
            <Title order={4} size="h6" mb={4}>
              {section || '（未分栏目）'}
            </Title>
            {rows.length === 0 && (
              <Text size="xs" c="dimmed">
                {locked ? '本栏目没有文件' : '把文件拖到这里，或在右侧搜索后加入本栏目'}
              </Text>
            )}
            {rows.map((e) => {
              const docId = e.documentId;
              const check = docId ? byDoc.get(docId) : undefined;
              const n = docId ? indexOf(docId) + 1 : null;
              return (
                <Group
                  key={docId ?? `p${e.position}`}
                  gap="xs"
                  wrap="nowrap"
                  className="nd-issue-entry"
                  data-entry={docId ?? ''}
                  tabIndex={docId ? 0 : -1}
                  draggable={!locked && !!docId}
                  onDragStart={(ev) => {
                    if (!docId) return;
                    setDragging(docId);
                    ev.dataTransfer.setData('text/plain', docId);
                  }}
                  onDragOver={docId ? allow(`d:${docId}`) : undefined}
                  onDrop={docId ? (ev) => { ev.stopPropagation(); drop(section, docId)(ev); } : undefined}
                  onKeyDown={docId ? keys(docId) : undefined}
                  aria-label={`第${n ?? ''}篇：${e.title}`}
                  style={{
                    padding: '4px 6px',
                    borderTop: over === `d:${docId}` ? '2px solid #1c5fa8' : '2px solid transparent',
                    cursor: locked ? 'default' : 'grab',
                    background: dragging === docId ? '#f1f3f5' : undefined,
                  }}
                >
                  <Text size="sm" w={28} c="dimmed" ta="right">
                    {n ?? ''}
                  </Text>
                  <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm" component="a" href={docId ? routeHref({ name: 'document', id: docId, terms: [] }) : undefined} c="inherit" td="none">
                      {e.title}
                    </Text>
                    <Group gap={4}>
                      {e.docNumber && (
                        <Text size="xs" c="dimmed">
                          {displayDocNumber(e.docNumber)}
                        </Text>
                      )}
                      {check?.problems.map((p) => (
                        <Badge key={p} size="xs" color="red" variant="light">
                          {p}
                        </Badge>
                      ))}
                      {check?.alsoIn.map((a) => (
                        <Badge key={a.id} size="xs" color="orange" variant="light">
                          已刊登于{a.label}
                        </Badge>
                      ))}
                      {check && !check.problems.length && !check.alsoIn.length && (
                        <Badge size="xs" color="green" variant="light">
                          检查通过
                        </Badge>
                      )}
                    </Group>
                  </Stack>
                  {!locked && docId && (
                    <Group gap={2} wrap="nowrap">
                      <Tooltip label="上移（Alt+↑）">
                        <ActionIcon size="sm" variant="subtle" aria-label="上移" disabled={n === 1} onClick={() => onMove(docId, n! - 1)}>
                          ↑
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label="下移（Alt+↓）">
                        <ActionIcon size="sm" variant="subtle" aria-label="下移" disabled={n === docs.length} onClick={() => onMove(docId, n! + 1)}>
                          ↓
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label="移出本期（Delete）">
                        <ActionIcon size="sm" variant="subtle" color="red" aria-label="移出本期" onClick={() => onRemove(docId)}>
                          ✕
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  )}
                </Group>
              );
            })}
          </Paper>
        );
      })}
    </Stack>
  );
}

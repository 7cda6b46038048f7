import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useRequest } from '../api/use-request';
import { errorMessage } from '../api/call';
import { ErrorAlert } from '../common/ErrorAlert';

/** Which staged document to split. */
export interface SplitTarget {
  stagedId: string;
  index: number;
  title: string;
}

const range = (lines: Array<{ line: number }>) => (lines.length ? `第 ${lines[0].line}–${lines[lines.length - 1].line} 行` : '');

/**
 * 拆分: the document's text line by line; the person picks the line the second document starts at (a click on
 * it, or ↑↓ in the list, which is a radio group) and sees the two parts before confirming.
 */
export function SplitDocumentModal({ target, onClose, onSplit }: { target: SplitTarget | null; onClose: () => void; onSplit: (at: number) => Promise<void> }) {
  const text = useRequest('import:lines', target ? { stagedId: target.stagedId, index: target.index } : null);
  const [at, setAt] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const which = target ? `${target.stagedId}#${target.index}` : null;
  useEffect(() => {
    setAt(null);
    setError(null);
  }, [which]);
  const lines = target ? (text.data?.lines ?? []) : [];

  const confirm = async () => {
    if (at === null) return;
    setBusy(true);
    setError(null);
    try {
      await onSplit(at);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={target !== null} onClose={onClose} size="xl" title={target ? `拆分：${target.title || '（无标题）'}` : ''}>
      <Stack gap="sm">
        <Text size="sm">点选第二件文件开始的那一行（也可用 ↑ ↓ 键移动）：该行之前为第一件，自该行起为第二件。拆分后两件各自重新识别标题、文号和日期，请再核对。</Text>
        <ErrorAlert message={text.error} />
        <div role="radiogroup" aria-label="拆分位置" className="nd-split-lines" data-testid="split-lines">
          {lines.map((l, i) => (
            <div key={l.line}>
              {at === i && <div className="nd-split-mark">以下为第二件</div>}
              <label className="nd-split-line" data-chosen={at !== null && i >= at} data-first={i === 0}>
                <input type="radio" name="split-at" value={i} disabled={i === 0} checked={at === i} onChange={() => setAt(i)} aria-label={`自第 ${l.line} 行起拆分：${l.text.trim() || '（空行）'}`} />
                <span className="nd-split-no">{l.line}</span>
                <span className="nd-split-text">{l.text || '\u00a0'}</span>
              </label>
            </div>
          ))}
        </div>
        {at !== null && (
          <Alert variant="light" color="blue" p="xs">
            第一件：{range(lines.slice(0, at))}（{at} 行）；第二件：{range(lines.slice(at))}（{lines.length - at} 行）。
          </Alert>
        )}
        <ErrorAlert message={error} title="未能拆分" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button onClick={() => void confirm()} disabled={at === null} loading={busy}>
            拆分为两件
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

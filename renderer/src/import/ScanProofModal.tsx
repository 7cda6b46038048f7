import { Alert, Badge, Button, Group, Loader, Modal, Pagination, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { ScanLine, StagedDocuments } from '../../../shared/contract/import';
import { errorMessage } from '../api/call';
import { useCall } from '../api/CallProvider';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../common/ErrorAlert';

/** Which staged document to check against its scan. */
export interface ProofTarget {
  stagedId: string;
  index: number;
  title: string;
}

/** A line's text with the characters the recogniser was unsure of marked (yellow, underlined). */
export function MarkedLine({ line }: { line: Pick<ScanLine, 'text' | 'low'> }) {
  const low = new Set(line.low);
  const chars = [...line.text];
  return (
    <span>
      {chars.map((c, i) =>
        low.has(i) ? (
          <mark key={i} className="nd-ocr-low" title="识别把握不大，请对照原图核对">
            {c === '\t' ? '⇥' : c}
          </mark>
        ) : (
          <span key={i}>{c === '\t' ? ' ⇥ ' : c}</span>
        ),
      )}
    </span>
  );
}

/** One scanned page with the document's lines outlined: unsure ones in orange, the chosen one in blue. */
function PageImage({ stagedId, page, lines, chosen, onChoose }: { stagedId: string; page: { page: number; width: number; height: number }; lines: ScanLine[]; chosen: number | null; onChoose: (line: number) => void }) {
  const image = useRequest('import:scanPage', { stagedId, page: page.page });
  const shown = 520;
  const scale = shown / page.width;
  if (image.error) return <ErrorAlert message={image.error} title="无法显示扫描图像" />;
  if (!image.data) return <Loader size="sm" />;
  return (
    <div style={{ position: 'relative', width: shown, height: page.height * scale, border: '1px solid #d0d4da' }} data-testid="scan-page">
      <img src={`data:image/jpeg;base64,${image.data.jpegBase64}`} alt={`扫描件第 ${page.page + 1} 页`} style={{ width: shown, display: 'block' }} />
      {lines
        .filter((l) => l.page === page.page)
        .map((l) => (
          <button
            key={l.line}
            type="button"
            aria-label={`第 ${l.line} 行`}
            onClick={() => onChoose(l.line)}
            style={{
              position: 'absolute',
              left: l.box[0] * scale,
              top: l.box[1] * scale,
              width: (l.box[2] - l.box[0]) * scale,
              height: (l.box[3] - l.box[1]) * scale,
              background: 'transparent',
              cursor: 'pointer',
              border: l.line === chosen ? '2px solid #1c7ed6' : l.low.length ? '1.5px solid #f08c00' : '1px solid transparent',
            }}
          />
        ))}
    </div>
  );
}

/**
 * 对照原图校对: the scanned page beside the text read from it. Characters the recogniser was unsure of are
 * marked; a click on a line (in the text or on the page) opens it for correction, and the document is extracted
 * again from the corrected text. Corrections are stored with the file when the batch is saved.
 */
export function ScanProofModal({ target, onClose, onCorrected }: { target: ProofTarget | null; onClose: () => void; onCorrected: (res: StagedDocuments) => void }) {
  const call = useCall();
  const scan = useRequest('import:scan', target ? { stagedId: target.stagedId, index: target.index } : null);
  const [pageIndex, setPageIndex] = useState(0);
  const [chosen, setChosen] = useState<number | null>(null);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const which = target ? `${target.stagedId}#${target.index}` : null;
  useEffect(() => {
    setPageIndex(0);
    setChosen(null);
    setError(null);
  }, [which]);
  const data = target ? scan.data : undefined;
  const lines = useMemo(() => data?.lines ?? [], [data]);
  const page = data?.pages[pageIndex];

  const choose = (line: number) => {
    const l = lines.find((x) => x.line === line);
    if (!l) return;
    setChosen(line);
    setDraft(l.text);
    const p = data?.pages.findIndex((x) => x.page === l.page) ?? -1;
    if (p >= 0) setPageIndex(p);
  };
  const save = async () => {
    if (!target || chosen === null) return;
    setBusy(true);
    setError(null);
    try {
      const res = await call('import:correctLine', { stagedId: target.stagedId, index: target.index, line: chosen, corrected: draft });
      onCorrected(res);
      scan.reload();
      const next = lines.find((l) => l.line > chosen && l.low.length > 0);
      if (next) choose(next.line);
      else setChosen(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={target !== null} onClose={onClose} size={1180} title={target ? `对照原图校对：${target.title || '（未识别出标题）'}` : ''}>
      {scan.error && <ErrorAlert message={scan.error} title="无法读取扫描件" />}
      {target && !data && !scan.error && <Loader size="sm" />}
      {data && (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            识别引擎：{data.engine}。{data.lowCount ? `黄色标出的 ${data.lowCount} 个字识别把握不大，` : '没有把握不大的字，'}
            点击一行（文字或原图上的框）可对照原图改正，改正后重新识别标题、文号和日期。
          </Text>
          <Group align="flex-start" wrap="nowrap" gap="md">
            <Stack gap={4}>
              {page && <PageImage stagedId={target!.stagedId} page={page} lines={lines} chosen={chosen} onChoose={choose} />}
              {data.pages.length > 1 && <Pagination size="sm" total={data.pages.length} value={pageIndex + 1} onChange={(v) => setPageIndex(v - 1)} getItemProps={(n) => ({ 'aria-label': `第 ${data.pages[n - 1].page + 1} 页` })} />}
            </Stack>
            <ScrollArea h={640} style={{ flex: 1 }} type="auto">
              <Stack gap={2} data-testid="scan-lines">
                {lines.map((l) =>
                  l.line === chosen ? (
                    <Group key={l.line} gap={4} wrap="nowrap">
                      <TextInput
                        style={{ flex: 1 }}
                        size="xs"
                        aria-label={`改正第 ${l.line} 行`}
                        value={draft}
                        autoFocus
                        onChange={(e) => setDraft(e.currentTarget.value)}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter') void save();
                          if (e.key === 'Escape') setChosen(null);
                        }}
                      />
                      <Button size="compact-xs" onClick={() => void save()} loading={busy}>
                        改正
                      </Button>
                    </Group>
                  ) : (
                    <Text
                      key={l.line}
                      size="sm"
                      style={{ cursor: 'pointer', fontFamily: 'inherit', whiteSpace: 'pre-wrap' }}
                      onClick={() => choose(l.line)}
                      data-testid={`scan-line-${l.line}`}
                    >
                      <Text span c="dimmed" size="xs" mr={6}>
                        {l.line}
                      </Text>
                      <MarkedLine line={l} />
                      {l.corrected && (
                        <Badge ml={6} size="xs" variant="light" color="green">
                          已校对
                        </Badge>
                      )}
                    </Text>
                  ),
                )}
              </Stack>
            </ScrollArea>
          </Group>
          <ErrorAlert message={error} title="未能改正" onClose={() => setError(null)} />
          {data.lowCount === 0 && lines.some((l) => l.corrected) && (
            <Alert color="green" variant="light">
              把握不大的字都已核对。
            </Alert>
          )}
        </Stack>
      )}
    </Modal>
  );
}

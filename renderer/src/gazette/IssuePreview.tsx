import { Badge, Group, Loader, Pagination, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { errorMessage } from '../api/call';
import { useCall } from '../api/CallProvider';
import { ErrorAlert } from '../common/ErrorAlert';

/** pdf.js is large: loaded on first preview, its worker served from our own origin (the CSP allows only 'self'). */
async function loadPdfjs() {
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  return pdfjs;
}

function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

interface ContentsLine {
  title: string;
  /** 1-based page in the file */
  sheet: number;
  /** the printed page number (`— n —`), counted from the first document */
  printed: number;
}

/** Each document's bookmark → the page it starts on; printed numbers restart at the first document. */
async function contentsOf(pdf: PDFDocumentProxy): Promise<ContentsLine[]> {
  const outline = (await pdf.getOutline()) ?? [];
  const lines: Array<{ title: string; sheet: number }> = [];
  for (const item of outline) {
    if (['封面', '目录', '报头'].includes(item.title) || !item.dest) continue;
    const dest = typeof item.dest === 'string' ? await pdf.getDestination(item.dest) : item.dest;
    if (!dest) continue;
    lines.push({ title: item.title, sheet: (await pdf.getPageIndex(dest[0] as never)) + 1 });
  }
  const first = lines[0]?.sheet ?? 1;
  return lines.map((l) => ({ ...l, printed: l.sheet - first + 1 }));
}

/**
 * The issue as it will print: the PDF the export makes, drawn with pdf.js. Refreshes after each change (debounced;
 * the newest answer wins) while the editor stays usable; the old pages stay visible until the new ones are ready.
 */
export function IssuePreview({ id, version }: { id: string; version: number }) {
  const call = useCall();
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [contents, setContents] = useState<ContentsLine[]>([]);
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    setBusy(true);
    const timer = setTimeout(() => {
      Promise.all([call('export:gazette', { id, format: 'pdf' }), loadPdfjs()])
        .then(async ([file, pdfjs]) => {
          const doc = await pdfjs.getDocument({ data: fromBase64(file.dataBase64), isEvalSupported: false }).promise;
          const lines = await contentsOf(doc);
          if (mine !== seq.current) return void doc.destroy();
          setPdf((old) => {
            void old?.destroy();
            return doc;
          });
          setContents(lines);
          setPage((p) => Math.min(p, doc.numPages));
          setError(null);
          setBusy(false);
        })
        .catch((err: unknown) => {
          if (mine !== seq.current) return;
          setError(errorMessage(err));
          setBusy(false);
        });
    }, 400);
    return () => clearTimeout(timer);
  }, [call, id, version]);

  useEffect(() => {
    if (!pdf || !canvas.current) return;
    let task: { cancel(): void; promise: Promise<void> } | null = null;
    let live = true;
    void pdf.getPage(page).then((p) => {
      if (!live || !canvas.current) return;
      const viewport = p.getViewport({ scale: 560 / p.getViewport({ scale: 1 }).width });
      const c = canvas.current;
      c.width = viewport.width;
      c.height = viewport.height;
      task = p.render({ canvas: c, canvasContext: c.getContext('2d')!, viewport });
      task.promise.catch(() => {});
    });
    return () => {
      live = false;
      task?.cancel();
    };
  }, [pdf, page]);

  return (
    <Paper withBorder p="sm" aria-label="印刷预览">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          印刷预览
        </Title>
        <Group gap="xs">
          {busy && <Loader size="xs" aria-label="预览更新中" />}
          {pdf && (
            <Badge variant="light" data-testid="preview-pages">
              共 {pdf.numPages} 页
            </Badge>
          )}
        </Group>
      </Group>
      <ErrorAlert message={error} title="预览未能生成" />
      {pdf && (
        <Stack gap="xs">
          <Table fz="xs" verticalSpacing={2} data-testid="preview-contents">
            <Table.Tbody>
              {contents.map((l) => (
                <Table.Tr key={`${l.sheet}-${l.title}`} onClick={() => setPage(l.sheet)} style={{ cursor: 'pointer' }}>
                  <Table.Td>{l.title}</Table.Td>
                  <Table.Td w={70} ta="right" data-testid="preview-page">
                    — {l.printed} —
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pagination size="sm" total={pdf.numPages} value={page} onChange={setPage} siblings={1} boundaries={1} />
          <canvas ref={canvas} style={{ width: 560, maxWidth: '100%', border: '1px solid #ddd', background: 'white' }} />
          <Text size="xs" c="dimmed">
            第 {page} / {pdf.numPages} 页（文件页），与导出的 PDF 相同
          </Text>
        </Stack>
      )}
    </Paper>
  );
}

import { Group, Loader, Pagination, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useRequest } from '../api/use-request';
import { Panel } from '../common/Panel';

/** One page image of a stored document's scan. */
function StoredPage({ documentId, page }: { documentId: string; page: number }) {
  const image = useRequest('import:documentScanPage', { documentId, page });
  if (image.error) return <Text c="red" size="sm">{image.error}</Text>;
  if (!image.data) return <Loader size="sm" />;
  return <img src={`data:image/jpeg;base64,${image.data.jpegBase64}`} alt={`扫描原件第 ${page + 1} 页`} style={{ width: '100%', maxWidth: 620, border: '1px solid #d0d4da' }} />;
}

/** 扫描原件: for a document whose text was read by OCR, where it came from and its pages; nothing otherwise. */
export function ScanPages({ documentId }: { documentId: string }) {
  const { data } = useRequest('import:documentScan', { documentId });
  const [at, setAt] = useState(0);
  if (!data) return null;
  const page = data.pages[Math.min(at, data.pages.length - 1)];
  return (
    <div style={{ marginTop: 16 }}>
    <Panel title="扫描原件">
      <Stack gap="xs">
        <Text size="sm" data-testid="ocr-note">
          正文由 OCR 识别自扫描件“{data.fileName}”（{data.pages.length} 页，{data.engine}）
          {data.lowConfidence ? `；导入时有 ${data.lowConfidence} 个字识别把握不大而未经校对，引用前请对照原件。` : '；导入时已对照原图核对。'}
        </Text>
        {data.pages.length > 1 && (
          <Group>
            <Pagination size="sm" total={data.pages.length} value={at + 1} onChange={(v) => setAt(v - 1)} />
          </Group>
        )}
        {page && <StoredPage documentId={documentId} page={page.page} />}
      </Stack>
    </Panel>
    </div>
  );
}

import { Alert, Button, Checkbox, Group, List, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Res } from '../../../shared/contract';
import type { ExportedFile, ExportFormat } from '../../../shared/contract/export';
import { errorMessage } from '../api/call';
import { useCall } from '../api/CallProvider';
import { downloadExported } from './download';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  /** null = closed */
  format: ExportFormat | null;
  /** what is being exported, e.g. the document title */
  subject: string;
  run: (format: ExportFormat, opts: { letterhead: boolean }) => Promise<ExportedFile>;
  onClose: () => void;
  /** offer the 版头 (发文机关标志 and red rule) for a single document */
  offerLetterhead?: boolean;
}

/** Runs an export, downloads the file, and tells which fonts were substituted and what the exporter warned about. */
export function ExportDialog({ format, subject, run, onClose, offerLetterhead = false }: Props) {
  const call = useCall();
  const [file, setFile] = useState<ExportedFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fonts, setFonts] = useState<Res<'export:fonts'> | null>(null);
  const [letterhead, setLetterhead] = useState(false);

  useEffect(() => {
    if (!format) return;
    let live = true;
    setFile(null);
    setError(null);
    call('export:fonts', {}).then(
      (f) => live && setFonts(f),
      () => live && setFonts(null),
    );
    run(format, { letterhead }).then(
      (res) => {
        if (!live) return;
        setFile(res);
        downloadExported(res);
      },
      (err: unknown) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
    // `run` is recreated by parents on every render; the export should run once per opening.
  }, [format, call, letterhead]);

  const label = format ? format.toUpperCase() : '';
  return (
    <Modal opened={format !== null} onClose={onClose} title={`导出 ${label}：${subject}`} size="xl">
      <Stack gap="sm">
        {offerLetterhead && (
          <Checkbox
            label="加印版头（红色发文机关标志和分隔线）"
            checked={letterhead}
            onChange={(e) => setLetterhead(e.currentTarget.checked)}
          />
        )}
        {!file && !error && (
          <Group gap="xs">
            <Loader size="sm" />
            <Text size="sm">正在按 GB/T 9704 版式生成 {label}…</Text>
          </Group>
        )}
        <ErrorAlert message={error} title="导出失败" />
        {file && (
          <Alert color="green" title="已生成">
            <Group justify="space-between">
              <Text size="sm">
                {file.fileName}
                {file.pages !== null ? `，共 ${file.pages} 页` : ''}。浏览器已开始下载。
              </Text>
              <Button size="xs" variant="light" onClick={() => downloadExported(file)}>
                再次下载
              </Button>
            </Group>
          </Alert>
        )}
        {file && file.warnings.length > 0 && (
          <Alert color="orange" title="导出提示">
            <List size="sm">
              {file.warnings.map((w, i) => (
                <List.Item key={i}>{w}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {fonts && fonts.length > 0 && (
          <>
            <Text size="sm" fw={600}>
              字体
            </Text>
            <Text size="xs" c="dimmed">
              DOCX 中写入公文标准字体名称，由本机 Word/WPS 使用已安装的字体；PDF 和 OFD 嵌入可自由使用的字体（只含用到的字），标准字体缺失时以相近字体替代。
            </Text>
            <Table fz="sm" withTableBorder striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>用途</Table.Th>
                  <Table.Th>DOCX 字体</Table.Th>
                  <Table.Th>PDF/OFD 字体</Table.Th>
                  <Table.Th>说明</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {fonts.map((f) => (
                  <Table.Tr key={f.role}>
                    <Table.Td>{f.role}</Table.Td>
                    <Table.Td>{f.docxName}</Table.Td>
                    <Table.Td>{f.pdfFont}</Table.Td>
                    <Table.Td c={f.note ? 'orange.8' : undefined}>{f.note ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Modal>
  );
}

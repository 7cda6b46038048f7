import { Button, type MantineSize } from '@mantine/core';
import type { ExportFormat } from '../../../shared/contract/export';

interface Props {
  onPick: (format: ExportFormat) => void;
  disabled?: boolean;
  size?: MantineSize;
  /** the PDF button stands out unless the row's buttons are all light */
  allLight?: boolean;
}

/** The export buttons of a page: DOCX, PDF and OFD, each opening the export dialog in that format. */
export function ExportButtons({ onPick, disabled = false, size, allLight = false }: Props) {
  return (
    <>
      <Button size={size} variant="light" disabled={disabled} onClick={() => onPick('docx')}>
        导出 DOCX
      </Button>
      <Button size={size} variant={allLight ? 'light' : 'filled'} disabled={disabled} onClick={() => onPick('pdf')}>
        导出 PDF
      </Button>
      <Button size={size} variant="light" disabled={disabled} onClick={() => onPick('ofd')}>
        导出 OFD
      </Button>
    </>
  );
}

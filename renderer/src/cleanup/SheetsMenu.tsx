import { Alert, Button, Group, List, Menu, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import type { SheetImportReport } from '../../../shared/contract/cleanup';
import { errorMessage } from '../api/call';
import { useCall } from '../api/CallProvider';
import { downloadExported } from '../common/download';
import { ErrorAlert } from '../common/ErrorAlert';
import { readAsBase64 } from '../import/read-file';
import { GuardedButton } from '../accounts/Allowed';

/** Review sheets for the drafting offices: one .xlsx per issuer out, the returned sheets in, with a report. */
export function SheetsMenu({ id, issuers, readOnly, onImported }: { id: string; issuers: string[]; readOnly: boolean; onImported: () => void }) {
  const call = useCall();
  const fileRef = useRef<HTMLInputElement>(null);
  const [report, setReport] = useState<SheetImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const exportSheet = async (issuer: string) => {
    setError(null);
    try {
      downloadExported(await call('cleanup:sheet', { id, issuer }));
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const importSheet = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setReport(null);
    if (!file.name.toLowerCase().endsWith('.xlsx')) return setError(`“${file.name}”不是 .xlsx 文件：请选择由本系统导出、机关填写后返回的审查意见表`);
    try {
      setReport(await call('cleanup:import-sheet', { id, dataBase64: await readAsBase64(file) }));
      onImported();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <>
      <Group gap="xs">
        <Menu position="bottom-end">
          <Menu.Target>
            <Button size="xs" variant="default">
              导出审查意见表…
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>按制定机关导出 .xlsx</Menu.Label>
            {issuers.map((i) => (
              <Menu.Item key={i} onClick={() => void exportSheet(i)}>
                {i}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <GuardedButton channel="cleanup:import-sheet" size="xs" variant="default" disabled={readOnly} onClick={() => fileRef.current?.click()}>
          导入返回的意见表…
        </GuardedButton>
        <input ref={fileRef} type="file" accept=".xlsx" style={{ display: 'none' }} aria-label="导入审查意见表" onChange={(e) => {
          void importSheet(e.currentTarget.files?.[0]);
          e.currentTarget.value = '';
        }} />
      </Group>
      <ErrorAlert message={error} title="审查意见表" onClose={() => setError(null)} />
      {report && (
        <Alert color={report.unmatched.length || report.conflicts.length ? 'orange' : 'green'} title="审查意见表已读取" withCloseButton onClose={() => setReport(null)}>
          <Text size="sm">
            共 {report.rows} 行：写入意见 {report.applied} 件，未变 {report.unchanged} 件，未匹配 {report.unmatched.length} 行，冲突 {report.conflicts.length} 行（未覆盖已有意见）。
          </Text>
          <List size="sm">
            {report.unmatched.map((u) => (
              <List.Item key={`u${u.row}`}>
                第{u.row}行 {u.docNumber} {u.title}：{u.problem}
              </List.Item>
            ))}
            {report.conflicts.map((c) => (
              <List.Item key={`c${c.row}`}>
                第{c.row}行《{c.title}》：已有意见“{c.existing}”，表中为“{c.incoming}”
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </>
  );
}

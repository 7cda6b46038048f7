import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../api/call';
import { useCall } from '../api/CallProvider';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../common/ErrorAlert';
import { displayDocNumber, todayIso } from '../common/format';

/** Publishing: the completeness gate's list of what is missing, or the notice's 文号 and date and the final step. */
export function PublishModal({ id, organizer, opened, onClose, onDone }: { id: string; organizer: string; opened: boolean; onClose: () => void; onDone: () => void }) {
  const call = useCall();
  const gate = useRequest('cleanup:gate', opened ? { id } : null);
  // the notice is the organising body's: its name is shown and confirmed here, never taken from the scope
  const [issuer, setIssuer] = useState(organizer);
  const [docNumber, setDocNumber] = useState('');
  const [date, setDate] = useState(todayIso());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('cleanup:publish', { id, docNumber, date, issuer: issuer.trim() });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const missing = gate.data?.missing ?? [];
  return (
    <Modal opened={opened} onClose={onClose} title="公布清理结果并应用到文件库" size="lg">
      <Stack gap="sm">
        <ErrorAlert message={gate.error} />
        {gate.data && !gate.data.complete && (
          <Alert color="orange" title={`尚有 ${missing.length} 件文件缺少决定或理由，暂不能公布`}>
            <List size="sm" mah={300} style={{ overflow: 'auto' }} data-testid="missing-list">
              {missing.slice(0, 200).map((m) => (
                <List.Item key={m.documentId}>
                  《{m.title}》{m.docNumber ? `（${displayDocNumber(m.docNumber)}）` : ''}：{m.problem}
                </List.Item>
              ))}
            </List>
            {missing.length > 200 && <Text size="sm">……另有 {missing.length - 200} 件</Text>}
          </Alert>
        )}
        {gate.data?.complete && (
          <>
            <Text size="sm">
              公布后：决定废止的文件自公布之日起为“已废止”（由清理结果通知废止）；宣布失效的为“宣布失效”；决定修改的在关联修改文件后为“已修改”；继续有效的不变。可整体撤销。
            </Text>
            <TextInput
              label="发文机关"
              description={issuer.trim() ? `通知标题：${issuer.trim()}关于公布行政规范性文件清理结果的通知` : '以哪个机关的名义公布清理结果'}
              placeholder="如 招远市人民政府"
              value={issuer}
              onChange={(e) => setIssuer(e.currentTarget.value)}
              error={!issuer.trim() ? '请填写发文机关' : undefined}
            />
            <Group grow>
              <TextInput label="清理结果通知文号" placeholder="如 高政字〔2021〕60号" value={docNumber} onChange={(e) => setDocNumber(e.currentTarget.value)} />
              <TextInput label="公布日期" placeholder="YYYY-MM-DD" value={date} onChange={(e) => setDate(e.currentTarget.value)} />
            </Group>
            <ErrorAlert message={error} title="未能公布" />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                取消
              </Button>
              <Button color="red" onClick={publish} loading={busy} disabled={!issuer.trim() || !docNumber.trim() || !/^\d{4}-\d{2}-\d{2}$/.test(date)}>
                公布并应用
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}

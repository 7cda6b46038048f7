import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../api/call';
import { useCall } from '../api/CallProvider';
import { ErrorAlert } from '../common/ErrorAlert';
import { navigate } from '../shell/router';

/** 删除: moves the document to the trash after a confirmation, then returns to the library. */
export function DeleteDocumentButton({ id, title }: { id: string; title: string }) {
  const call = useCall();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('documents:delete', { id });
      setOpen(false);
      navigate({ name: 'library' });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="xs" variant="default" color="red" onClick={() => setOpen(true)}>
        删除
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="删除文件" centered>
        <Stack gap="sm">
          <Text size="sm">将《{title}》移入回收站？它将从文件库、检索和状态统计中消失，与其他文件的关系一并保存，可随时在回收站中恢复。</Text>
          <ErrorAlert message={error} title="未能删除" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>取消</Button>
            <Button color="red" loading={busy} onClick={remove}>移入回收站</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

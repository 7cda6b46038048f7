import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../api/call';
import { ErrorAlert } from './ErrorAlert';

/**
 * 删除 with a confirmation that says what happens: the thing goes to the trash (restorable), never away for good.
 * `remove` does the call; `done` runs after it succeeded (usually navigating away from what no longer exists).
 */
export function TrashButton({ heading, explanation, remove, done, label = '删除' }: {
  heading: string;
  explanation: string;
  remove: () => Promise<unknown>;
  done: () => void;
  label?: string;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await remove();
      setOpen(false);
      done();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="xs" variant="default" color="red" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={heading} centered>
        <Stack gap="sm">
          <Text size="sm">{explanation}</Text>
          <ErrorAlert message={error} title="未能删除" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>取消</Button>
            <Button color="red" loading={busy} onClick={run}>移入回收站</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

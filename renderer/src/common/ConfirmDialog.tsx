import { Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useAction } from '../api/use-action';
import { DialogActions } from './DialogActions';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  opened: boolean;
  title: string;
  /** what will happen, in a sentence the person can check before confirming */
  children: ReactNode;
  confirmLabel: string;
  /** the service call; a refusal is shown in the dialog, which stays open */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  failedTitle?: string;
}

/** A destructive action asked once more, with the service's refusal shown in place. */
export function ConfirmDialog({ opened, title, children, confirmLabel, onConfirm, onClose, failedTitle = '操作未完成' }: Props) {
  const action = useAction();
  const close = () => {
    action.setError(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={title} centered>
      <Stack gap="sm">
        <Text size="sm" component="div">
          {children}
        </Text>
        <ErrorAlert message={action.error} title={failedTitle} />
        <DialogActions label={confirmLabel} color="red" busy={action.busy} onCancel={close} onConfirm={async () => (await action.run(onConfirm)) && close()} />
      </Stack>
    </Modal>
  );
}

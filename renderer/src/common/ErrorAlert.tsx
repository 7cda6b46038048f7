import { Alert } from '@mantine/core';

/** A service error in plain Chinese, inline where it happened. */
export function ErrorAlert({ message, title = '操作未完成', onClose }: { message: string | null; title?: string; onClose?: () => void }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" title={title} withCloseButton={!!onClose} onClose={onClose} role="alert">
      {message}
    </Alert>
  );
}

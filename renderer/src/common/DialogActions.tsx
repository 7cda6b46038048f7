import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';

/** A dialog's footer: 取消 and the action (other buttons, e.g. a reload offer, go first). */
export function DialogActions({ label, onConfirm, onCancel, busy, color, children }: {
  label: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy: boolean;
  color?: string;
  children?: ReactNode;
}) {
  return (
    <Group justify="flex-end">
      {children}
      <Button variant="default" onClick={onCancel}>
        取消
      </Button>
      <Button color={color} onClick={onConfirm} loading={busy}>
        {label}
      </Button>
    </Group>
  );
}

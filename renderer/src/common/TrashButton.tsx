import { Button } from '@mantine/core';
import { useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog';

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
  return (
    <>
      <Button size="xs" variant="default" color="red" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <ConfirmDialog
        opened={open}
        title={heading}
        confirmLabel="移入回收站"
        failedTitle="未能删除"
        onClose={() => setOpen(false)}
        onConfirm={async () => {
          await remove();
          done();
        }}
      >
        {explanation}
      </ConfirmDialog>
    </>
  );
}

import { Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A bordered section of a page with its heading (document facts, relations, settings…). */
export function Panel({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

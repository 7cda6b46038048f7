import { Badge } from '@mantine/core';
import type { DocumentStatus } from '../../../shared/domain/document';
import { STATUS_COLORS } from './format';

/** A document status as a coloured badge (colour carries meaning, text carries the status). */
export function StatusBadge({ status, size = 'sm' }: { status: DocumentStatus; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant={status === '已失效' ? 'outline' : 'light'} size={size} radius="sm">
      {status}
    </Badge>
  );
}

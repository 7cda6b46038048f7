import { Alert, List } from '@mantine/core';
import { useRequest } from '../api/use-request';

/** 待核对: why the document is marked for review (dates that contradict each other, characters lost in a damaged file). */
export function ReviewFlags({ documentId }: { documentId: string }) {
  const { data } = useRequest('import:flags', { documentId });
  if (!data?.length) return null;
  return (
    <Alert color="orange" variant="light" title="待核对" data-testid="review-flags">
      <List size="sm" spacing={2}>
        {data.map((f) => (
          <List.Item key={f.kind}>{f.message}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

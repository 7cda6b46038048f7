import { Group, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/call';
import { useCall } from '../api/CallProvider';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../common/ErrorAlert';
import { GuardedButton } from '../accounts/Allowed';

/** The standard reasons offered in the review, one per line, editable. */
export function ReasonsEditor() {
  const call = useCall();
  const reasons = useRequest('cleanup:reasons', {});
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (reasons.data) setText(reasons.data.join('\n'));
  }, [reasons.data]);
  const list = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const save = async () => {
    setError(null);
    setSaved(false);
    try {
      await call('cleanup:set-reasons', { reasons: list });
      setSaved(true);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <Stack gap="sm" maw={600}>
      <Text size="sm" c="dimmed">
        审查时可选的标准理由，每行一条。已作出的决定中的理由不受影响。
      </Text>
      <Textarea autosize minRows={8} value={text} onChange={(e) => { setText(e.currentTarget.value); setSaved(false); }} aria-label="标准理由" />
      <ErrorAlert message={error ?? reasons.error} onClose={() => setError(null)} />
      <Group>
        <GuardedButton channel="cleanup:set-reasons" onClick={save} disabled={!list.length}>
          保存标准理由
        </GuardedButton>
        {saved && <Text size="sm" c="green">已保存</Text>}
      </Group>
    </Stack>
  );
}

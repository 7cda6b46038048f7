import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ImportSummary } from '../../../shared/contract/import';
import { errorMessage } from '../api/call';
import { useCall } from '../api/CallProvider';
import { ErrorAlert } from '../common/ErrorAlert';
import { countDocs } from '../common/format';
import { routeHref } from '../shell/router';

/** What an empty library says: nothing stored yet, how to import, and a one-click sample library. */
export function EmptyLibrary({ onLoaded }: { onLoaded: () => void }) {
  const call = useCall();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);

  const loadSamples = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await call('import:samples', {});
      setSummary(res);
      onLoaded();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="xl" maw={720} mx="auto" mt="xl">
      <Stack gap="md">
        <Title order={2} size="h3">
          文件库中还没有文件
        </Title>
        <Text>
          NormDesk 把规范性文件保存在本机。可以导入政府公报或文件汇编（.txt、.docx、.pdf、.ofd），系统会拆分出每一件文件，识别文号、发文机关、成文日期、施行日期和有效期，经您核对后保存。
        </Text>
        <Text c="dimmed" size="sm">
          想先看看效果？可以一键载入随软件附带的示例公报（山东省几个区县 2021—2022 年的公报与文件汇编），以后随时可以删除。
        </Text>
        <Group>
          <Button onClick={loadSamples} loading={busy}>
            载入示例公报
          </Button>
          <Anchor href={routeHref({ name: 'import' })}>导入文件…</Anchor>
        </Group>
        <ErrorAlert message={error} title="示例公报未能载入" />
        {summary && (
          <Alert color="green" title="示例公报已载入">
            新增 {countDocs(summary.created.length)}，已存在 {countDocs(summary.skipped.length)}。
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

import { Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useCall } from '../api/CallProvider';
import { useAction } from '../api/use-action';
import { downloadExported } from '../common/download';
import { ErrorAlert } from '../common/ErrorAlert';
import { Panel } from '../common/Panel';
import { PackageImport } from './PackageImport';
import { ReviewTab } from './ReviewTab';
import { SendingTab } from './SendingTab';

/** 导出整个文件库 as one signed package (for another office, or the office PC on the other network). */
function ExportLibrary() {
  const call = useCall();
  const act = useAction();
  return (
    <Panel title="导出数据包">
      <Group>
        <Button
          variant="light"
          loading={act.busy}
          onClick={() =>
            act.run(async () => {
              const p = await call('packages:export', { selection: { kind: 'all' } });
              downloadExported({ fileName: p.fileName, mime: 'application/octet-stream', dataBase64: p.dataBase64, pages: null, warnings: [] });
            })
          }
        >
          导出整个文件库
        </Button>
        <Text size="sm" c="dimmed">
          含文件、关系、清理项目、公报期次和修改记录，以本机关密钥签名。按筛选、清理项目或公报期次导出请用命令行 normdesk package export。
        </Text>
      </Group>
      <ErrorAlert message={act.error} />
    </Panel>
  );
}

/** 备案与交换: filing with the higher level, reviewing lower offices' filings, and packages between networks. */
export function FilingPage() {
  const [tab, setTab] = useState<string | null>('send');
  const [tick, setTick] = useState(0);
  return (
    <Stack gap="md">
      <Title order={2} size="h3" className="nd-page-title">
        备案与交换
      </Title>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="send">报送备案</Tabs.Tab>
          <Tabs.Tab value="review">备案审查</Tabs.Tab>
          <Tabs.Tab value="packages">数据包</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="send" pt="md">
          <SendingTab key={tick} />
        </Tabs.Panel>
        <Tabs.Panel value="review" pt="md">
          <ReviewTab key={tick} />
        </Tabs.Panel>
        <Tabs.Panel value="packages" pt="md">
          <Stack gap="md">
            <PackageImport onImported={() => setTick((t) => t + 1)} />
            <ExportLibrary />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

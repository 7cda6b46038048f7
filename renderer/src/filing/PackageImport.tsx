import { Alert, Badge, Button, Code, FileButton, Group, List, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { PACKAGE_KIND_LABELS, RESOLUTION_LABELS, type PackageImportResult, type PackagePreview, type Resolution } from '../../../shared/contract/packages';
import { errorMessage } from '../api/call';
import { useCall } from '../api/CallProvider';
import { useAction } from '../api/use-action';
import { ErrorAlert } from '../common/ErrorAlert';
import { Panel } from '../common/Panel';
import { readAsBase64 } from '../import/read-file';

/** The conflicts side by side, each with its own choice (保留本机 · 采用对方 · 两者都保留). */
function Conflicts({ preview, choices, onChoose }: { preview: PackagePreview; choices: Record<string, Resolution>; onChoose: (id: string, r: Resolution) => void }) {
  return (
    <Stack gap="sm">
      {preview.documents.conflicts.map((c) => (
        <Stack key={c.remoteId} gap={4} p="xs" style={{ border: '1px solid var(--mantine-color-orange-3)', borderRadius: 4 }} data-testid="conflict">
          <Group justify="space-between">
            <Group gap="xs">
              <Text fw={600}>
                《{c.title}》{c.docNumber ?? ''}
              </Text>
              {c.bothEdited ? <Badge color="orange">双方均有修改</Badge> : <Badge color="blue">对方有修改</Badge>}
            </Group>
            <SegmentedControl
              size="xs"
              value={choices[c.remoteId] ?? ''}
              onChange={(v) => onChoose(c.remoteId, v as Resolution)}
              data={(['mine', 'theirs', 'both'] as const).map((r) => ({ value: r, label: RESOLUTION_LABELS[r] }))}
              aria-label={`《${c.title}》的处理`}
            />
          </Group>
          <Table fz="sm" withTableBorder layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>项目</Table.Th>
                <Table.Th>本机</Table.Th>
                <Table.Th>对方（{preview.info.sender.name}）</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.fields.map((f) => (
                <Table.Tr key={f.field}>
                  <Table.Td>{f.label}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{f.mine.slice(0, 400)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{f.theirs.slice(0, 400)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ))}
    </Stack>
  );
}

/** 导入数据包: pick a .ndpkg, see who sent it and what importing would do, choose per conflict, then import. */
export function PackageImport({ onImported }: { onImported?: () => void }) {
  const call = useCall();
  const [file, setFile] = useState<{ fileName: string; dataBase64: string } | null>(null);
  const [preview, setPreview] = useState<PackagePreview | null>(null);
  const [choices, setChoices] = useState<Record<string, Resolution>>({});
  const [result, setResult] = useState<PackageImportResult | null>(null);
  const action = useAction();
  const pick = (f: File | null) => {
    if (!f) return;
    setPreview(null);
    setResult(null);
    void action.run(async () => {
      const picked = { fileName: f.name, dataBase64: await readAsBase64(f) };
      const p = await call('packages:preview', picked).catch((err: unknown) => {
        // browser mode caps a request's size; the desktop app and the command line take packages up to 512 MB
        const message = errorMessage(err);
        throw new Error(/请求过大/.test(message) ? `${message}。较大的数据包请在桌面应用中导入，或用命令行 normdesk package import。` : message);
      });
      setFile(picked);
      setPreview(p);
      setChoices(Object.fromEntries(p.documents.conflicts.map((c) => [c.remoteId, c.suggested])));
    });
  };
  const doImport = () =>
    action.run(async () => {
      const r = await call('packages:import', { ...file!, choices });
      setResult(r);
      setPreview(null);
      onImported?.();
    });
  const i = preview?.info;
  return (
    <Panel title="导入数据包">
      <Stack gap="sm">
        <Group>
          <FileButton onChange={pick} accept=".ndpkg">
            {(props) => (
              <Button variant="light" {...props} loading={action.busy && !preview}>
                选择数据包（.ndpkg）…
              </Button>
            )}
          </FileButton>
          <Text size="sm" c="dimmed">
            导入前先检查签名和校验值，并列出将发生的变化；确认前不写入任何内容。
          </Text>
        </Group>
        <ErrorAlert message={action.error} title="数据包未导入" />
        {result && (
          <Alert color="green" title={result.changed ? `已导入“${result.sender}”的数据包` : '此数据包此前已导入'}>
            {result.changed
              ? `新增 ${result.created} 件，采用对方 ${result.replaced} 件，保留本机 ${result.keptMine} 件，两者都保留 ${result.copies} 件，未变 ${result.unchanged} 件。`
              : '未作任何改动。'}
            {result.filing.length > 0 && <List size="sm">{result.filing.map((f) => <List.Item key={f}>{f}</List.Item>)}</List>}
          </Alert>
        )}
        {preview && i && (
          <Stack gap="xs" data-testid="package-preview">
            <Text fw={600}>
              {PACKAGE_KIND_LABELS[i.kind]}：{i.label}
            </Text>
            <Group gap="xs">
              <Text size="sm">
                发送机关：{i.sender.name}　密钥指纹：<Code>{i.sender.fingerprint}</Code>
              </Text>
              {i.knownSender ? <Badge color="green">此前收到过</Badge> : <Badge color="yellow">首次收到，请核对指纹</Badge>}
            </Group>
            {i.senderKeyChanged && <Alert color="red">此前收到的“{i.sender.name}”数据包使用的是另一把密钥，请与发送机关核实后再导入。</Alert>}
            {preview.alreadyImported && <Alert color="gray">此数据包已于 {preview.alreadyImported.at.slice(0, 10)} 由 {preview.alreadyImported.by} 导入，再次导入不会改变任何内容。</Alert>}
            <Text size="sm">
              新增 {preview.documents.new.length} 件 · 已有 {preview.documents.present.length} 件 · 不一致 {preview.documents.conflicts.length} 件
              {preview.campaigns.new.length > 0 && ` · 新增清理项目 ${preview.campaigns.new.length} 个`}
              {preview.issues.new.length > 0 && ` · 新增公报期次 ${preview.issues.new.length} 期`}
            </Text>
            {preview.filing.length > 0 && <List size="sm">{preview.filing.map((f) => <List.Item key={f}>{f}</List.Item>)}</List>}
            <Conflicts preview={preview} choices={choices} onChoose={(id, r) => setChoices((c) => ({ ...c, [id]: r }))} />
            <Group>
              <Button onClick={doImport} loading={action.busy}>
                导入
              </Button>
              <Button variant="subtle" onClick={() => setPreview(null)}>
                取消
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Panel>
  );
}

import { Alert, Button, Fieldset, Group, Loader, NumberInput, SegmentedControl, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Settings } from '../../../shared/contract/system';
import { errorMessage } from '../api/call';
import { useCall } from '../api/CallProvider';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../common/ErrorAlert';
import { Panel } from '../common/Panel';
import { countDocs } from '../common/format';
import { BackupPanel } from './BackupPanel';
import { ValidityRulesFieldset, validityRulesError } from './ValidityRulesFieldset';
import { OfficePanel } from '../filing/OfficePanel';
import { useSession } from '../accounts/session';

const SHELLS = { electron: '桌面应用', browser: '浏览器模式', cli: '命令行' } as const;
const INTEGRITY = { ok: '检查通过', checking: '正在后台检查…', failed: '已损坏' } as const;

/** A regex the person typed, checked before saving so a typo does not break 登记号 recognition. */
function patternError(p: string): string | null {
  try {
    new RegExp(p);
    return null;
  } catch {
    return '不是有效的正则表达式';
  }
}

function SettingsForm({ initial, onSaved }: { initial: Settings; onSaved: (s: Settings) => void }) {
  const call = useCall();
  const [s, setS] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setS(initial), [initial]);

  const mast = (k: Exclude<keyof Settings['masthead'], 'issueUnit'>) => ({
    value: s.masthead[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const v = e.currentTarget.value;
      setS((p) => ({ ...p, masthead: { ...p.masthead, [k]: v } }));
    },
  });
  const regexError = patternError(s.registrationPattern);
  // Refused with a message, never clamped silently: 0 would turn the 即将到期 status off without saying so.
  const [windowText, setWindowText] = useState<string | number>(s.expiryWindowMonths);
  useEffect(() => setWindowText(initial.expiryWindowMonths), [initial]);
  const windowError =
    typeof windowText === 'number' && Number.isInteger(windowText) && windowText >= 1 && windowText <= 24
      ? null
      : '即将到期提醒（月）应为 1 至 24 之间的整数，例如 6';

  const rulesError = validityRulesError(s.validityRules);

  const save = async () => {
    if (regexError || windowError || rulesError) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const res = await call('settings:update', s);
      onSaved(res);
      setSaved(true);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      <Fieldset legend="有效期与检索">
        <Stack gap="sm">
          <NumberInput
            label="即将到期提醒（月）"
            description="有效期届满前多少个月内显示为“即将到期”（山东省行政程序规定第五十三条：届满前 6 个月内评估）"
            value={windowText}
            onChange={(v) => {
              setWindowText(v);
              if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 24) setS((p) => ({ ...p, expiryWindowMonths: v }));
            }}
            allowDecimal={false}
            error={windowError}
            w={320}
          />
          <Switch
            label="检索结果中现行有效的文件排在前面"
            checked={s.inForceFirst}
            onChange={(e) => {
              const checked = e.currentTarget.checked;
              setS((p) => ({ ...p, inForceFirst: checked }));
            }}
          />
          <TextInput
            label="登记号格式（正则表达式）"
            description="用于识别标题上方的登记号 / 统一编号，如 GQDR-2021-0020002"
            value={s.registrationPattern}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setS((p) => ({ ...p, registrationPattern: v }));
            }}
            error={regexError}
            ff="monospace"
          />
          <NumberInput
            label="备份保留天数"
            description="自动备份保留的天数（1–3650），最新的一份总会保留"
            min={1}
            max={3650}
            value={s.backupRetentionDays}
            onChange={(v) => setS((p) => ({ ...p, backupRetentionDays: typeof v === 'number' ? v : Number(v) || 0 }))}
            w={320}
          />
        </Stack>
      </Fieldset>
      <ValidityRulesFieldset rules={s.validityRules} onChange={(validityRules) => setS((p) => ({ ...p, validityRules }))} />
      <Fieldset legend="公报版权页">
        <SimpleGrid cols={2}>
          <TextInput label="主办单位" {...mast('sponsor')} />
          <TextInput label="编辑出版" {...mast('editor')} />
          <TextInput label="地址" {...mast('address')} />
          <TextInput label="电话" {...mast('phone')} />
          <TextInput label="邮编" {...mast('postcode')} />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              期号印法
            </Text>
            <SegmentedControl
              data={[
                { value: '期', label: '2021年第3期' },
                { value: '号', label: '第2号（总第20号）' },
              ]}
              value={s.masthead.issueUnit ?? '期'}
              onChange={(v) => setS((p) => ({ ...p, masthead: { ...p.masthead, issueUnit: v === '号' ? '号' : '期' } }))}
            />
          </Stack>
        </SimpleGrid>
      </Fieldset>
      <ErrorAlert message={error} title="设置未保存" />
      {saved && (
        <Alert color="green" withCloseButton onClose={() => setSaved(false)}>
          设置已保存。
        </Alert>
      )}
      <Group>
        <Button onClick={save} loading={busy} disabled={!!regexError || !!windowError || !!rulesError}>
          保存设置
        </Button>
      </Group>
    </Stack>
  );
}

/** 设置: where the data lives, versions, document count, and the settings form. */
export function SettingsPage() {
  // Backups, restore and the options are the administrator's (the server refuses others anyway).
  const admin = useSession().can('admin');
  const info = useRequest('app:info', {});
  const settings = useRequest('settings:get', {});
  const [current, setCurrent] = useState<Settings | null>(null);
  useEffect(() => {
    if (settings.data) setCurrent(settings.data);
  }, [settings.data]);

  return (
    <Stack gap="md" maw={900}>
      <Title order={2} size="h3" className="nd-page-title">
        设置
      </Title>
      <Panel title="关于本机数据">
        <ErrorAlert message={info.error} title="无法读取应用信息" />
        {info.loading && !info.data && <Loader size="sm" />}
        {info.data && (
          <Table fz="sm" withRowBorders={false} verticalSpacing={4}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={140}>数据目录</Table.Th>
                <Table.Td ff="monospace">{info.data.dataDir}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>应用版本</Table.Th>
                <Table.Td>{info.data.version}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>数据库版本</Table.Th>
                <Table.Td>第 {info.data.schemaVersion} 版</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>文件数量</Table.Th>
                <Table.Td>{countDocs(info.data.documentCount)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>操作人</Table.Th>
                <Table.Td>{info.data.user}（记入修改记录）</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>运行方式</Table.Th>
                <Table.Td>{SHELLS[info.data.shell]}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>数据库完整性</Table.Th>
                <Table.Td c={info.data.integrity.state === 'failed' ? 'red' : undefined}>
                  {INTEGRITY[info.data.integrity.state]}
                  {info.data.integrity.message ? `：${info.data.integrity.message}` : ''}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        )}
      </Panel>
      <OfficePanel canEdit={admin} />
      {admin && <BackupPanel onRestored={() => info.reload()} />}
      <Panel title="选项">
        <ErrorAlert message={settings.error} title="无法读取设置" />
        {current && !admin && <Text c="dimmed">选项只有管理员可以修改。</Text>}
        {current && admin ? <SettingsForm initial={current} onSaved={setCurrent} /> : settings.loading && <Loader size="sm" />}
        {!current && !settings.loading && !settings.error && <Text c="dimmed">暂无设置。</Text>}
      </Panel>
    </Stack>
  );
}

import { Button, Code, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { FILING_RULE_LABELS, FILING_RULES, type OfficeSettings } from '../../../shared/contract/packages';
import { useCall } from '../api/CallProvider';
import { useAction } from '../api/use-action';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../common/ErrorAlert';
import { Panel } from '../common/Panel';

/**
 * 设置 → 机关与备案: the name packages carry, the filing rule and receiver, the 制定机关 filed for, and the key's
 * fingerprint — the receiver compares it (by phone, on paper) with what a package shows.
 */
export function OfficePanel({ canEdit }: { canEdit: boolean }) {
  const call = useCall();
  const office = useRequest('office:get', {});
  const [form, setForm] = useState<OfficeSettings | null>(null);
  const [issuers, setIssuers] = useState('');
  const save = useAction();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (office.data) {
      setForm(office.data);
      setIssuers(office.data.issuers.join('、'));
    }
  }, [office.data]);
  if (!form) return <Panel title="机关与备案">{office.error ? <ErrorAlert message={office.error} /> : <Text c="dimmed">正在读取…</Text>}</Panel>;
  const set = <K extends keyof OfficeSettings>(k: K, v: OfficeSettings[K]) => {
    setSaved(false);
    setForm({ ...form, [k]: v });
  };
  const submit = () =>
    save.run(async () => {
      const next = await call('office:update', {
        name: form.name,
        filingReceiver: form.filingReceiver,
        filingRule: form.filingRule,
        reviewDays: form.reviewDays,
        issuers: issuers.split(/[、,，\s]+/).map((s) => s.trim()).filter(Boolean),
      });
      setForm(next);
      setSaved(true);
      office.reload();
    });
  return (
    <Panel title="机关与备案">
      <Stack gap="sm">
        <Group align="flex-end" grow>
          <TextInput label="本机关名称（数据包的发送机关）" value={form.name} onChange={(e) => set('name', e.currentTarget.value)} disabled={!canEdit} placeholder="如：招远市人民政府办公室" />
          <TextInput label="备案机关（备案报告的主送机关）" value={form.filingReceiver} onChange={(e) => set('filingReceiver', e.currentTarget.value)} disabled={!canEdit} placeholder="如：烟台市人民政府" />
        </Group>
        <Group align="flex-end" grow>
          <Select
            label="报备期限"
            data={FILING_RULES.map((r) => ({ value: r, label: FILING_RULE_LABELS[r] }))}
            value={form.filingRule}
            onChange={(v) => v && set('filingRule', v as OfficeSettings['filingRule'])}
            allowDeselect={false}
            disabled={!canEdit}
          />
          <TextInput label="需报备文件的制定机关（用顿号分隔；空则为全部规范性文件）" value={issuers} onChange={(e) => setIssuers(e.currentTarget.value)} disabled={!canEdit} />
          <NumberInput label="收到报备后的审查期限（天）" value={form.reviewDays} min={1} max={365} onChange={(v) => typeof v === 'number' && set('reviewDays', v)} disabled={!canEdit} />
        </Group>
        <Text size="sm">
          密钥指纹：{form.fingerprint ? <Code fz="sm">{form.fingerprint}</Code> : <Text span c="dimmed">填写本机关名称并保存后生成</Text>}
        </Text>
        <Text size="xs" c="dimmed">
          接收方导入数据包时会看到发送机关的密钥指纹，请通过电话或书面方式核对，以确认数据包确由本机关发出。
        </Text>
        <ErrorAlert message={save.error} />
        {canEdit && (
          <Group>
            <Button onClick={submit} loading={save.busy}>
              保存
            </Button>
            {saved && !save.busy && <Text size="sm" c="green">已保存</Text>}
          </Group>
        )}
      </Stack>
    </Panel>
  );
}

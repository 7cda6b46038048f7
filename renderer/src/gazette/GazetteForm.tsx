import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { DEFAULT_SECTIONS, type Gazette, type GazetteInput } from '../../../shared/contract/gazettes';
import { errorMessage } from '../api/call';
import { ErrorAlert } from '../common/ErrorAlert';

const EMPTY = { title: '', numberingStyle: 'year', sponsor: '', editor: '', address: '', phone: '', postcode: '', sections: DEFAULT_SECTIONS.join('\n'), coverColor: 'red' };

/** A gazette's settings: title, numbering, masthead (主办, 编辑出版, 地址, 电话, 邮编), section presets, cover colour. */
export function GazetteForm({ gazette, opened, onClose, onSave }: { gazette: Gazette | null; opened: boolean; onClose: () => void; onSave: (input: GazetteInput) => Promise<void> }) {
  const [f, setF] = useState(EMPTY);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!opened) return;
    setError(null);
    setF(gazette ? { ...gazette, sections: gazette.sections.join('\n') } : EMPTY);
  }, [opened, gazette]);
  const field = (key: 'title' | 'sponsor' | 'editor' | 'address' | 'phone' | 'postcode', label: string, placeholder: string) => (
    <TextInput label={label} placeholder={placeholder} value={f[key]} onChange={(e) => setF({ ...f, [key]: e.currentTarget.value })} />
  );
  const save = async () => {
    try {
      await onSave({
        ...f,
        numberingStyle: f.numberingStyle as 'year' | 'cumulative',
        coverColor: f.coverColor as 'red' | 'black',
        sections: f.sections.split('\n').map((s) => s.trim()).filter(Boolean),
      });
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={gazette ? `公报设置：${gazette.title}` : '新建公报'} size="lg">
      <Stack gap="xs">
        {field('title', '公报名称', '高青县人民政府公报')}
        <Text size="sm" fw={500}>
          编号方式
        </Text>
        <SegmentedControl
          value={f.numberingStyle}
          onChange={(v) => setF({ ...f, numberingStyle: v })}
          data={[
            { value: 'year', label: '按年编期：2021年第3期' },
            { value: 'cumulative', label: '累计编号：第2号（总第20号）' },
          ]}
        />
        {field('sponsor', '主办', '高青县人民政府（留空则取公报名称）')}
        {field('editor', '编辑出版', '高青县人民政府办公室')}
        {field('address', '地址', '')}
        <Group grow>
          {field('phone', '电话', '')}
          {field('postcode', '邮编', '256300')}
        </Group>
        <Textarea label="栏目（每行一个，按印刷顺序）" autosize minRows={4} value={f.sections} onChange={(e) => setF({ ...f, sections: e.currentTarget.value })} />
        <Text size="sm" fw={500}>
          封面颜色
        </Text>
        <SegmentedControl value={f.coverColor} onChange={(v) => setF({ ...f, coverColor: v })} data={[{ value: 'red', label: '红色报头' }, { value: 'black', label: '黑色报头' }]} />
        <ErrorAlert message={error} title="未能保存" />
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button onClick={save}>保存</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

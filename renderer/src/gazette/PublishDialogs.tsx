import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { cnDate } from '../common/format';

interface Props {
  publishing: boolean;
  reopening: boolean;
  publishDate: string | null;
  /** documents whose checks failed */
  problems: number;
  onPublish: () => void;
  onReopen: (reason: string) => void;
  onClose: () => void;
}

/** Confirming a publication (what it changes in the library) and re-opening with a reason for the audit log. */
export function PublishDialogs({ publishing, reopening, publishDate, problems, onPublish, onReopen, onClose }: Props) {
  const [reason, setReason] = useState('');
  return (
    <>
      <Modal opened={publishing} onClose={onClose} title="出版本期">
        <Stack>
          <Text size="sm">
            出版后本期内容固定；出版日期 {cnDate(publishDate)} 将作为本期文件的公布日期，“自公布之日起施行”的文件据此确定施行日期和有效期。
          </Text>
          {problems > 0 && <Alert color="orange">有 {problems} 件文件的检查未通过（见目录中的红色标记），仍要出版吗？</Alert>}
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button color="green" onClick={onPublish}>
              确认出版
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={reopening} onClose={onClose} title="重新打开本期">
        <Stack>
          <Textarea label="理由（记入操作日志）" value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button
              color="orange"
              onClick={() => {
                onReopen(reason);
                setReason('');
              }}
            >
              重新打开
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

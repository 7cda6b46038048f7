import { Button, Menu, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { PASSWORD_MIN, ROLE_LABELS } from '../../../shared/contract/accounts';
import { errorMessage } from '../api/call';
import { useCall } from '../api/CallProvider';
import { ErrorAlert } from '../common/ErrorAlert';
import { useSession } from './session';

function ChangePassword({ onClose }: { onClose: () => void }) {
  const call = useCall();
  const [f, setF] = useState({ old: '', next: '', confirm: '' });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const save = async () => {
    if (f.next !== f.confirm) return setError('两次输入的新密码不一致');
    try {
      await call('session:change-password', { oldPassword: f.old, newPassword: f.next });
      setDone(true);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  if (done) {
    return (
      <Stack>
        <Text>密码已修改。其他设备上的登录已失效。</Text>
        <Button onClick={onClose}>关闭</Button>
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      <PasswordInput label="原密码" value={f.old} onChange={(e) => setF({ ...f, old: e.currentTarget.value })} autoComplete="current-password" />
      <PasswordInput label="新密码" description={`至少 ${PASSWORD_MIN} 个字符`} value={f.next} onChange={(e) => setF({ ...f, next: e.currentTarget.value })} autoComplete="new-password" />
      <PasswordInput label="再输入一次新密码" value={f.confirm} onChange={(e) => setF({ ...f, confirm: e.currentTarget.value })} autoComplete="new-password" />
      <ErrorAlert message={error} onClose={() => setError(null)} />
      <Button onClick={save} disabled={!f.old || !f.next}>
        修改密码
      </Button>
    </Stack>
  );
}

/** The header's "who am I": name and role, password change and logout (only when the library has accounts). */
export function SessionMenu() {
  const session = useSession();
  const [changing, setChanging] = useState(false);
  if (!session.accounts) return null;
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="white" size="xs" aria-label="当前用户">
            {session.displayName} · {session.role ? ROLE_LABELS[session.role] : '本机用户'}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {session.role && <Menu.Item onClick={() => setChanging(true)}>修改密码</Menu.Item>}
          <Menu.Item color="red" onClick={() => void session.logout()}>
            退出登录
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={changing} onClose={() => setChanging(false)} title="修改密码">
        <ChangePassword onClose={() => setChanging(false)} />
      </Modal>
    </>
  );
}

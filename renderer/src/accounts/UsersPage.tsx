import { Alert, Badge, Button, Group, PasswordInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { PASSWORD_MIN, ROLE_LABELS, ROLES, type Role, type UserInfo } from '../../../shared/contract/accounts';
import { errorMessage } from '../api/call';
import { useCall } from '../api/CallProvider';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../common/ErrorAlert';
import { Panel } from '../common/Panel';
import { useSession } from './session';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const ROLE_HELP = '查看：检索、阅读、导出 · 编辑：另可导入、修改文件和公报 · 法制审核：另可作清理决定、发布 · 管理员：另可管理用户、设置、备份';

/** A time stored as UTC, shown in the office's local time. */
export function localTime(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function NewUserForm({ onAdded }: { onAdded: () => void }) {
  const call = useCall();
  const empty = { name: '', displayName: '', role: 'editor' as Role, password: '', confirm: '' };
  const [f, setF] = useState(empty);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mismatch = f.confirm !== '' && f.confirm !== f.password;
  const save = async () => {
    if (f.password !== f.confirm) return setError('两次输入的密码不一致');
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const u = await call('users:add', { name: f.name, displayName: f.displayName, role: f.role, password: f.password });
      setDone(`已创建用户 ${u.name}（${ROLE_LABELS[u.role]}）`);
      setF(empty);
      onAdded();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <TextInput label="用户名" description="登录时输入，字母、数字或汉字" value={f.name} onChange={(e) => setF({ ...f, name: e.currentTarget.value })} />
        <TextInput label="姓名" description="审计日志和界面中显示" value={f.displayName} onChange={(e) => setF({ ...f, displayName: e.currentTarget.value })} />
        <Select label="角色" description="决定能做什么" data={ROLE_OPTIONS} value={f.role} onChange={(v) => v && setF({ ...f, role: v as Role })} allowDeselect={false} />
        <PasswordInput label="初始密码" description={`至少 ${PASSWORD_MIN} 个字符`} value={f.password} onChange={(e) => setF({ ...f, password: e.currentTarget.value })} autoComplete="new-password" />
        <PasswordInput label="再输入一次" value={f.confirm} error={mismatch ? '两次输入的密码不一致' : undefined} onChange={(e) => setF({ ...f, confirm: e.currentTarget.value })} autoComplete="new-password" />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {ROLE_HELP}
      </Text>
      <ErrorAlert message={error} onClose={() => setError(null)} />
      {done && <Alert color="green">{done}</Alert>}
      <Group>
        <Button onClick={save} loading={busy} disabled={!f.name || !f.password || mismatch}>
          创建用户
        </Button>
      </Group>
    </Stack>
  );
}

function UserRow({ u, self, onChanged, onError }: { u: UserInfo; self: boolean; onChanged: () => void; onError: (m: string) => void }) {
  const call = useCall();
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      onChanged();
    } catch (err) {
      onError(errorMessage(err));
    }
  };
  return (
    <Table.Tr>
      <Table.Td>{u.name}</Table.Td>
      <Table.Td>{u.displayName || '—'}</Table.Td>
      <Table.Td w={140}>
        <Select aria-label={`${u.name} 的角色`} size="xs" data={ROLE_OPTIONS} value={u.role} allowDeselect={false} onChange={(v) => v && v !== u.role && run(() => call('users:update', { name: u.name, role: v as Role }))} />
      </Table.Td>
      <Table.Td>{u.disabled ? <Badge color="gray">已停用</Badge> : <Badge color="green">可用</Badge>}</Table.Td>
      <Table.Td>{localTime(u.lastLoginAt)}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          {!self && (
            <Button size="xs" variant="default" onClick={() => run(() => call('users:update', { name: u.name, disabled: !u.disabled }))}>
              {u.disabled ? '启用' : '停用'}
            </Button>
          )}
          {resetting ? (
            <>
              <PasswordInput size="xs" aria-label={`${u.name} 的新密码`} placeholder="新密码" value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="new-password" />
              <Button size="xs" onClick={() => run(async () => { await call('users:reset-password', { name: u.name, password }); setResetting(false); setPassword(''); })}>
                确定
              </Button>
            </>
          ) : (
            <Button size="xs" variant="default" onClick={() => setResetting(true)}>
              重设密码
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** 设置 → 用户: the library's accounts, their roles, disabling and password resets (administrators only). */
export function UsersPage() {
  const session = useSession();
  const users = useRequest('users:list', session.can('admin') ? {} : null);
  const [error, setError] = useState<string | null>(null);
  if (!session.can('admin')) {
    return (
      <Alert color="yellow" title="没有权限" role="alert">
        用户管理只对管理员开放。
      </Alert>
    );
  }
  return (
    <Stack gap="md">
      <Title order={2}>设置 · 用户</Title>
      {!session.accounts && (
        <Alert color="blue">
          本库尚未设置用户账户：现在所有操作都以本机用户（{session.user}）的身份记录。在服务器本机用命令行创建第一位管理员后，打开本库的每个人都需要登录。
        </Alert>
      )}
      <Panel title="用户账户">
        <ErrorAlert message={error ?? users.error} onClose={() => setError(null)} />
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>用户名</Table.Th>
              <Table.Th>姓名</Table.Th>
              <Table.Th>角色</Table.Th>
              <Table.Th>状态</Table.Th>
              <Table.Th>最近登录</Table.Th>
              <Table.Th>操作</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(users.data ?? []).map((u) => (
              <UserRow key={u.name} u={u} self={u.name === session.user} onChanged={() => { setError(null); users.reload(); }} onError={setError} />
            ))}
          </Table.Tbody>
        </Table>
        {users.data?.length === 0 && <Text c="dimmed">还没有用户。</Text>}
      </Panel>
      <Panel title="新建用户">
        {session.accounts ? (
          <NewUserForm onAdded={users.reload} />
        ) : (
          <Text size="sm">
            第一位管理员只能在服务器本机用命令行创建：<code>normdesk user add 用户名 --role admin</code>（密码输入两次）。创建后，管理员登录即可在这里添加其他用户。
          </Text>
        )}
      </Panel>
    </Stack>
  );
}

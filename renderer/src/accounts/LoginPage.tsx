import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { SessionInfo } from '../../../shared/contract/accounts';

type Answer = { ok: true; data: SessionInfo & { csrfToken: string } } | { ok: false; error: { code: string; message: string } };

/** The login form of intranet mode (and of a library with accounts on this machine). */
/** Logs in through the desktop window's preload, else POST /api/session (browser mode). */
async function logIn(user: string, password: string): Promise<Answer> {
  const bridge = window.normdesk;
  if (bridge?.login) return (await bridge.login(user, password)) as Answer;
  const res = await fetch('./api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user, password }) });
  return (await res.json()) as Answer;
}

export function LoginPage({ onLogin }: { onLogin: (info: SessionInfo & { csrfToken: string }) => void }) {
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!user.trim() || !password) {
      setError(!user.trim() ? '请输入用户名' : '请输入密码');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = await logIn(user.trim(), password);
      if (body.ok) onLogin(body.data);
      else setError(body.error.message);
    } catch {
      setError('无法连接 NormDesk 服务，请确认服务仍在运行');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" bg="gray.1">
      <Paper withBorder shadow="sm" p="xl" w={380} component="form" onSubmit={submit} aria-label="登录">
        <Stack gap="md">
          <div>
            <Title order={1} size="h2">
              NormDesk
            </Title>
            <Text size="sm" c="dimmed">
              规范性文件管理与公报编辑 · 请登录
            </Text>
          </div>
          <TextInput label="用户名" value={user} onChange={(e) => setUser(e.currentTarget.value)} autoComplete="username" autoFocus />
          <PasswordInput label="密码" value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="current-password" />
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Button type="submit" loading={busy}>
            登录
          </Button>
          <Text size="xs" c="dimmed">
            忘记密码请联系本单位管理员重设。
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}

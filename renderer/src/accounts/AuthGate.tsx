import { Alert, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { LoginPage } from './LoginPage';
import { SessionProvider, useSessionState } from './session';

/** Shows the login page while nobody is logged in to a library with accounts; otherwise the app, with its session. */
export function AuthGate({ children }: { children: ReactNode }) {
  const { session, error, accept } = useSessionState();
  if (error) {
    return (
      <Center mih="100vh">
        <Alert color="red" title="无法确认登录状态" role="alert">
          {error}
        </Alert>
      </Center>
    );
  }
  if (session === 'loading') {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  }
  if (session === null) return <LoginPage onLogin={accept} />;
  return <SessionProvider session={session}>{children}</SessionProvider>;
}

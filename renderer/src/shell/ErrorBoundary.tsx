import { Alert, Button, Stack, Text } from '@mantine/core';
import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** changing it (e.g. the route) clears a caught error */
  resetKey: string;
}

/** Keeps a failure in one page from blanking the whole app; the person can retry or move on. */
export class ErrorBoundary extends Component<Props, { error: Error | null; key: string }> {
  override state = { error: null as Error | null, key: this.props.resetKey };

  static getDerivedStateFromProps(props: Props, state: { error: Error | null; key: string }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Alert color="red" title="此页面出现错误" role="alert">
        <Stack gap="xs">
          <Text size="sm">页面未能正常显示，已保存的数据不受影响。可以重试，或从左侧导航进入其他页面。</Text>
          <Text size="xs" c="dimmed">
            {this.state.error.message}
          </Text>
          <Button size="xs" variant="light" color="red" w="fit-content" onClick={() => this.setState({ error: null })}>
            重试
          </Button>
        </Stack>
      </Alert>
    );
  }
}

import { AppShell, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Access } from '../../../shared/contract';
import { SessionMenu } from '../accounts/SessionMenu';
import { useSession } from '../accounts/session';
import { GlobalSearch } from './GlobalSearch';
import { routeHref, type Route } from './router';

const NAV: Array<{ label: string; route: Route; match: Route['name'][]; access?: Access }> = [
  { label: '首页', route: { name: 'dashboard' }, match: ['dashboard'] },
  { label: '文件库', route: { name: 'library' }, match: ['library', 'document', 'trash'] },
  { label: '全文检索', route: { name: 'search', q: '' }, match: ['search'] },
  { label: '导入', route: { name: 'import' }, match: ['import'], access: 'edit' },
  { label: '公报', route: { name: 'gazettes', id: null }, match: ['gazettes'] },
  { label: '检查', route: { name: 'checks' }, match: ['checks'] },
  { label: '文件清理', route: { name: 'cleanup', id: null }, match: ['cleanup'] },
  { label: '备案与交换', route: { name: 'filing' }, match: ['filing'] },
  { label: '设置', route: { name: 'settings' }, match: ['settings'] },
  { label: '设置 · 用户', route: { name: 'users' }, match: ['users'], access: 'admin' },
  { label: '审计日志', route: { name: 'audit' }, match: ['audit'], access: 'admin' },
];

/** The frame every page lives in: product header with global search, section navigation. */
export function Shell({ route, children }: { route: Route; children: ReactNode }) {
  const session = useSession();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 188, breakpoint: 0 }} padding="md">
      <AppShell.Header className="nd-header">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={1} size="h3" c="white" style={{ letterSpacing: 0.5 }}>
              NormDesk
            </Title>
            <Text size="sm" c="rgba(255,255,255,0.85)">
              规范性文件管理与公报编辑
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <GlobalSearch initial={route.name === 'search' ? route.q : ''} />
            <SessionMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="主导航">
        <Stack gap={2}>
          {NAV.filter((item) => !item.access || session.can(item.access)).map((item) => (
            <NavLink
              key={item.label}
              href={routeHref(item.route)}
              label={item.label}
              active={item.match.includes(route.name)}
              variant="light"
              styles={{ label: { fontSize: 15 } }}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}

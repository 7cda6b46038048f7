import { AppShell, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { GlobalSearch } from './GlobalSearch';
import { routeHref, type Route } from './router';

const NAV: Array<{ label: string; route: Route; match: Route['name'][] }> = [
  { label: '文件库', route: { name: 'library' }, match: ['library', 'document'] },
  { label: '全文检索', route: { name: 'search', q: '' }, match: ['search'] },
  { label: '导入', route: { name: 'import' }, match: ['import'] },
  { label: '公报', route: { name: 'gazettes', id: null }, match: ['gazettes'] },
  { label: '文件清理', route: { name: 'cleanup', id: null }, match: ['cleanup'] },
  { label: '设置', route: { name: 'settings' }, match: ['settings'] },
];

/** The frame every page lives in: product header with global search, section navigation. */
export function Shell({ route, children }: { route: Route; children: ReactNode }) {
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
          <GlobalSearch initial={route.name === 'search' ? route.q : ''} />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="主导航">
        <Stack gap={2}>
          {NAV.map((item) => (
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

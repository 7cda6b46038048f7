import { DatesProvider } from '@mantine/dates';
import { MantineProvider } from '@mantine/core';
import 'dayjs/locale/zh-cn';
import type { CallFn } from './api/call';
import { AuditPage } from './accounts/AuditPage';
import { AuthGate } from './accounts/AuthGate';
import { UsersPage } from './accounts/UsersPage';
import { CallProvider } from './api/CallProvider';
import { ChecksPage } from './checks/ChecksPage';
import { CampaignsPage } from './cleanup/CampaignsPage';
import { DashboardPage } from './dashboard/DashboardPage';
import { DocumentPage } from './document/DocumentPage';
import { FilingPage } from './filing/FilingPage';
import { GazettesPage } from './gazette/GazettesPage';
import { ImportPage } from './import/ImportPage';
import { LibraryPage } from './library/LibraryPage';
import { TrashPage } from './library/TrashPage';
import { SearchPage } from './search/SearchPage';
import { SettingsPage } from './settings/SettingsPage';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { routeHref, useRoute, type Route } from './shell/router';
import { Shell } from './shell/Shell';
import { theme } from './theme';
import { RouteGuard } from './accounts/Allowed';

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'dashboard':
      return <DashboardPage asOf={route.asOf ?? null} />;
    case 'checks':
      return <ChecksPage />;
    case 'trash':
      return <TrashPage />;
    case 'library':
      return <LibraryPage />;
    case 'document':
      return <DocumentPage id={route.id} terms={route.terms} />;
    case 'search':
      return <SearchPage q={route.q} />;
    case 'import':
      return (
        <RouteGuard channel="import:commit" title="导入">
          <ImportPage />
        </RouteGuard>
      );
    case 'gazettes':
      return <GazettesPage id={route.id} />;
    case 'cleanup':
      return <CampaignsPage id={route.id} fromCheck={route.check ? { check: route.check, asOf: route.asOf ?? null } : null} />;
    case 'settings':
      return <SettingsPage />;
    case 'users':
      return <UsersPage />;
    case 'audit':
      return <AuditPage />;
    case 'filing':
      return <FilingPage />;
  }
}

/** Providers, the shell, and the page of the current hash route inside its own error boundary. */
export function App({ call }: { call?: CallFn }) {
  const route = useRoute();
  return (
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ locale: 'zh-cn', firstDayOfWeek: 1 }}>
        <CallProvider call={call}>
          <AuthGate>
            <Shell route={route}>
              <ErrorBoundary resetKey={routeHref(route)}>
                <Page route={route} />
              </ErrorBoundary>
            </Shell>
          </AuthGate>
        </CallProvider>
      </DatesProvider>
    </MantineProvider>
  );
}

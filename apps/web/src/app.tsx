import { useEffect, useRef } from 'react';
import { useLocationPath } from './routing/location-store.ts';
import { matchRoute, type RouteMatch } from './routing/match-route.ts';
import { NotAvailablePage } from './shell/not-available-page.tsx';
import { NotFoundPage } from './shell/not-found-page.tsx';
import { SideNav } from './shell/side-nav.tsx';
import { TopBar } from './shell/top-bar.tsx';
import { StatusPage } from './status/status-page.tsx';
import { AccountPage } from './account/account-page.tsx';
import { PrivacyPage } from './privacy/privacy-page.tsx';
import { RequireSignIn } from './auth/require-sign-in.tsx';
import { SearchPage } from './search/search-page.tsx';
import { SourcesPage } from './sources/sources-page.tsx';
import { SettingsPage } from './admin/settings-page.tsx';
import { AuditPage } from './audit/audit-page.tsx';
import { AlertsPage } from './alerts/alerts-page.tsx';
import { IncidentsPage } from './incidents/incidents-page.tsx';
import { DetectionPage } from './rules/detection-page.tsx';
import { OverviewPage } from './overview/overview-page.tsx';
import { EntitiesPage } from './entities/entities-page.tsx';

export function App() {
  const path = useLocationPath();
  const match = matchRoute(path);
  const title = match.kind === 'area' ? match.area.label : 'Page not found';
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(path);

  useEffect(() => {
    document.title = `${title} · Vigil`;
  }, [title]);

  // After a client-side navigation, move focus to the new content as a page load would, so keyboard and
  // screen-reader users start there instead of on the link they just used.
  useEffect(() => {
    if (previousPath.current === path) return;
    previousPath.current = path;
    mainRef.current?.focus();
  }, [path]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <TopBar />
      <div className="layout">
        <SideNav activeId={match.kind === 'area' ? match.area.id : null} />
        <main id="main" className="content" ref={mainRef} tabIndex={-1}>
          <Page match={match} />
        </main>
      </div>
    </>
  );
}

function Page({ match }: { readonly match: RouteMatch }) {
  if (match.kind === 'not-found') return <NotFoundPage path={match.path} />;
  const page = areaPage(match.area.id) ?? <NotAvailablePage area={match.area} />;
  return match.area.requiresSignIn === true ? <RequireSignIn>{page}</RequireSignIn> : page;
}

function areaPage(id: string) {
  switch (id) {
    case 'status':
      return <StatusPage />;
    case 'search':
      return <SearchPage />;
    case 'data-sources':
      return <SourcesPage />;
    case 'account':
      return <AccountPage />;
    case 'privacy':
      return <PrivacyPage />;
    case 'settings':
      return <SettingsPage />;
    case 'audit':
      return <AuditPage />;
    case 'alerts':
      return <AlertsPage />;
    case 'incidents':
      return <IncidentsPage />;
    case 'detection':
      return <DetectionPage />;
    case 'overview':
      return <OverviewPage />;
    case 'entities':
      return <EntitiesPage />;
    default:
      return undefined;
  }
}

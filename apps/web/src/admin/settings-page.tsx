import { useLocationPath } from '../routing/location-store.ts';
import { normalisePath } from '../routing/match-route.ts';
import { NotFoundPage } from '../shell/not-found-page.tsx';
import { CrossWorkspaceGrantsPage } from '../overview/cross-workspace-grants-page.tsx';
import { SlaPolicyPage } from '../incidents/sla-policy-page.tsx';
import { OperatorAccessPage } from './operator-access-page.tsx';
import { PlatformRolesPage } from './platform-roles-page.tsx';
import { SettingsNav } from './settings-nav.tsx';
import { SettingsIndex } from './settings-index.tsx';
import { SETTINGS_SECTIONS } from './settings-sections.ts';
import { TokensPage } from './tokens-page.tsx';
import { UsersPage } from './users-page.tsx';
import './admin.css';

/** `/settings` and its pages; each page works on the workspace in view. */
export function SettingsPage() {
  const path = normalisePath(useLocationPath());
  const section = SETTINGS_SECTIONS.find((s) => s.path === path);
  if (path !== '/settings' && section === undefined) return <NotFoundPage path={path} />;
  return (
    <>
      <div className="page-header">
        <h1>{section ? section.label : 'Settings'}</h1>
      </div>
      <SettingsNav activePath={path} />
      {section === undefined ? <SettingsIndex /> : sectionBody(section.path)}
    </>
  );
}

function sectionBody(path: string) {
  switch (path) {
    case '/settings/users':
      return <UsersPage />;
    case '/settings/tokens':
      return <TokensPage />;
    case '/settings/cross-workspace':
      return <CrossWorkspaceGrantsPage />;
    case '/settings/incident-sla':
      return <SlaPolicyPage />;
    case '/settings/platform-roles':
      return <PlatformRolesPage />;
    default:
      return <OperatorAccessPage />;
  }
}

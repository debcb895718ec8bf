import { ErrorBanner } from '../shell/error-banner.tsx';
import { PlatformAccountsTable } from './platform-accounts-table.tsx';
import { useAccess } from './use-access.ts';

const PERMISSION = 'platform.roles.manage';

/**
 * `/settings/platform-roles`: platform administrators grant and revoke the installation roles
 * (operator, security manager, platform administrator). Not tied to the workspace in view.
 */
export function PlatformRolesPage() {
  const access = useAccess();
  if (access.status === 'loading') return <p role="status">Checking your permissions…</p>;
  if (access.status === 'failed') return <ErrorBanner error={access.error} />;
  if (!access.data.platform.has(PERMISSION)) {
    return (
      <div className="empty-state" role="alert">
        <p className="empty-state-title">Access denied</p>
        <p>
          Managing platform roles needs <code>{PERMISSION}</code>, which only platform administrators hold.
        </p>
      </div>
    );
  }
  return (
    <section aria-labelledby="platform-roles-title">
      <h2 id="platform-roles-title">Platform roles</h2>
      <p className="muted">
        Installation-wide roles, separate from workspace roles. An operator requests time-boxed access to a
        workspace and a security manager approves it, so one account never holds both: the server refuses that
        grant. You cannot revoke your own administrator role; another platform administrator must. An account
        whose roles change is signed out of its sessions and signs in again under a new session.
      </p>
      <PlatformAccountsTable selfId={access.data.userId} />
    </section>
  );
}

import { NotificationBell } from '../alerts/notification-bell.tsx';
import { useSession } from '../auth/session-store.ts';
import { Link } from '../routing/link.tsx';
import { WorkspaceSwitcher } from '../workspaces/workspace-switcher.tsx';
import { UserMenu } from './user-menu.tsx';

export function TopBar() {
  const session = useSession();
  return (
    <header className="top-bar">
      <Link href="/" className="brand">
        <img src="/favicon.svg" alt="" width="24" height="24" />
        <span>Vigil</span>
      </Link>
      <div className="top-bar-end">
        {session.status === 'signed-in' && (
          <>
            <WorkspaceSwitcher workspaces={session.workspaces} />
            <NotificationBell workspaces={session.workspaces} />
            <UserMenu username={session.me.displayName ?? session.me.username} />
          </>
        )}
        {session.status === 'signed-out' && (
          <a className="button" href="/login">
            Sign in
          </a>
        )}
      </div>
    </header>
  );
}

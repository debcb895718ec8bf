// The top bar's entry to the notification centre: shown for the workspace in view when the account may
// read its alerts (the server checks again on every request). A session that must change its password
// first gets no bell: the server refuses it every workspace route until then.
import { mayIn } from '../admin/access.ts';
import { useAccess } from '../admin/use-access.ts';
import { useSession } from '../auth/session-store.ts';
import type { WorkspaceOption } from '../workspaces/parse-workspaces.ts';
import { useCurrentWorkspace } from '../workspaces/current-workspace.ts';
import { NotificationCentre } from './notification-centre.tsx';

export function NotificationBell({ workspaces }: { readonly workspaces: readonly WorkspaceOption[] }) {
  const session = useSession();
  const current = useCurrentWorkspace(workspaces);
  if (session.status !== 'signed-in' || session.me.mustChangePassword || current === undefined) return null;
  // Keyed by the session's token too: a rotated session (password change, MFA) asks for its rights again.
  return <AllowedBell key={`${current} ${session.me.csrfToken ?? ''}`} workspaceId={current} />;
}

function AllowedBell({ workspaceId }: { readonly workspaceId: string }) {
  const access = useAccess();
  if (access.status !== 'ready' || !mayIn(access.data, workspaceId, 'alerts.read')) return null;
  return <NotificationCentre workspaceId={workspaceId} />;
}

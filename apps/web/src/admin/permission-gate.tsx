import type { ReactNode } from 'react';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { AccessDenied } from './access-denied.tsx';
import { mayIn, type Access } from './access.ts';
import { useAccess } from './use-access.ts';

/**
 * Renders its children when the account holds one of `permissions` in the workspace (or `allow` says
 * yes), else an access-denied state. The console only hides what the server would refuse anyway.
 */
export function PermissionGate({
  workspaceId,
  what,
  permissions,
  allow,
  children,
}: {
  readonly workspaceId: string;
  readonly what: string;
  readonly permissions: readonly string[];
  readonly allow?: (access: Access) => boolean;
  readonly children: (access: Access) => ReactNode;
}) {
  const access = useAccess();
  if (access.status === 'loading') return <p role="status">Checking your permissions…</p>;
  if (access.status === 'failed') return <ErrorBanner error={access.error} />;
  const held = permissions.some((p) => mayIn(access.data, workspaceId, p)) || allow?.(access.data) === true;
  return held ? children(access.data) : <AccessDenied what={what} permissions={permissions} />;
}

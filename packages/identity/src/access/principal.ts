import type { Permission } from './permission-catalogue.ts';
import type { OperatorAccessGrant } from './operator-access.ts';

/** One role held in one workspace, with the role's permissions resolved. */
export interface WorkspaceGrant {
  workspaceId: string;
  roleId: string;
  permissions: readonly Permission[];
}

/** A platform role held by an account, with its permissions resolved. */
export interface PlatformGrant {
  roleId: string;
  permissions: readonly Permission[];
}

/**
 * Who is calling, as resolved by the server for one request: an account (session), an API key
 * (one workspace grant) or an ingest token (one grant with `ingest.write`).
 */
export interface Principal {
  id: string;
  kind: 'user' | 'api_key' | 'ingest_token';
  disabled?: boolean;
  grants: readonly WorkspaceGrant[];
  platformGrants?: readonly PlatformGrant[];
  /** Operator-access grants naming this principal (any status; `authorize` checks state and expiry). */
  operatorAccess?: readonly OperatorAccessGrant[];
}

import type { RoleGrant } from './role-grant.ts';

/** Role assignments. A principal with no rows has no permissions at all. */
export interface RoleGrantStore {
  /** Idempotent. */
  grant(grant: RoleGrant): Promise<void>;
  /** True when a grant was removed. `workspaceId` undefined targets a platform role. */
  revoke(principalId: string, roleId: string, workspaceId: string | undefined): Promise<boolean>;
  listForPrincipal(principalId: string): Promise<RoleGrant[]>;
  listForWorkspace(workspaceId: string): Promise<RoleGrant[]>;
}

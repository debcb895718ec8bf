import type { Role } from './role.ts';

/** Custom roles, per workspace (built-in roles live in code and are never stored). */
export interface RoleStore {
  get(workspaceId: string, roleId: string): Promise<Role | undefined>;
  list(workspaceId: string): Promise<Role[]>;
  /** Inserts or replaces a validated custom role. */
  put(role: Role & { workspace: string }): Promise<void>;
  /** Fails with ROLE_IN_USE (409) while grants of the role exist. */
  delete(workspaceId: string, roleId: string): Promise<boolean>;
}

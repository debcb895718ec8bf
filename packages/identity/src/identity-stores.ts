import type { AuditLog } from './audit/audit-log.port.ts';
import { MemoryAuditLog } from './audit/memory-audit-log.ts';
import { MemoryOperatorAccessStore } from './access/memory-operator-access-store.ts';
import { MemoryRoleGrantStore } from './access/memory-role-grant-store.ts';
import { MemoryRoleStore } from './access/memory-role-store.ts';
import type { OperatorAccessStore } from './access/operator-access.port.ts';
import type { RoleGrantStore } from './access/role-grant.port.ts';
import type { RoleStore } from './access/role.port.ts';
import { MemorySetupTokenStore } from './first-run/memory-setup-token-store.ts';
import type { SetupTokenStore } from './first-run/setup-token.port.ts';
import type { MachineTokenStore } from './machine-tokens/machine-token.port.ts';
import { MemoryMachineTokenStore } from './machine-tokens/memory-machine-token-store.ts';
import { MemoryMfaStore } from './mfa/memory-mfa-store.ts';
import type { MfaStore } from './mfa/mfa.port.ts';
import { MemorySessionStore } from './sessions/memory-session-store.ts';
import type { SessionStore } from './sessions/session.port.ts';
import { MemoryUserStore } from './users/memory-user-store.ts';
import type { UserStore } from './users/user.port.ts';
import { MemoryWorkspaceStore } from './workspaces/memory-workspace-store.ts';
import type { WorkspaceStore } from './workspaces/workspace.port.ts';
import type { GroupStore } from './groups/group.port.ts';
import { MemoryGroupStore } from './groups/memory-group-store.ts';
import type { LoginThrottleStore } from './login-throttle/login-throttle.port.ts';
import { MemoryLoginThrottleStore } from './login-throttle/memory-login-throttle-store.ts';
import type { SsoLoginStateStore } from './sso/sso-login-state.port.ts';
import { MemorySsoLoginStateStore } from './sso/memory-sso-login-state-store.ts';

/** Every persistence port of the identity domain, as one storage adapter provides them. */
export interface IdentityStores {
  readonly users: UserStore;
  readonly workspaces: WorkspaceStore;
  readonly sessions: SessionStore;
  readonly mfa: MfaStore;
  readonly roles: RoleStore;
  readonly roleGrants: RoleGrantStore;
  readonly machineTokens: MachineTokenStore;
  readonly setupTokens: SetupTokenStore;
  readonly operatorAccess: OperatorAccessStore;
  readonly audit: AuditLog;
  readonly groups: GroupStore;
  /** Shared so a lockout holds across API processes. */
  readonly loginThrottle: LoginThrottleStore;
  readonly ssoLoginStates: SsoLoginStateStore;
}

/** In-memory stores for tests and the reference behaviour of the adapters' contract suites. */
export function memoryIdentityStores(): IdentityStores {
  const roleGrants = new MemoryRoleGrantStore();
  return {
    users: new MemoryUserStore(),
    workspaces: new MemoryWorkspaceStore(),
    sessions: new MemorySessionStore(),
    mfa: new MemoryMfaStore(),
    roles: new MemoryRoleStore(roleGrants),
    roleGrants,
    machineTokens: new MemoryMachineTokenStore(),
    setupTokens: new MemorySetupTokenStore(),
    operatorAccess: new MemoryOperatorAccessStore(),
    audit: new MemoryAuditLog(),
    groups: new MemoryGroupStore(),
    loginThrottle: new MemoryLoginThrottleStore(),
    ssoLoginStates: new MemorySsoLoginStateStore(),
  };
}

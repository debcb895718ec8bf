import type { IdentityStoresFactory } from './identity-contract-target.ts';
import { auditLogContract } from './audit-log.contract.ts';
import { machineTokenStoreContract } from './machine-token-store.contract.ts';
import { mfaStoreContract } from './mfa-store.contract.ts';
import { operatorAccessStoreContract } from './operator-access-store.contract.ts';
import { roleGrantStoreContract } from './role-grant-store.contract.ts';
import { roleStoreContract } from './role-store.contract.ts';
import { sessionStoreContract } from './session-store.contract.ts';
import { setupTokenStoreContract } from './setup-token-store.contract.ts';
import { userStoreContract } from './user-store.contract.ts';
import { workspaceStoreContract } from './workspace-store.contract.ts';
import { groupStoreContract } from './group-store.contract.ts';
import { firstUserContract } from './first-user.contract.ts';
import { loginThrottleStoreContract } from './login-throttle-store.contract.ts';
import { ssoLoginStateStoreContract } from './sso-login-state-store.contract.ts';

/** Every identity port's contract suite, each on a fresh database from `factory`. */
export function identityStoresContract(name: string, factory: IdentityStoresFactory): void {
  userStoreContract(name, factory);
  workspaceStoreContract(name, factory);
  sessionStoreContract(name, factory);
  mfaStoreContract(name, factory);
  roleStoreContract(name, factory);
  roleGrantStoreContract(name, factory);
  machineTokenStoreContract(name, factory);
  setupTokenStoreContract(name, factory);
  operatorAccessStoreContract(name, factory);
  auditLogContract(name, factory);
  groupStoreContract(name, factory);
  firstUserContract(name, factory);
  loginThrottleStoreContract(name, factory);
  ssoLoginStateStoreContract(name, factory);
}

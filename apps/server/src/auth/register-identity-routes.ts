import type { FastifyInstance } from 'fastify';
import type { IdentityRuntime } from './identity-runtime.ts';
import { registerSetupRoutes } from './setup.routes.ts';
import { registerAuthRoutes } from './auth.routes.ts';
import { registerMeRoutes } from './me.routes.ts';
import { registerMfaRoutes } from './mfa.routes.ts';
import { registerMachineTokenRoutes } from './machine-tokens.routes.ts';
import { registerWorkspaceRoutes } from '../workspaces/workspaces.routes.ts';
import { registerOperatorAccessRoutes } from '../workspaces/operator-access.routes.ts';
import { registerUserRoutes } from '../users/users.routes.ts';
import { registerUserStatusRoutes } from '../users/user-status.routes.ts';
import { registerRoleRoutes } from '../users/roles.routes.ts';
import { registerGroupRoutes } from '../users/groups.routes.ts';
import { registerGroupMemberRoutes } from '../users/group-members.routes.ts';
import { registerAuditRoutes } from '../audit/audit.routes.ts';
import { registerOidcRoutes } from './oidc/oidc.routes.ts';
import { registerAuthMethodRoutes } from './auth-methods.routes.ts';
import { registerPlatformRoleRoutes } from './platform-roles.routes.ts';
import { registerPlatformAccountRoutes } from './platform-accounts.routes.ts';
import { registerPasswordPolicyRoutes } from './password-policy.routes.ts';
import { registerPermissionRoutes } from './permissions.routes.ts';

/** The identity and governance API: set-up, sign-in, own account, workspaces, users, tokens, audit. */
export function registerIdentityRoutes(app: FastifyInstance, rt: IdentityRuntime): void {
  registerSetupRoutes(app, rt);
  registerPasswordPolicyRoutes(app, rt);
  registerPermissionRoutes(app);
  registerAuthRoutes(app, rt);
  registerAuthMethodRoutes(app, rt);
  registerMeRoutes(app, rt);
  registerMfaRoutes(app, rt);
  registerWorkspaceRoutes(app, rt);
  registerOperatorAccessRoutes(app, rt);
  registerUserRoutes(app, rt);
  registerUserStatusRoutes(app, rt);
  registerRoleRoutes(app, rt);
  registerGroupRoutes(app, rt);
  registerGroupMemberRoutes(app, rt);
  registerMachineTokenRoutes(app, rt);
  registerPlatformRoleRoutes(app, rt);
  registerPlatformAccountRoutes(app, rt);
  registerAuditRoutes(app, rt);
  if (rt.oidc) registerOidcRoutes(app, rt, rt.oidc);
}

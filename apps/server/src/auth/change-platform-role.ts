import { checkPlatformRoleChange, type AuditEntry, type Principal, type User } from '@vigil/identity';
import type { IdentityRuntime } from './identity-runtime.ts';
import { notFound } from './auth.error.ts';
import {
  rotateSessionsOnPrivilegeChange,
  type PrivilegeChangeCaller,
} from './rotate-sessions-on-privilege-change.ts';

export interface PlatformRoleChangeInput {
  actor: Principal;
  action: 'grant' | 'revoke';
  /** The account, by id or by username. */
  user: { id: string } | { username: string };
  roleId: string;
  /** Who/where facts of the audit record (HTTP request or CLI). */
  audit: Pick<AuditEntry, 'client_ip' | 'client_id' | 'request_id'>;
  /** Called once the attempt is audited (HTTP: the catch-all write audit then stays quiet). */
  onAudited?: () => void;
  /** HTTP: the request, so an admin changing their own roles keeps a (rotated) session. */
  caller?: PrivilegeChangeCaller;
}

/**
 * Grants or revokes a platform role (operator, security-manager, platform-admin): the one code path the
 * API and `vigil roles` share, so both enforce `platform.roles.manage`, the two-person rule and the audit.
 * Refusals are audited as failures too. Returns whether anything changed (a repeated grant does not).
 */
export async function changePlatformRole(
  rt: IdentityRuntime,
  input: PlatformRoleChangeInput,
): Promise<{ user: User; changed: boolean }> {
  const user =
    'id' in input.user
      ? await rt.stores.users.get(input.user.id)
      : await rt.stores.users.getByUsername(input.user.username);
  if (!user) throw notFound('user');
  const held = (await rt.stores.roleGrants.listForPrincipal(user.id))
    .filter((g) => g.workspaceId === undefined)
    .map((g) => g.roleId);
  const eventType = input.action === 'grant' ? 'platform_role.granted' : 'platform_role.revoked';
  const entry = {
    event_type: eventType,
    user_id: input.actor.id,
    resource: `user:${user.id}:${input.roleId}`,
    workspace: null,
    ...input.audit,
  };
  const decision = checkPlatformRoleChange(input.actor, input.action, user.id, held, input.roleId);
  if (!decision.ok) {
    await rt.audit.record({ ...entry, result: 'failure', details: { reason: decision.error.code } });
    input.onAudited?.();
    throw decision.error;
  }
  let changed: boolean;
  if (input.action === 'grant') {
    changed = !held.includes(input.roleId);
    await rt.stores.roleGrants.grant({
      principalId: user.id,
      roleId: input.roleId,
      grantedBy: input.actor.id,
      grantedAt: rt.clock.now(),
    });
  } else {
    changed = await rt.stores.roleGrants.revoke(user.id, input.roleId, undefined);
    if (!changed) throw notFound('platform role grant');
  }
  // A privilege change: the account's sessions end (or the caller's own one is rotated).
  const { sessionsEnded } = changed
    ? await rotateSessionsOnPrivilegeChange(rt, [user.id], input.caller)
    : { sessionsEnded: 0 };
  await rt.audit.record({ ...entry, result: 'success', details: { changed, sessionsEnded } });
  input.onAudited?.();
  return { user, changed };
}

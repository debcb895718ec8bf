import { userError } from '@vigil/core';
import { anonymiseUser, groupIdOfPrincipal, type User } from '@vigil/identity';
import type { IdentityRuntime } from '../auth/identity-runtime.ts';
import type { CasesErasure, CasesPrivacy } from './cases-privacy.ts';

export interface AccountErasure {
  pseudonym: string;
  sessionsEnded: number;
  /** Role grants and group memberships: both gave the account access. */
  grantsRemoved: number;
  apiKeysRevoked: number;
  /** Alerts and incidents whose references to the account now name its pseudonym (absent without cases data). */
  cases?: CasesErasure;
}

/** Workspaces where `userId` is the only owner: they would be left without anyone able to manage them. */
export async function soleOwnerWorkspaces(rt: IdentityRuntime, userId: string): Promise<string[]> {
  const out: string[] = [];
  for (const g of await rt.stores.roleGrants.listForPrincipal(userId)) {
    if (g.roleId !== 'owner' || g.workspaceId === undefined) continue;
    const owners = (await rt.stores.roleGrants.listForWorkspace(g.workspaceId)).filter(
      // Accounts only: a group holding owner may have no members at all.
      (o) => o.roleId === 'owner' && groupIdOfPrincipal(o.principalId) === undefined,
    );
    if (owners.every((o) => o.principalId === userId)) out.push(g.workspaceId);
  }
  return out;
}

/**
 * Erases an account's personal data except the audit trail: API keys it created are revoked, grants,
 * group memberships and the second factor removed, the account anonymised (pseudonym, no contact data, no password, disabled)
 * and every session ended. The id stays so audit records keep pointing at one (now pseudonymous) account.
 */
export async function eraseAccount(
  rt: IdentityRuntime,
  user: User,
  casesPrivacy?: CasesPrivacy,
): Promise<AccountErasure> {
  const now = rt.clock.now();
  const grants = await rt.stores.roleGrants.listForPrincipal(user.id);
  let apiKeysRevoked = 0;
  for (const ws of new Set(grants.flatMap((g) => (g.workspaceId === undefined ? [] : [g.workspaceId])))) {
    for (const t of await rt.stores.machineTokens.listByWorkspace(ws)) {
      if (t.createdBy === user.id && (await rt.stores.machineTokens.revoke(t.id, now))) apiKeysRevoked++;
    }
  }
  let grantsRemoved = 0;
  for (const g of grants)
    if (await rt.stores.roleGrants.revoke(user.id, g.roleId, g.workspaceId)) grantsRemoved++;
  for (const m of await rt.stores.groups.listForUser(user.id))
    if (await rt.stores.groups.removeMember(m.workspaceId, m.groupId, user.id)) grantsRemoved++;
  await rt.stores.mfa.delete(user.id);
  // Before the account row loses its username: comment mentions are matched by it.
  const cases = casesPrivacy === undefined ? undefined : await casesPrivacy.pseudonymise(user);
  const anonymous = anonymiseUser(user, now);
  await rt.stores.users.update(anonymous);
  const sessionsEnded = await rt.sessions.endAll(user.id);
  return {
    pseudonym: anonymous.username,
    sessionsEnded,
    grantsRemoved,
    apiKeysRevoked,
    ...(cases === undefined ? {} : { cases }),
  };
}

/** Self-deletion: refused (409 LAST_OWNER) while the account is the only owner of a workspace. */
export async function deleteOwnAccount(
  rt: IdentityRuntime,
  user: User,
  casesPrivacy?: CasesPrivacy,
): Promise<AccountErasure> {
  const blocked = await soleOwnerWorkspaces(rt, user.id);
  if (blocked.length > 0) {
    throw userError(
      'LAST_OWNER',
      'You are the only owner of a workspace: make someone else owner (or delete the workspace) first',
      { status: 409, details: { workspaces: blocked } },
    );
  }
  return eraseAccount(rt, user, casesPrivacy);
}

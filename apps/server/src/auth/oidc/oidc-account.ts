import { createHash } from 'node:crypto';
import { userError } from '@vigil/core';
import type { User } from '@vigil/identity';
import type { IdentityRuntime } from '../identity-runtime.ts';
import type { IdTokenClaims } from './verify-id-token.ts';
import type { OidcSettings } from './oidc-client.ts';

/** Grants made by SSO carry this `grantedBy`, so sign-in can take back what the groups no longer give. */
export const OIDC_GRANTER = 'oidc';

function cleanName(value: unknown): string {
  const text = typeof value === 'string' ? value : '';
  const cleaned = text
    .replace(/[^A-Za-z0-9._@-]/g, '')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 48);
  return cleaned === '' ? 'sso-user' : cleaned;
}

/**
 * The account of an SSO identity (issuer + subject), created at first sign-in without a password.
 * Its id derives from issuer and subject, so a local account with the same name is never taken over.
 */
export async function oidcAccount(
  rt: IdentityRuntime,
  claims: IdTokenClaims,
): Promise<{ user: User; created: boolean }> {
  const id = `oidc-${createHash('sha256').update(`${claims.iss}\u0000${claims.sub}`).digest('base64url').slice(0, 22)}`;
  const existing = await rt.stores.users.get(id);
  if (existing) return { user: existing, created: false };
  const base = cleanName(claims['preferred_username'] ?? claims['email'] ?? claims.sub);
  const username = (await rt.stores.users.getByUsername(base)) ? `${base}-${id.slice(5, 11)}` : base;
  const now = rt.clock.now();
  const user: User = {
    id,
    username,
    ...(typeof claims['name'] === 'string' ? { displayName: claims['name'].slice(0, 200) } : {}),
    ...(typeof claims['email'] === 'string' ? { email: claims['email'].slice(0, 320) } : {}),
    disabled: false,
    mustChangePassword: false,
    mfaEnabled: false,
    createdAt: now,
    updatedAt: now,
  };
  await rt.stores.users.create(user);
  return { user, created: true };
}

/** The groups claim as a list of strings (absent or malformed → no groups → no roles). */
export function groupsOf(claims: IdTokenClaims, claim: string): string[] {
  const value = claims[claim];
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : [];
}

/**
 * Aligns the account's SSO grants with its groups: mapped roles are granted, roles an earlier SSO
 * sign-in granted but the groups no longer map are revoked. Grants made by people are left alone.
 */
export async function syncOidcGrants(
  rt: IdentityRuntime,
  userId: string,
  groups: readonly string[],
  roleMap: OidcSettings['roleMap'],
): Promise<{ granted: string[]; revoked: string[] }> {
  const key = (ws: string, role: string) => `${ws}:${role}`;
  const wanted = new Map(
    roleMap.filter((m) => groups.includes(m.group)).map((m) => [key(m.workspaceId, m.roleId), m] as const),
  );
  const current = await rt.stores.roleGrants.listForPrincipal(userId);
  const out = { granted: [] as string[], revoked: [] as string[] };
  for (const g of current) {
    if (g.grantedBy !== OIDC_GRANTER || g.workspaceId === undefined) continue;
    const k = key(g.workspaceId, g.roleId);
    if (wanted.has(k)) wanted.delete(k);
    else if (await rt.stores.roleGrants.revoke(userId, g.roleId, g.workspaceId)) out.revoked.push(k);
  }
  for (const [k, m] of wanted) {
    if (current.some((g) => g.workspaceId === m.workspaceId && g.roleId === m.roleId)) continue;
    if (!(await rt.stores.workspaces.get(m.workspaceId))) continue;
    await rt.stores.roleGrants.grant({
      principalId: userId,
      roleId: m.roleId,
      workspaceId: m.workspaceId,
      grantedBy: OIDC_GRANTER,
      grantedAt: rt.clock.now(),
    });
    out.granted.push(k);
  }
  return out;
}

/**
 * Aligns the account's memberships of Vigil groups that name an identity-provider group (`ssoGroup`)
 * with the groups claim, in every workspace: the same rule as `syncOidcGrants` — memberships SSO made
 * and the claim no longer carries are removed, memberships people made are left alone. Roles then flow
 * from the groups' grants, so mapping a provider group onto a Vigil group is the consistent way to
 * manage SSO access from the console.
 */
export async function syncOidcGroupMemberships(
  rt: IdentityRuntime,
  userId: string,
  claimGroups: readonly string[],
): Promise<{ added: string[]; removed: string[] }> {
  const out = { added: [] as string[], removed: [] as string[] };
  const current = await rt.stores.groups.listForUser(userId);
  for (const ws of await rt.stores.workspaces.list()) {
    for (const g of await rt.stores.groups.list(ws.id)) {
      if (g.ssoGroup === undefined) continue;
      const member = current.find((m) => m.workspaceId === ws.id && m.groupId === g.id);
      const wanted = claimGroups.includes(g.ssoGroup);
      if (wanted && !member) {
        const added = await rt.stores.groups.addMember({
          workspaceId: ws.id,
          groupId: g.id,
          userId,
          addedBy: OIDC_GRANTER,
          addedAt: rt.clock.now(),
        });
        if (added) out.added.push(`${ws.id}:${g.id}`);
      } else if (!wanted && member?.addedBy === OIDC_GRANTER) {
        if (await rt.stores.groups.removeMember(ws.id, g.id, userId)) out.removed.push(`${ws.id}:${g.id}`);
      }
    }
  }
  return out;
}

export function oidcNotConfigured() {
  return userError('OIDC_NOT_CONFIGURED', 'Single sign-on is not configured', { status: 404 });
}

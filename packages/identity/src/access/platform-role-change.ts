import { userError, type VigilError } from '@vigil/core';
import { authorizePlatform } from './authorize.ts';
import type { Principal } from './principal.ts';
import { PLATFORM_ROLES } from './role.ts';

/**
 * Platform roles that may not be held together: an account that can request operator access must not
 * also approve it, so the two-person rule needs two people (approving one's own request is refused too).
 */
const EXCLUSIVE: readonly (readonly [string, string])[] = [['operator', 'security-manager']];

export type PlatformRoleChange = { ok: true } | { ok: false; error: VigilError };

/**
 * Decides whether `actor` may grant or revoke platform role `roleId` for the account `targetId`, which
 * currently holds `held` platform roles. Needs `platform.roles.manage`; refuses unknown roles, pairs of
 * roles that would defeat the two-person rule, and a platform admin removing their own admin role (so
 * an installation never loses its last administrator that way).
 * Example: `checkPlatformRoleChange(admin, 'grant', 'u-2', [], 'security-manager')` → `{ ok: true }`.
 */
export function checkPlatformRoleChange(
  actor: Principal,
  action: 'grant' | 'revoke',
  targetId: string,
  held: readonly string[],
  roleId: string,
): PlatformRoleChange {
  const may = authorizePlatform(actor, 'platform.roles.manage');
  if (!may.allowed) {
    return {
      ok: false,
      error: userError('FORBIDDEN', 'Permission platform.roles.manage is required', {
        status: 403,
        details: { permission: 'platform.roles.manage' },
      }),
    };
  }
  if (!PLATFORM_ROLES.some((r) => r.id === roleId)) {
    return {
      ok: false,
      error: userError('ROLE_UNKNOWN', `No platform role ${roleId}`, {
        status: 400,
        details: { field: 'role', allowed: PLATFORM_ROLES.map((r) => r.id) },
      }),
    };
  }
  if (action === 'grant') {
    const clash = EXCLUSIVE.find(
      ([a, b]) => (roleId === a && held.includes(b)) || (roleId === b && held.includes(a)),
    );
    if (clash) {
      return {
        ok: false,
        error: userError(
          'PLATFORM_ROLE_CONFLICT',
          `One account cannot hold both ${clash[0]} and ${clash[1]}: operator access needs two people`,
          {
            status: 409,
            details: { field: 'role', conflictsWith: roleId === clash[0] ? clash[1] : clash[0] },
          },
        ),
      };
    }
  } else if (roleId === 'platform-admin' && targetId === actor.id) {
    return {
      ok: false,
      error: userError('SELF_REVOKE', 'Another platform administrator must revoke your administrator role', {
        status: 409,
        details: { field: 'role' },
      }),
    };
  }
  return { ok: true };
}

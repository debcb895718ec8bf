import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPlatformRoleChange } from './platform-role-change.ts';
import type { Principal } from './principal.ts';
import { PLATFORM_ROLES } from './role.ts';

function principal(id: string, roles: string[]): Principal {
  return {
    id,
    kind: 'user',
    grants: [],
    platformGrants: PLATFORM_ROLES.filter((r) => roles.includes(r.id)).map((r) => ({
      roleId: r.id,
      permissions: r.permissions,
    })),
  };
}

const codeOf = (r: ReturnType<typeof checkPlatformRoleChange>) => (r.ok ? 'ok' : r.error.code);

test('only holders of platform.roles.manage change platform roles', () => {
  const admin = principal('a', ['platform-admin']);
  const manager = principal('m', ['security-manager']);
  assert.equal(codeOf(checkPlatformRoleChange(admin, 'grant', 'u', [], 'security-manager')), 'ok');
  assert.equal(codeOf(checkPlatformRoleChange(manager, 'grant', 'u', [], 'operator')), 'FORBIDDEN');
  assert.equal(
    codeOf(checkPlatformRoleChange(principal('o', ['operator']), 'grant', 'o', [], 'security-manager')),
    'FORBIDDEN',
  );
  assert.equal(
    codeOf(checkPlatformRoleChange({ ...admin, disabled: true }, 'grant', 'u', [], 'operator')),
    'FORBIDDEN',
  );
});

test('unknown or workspace roles are refused, naming the field', () => {
  const admin = principal('a', ['platform-admin']);
  const r = checkPlatformRoleChange(admin, 'grant', 'u', [], 'owner');
  assert.equal(codeOf(r), 'ROLE_UNKNOWN');
  assert.equal(!r.ok && r.error.details?.['field'], 'role');
});

test('operator and security-manager never meet on one account (two-person rule); admins keep their own role', () => {
  const admin = principal('a', ['platform-admin']);
  assert.equal(
    codeOf(checkPlatformRoleChange(admin, 'grant', 'u', ['operator'], 'security-manager')),
    'PLATFORM_ROLE_CONFLICT',
  );
  assert.equal(
    codeOf(checkPlatformRoleChange(admin, 'grant', 'u', ['security-manager'], 'operator')),
    'PLATFORM_ROLE_CONFLICT',
  );
  assert.equal(codeOf(checkPlatformRoleChange(admin, 'grant', 'a', ['platform-admin'], 'operator')), 'ok');
  assert.equal(
    codeOf(checkPlatformRoleChange(admin, 'revoke', 'a', ['platform-admin'], 'platform-admin')),
    'SELF_REVOKE',
  );
  assert.equal(
    codeOf(checkPlatformRoleChange(admin, 'revoke', 'b', ['platform-admin'], 'platform-admin')),
    'ok',
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '@vigil/core';
import { authorize, authorizePlatform } from './authorize.ts';
import { BUILT_IN_ROLES, PLATFORM_ROLES, builtInRole, type Role } from './role.ts';
import { resolveGrants, type RoleGrant } from './role-grant.ts';
import { PERMISSIONS, PERMISSION_CATALOGUE, permissionsOfScope } from './permission-catalogue.ts';
import { canGrantRole } from './can-grant-role.ts';
import type { Principal } from './principal.ts';

const clock = new ManualClock();
const lookup = (id: string): Role | undefined => builtInRole(id);

function principal(
  id: string,
  grants: Omit<RoleGrant, 'principalId' | 'grantedBy' | 'grantedAt'>[],
): Principal {
  const stored = grants.map((g) => ({ ...g, principalId: id, grantedBy: 'setup', grantedAt: 0 }));
  return { id, kind: 'user', ...resolveGrants(stored, lookup) };
}

test('a new account with no grants has no permission anywhere', () => {
  const nobody = principal('u-new', []);
  for (const p of PERMISSIONS) {
    assert.equal(authorize(nobody, 'default', p, clock).allowed, false, p);
    assert.equal(authorizePlatform(nobody, p).allowed, false, p);
  }
  assert.deepEqual(authorize(nobody, 'default', 'alerts.read', clock), {
    allowed: false,
    reason: 'no access to workspace default',
  });
});

test('a grant in workspace A gives nothing in workspace B', () => {
  const alice = principal('alice', [{ roleId: 'owner', workspaceId: 'a' }]);
  for (const p of permissionsOfScope('workspace')) {
    assert.equal(authorize(alice, 'a', p, clock).allowed, true, p);
    assert.equal(authorize(alice, 'b', p, clock).allowed, false, p);
  }
  assert.match(authorize(alice, 'a', 'rules.write', clock).reason, /role owner in workspace a/);
});

test('unknown permissions, platform permissions in a workspace and disabled accounts are denied', () => {
  const alice = principal('alice', [{ roleId: 'owner', workspaceId: 'a' }]);
  assert.equal(authorize(alice, 'a', 'alerts.delete_everything', clock).allowed, false);
  assert.equal(authorize(alice, 'a', 'system.metrics', clock).allowed, false);
  assert.equal(authorize({ ...alice, disabled: true }, 'a', 'alerts.read', clock).allowed, false);
  assert.equal(
    authorizePlatform(alice, 'system.metrics').allowed,
    false,
    'workspace owner is not a platform admin',
  );
});

test('built-in roles: auditor is read-only plus audit.read; viewer cannot search or write', () => {
  const role = (id: string) => builtInRole(id)?.permissions ?? [];
  assert.deepEqual(
    BUILT_IN_ROLES.map((r) => r.id),
    ['owner', 'admin', 'analyst', 'responder', 'auditor', 'viewer'],
  );
  assert.ok(role('auditor').includes('audit.read'));
  assert.ok(role('auditor').every((p) => p.endsWith('.read') || p === 'events.search'));
  assert.ok(!role('analyst').includes('audit.read'));
  assert.ok(!role('admin').includes('workspace.delete'));
  assert.ok(role('owner').includes('workspace.delete'));
  assert.ok(role('responder').includes('playbooks.run') && !role('responder').includes('rules.write'));
  assert.ok(role('viewer').every((p) => p.endsWith('.read')));
  for (const r of BUILT_IN_ROLES)
    assert.ok(r.permissions.every((p) => PERMISSION_CATALOGUE[p].scope === 'workspace'));
  for (const r of PLATFORM_ROLES)
    assert.ok(r.permissions.every((p) => PERMISSION_CATALOGUE[p].scope === 'platform'));
});

test('platform roles grant installation permissions but no workspace data', () => {
  const ops = principal('ops', [{ roleId: 'platform-admin' }, { roleId: 'security-manager' }]);
  assert.equal(authorizePlatform(ops, 'system.metrics').allowed, true);
  assert.equal(authorizePlatform(ops, 'operator_access.approve').allowed, true);
  for (const p of permissionsOfScope('workspace'))
    assert.equal(authorize(ops, 'default', p, clock).allowed, false);
  // A platform role "granted" in a workspace, or a workspace role granted platform-wide, resolves to nothing.
  const odd = principal('odd', [{ roleId: 'security-manager', workspaceId: 'a' }, { roleId: 'owner' }]);
  assert.deepEqual([odd.grants, odd.platformGrants], [[], []]);
});

test('unknown and foreign custom roles resolve to nothing', () => {
  const custom: Role = {
    id: 'triage',
    name: 'Triage',
    scope: 'workspace',
    permissions: ['alerts.read'],
    builtIn: false,
    workspace: 'a',
  };
  const resolved = resolveGrants(
    [
      { principalId: 'x', roleId: 'triage', workspaceId: 'b', grantedBy: 's', grantedAt: 0 },
      { principalId: 'x', roleId: 'ghost', workspaceId: 'a', grantedBy: 's', grantedAt: 0 },
    ],
    (id) => (id === 'triage' ? custom : undefined),
  );
  assert.deepEqual(resolved.grants, []);
});

test('granting roles needs roles.manage and cannot escalate beyond the granter', () => {
  const owner = principal('o', [{ roleId: 'owner', workspaceId: 'a' }]);
  const admin = principal('ad', [{ roleId: 'admin', workspaceId: 'a' }]);
  const analyst = principal('an', [{ roleId: 'analyst', workspaceId: 'a' }]);
  const r = (id: string) => builtInRole(id)!;
  assert.equal(canGrantRole(owner, 'a', r('owner')).allowed, true);
  assert.equal(canGrantRole(admin, 'a', r('analyst')).allowed, true);
  assert.equal(canGrantRole(admin, 'a', r('owner')).allowed, false);
  assert.match(canGrantRole(admin, 'a', r('owner')).reason, /workspace.delete/);
  assert.equal(canGrantRole(analyst, 'a', r('viewer')).allowed, false);
  assert.equal(canGrantRole(owner, 'b', r('viewer')).allowed, false);
  assert.equal(canGrantRole(owner, 'a', r('security-manager')).allowed, false);
});

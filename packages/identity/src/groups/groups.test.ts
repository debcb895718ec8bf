import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RoleGrant } from '../access/role-grant.ts';
import { effectiveRoleGrants } from './effective-grants.ts';
import { groupIdOfPrincipal, groupNameKey, groupPrincipalId } from './group.ts';
import { validateGroupInput } from './group-input.ts';

const grant = (principalId: string, roleId: string, workspaceId?: string): RoleGrant => ({
  principalId,
  roleId,
  ...(workspaceId === undefined ? {} : { workspaceId }),
  grantedBy: 't',
  grantedAt: 0,
});

test('effective grants: own plus the groups’, each group grant only in the group’s workspace', () => {
  const direct = [grant('u-1', 'viewer', 'ws-a')];
  const memberships = [{ workspaceId: 'ws-a', groupId: 'g1', userId: 'u-1', addedBy: 't', addedAt: 0 }];
  const groupGrants = new Map([
    [groupPrincipalId('g1'), [grant('group:g1', 'analyst', 'ws-a'), grant('group:g1', 'owner', 'ws-b')]],
    [groupPrincipalId('g2'), [grant('group:g2', 'owner', 'ws-a')]],
  ]);
  assert.deepEqual(
    effectiveRoleGrants(direct, memberships, groupGrants).map((g) => `${g.workspaceId ?? ''}:${g.roleId}`),
    ['ws-a:viewer', 'ws-a:analyst'],
  );
  assert.deepEqual(effectiveRoleGrants(direct, [], groupGrants), direct, 'no membership, no group role');
});

test('group principal ids and names', () => {
  assert.equal(groupIdOfPrincipal(groupPrincipalId('g-7')), 'g-7');
  assert.equal(groupIdOfPrincipal('u-7'), undefined);
  assert.equal(groupNameKey('  SOC Tier 1 '), 'soc tier 1');
});

test('group input: trimmed, bounded, every problem named by field', () => {
  assert.deepEqual(validateGroupInput({ name: ' SOC ', ssoGroup: ' soc ' }), {
    ok: true,
    name: 'SOC',
    ssoGroup: 'soc',
  });
  const bad = validateGroupInput({ name: ' ', ssoGroup: 'a\u0007b' });
  assert.equal(bad.ok, false);
  assert.deepEqual(!bad.ok && bad.problems.map((p) => p.where), ['name', 'ssoGroup']);
  assert.equal(validateGroupInput({ name: 'x'.repeat(81) }).ok, false);
});

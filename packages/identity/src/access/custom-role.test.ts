import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateCustomRole } from './custom-role.ts';
import { expandPermissionPattern } from './permission-catalogue.ts';

test('custom roles expand area patterns against the catalogue', () => {
  const v = validateCustomRole('ws1', {
    id: 'incident-lead',
    name: ' Incident lead ',
    permissions: ['incidents.*', 'alerts.read'],
  });
  assert.ok(v.ok);
  assert.deepEqual(v.role.permissions, [
    'alerts.read',
    'incidents.delete',
    'incidents.read',
    'incidents.write',
  ]);
  assert.equal(v.role.name, 'Incident lead');
  assert.equal(v.role.workspace, 'ws1');
  assert.equal(v.role.builtIn, false);
});

test('custom roles report every problem', () => {
  const v = validateCustomRole('ws1', {
    id: 'Owner!',
    name: '',
    permissions: ['alerts.read', 'alerts.nuke', 'operator_access.approve', 'nothing.*', '*'],
  });
  assert.equal(v.ok, false);
  assert.deepEqual(
    v.problems.map((p) => p.where),
    ['id', 'name', 'permissions[1]', 'permissions[2]', 'permissions[3]', 'permissions[4]'],
  );
  const shadow = validateCustomRole('ws1', { id: 'owner', name: 'x', permissions: ['alerts.read'] });
  assert.equal(shadow.ok, false);
  assert.equal(validateCustomRole('ws1', { id: 'empty', name: 'x', permissions: [] }).ok, false);
});

test('permission patterns never cross scopes', () => {
  assert.deepEqual(expandPermissionPattern('system.metrics', 'workspace'), []);
  assert.deepEqual(expandPermissionPattern('operator_access.*', 'workspace'), ['operator_access.read']);
  assert.deepEqual(expandPermissionPattern('operator_access.*', 'platform'), [
    'operator_access.request',
    'operator_access.approve',
  ]);
});

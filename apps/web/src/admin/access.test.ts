import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mayIn, parseAccess } from './access.ts';

test('collects workspace permissions per workspace and platform permissions', () => {
  const access = parseAccess({
    kind: 'user',
    user: { id: 'u1' },
    grants: [
      { workspaceId: 'default', roleId: 'viewer', permissions: ['workspace.read'] },
      { workspaceId: 'default', roleId: 'auditor', permissions: ['audit.read', 7] },
      { workspaceId: 'soc', roleId: 'analyst', permissions: ['users.read'] },
      { roleId: 'broken' },
    ],
    platformGrants: [{ roleId: 'security-manager', permissions: ['operator_access.approve'] }],
  });
  assert.equal(access.userId, 'u1');
  assert.equal(mayIn(access, 'default', 'audit.read'), true);
  assert.equal(mayIn(access, 'soc', 'audit.read'), false);
  assert.equal(mayIn(access, 'elsewhere', 'workspace.read'), false);
  assert.deepEqual([...access.platform], ['operator_access.approve']);
});

test('anything else grants nothing', () => {
  for (const body of [undefined, null, 'x', { grants: 'x', platformGrants: [null] }]) {
    const access = parseAccess(body);
    assert.equal(access.workspaces.size, 0);
    assert.equal(access.platform.size, 0);
  }
});

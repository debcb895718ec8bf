import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isWorkspaceWrite, workspaceWriteRefusal } from './workspace-write-guard.ts';
import type { Workspace } from './workspace.ts';

const ws = (status: Workspace['status']): Workspace => ({
  id: 'w',
  name: 'W',
  status,
  mfaRequired: false,
  createdAt: 0,
});

test('reads, searches and exports are not writes even as POST; lifecycle routes are exempt', () => {
  assert.equal(isWorkspaceWrite('GET', 'alerts.write'), false);
  assert.equal(isWorkspaceWrite('POST', 'events.search'), false);
  assert.equal(isWorkspaceWrite('POST', 'events.export'), false);
  assert.equal(isWorkspaceWrite('POST', 'audit.read'), false);
  assert.equal(isWorkspaceWrite('POST', 'workspace.delete'), false);
  assert.equal(isWorkspaceWrite('POST', 'alerts.write'), true);
  assert.equal(isWorkspaceWrite('delete', 'rules.write'), true);
  assert.equal(isWorkspaceWrite('PUT', 'ingest.write'), true);
});

test('archived and deleting workspaces refuse writes with a 409 that says why', () => {
  assert.equal(workspaceWriteRefusal(ws('active')), undefined);
  assert.equal(workspaceWriteRefusal(undefined), undefined);
  const archived = workspaceWriteRefusal(ws('archived'));
  assert.equal(archived?.code, 'WORKSPACE_ARCHIVED');
  assert.equal(archived?.status, 409);
  assert.match(archived?.message ?? '', /archived/);
  assert.equal(workspaceWriteRefusal(ws('deleting'))?.code, 'WORKSPACE_DELETING');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addUser, authFixture, login } from './testing/auth-fixture.ts';

const PASSWORD = 'Platform-Passw0rd-1';
type ErrorJson = { error: { code: string; details?: Record<string, unknown> } };

test('platform admins grant and revoke platform roles; audited; the two-person rule still holds', async () => {
  const { app, rt } = await authFixture();
  await addUser(rt, 'root', PASSWORD, [['owner', 'ws-a'], ['platform-admin']]);
  await addUser(rt, 'owner', PASSWORD, [['owner', 'ws-a']]);
  await addUser(rt, 'op', PASSWORD);
  await addUser(rt, 'sec', PASSWORD);
  const root = await login(app, 'root', PASSWORD);
  const owner = await login(app, 'owner', PASSWORD);
  const grant = (s: typeof root, userId: string, role: string) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/platform/users/${userId}/roles`,
      headers: s.headers,
      payload: { role },
    });

  assert.equal(
    (await grant(owner, 'u-owner', 'security-manager')).statusCode,
    403,
    'a workspace owner is no platform admin',
  );
  const unknown = await grant(root, 'u-op', 'owner');
  assert.equal(unknown.statusCode, 400);
  assert.equal(unknown.json<ErrorJson>().error.details?.['field'], 'role');
  assert.equal((await grant(root, 'u-ghost', 'operator')).statusCode, 404);
  assert.equal((await grant(root, 'u-op', 'operator')).statusCode, 201);
  assert.equal((await grant(root, 'u-sec', 'security-manager')).statusCode, 201);
  const both = await grant(root, 'u-op', 'security-manager');
  assert.equal(both.statusCode, 409);
  assert.equal(both.json<ErrorJson>().error.code, 'PLATFORM_ROLE_CONFLICT');

  const listed = await app.inject({
    method: 'GET',
    url: '/api/v1/platform/users/u-op/roles',
    headers: root.headers,
  });
  assert.deepEqual(
    listed
      .json<{ roles: { roleId: string; grantedBy: string }[] }>()
      .roles.map((r) => [r.roleId, r.grantedBy]),
    [['operator', 'u-root']],
  );

  // The two-person rule: the operator asks, only the other account (security manager) approves.
  const op = await login(app, 'op', PASSWORD);
  const sec = await login(app, 'sec', PASSWORD);
  const asked = await app.inject({
    method: 'POST',
    url: '/api/v1/operator-access',
    headers: op.headers,
    payload: { workspaceId: 'ws-a', ticket: 'CASE-7', reason: 'ingest stalls', durationMinutes: 30 },
  });
  assert.equal(asked.statusCode, 201, asked.body);
  const id = asked.json<{ id: string }>().id;
  const selfApprove = await app.inject({
    method: 'POST',
    url: `/api/v1/operator-access/${id}/approve`,
    headers: op.headers,
    payload: {},
  });
  assert.equal(selfApprove.statusCode, 403);
  const approved = await app.inject({
    method: 'POST',
    url: `/api/v1/operator-access/${id}/approve`,
    headers: sec.headers,
    payload: {},
  });
  assert.equal(approved.statusCode, 200, approved.body);

  const revoke = await app.inject({
    method: 'DELETE',
    url: '/api/v1/platform/users/u-sec/roles/security-manager',
    headers: root.headers,
  });
  assert.equal(revoke.statusCode, 204);
  assert.equal(
    (await app.inject({ method: 'GET', url: '/api/v1/operator-access/pending', headers: sec.headers }))
      .statusCode,
    401,
    'the revocation ends the sessions of the account (privilege change)',
  );
  const secAgain = await login(app, 'sec', PASSWORD);
  assert.equal(
    (await app.inject({ method: 'GET', url: '/api/v1/operator-access/pending', headers: secAgain.headers }))
      .statusCode,
    403,
    'the revoked role is gone',
  );
  const selfRevoke = await app.inject({
    method: 'DELETE',
    url: '/api/v1/platform/users/u-root/roles/platform-admin',
    headers: root.headers,
  });
  assert.equal(selfRevoke.json<ErrorJson>().error.code, 'SELF_REVOKE');

  const records = await rt.stores.audit.find({ limit: 200 });
  const of = (type: string, result: string) =>
    records.filter((r) => r.event_type === type && r.result === result).map((r) => r.resource);
  assert.deepEqual(of('platform_role.granted', 'success'), [
    'user:u-op:operator',
    'user:u-sec:security-manager',
  ]);
  assert.deepEqual(of('platform_role.granted', 'failure'), ['user:u-op:owner', 'user:u-op:security-manager']);
  assert.deepEqual(of('platform_role.revoked', 'success'), ['user:u-sec:security-manager']);
  assert.deepEqual(of('platform_role.revoked', 'failure'), ['user:u-root:platform-admin']);
  await app.close();
});

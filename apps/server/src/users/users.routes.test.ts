import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addUser, authFixture, login } from '../auth/testing/auth-fixture.ts';

const PASSWORD = 'Users-Passw0rd-12';
type ErrorJson = { error: { code: string } };

test('disabling a member ends its sessions and stops the API keys it created', async () => {
  const { app, rt } = await authFixture();
  await addUser(rt, 'boss', PASSWORD, [['owner', 'ws-a']]);
  await addUser(rt, 'kim', PASSWORD, [['admin', 'ws-a']]);
  const boss = await login(app, 'boss', PASSWORD);
  const kim = await login(app, 'kim', PASSWORD);
  const key = await app.inject({
    method: 'POST',
    url: '/api/v1/workspaces/ws-a/api-keys',
    headers: kim.headers,
    payload: { name: 'k', role: 'viewer' },
  });
  const bearer = { authorization: `Bearer ${key.json<{ token: string }>().token}` };
  assert.equal(
    (await app.inject({ method: 'GET', url: '/api/v1/workspaces/ws-a', headers: bearer })).statusCode,
    200,
  );
  const self = await app.inject({
    method: 'POST',
    url: '/api/v1/workspaces/ws-a/users/u-boss/disable',
    headers: boss.headers,
  });
  assert.equal(self.json<ErrorJson>().error.code, 'SELF_DISABLE');
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/workspaces/ws-a/users/u-kim/disable',
    headers: boss.headers,
  });
  assert.equal(res.statusCode, 200);
  assert.equal(
    (await app.inject({ method: 'GET', url: '/api/v1/me', headers: kim.headers })).statusCode,
    401,
  );
  assert.equal(
    (await app.inject({ method: 'GET', url: '/api/v1/workspaces/ws-a', headers: bearer })).statusCode,
    401,
  );
  const again = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'kim', password: PASSWORD },
  });
  assert.equal(again.json<ErrorJson>().error.code, 'LOGIN_FAILED');
  await app.inject({
    method: 'POST',
    url: '/api/v1/workspaces/ws-a/users/u-kim/enable',
    headers: boss.headers,
  });
  await login(app, 'kim', PASSWORD);
  const stranger = await app.inject({
    method: 'POST',
    url: '/api/v1/workspaces/ws-a/users/u-nobody/disable',
    headers: boss.headers,
  });
  assert.equal(stranger.statusCode, 404);
  await app.close();
});

test('custom roles: validated against the catalogue, no escalation, grantable, deletable once unused', async () => {
  const { app, rt } = await authFixture();
  await addUser(rt, 'boss', PASSWORD, [['owner', 'ws-a']]);
  await addUser(rt, 'adm', PASSWORD, [['admin', 'ws-a']]);
  await addUser(rt, 'lee', PASSWORD, [['viewer', 'ws-a']]);
  const boss = await login(app, 'boss', PASSWORD);
  const adm = await login(app, 'adm', PASSWORD);
  const bad = await app.inject({
    method: 'PUT',
    url: '/api/v1/workspaces/ws-a/roles/triage',
    headers: boss.headers,
    payload: { name: 'Triage', permissions: ['alerts.*', 'system.metrics', 'nope.read'] },
  });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json<ErrorJson>().error.code, 'ROLE_INVALID');
  const escalate = await app.inject({
    method: 'PUT',
    url: '/api/v1/workspaces/ws-a/roles/deleter',
    headers: adm.headers,
    payload: { name: 'Deleter', permissions: ['workspace.delete'] },
  });
  assert.equal(escalate.statusCode, 403);
  const ok = await app.inject({
    method: 'PUT',
    url: '/api/v1/workspaces/ws-a/roles/triage',
    headers: boss.headers,
    payload: { name: 'Triage', permissions: ['alerts.*', 'audit.read'] },
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json<{ permissions: string[] }>().permissions, [
    'alerts.read',
    'alerts.write',
    'audit.read',
  ]);
  await app.inject({
    method: 'POST',
    url: '/api/v1/workspaces/ws-a/users/u-lee/roles',
    headers: boss.headers,
    payload: { role: 'triage' },
  });
  const lee = await login(app, 'lee', PASSWORD);
  assert.equal(
    (await app.inject({ method: 'GET', url: '/api/v1/workspaces/ws-a/audit', headers: lee.headers }))
      .statusCode,
    200,
  );
  const inUse = await app.inject({
    method: 'DELETE',
    url: '/api/v1/workspaces/ws-a/roles/triage',
    headers: boss.headers,
  });
  assert.equal(inUse.statusCode, 409);
  await app.inject({
    method: 'DELETE',
    url: '/api/v1/workspaces/ws-a/users/u-lee/roles/triage',
    headers: boss.headers,
  });
  assert.equal(
    (
      await app.inject({
        method: 'DELETE',
        url: '/api/v1/workspaces/ws-a/roles/triage',
        headers: boss.headers,
      })
    ).statusCode,
    204,
  );
  const roles = await app.inject({
    method: 'GET',
    url: '/api/v1/workspaces/ws-a/roles',
    headers: boss.headers,
  });
  assert.deepEqual(
    roles.json<{ roles: { id: string }[] }>().roles.map((r) => r.id),
    ['owner', 'admin', 'analyst', 'responder', 'auditor', 'viewer'],
  );
  await app.close();
});

test('workspace deletion is scheduled after a grace period and can be restored; the last owner stays', async () => {
  const { app, rt, clock } = await authFixture();
  await addUser(rt, 'boss', PASSWORD, [['owner', 'ws-a'], ['platform-admin']]);
  const boss = await login(app, 'boss', PASSWORD);
  const lastOwner = await app.inject({
    method: 'DELETE',
    url: '/api/v1/workspaces/ws-a/users/u-boss/roles/owner',
    headers: boss.headers,
  });
  assert.equal(lastOwner.json<ErrorJson>().error.code, 'LAST_OWNER');
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/workspaces',
    headers: boss.headers,
    payload: { id: 'ws-new', name: 'New' },
  });
  assert.equal(created.statusCode, 201);
  const del = await app.inject({ method: 'DELETE', url: '/api/v1/workspaces/ws-new', headers: boss.headers });
  assert.equal(del.statusCode, 200);
  assert.equal(
    del.json<{ deleteAfter: string }>().deleteAfter,
    new Date(clock.now() + 30 * 86_400_000).toISOString(),
  );
  const list = await app.inject({ method: 'GET', url: '/api/v1/workspaces', headers: boss.headers });
  assert.deepEqual(
    list.json<{ workspaces: { id: string }[] }>().workspaces.map((w) => w.id),
    ['ws-a'],
  );
  const restored = await app.inject({
    method: 'POST',
    url: '/api/v1/workspaces/ws-new/restore',
    headers: boss.headers,
  });
  assert.equal(restored.json<{ status: string }>().status, 'active');
  await app.close();
});

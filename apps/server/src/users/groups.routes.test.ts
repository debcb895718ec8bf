import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addUser, authFixture, login } from '../auth/testing/auth-fixture.ts';

const PASSWORD = 'Groups-Passw0rd-12';
type ErrorJson = { error: { code: string; details?: Record<string, unknown> } };
interface GroupJson {
  id: string;
  name: string;
  ssoGroup?: string;
  roles: string[];
  members: { id: string; username: string }[];
}

test('group roles apply to members; removing the member or the group revokes at the next request', async () => {
  const { app, rt } = await authFixture();
  await addUser(rt, 'boss', PASSWORD, [
    ['owner', 'ws-a'],
    ['owner', 'ws-b'],
  ]);
  await addUser(rt, 'kim', PASSWORD, [['viewer', 'ws-a']]);
  const boss = await login(app, 'boss', PASSWORD);
  let kim = await login(app, 'kim', PASSWORD);
  // Every membership or group-role change ends kim's sessions (new id at privilege change): sign in again.
  const signInAgain = async () => {
    kim = await login(app, 'kim', PASSWORD);
  };
  const rolesOfKim = async () =>
    (await app.inject({ method: 'GET', url: '/api/v1/workspaces/ws-a/roles', headers: kim.headers }))
      .statusCode;
  assert.equal(await rolesOfKim(), 403, 'viewer lacks users.read');

  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/workspaces/ws-a/groups',
    headers: boss.headers,
    payload: { name: ' Tier 1 ' },
  });
  assert.equal(created.statusCode, 201);
  const group = created.json<GroupJson>();
  assert.equal(group.name, 'Tier 1');
  const base = `/api/v1/workspaces/ws-a/groups/${group.id}`;
  assert.equal(
    (
      await app.inject({
        method: 'POST',
        url: `${base}/roles`,
        headers: boss.headers,
        payload: { role: 'analyst' },
      })
    ).statusCode,
    201,
  );
  assert.equal(
    (await app.inject({ method: 'PUT', url: `${base}/members/u-kim`, headers: boss.headers })).statusCode,
    204,
  );
  assert.equal(await rolesOfKim(), 401, 'joining the group ended the old session');
  await signInAgain();
  assert.equal(await rolesOfKim(), 200, 'union of viewer (direct) and analyst (group)');
  const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: kim.headers });
  assert.deepEqual(
    me
      .json<{ grants: { roleId: string }[] }>()
      .grants.map((g) => g.roleId)
      .sort(),
    ['analyst', 'viewer'],
  );
  // A stray grant of the group in another workspace never reaches members (grants stay in the group's workspace).
  await rt.stores.roleGrants.grant({
    principalId: `group:${group.id}`,
    roleId: 'owner',
    workspaceId: 'ws-b',
    grantedBy: 'test',
    grantedAt: 0,
  });
  assert.equal(
    (await app.inject({ method: 'GET', url: '/api/v1/workspaces/ws-b', headers: kim.headers })).statusCode,
    403,
  );

  const listed = await app.inject({
    method: 'GET',
    url: '/api/v1/workspaces/ws-a/groups',
    headers: boss.headers,
  });
  assert.deepEqual(
    listed
      .json<{ groups: GroupJson[] }>()
      .groups.map((g) => [g.name, g.roles, g.members.map((m) => m.username)]),
    [['Tier 1', ['analyst'], ['kim']]],
  );

  assert.equal(
    (await app.inject({ method: 'DELETE', url: `${base}/members/u-kim`, headers: boss.headers })).statusCode,
    204,
  );
  assert.equal(await rolesOfKim(), 401, 'membership removed: the session ends with it');
  await signInAgain();
  assert.equal(await rolesOfKim(), 403, 'and the group role is gone');
  await app.inject({ method: 'PUT', url: `${base}/members/u-kim`, headers: boss.headers });
  await signInAgain();
  assert.equal(await rolesOfKim(), 200);
  assert.equal((await app.inject({ method: 'DELETE', url: base, headers: boss.headers })).statusCode, 204);
  assert.equal(await rolesOfKim(), 401, 'group deleted: its members are signed out');
  await signInAgain();
  assert.equal(await rolesOfKim(), 403, 'group deleted: its role is gone');
  assert.deepEqual(await rt.stores.roleGrants.listForPrincipal(`group:${group.id}`), [
    {
      principalId: `group:${group.id}`,
      roleId: 'owner',
      workspaceId: 'ws-b',
      grantedBy: 'test',
      grantedAt: 0,
    },
  ]);
  const types = (await rt.stores.audit.find({ limit: 100 })).map((r) => r.event_type);
  for (const t of ['group.created', 'group.member_added', 'group.member_removed', 'group.deleted'])
    assert.ok(types.includes(t), t);
  await app.close();
});

test('groups: validated, unique names, renamable, no escalation through membership', async () => {
  const { app, rt } = await authFixture();
  await addUser(rt, 'boss', PASSWORD, [['owner', 'ws-a']]);
  await addUser(rt, 'adm', PASSWORD, [['admin', 'ws-a']]);
  const boss = await login(app, 'boss', PASSWORD);
  const adm = await login(app, 'adm', PASSWORD);
  const bad = await app.inject({
    method: 'POST',
    url: '/api/v1/workspaces/ws-a/groups',
    headers: boss.headers,
    payload: { name: '   ' },
  });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json<ErrorJson>().error.code, 'GROUP_INVALID');
  assert.equal(bad.json<ErrorJson>().error.details?.['field'], 'name');
  const owners = (
    await app.inject({
      method: 'POST',
      url: '/api/v1/workspaces/ws-a/groups',
      headers: boss.headers,
      payload: { name: 'Owners', ssoGroup: 'vigil-owners' },
    })
  ).json<GroupJson>();
  assert.equal(owners.ssoGroup, 'vigil-owners');
  const dup = await app.inject({
    method: 'POST',
    url: '/api/v1/workspaces/ws-a/groups',
    headers: adm.headers,
    payload: { name: 'OWNERS' },
  });
  assert.equal(dup.json<ErrorJson>().error.code, 'GROUP_NAME_TAKEN');
  const base = `/api/v1/workspaces/ws-a/groups/${owners.id}`;
  await app.inject({
    method: 'POST',
    url: `${base}/roles`,
    headers: boss.headers,
    payload: { role: 'owner' },
  });
  const escalate = await app.inject({ method: 'PUT', url: `${base}/members/u-adm`, headers: adm.headers });
  assert.equal(escalate.statusCode, 403, 'an admin cannot join a group holding owner');
  const grantOwner = await app.inject({
    method: 'POST',
    url: `${base}/roles`,
    headers: adm.headers,
    payload: { role: 'owner' },
  });
  assert.equal(grantOwner.statusCode, 403);
  const renamed = await app.inject({
    method: 'PATCH',
    url: base,
    headers: boss.headers,
    payload: { name: 'Workspace owners', ssoGroup: null },
  });
  assert.equal(renamed.statusCode, 200);
  assert.deepEqual(
    [renamed.json<GroupJson>().name, renamed.json<GroupJson>().ssoGroup],
    ['Workspace owners', undefined],
  );
  const unknownUser = await app.inject({
    method: 'PUT',
    url: `${base}/members/u-ghost`,
    headers: boss.headers,
  });
  assert.equal(unknownUser.statusCode, 404);
  const other = await app.inject({
    method: 'GET',
    url: '/api/v1/workspaces/ws-b/groups',
    headers: boss.headers,
  });
  assert.equal(other.statusCode, 403, 'no access to another workspace');
  await app.close();
});

test('group-only members are listed as members; an owner group does not stand in for the last owner', async () => {
  const { app, rt } = await authFixture();
  await addUser(rt, 'boss', PASSWORD, [['owner', 'ws-a']]);
  await addUser(rt, 'gil', PASSWORD);
  const boss = await login(app, 'boss', PASSWORD);
  const group = (
    await app.inject({
      method: 'POST',
      url: '/api/v1/workspaces/ws-a/groups',
      headers: boss.headers,
      payload: { name: 'Owners' },
    })
  ).json<GroupJson>();
  const base = `/api/v1/workspaces/ws-a/groups/${group.id}`;
  await app.inject({
    method: 'POST',
    url: `${base}/roles`,
    headers: boss.headers,
    payload: { role: 'owner' },
  });
  await app.inject({ method: 'PUT', url: `${base}/members/u-gil`, headers: boss.headers });
  const users = await app.inject({
    method: 'GET',
    url: '/api/v1/workspaces/ws-a/users',
    headers: boss.headers,
  });
  assert.deepEqual(
    users
      .json<{ users: { username: string; roles: string[]; groups: string[] }[] }>()
      .users.map((u) => [u.username, u.roles, u.groups]),
    [
      ['boss', ['owner'], []],
      ['gil', [], ['Owners']],
    ],
  );
  const last = await app.inject({
    method: 'DELETE',
    url: '/api/v1/workspaces/ws-a/users/u-boss/roles/owner',
    headers: boss.headers,
  });
  assert.equal(last.json<ErrorJson>().error.code, 'LAST_OWNER');
  await app.close();
});

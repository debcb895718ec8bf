import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addUser, authFixture, login } from './testing/auth-fixture.ts';

const PASSWORD = 'Accounts-Passw0rd-1';
interface Listing {
  users: { id: string; username: string; platformRoles: string[]; passwordHash?: unknown }[];
  next?: string;
  available: { id: string }[];
}

test('platform admins list accounts with their platform roles, page by page; others are refused', async () => {
  const { app, rt } = await authFixture();
  await addUser(rt, 'root', PASSWORD, [['platform-admin']]);
  await addUser(rt, 'owner', PASSWORD, [['owner', 'ws-a']]);
  await addUser(rt, 'op', PASSWORD, [['operator']]);
  await addUser(rt, 'sec', PASSWORD, [['security-manager']]);
  const root = await login(app, 'root', PASSWORD);
  const list = (query = '', headers = root.headers) =>
    app.inject({ method: 'GET', url: `/api/v1/platform/users${query}`, headers });

  const all = await list();
  assert.equal(all.statusCode, 200, all.body);
  const body = all.json<Listing>();
  assert.deepEqual(
    body.users.map((u) => [u.username, u.platformRoles]),
    [
      ['op', ['operator']],
      ['owner', []],
      ['root', ['platform-admin']],
      ['sec', ['security-manager']],
    ],
    'workspace roles are not platform roles',
  );
  assert.ok(body.users.every((u) => !('passwordHash' in u)));
  assert.deepEqual(body.available.map((r) => r.id).sort(), [
    'operator',
    'platform-admin',
    'security-manager',
  ]);
  assert.equal(body.next, undefined);

  const first = (await list('?limit=3')).json<Listing>();
  assert.equal(first.users.length, 3);
  assert.equal(first.next, 'u-root');
  const second = (await list(`?limit=3&after=${first.next}`)).json<Listing>();
  assert.deepEqual(
    second.users.map((u) => u.username),
    ['sec'],
  );
  assert.equal(second.next, undefined);

  const bad = await list('?limit=0');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /limit/);
  const owner = await login(app, 'owner', PASSWORD);
  assert.equal((await list('', owner.headers)).statusCode, 403, 'a workspace owner is no platform admin');
  const sec = await login(app, 'sec', PASSWORD);
  assert.equal((await list('', sec.headers)).statusCode, 403);
  await app.close();
});

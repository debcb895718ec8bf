import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authFixture, login } from './testing/auth-fixture.ts';
import { DATA_SPACE_KIND } from '../workspaces/data-spaces.ts';

type ErrorJson = { error: { code: string; details?: { failures?: { rule: string }[] } } };

test('first-run set-up: policy failures keep the token, then the owner, workspace and data space are created once', async () => {
  const { app, rt } = await authFixture();
  assert.deepEqual((await app.inject({ method: 'GET', url: '/api/v1/setup' })).json(), { required: true });
  const { token } = await rt.firstRun.issue();
  const post = (body: Record<string, string>) =>
    app.inject({ method: 'POST', url: '/api/v1/setup', payload: body });

  const weak = await post({ token, username: 'owner', password: 'password' });
  assert.equal(weak.statusCode, 400);
  const rules = weak.json<ErrorJson>().error.details?.failures?.map((f) => f.rule);
  assert.deepEqual(rules?.sort(), ['char_classes', 'common_password']);
  const sameAsName = await post({ token, username: 'Owner2026', password: 'owner2026' });
  assert.ok(sameAsName.json<ErrorJson>().error.details?.failures?.some((f) => f.rule === 'matches_account'));

  const forged = await post({
    token: `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
    username: 'owner',
    password: 'Setup-Passw0rd!',
  });
  assert.equal(forged.statusCode, 403);
  assert.equal(forged.json<ErrorJson>().error.code, 'SETUP_TOKEN_INVALID');

  const done = await post({ token, username: 'owner', password: 'Setup-Passw0rd!' });
  assert.equal(done.statusCode, 201, done.body);
  assert.deepEqual(done.json<{ workspace: unknown }>().workspace, { id: 'default', name: 'Default' });
  assert.equal((await rt.stores.workspaces.get('default'))?.status, 'active');
  assert.ok(await rt.metadata.repository(DATA_SPACE_KIND).get('default', 'default'));
  const again = await post({ token, username: 'other', password: 'Setup-Passw0rd!' });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json<ErrorJson>().error.code, 'SETUP_DONE');
  await assert.rejects(rt.firstRun.issue(), /already set up/);

  const s = await login(app, 'owner', 'Setup-Passw0rd!');
  const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: s.headers });
  const grants = me.json<{ grants: { workspaceId: string; roleId: string }[] }>().grants;
  assert.deepEqual(
    grants.map((g) => [g.workspaceId, g.roleId]),
    [['default', 'owner']],
  );
  const types = (await rt.stores.audit.find({ limit: 100 })).map((r) => r.event_type);
  for (const t of ['setup.token_rejected', 'user.created', 'role.granted', 'setup.completed', 'auth.login'])
    assert.ok(types.includes(t), t);
  assert.deepEqual((await app.inject({ method: 'GET', url: '/api/v1/setup' })).json(), { required: false });
  await app.close();
});

test('concurrent set-up requests: exactly one succeeds and exactly one administrator exists', async () => {
  const { app, rt } = await authFixture();
  const { token } = await rt.firstRun.issue();
  const results = await Promise.all(
    Array.from({ length: 5 }, (_, i) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { token, username: `owner${i}`, password: 'Setup-Passw0rd!' },
      }),
    ),
  );
  assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 403, 403, 403, 403]);
  assert.equal(await rt.stores.users.count(), 1);
  // Without a token (the CLI path), racing set-ups still make one owner: the account insert decides.
  const { completeSetup } = await import('./complete-setup.ts');
  const fresh = await authFixture();
  const audit = { audit: () => Promise.resolve() };
  const raced = await Promise.allSettled(
    ['a1', 'a2', 'a3'].map((u) =>
      completeSetup(fresh.rt, { username: u, password: 'Setup-Passw0rd!' }, audit),
    ),
  );
  assert.equal(raced.filter((r) => r.status === 'fulfilled').length, 1);
  for (const r of raced) {
    if (r.status === 'rejected') assert.equal((r.reason as { code?: string }).code, 'SETUP_DONE');
  }
  const owners = (await fresh.rt.stores.roleGrants.listForWorkspace('default')).filter(
    (g) => g.roleId === 'owner',
  );
  assert.equal(owners.length, 1, 'the losers took their grants back');
  assert.equal(await fresh.rt.stores.users.count(), 1);
  await app.close();
  await fresh.app.close();
});

test('a set-up that crashes before the account exists leaves set-up pending, and a retry completes it', async () => {
  const { app, rt } = await authFixture();
  const createFirst = rt.stores.users.createFirst.bind(rt.stores.users);
  rt.stores.users.createFirst = () => Promise.reject(new Error('power cut'));
  const first = await rt.firstRun.issue();
  const crashed = await app.inject({
    method: 'POST',
    url: '/api/v1/setup',
    payload: { token: first.token, username: 'owner', password: 'Setup-Passw0rd!' },
  });
  assert.equal(crashed.statusCode, 500);
  assert.deepEqual((await app.inject({ method: 'GET', url: '/api/v1/setup' })).json(), { required: true });
  rt.stores.users.createFirst = createFirst;
  const second = await rt.firstRun.issue(); // a restart prints a new link
  const done = await app.inject({
    method: 'POST',
    url: '/api/v1/setup',
    payload: { token: second.token, username: 'owner', password: 'Setup-Passw0rd!' },
  });
  assert.equal(done.statusCode, 201, done.body);
  const s = await login(app, 'owner', 'Setup-Passw0rd!');
  const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: s.headers });
  assert.deepEqual(
    me.json<{ grants: { roleId: string }[] }>().grants.map((g) => g.roleId),
    ['owner'],
  );
  await app.close();
});

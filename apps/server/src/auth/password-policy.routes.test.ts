import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PERMISSIONS } from '@vigil/identity';
import { addUser, authFixture, login } from './testing/auth-fixture.ts';

type Check = { ok: boolean; failures: { rule: string; message: string }[] };

test('the password policy and its server-side check are public; the check is rate-limited', async () => {
  const { app, clock, logs } = await authFixture();
  const policy = await app.inject({ method: 'GET', url: '/api/v1/password-policy' });
  assert.equal(policy.statusCode, 200);
  const body = policy.json<{ minLength: number; rules: { id: string; failsOn: string[] }[] }>();
  assert.equal(body.minLength, 8);
  assert.deepEqual(
    body.rules.map((r) => r.id),
    ['length', 'char_classes', 'account_name', 'common_password'],
  );

  const check = (password: string, username?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/password-policy/check',
      remoteAddress: '198.51.100.20',
      payload: { password, ...(username === undefined ? {} : { username }) },
    });
  const rules = async (password: string, username?: string) =>
    (await check(password, username)).json<Check>().failures.map((f) => f.rule);
  assert.deepEqual(
    await rules('P@ssw0rd2024!'),
    ['common_password'],
    'the common-password list lives on the server',
  );
  assert.deepEqual(await rules('ecila', 'alice'), ['min_length', 'char_classes', 'reverse_account']);
  assert.equal((await check('Alice-Wonder-1', 'alice')).json<Check>().ok, true);
  const bad = await app.inject({
    method: 'POST',
    url: '/api/v1/password-policy/check',
    payload: { pw: 'x' },
  });
  assert.equal(bad.statusCode, 400);
  assert.ok(!logs.join('').includes('Alice-Wonder-1'), 'the candidate password is never logged');

  let limited;
  for (let i = 0; i < 60 && limited === undefined; i++) {
    const res = await check('Another-Passw0rd');
    if (res.statusCode === 429) limited = res;
  }
  assert.ok(limited, 'the 60th-odd check in a minute is refused');
  assert.ok(Number(limited.headers['retry-after']) > 0);
  clock.advance(60_000);
  assert.equal((await check('Another-Passw0rd')).statusCode, 200, 'a new window opens');
  await app.close();
});

test('signed-in principals read the permission catalogue; others do not', async () => {
  const { app, rt } = await authFixture();
  await addUser(rt, 'viewer', 'Viewer-Passw0rd-1', [['viewer', 'ws-a']]);
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/permissions' })).statusCode, 401);
  const s = await login(app, 'viewer', 'Viewer-Passw0rd-1');
  const res = await app.inject({ method: 'GET', url: '/api/v1/permissions', headers: s.headers });
  const list = res.json<{ permissions: { id: string; scope: string; description: string }[] }>().permissions;
  assert.deepEqual(
    list.map((p) => p.id),
    PERMISSIONS,
  );
  assert.equal(list.find((p) => p.id === 'platform.roles.manage')?.scope, 'platform');
  await app.close();
});

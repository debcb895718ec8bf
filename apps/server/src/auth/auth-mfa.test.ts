import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base32Decode, totp } from '@vigil/identity';
import { addUser, authFixture, COOKIE, login, sessionCookie } from './testing/auth-fixture.ts';

const PASSWORD = 'Mfa-Passw0rd-Long';
type ErrorJson = { error: { code: string } };

test('TOTP enrolment, MFA step at login, replay refusal and single-use recovery codes', async () => {
  const { app, rt, clock } = await authFixture();
  await addUser(rt, 'hana', PASSWORD, [['analyst', 'ws-a']]);
  const s = await login(app, 'hana', PASSWORD);
  const begin = await app.inject({ method: 'POST', url: '/api/v1/me/mfa/enrol', headers: s.headers });
  assert.equal(begin.statusCode, 200);
  const { secret, uri } = begin.json<{ secret: string; uri: string }>();
  assert.match(uri, /^otpauth:\/\/totp\/Vigil:hana\?/);
  const key = base32Decode(secret);
  const wrong = await app.inject({
    method: 'POST',
    url: '/api/v1/me/mfa/confirm',
    headers: s.headers,
    payload: { code: '000000' },
  });
  assert.equal(wrong.statusCode, 400);
  const confirm = await app.inject({
    method: 'POST',
    url: '/api/v1/me/mfa/confirm',
    headers: s.headers,
    payload: { code: totp(key, clock.now()) },
  });
  assert.equal(confirm.statusCode, 200, confirm.body);
  const { recoveryCodes } = confirm.json<{ recoveryCodes: string[] }>();
  assert.equal(recoveryCodes.length, 10);
  const rotated = sessionCookie(confirm);
  assert.ok(rotated && rotated !== s.cookie, 'privilege change rotates the session id');
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/me', headers: s.headers })).statusCode, 401);
  assert.equal(
    (await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `${COOKIE}=${rotated}` } }))
      .statusCode,
    200,
  );

  const step = (body: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'hana', password: PASSWORD, ...body },
    });
  const missing = await step({});
  assert.equal(missing.statusCode, 401);
  assert.equal(missing.json<ErrorJson>().error.code, 'MFA_REQUIRED');
  const bad = await step({ totp: '123456' });
  assert.equal(bad.json<ErrorJson>().error.code, 'LOGIN_FAILED');
  const replay = await step({ totp: totp(key, clock.now()) });
  assert.equal(replay.json<ErrorJson>().error.code, 'LOGIN_FAILED', 'the enrolment code cannot be replayed');
  clock.advance(30_000);
  const ok = await step({ totp: totp(key, clock.now()) });
  assert.equal(ok.statusCode, 200);
  const recovery = recoveryCodes[0] ?? '';
  assert.equal((await step({ totp: recovery })).statusCode, 200);
  assert.equal((await step({ totp: recovery })).statusCode, 401, 'recovery codes work once');
  const types = (await rt.stores.audit.find({ limit: 1000 })).map((r) => r.event_type);
  for (const t of ['mfa.enrolled', 'auth.mfa_failed', 'mfa.recovery_code_used'])
    assert.ok(types.includes(t), t);
  await app.close();
});

test('a workspace requiring MFA refuses its members until they enrol', async () => {
  const { app, rt, clock } = await authFixture();
  await addUser(rt, 'ivan', PASSWORD, [['owner', 'ws-a']]);
  let s = await login(app, 'ivan', PASSWORD);
  const set = await app.inject({
    method: 'PATCH',
    url: '/api/v1/workspaces/ws-a',
    headers: s.headers,
    payload: { mfaRequired: true },
  });
  assert.equal(set.statusCode, 200);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'ivan', password: PASSWORD },
  });
  assert.deepEqual(res.json<{ mfaEnrolmentRequired: string[] }>().mfaEnrolmentRequired, ['ws-a']);
  s = await login(app, 'ivan', PASSWORD);
  const blocked = await app.inject({ method: 'GET', url: '/api/v1/workspaces/ws-a', headers: s.headers });
  assert.equal(blocked.statusCode, 403);
  assert.equal(blocked.json<ErrorJson>().error.code, 'MFA_REQUIRED');
  const { secret } = (
    await app.inject({ method: 'POST', url: '/api/v1/me/mfa/enrol', headers: s.headers })
  ).json<{ secret: string }>();
  const confirm = await app.inject({
    method: 'POST',
    url: '/api/v1/me/mfa/confirm',
    headers: s.headers,
    payload: { code: totp(base32Decode(secret), clock.now()) },
  });
  const cookie = sessionCookie(confirm) ?? '';
  const allowed = await app.inject({
    method: 'GET',
    url: '/api/v1/workspaces/ws-a',
    headers: { cookie: `${COOKIE}=${cookie}` },
  });
  assert.equal(allowed.statusCode, 200);
  await app.close();
});

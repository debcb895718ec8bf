import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addUser, authFixture, COOKIE, login, sessionCookie } from './testing/auth-fixture.ts';

const PASSWORD = 'Sessions-Passw0rd!';
type ErrorJson = { error: { code: string; message: string } };

test('login sets a fresh HttpOnly SameSite=Strict cookie and a new id each time (no fixation)', async () => {
  const { app, rt } = await authFixture();
  await addUser(rt, 'alice', PASSWORD, [['analyst', 'ws-a']]);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'alice', password: PASSWORD },
  });
  assert.equal(res.statusCode, 200);
  const cookie = res.cookies.find((c) => c.name === COOKIE);
  assert.ok(cookie);
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Strict');
  assert.equal(cookie.path, '/');
  assert.equal(cookie.secure, undefined, 'no Secure flag on plain loopback HTTP');
  assert.match(cookie.value, /^[A-Za-z0-9_-]{43}$/);
  const body = res.json<{ user: Record<string, unknown>; csrfToken: string }>();
  assert.equal(body.user['username'], 'alice');
  assert.ok(!('passwordHash' in body.user));
  // Logging in again while presenting the old cookie destroys it and issues another id.
  const again = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { cookie: `${COOKIE}=${cookie.value}` },
    payload: { username: 'alice', password: PASSWORD },
  });
  const second = sessionCookie(again);
  assert.ok(second && second !== cookie.value);
  const old = await app.inject({
    method: 'GET',
    url: '/api/v1/me',
    headers: { cookie: `${COOKIE}=${cookie.value}` },
  });
  assert.equal(old.statusCode, 401);
  await app.close();
});

test('failures are generic, then throttled with Retry-After, and audited', async () => {
  const { app, rt, clock } = await authFixture();
  await addUser(rt, 'bob', PASSWORD);
  const attempt = (username: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  const wrong = await attempt('bob', 'Wrong-Passw0rd!');
  const unknown = await attempt('nobody-here', 'Wrong-Passw0rd!');
  assert.equal(wrong.statusCode, 401);
  assert.equal(unknown.statusCode, 401);
  assert.deepEqual(
    [wrong.json<ErrorJson>().error.code, wrong.json<ErrorJson>().error.message],
    [unknown.json<ErrorJson>().error.code, unknown.json<ErrorJson>().error.message],
    'no user enumeration',
  );
  for (let i = 0; i < 4; i++) await attempt('bob', 'Wrong-Passw0rd!');
  const locked = await attempt('bob', PASSWORD);
  assert.equal(locked.statusCode, 429);
  assert.equal(locked.json<ErrorJson>().error.code, 'LOGIN_THROTTLED');
  assert.ok(Number(locked.headers['retry-after']) > 0);
  clock.advance(61_000);
  assert.equal((await attempt('bob', PASSWORD)).statusCode, 200);
  const types = (await rt.stores.audit.find({ limit: 1000 })).map((r) => r.event_type);
  assert.ok(types.includes('auth.login_failed'));
  assert.ok(types.includes('auth.lockout'));
  assert.ok(types.includes('auth.login'));
  const failed = (await rt.stores.audit.find({ eventType: 'auth.login_failed' }))[0];
  assert.equal(failed?.user_id, 'u-bob');
  assert.equal(failed?.result, 'failure');
  assert.ok(failed?.client_ip && failed.request_id);
  await app.close();
});

test('cookie-authenticated writes need the CSRF token; bearer API keys do not', async () => {
  const { app, rt } = await authFixture();
  await addUser(rt, 'carol', PASSWORD, [['owner', 'ws-a']]);
  const s = await login(app, 'carol', PASSWORD);
  const cookieOnly = { cookie: s.headers['cookie'] ?? '' };
  const noToken = await app.inject({
    method: 'POST',
    url: '/api/v1/workspaces/ws-a/archive',
    headers: cookieOnly,
  });
  assert.equal(noToken.statusCode, 403);
  assert.equal(noToken.json<ErrorJson>().error.code, 'CSRF_REJECTED');
  const badToken = await app.inject({
    method: 'POST',
    url: '/api/v1/workspaces/ws-a/archive',
    headers: { ...cookieOnly, 'x-csrf-token': `${s.csrf.slice(0, -2)}xx` },
  });
  assert.equal(badToken.statusCode, 403);
  const read = await app.inject({ method: 'GET', url: '/api/v1/workspaces/ws-a', headers: cookieOnly });
  assert.equal(read.statusCode, 200, 'reads need no CSRF token');

  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/workspaces/ws-a/api-keys',
    headers: s.headers,
    payload: { name: 'ci', role: 'analyst' },
  });
  assert.equal(created.statusCode, 201, created.body);
  const key = created.json<{ token: string; id: string }>();
  assert.match(key.token, /^vigil_ak_[0-9a-f]{16}_/);
  const bearer = { authorization: `Bearer ${key.token}` };
  assert.equal(
    (await app.inject({ method: 'GET', url: '/api/v1/workspaces/ws-a', headers: bearer })).statusCode,
    200,
  );
  const denied = await app.inject({ method: 'GET', url: '/api/v1/workspaces/ws-a/audit', headers: bearer });
  assert.equal(denied.statusCode, 403, 'the key holds only its role (analyst has no audit.read)');
  const listed = await app.inject({
    method: 'GET',
    url: '/api/v1/workspaces/ws-a/api-keys',
    headers: s.headers,
  });
  assert.ok(!listed.body.includes(key.token.slice(-20)), 'listing never shows the secret');
  assert.ok(!listed.body.includes('secretHash'));
  await app.inject({
    method: 'DELETE',
    url: `/api/v1/workspaces/ws-a/api-keys/${key.id}`,
    headers: s.headers,
  });
  assert.equal(
    (await app.inject({ method: 'GET', url: '/api/v1/workspaces/ws-a', headers: bearer })).statusCode,
    401,
  );
  await app.close();
});

test('an admin cannot mint an API key above its own permissions', async () => {
  const { app, rt } = await authFixture();
  await addUser(rt, 'adm', PASSWORD, [['admin', 'ws-a']]);
  const s = await login(app, 'adm', PASSWORD);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/workspaces/ws-a/api-keys',
    headers: s.headers,
    payload: { name: 'escalate', role: 'owner' },
  });
  assert.equal(res.statusCode, 403);
  await app.close();
});

test('logout ends the session server-side; logout-all ends every session of the account', async () => {
  const { app, rt } = await authFixture();
  await addUser(rt, 'dave', PASSWORD, [['viewer', 'ws-a']]);
  const one = await login(app, 'dave', PASSWORD);
  const two = await login(app, 'dave', PASSWORD);
  const three = await login(app, 'dave', PASSWORD);
  const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: one.headers });
  assert.equal(out.statusCode, 204);
  assert.equal(
    (await app.inject({ method: 'GET', url: '/api/v1/me', headers: one.headers })).statusCode,
    401,
  );
  assert.equal(
    (await app.inject({ method: 'GET', url: '/api/v1/me', headers: two.headers })).statusCode,
    200,
  );
  const all = await app.inject({ method: 'POST', url: '/api/v1/auth/logout-all', headers: two.headers });
  assert.equal(all.statusCode, 200);
  assert.equal(all.json<{ sessionsEnded: number }>().sessionsEnded, 2);
  for (const s of [two, three])
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/me', headers: s.headers })).statusCode,
      401,
    );
  const types = (await rt.stores.audit.find({ limit: 1000 })).map((r) => r.event_type);
  assert.ok(types.includes('auth.logout') && types.includes('auth.logout_all'));
  await app.close();
});

test('sessions end after the idle timeout', async () => {
  const { app, rt, clock } = await authFixture();
  await addUser(rt, 'erin', PASSWORD);
  const s = await login(app, 'erin', PASSWORD);
  clock.advance(29 * 60_000);
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/me', headers: s.headers })).statusCode, 200);
  clock.advance(31 * 60_000);
  const res = await app.inject({ method: 'GET', url: '/api/v1/me', headers: s.headers });
  assert.equal(res.statusCode, 401);
  assert.equal(res.json<ErrorJson>().error.code, 'UNAUTHENTICATED');
  await app.close();
});

test('password change: policy rules named, other sessions ended, session rotated', async () => {
  const { app, rt } = await authFixture();
  await addUser(rt, 'frank', PASSWORD, [['viewer', 'ws-a']]);
  const s = await login(app, 'frank', PASSWORD);
  const other = await login(app, 'frank', PASSWORD);
  const weak = await app.inject({
    method: 'POST',
    url: '/api/v1/me/password',
    headers: s.headers,
    payload: { currentPassword: PASSWORD, newPassword: 'knarf' },
  });
  assert.equal(weak.statusCode, 400);
  const rules = weak
    .json<{ error: { details: { failures: { rule: string }[] } } }>()
    .error.details.failures.map((f) => f.rule);
  assert.deepEqual(rules.sort(), ['char_classes', 'min_length', 'reverse_account'].sort());
  const ok = await app.inject({
    method: 'POST',
    url: '/api/v1/me/password',
    headers: s.headers,
    payload: { currentPassword: PASSWORD, newPassword: 'Brand-New-Secret-9' },
  });
  assert.equal(ok.statusCode, 200, ok.body);
  const next = sessionCookie(ok);
  assert.ok(next && next !== s.cookie);
  for (const old of [s, other])
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/me', headers: old.headers })).statusCode,
      401,
    );
  assert.equal(
    (await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `${COOKIE}=${next}` } }))
      .statusCode,
    200,
  );
  await login(app, 'frank', 'Brand-New-Secret-9');
  await app.close();
});

test('accounts created by an admin have no permissions until granted and must change the password', async () => {
  const { app, rt } = await authFixture();
  await addUser(rt, 'owner1', PASSWORD, [['owner', 'ws-a']]);
  const owner = await login(app, 'owner1', PASSWORD);
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/workspaces/ws-a/users',
    headers: owner.headers,
    payload: { username: 'gina', password: 'Temporary-Pass-1' },
  });
  assert.equal(created.statusCode, 201, created.body);
  const gina = created.json<{ id: string; mustChangePassword: boolean }>();
  assert.equal(gina.mustChangePassword, true);
  let s = await login(app, 'gina', 'Temporary-Pass-1');
  const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: s.headers });
  assert.deepEqual(me.json<{ grants: unknown[] }>().grants, []);
  const grant = await app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/ws-a/users/${gina.id}/roles`,
    headers: owner.headers,
    payload: { role: 'viewer' },
  });
  assert.equal(grant.statusCode, 201);
  // The grant is a privilege change: gina's session ended, a new sign-in issues a new id.
  s = await login(app, 'gina', 'Temporary-Pass-1');
  const blocked = await app.inject({ method: 'GET', url: '/api/v1/workspaces/ws-a', headers: s.headers });
  assert.equal(blocked.json<ErrorJson>().error.code, 'PASSWORD_CHANGE_REQUIRED');
  await app.inject({
    method: 'POST',
    url: '/api/v1/me/password',
    headers: s.headers,
    payload: { currentPassword: 'Temporary-Pass-1', newPassword: 'Ginas-Own-Pass-2' },
  });
  s = await login(app, 'gina', 'Ginas-Own-Pass-2');
  assert.equal(
    (await app.inject({ method: 'GET', url: '/api/v1/workspaces/ws-a', headers: s.headers })).statusCode,
    200,
  );
  const list = await app.inject({ method: 'GET', url: '/api/v1/workspaces', headers: s.headers });
  assert.deepEqual(
    list.json<{ workspaces: { id: string }[] }>().workspaces.map((w) => w.id),
    ['ws-a'],
  );
  const revoke = await app.inject({
    method: 'DELETE',
    url: `/api/v1/workspaces/ws-a/users/${gina.id}/roles/viewer`,
    headers: owner.headers,
  });
  assert.equal(revoke.statusCode, 204);
  assert.equal(
    (await app.inject({ method: 'GET', url: '/api/v1/workspaces/ws-a', headers: s.headers })).statusCode,
    401,
    'revocation is immediate: the session ends with it',
  );
  s = await login(app, 'gina', 'Ginas-Own-Pass-2');
  assert.equal(
    (await app.inject({ method: 'GET', url: '/api/v1/workspaces/ws-a', headers: s.headers })).statusCode,
    403,
  );
  await app.close();
});

test('over TLS the session cookie is __Host-vigil_session with Secure', async () => {
  const { app, rt } = await authFixture({ tls: true });
  await addUser(rt, 'tls-user', PASSWORD);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'tls-user', password: PASSWORD },
  });
  const cookie = res.cookies.find((c) => c.name === '__Host-vigil_session');
  assert.ok(cookie, JSON.stringify(res.cookies));
  assert.equal(cookie.secure, true);
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.path, '/');
  assert.equal(cookie.domain, undefined, 'host-only');
  const me = await app.inject({
    method: 'GET',
    url: '/api/v1/me',
    headers: { cookie: `__Host-vigil_session=${cookie.value}` },
  });
  assert.equal(me.statusCode, 200);
  const plainName = await app.inject({
    method: 'GET',
    url: '/api/v1/me',
    headers: { cookie: `${COOKIE}=${cookie.value}` },
  });
  assert.equal(plainName.statusCode, 401, 'only the __Host- cookie counts over TLS');
  await app.close();
});

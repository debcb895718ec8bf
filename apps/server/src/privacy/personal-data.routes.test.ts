import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findLeakedSecrets, pseudonymFor, totp, base32Decode } from '@vigil/identity';
import { addUser, authFixture, COOKIE, login } from '../auth/testing/auth-fixture.ts';

const PASSWORD = 'Privacy-Passw0rd-1';
type ErrorJson = { error: { code: string } };
type Data = {
  account: { id: string; username: string; displayName: string | null; email: string | null };
  grants: { workspaceId: string; roleId: string }[];
  sessions: { current: boolean; clientIp: string | null; userAgent: string | null }[];
  mfa: { enabled: boolean; recoveryCodesLeft: number };
  apiKeys: { id: string; name: string }[];
  audit: { total: number; records: { event_type: string; user_id: string }[] };
};

test('personal-data view, export and correction refuse without a session', async () => {
  const { app } = await authFixture();
  for (const [method, url] of [
    ['GET', '/api/v1/me/personal-data'],
    ['GET', '/api/v1/me/personal-data/export'],
    ['PATCH', '/api/v1/me'],
    ['POST', '/api/v1/me/delete'],
    ['GET', '/api/v1/privacy/inventory'],
  ] as const) {
    const res = await app.inject({ method, url, ...(method === 'GET' ? {} : { payload: {} }) });
    assert.equal(res.statusCode, 401, `${method} ${url}`);
  }
  await app.close();
});

test('the export holds profile, grants, sessions, MFA status, API keys and audit records, and no secret', async () => {
  const { app, rt } = await authFixture();
  await addUser(rt, 'alice', PASSWORD, [['owner', 'ws-a']]);
  const s = await login(app, 'alice', PASSWORD);
  // A second factor and an API key, so their secrets exist and can be searched for.
  const enrol = await app.inject({ method: 'POST', url: '/api/v1/me/mfa/enrol', headers: s.headers });
  assert.equal(enrol.statusCode, 200, enrol.body);
  const { secret } = enrol.json<{ secret: string }>();
  const confirm = await app.inject({
    method: 'POST',
    url: '/api/v1/me/mfa/confirm',
    headers: s.headers,
    payload: { code: totp(base32Decode(secret), rt.clock.now()) },
  });
  assert.equal(confirm.statusCode, 200, confirm.body);
  const recoveryCodes = confirm.json<{ recoveryCodes: string[] }>().recoveryCodes;
  const mfaSession = await login(app, 'alice', PASSWORD, totp(base32Decode(secret), rt.clock.now() + 30_000));
  const key = await app.inject({
    method: 'POST',
    url: '/api/v1/workspaces/ws-a/api-keys',
    headers: mfaSession.headers,
    payload: { name: 'ci', role: 'viewer' },
  });
  assert.equal(key.statusCode, 201, key.body);
  const apiKey = key.json<{ token: string }>().token;

  const view = await app.inject({
    method: 'GET',
    url: '/api/v1/me/personal-data',
    headers: { ...mfaSession.headers, 'user-agent': 'privacy-test' },
  });
  assert.equal(view.statusCode, 200, view.body);
  const res = await app.inject({
    method: 'GET',
    url: '/api/v1/me/personal-data/export',
    headers: mfaSession.headers,
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(
    String(res.headers['content-disposition']),
    /attachment; filename="vigil-personal-data-\d{4}-\d\d-\d\d\.json"/,
  );
  const data = res.json<Data>();
  assert.equal(data.account.username, 'alice');
  assert.deepEqual(
    data.grants.map((g) => [g.workspaceId, g.roleId]),
    [['ws-a', 'owner']],
  );
  assert.ok(data.sessions.length >= 1 && data.sessions.some((x) => x.current));
  assert.ok(data.sessions.every((x) => x.clientIp !== null));
  assert.equal(data.mfa.enabled, true);
  assert.equal(data.mfa.recoveryCodesLeft, recoveryCodes.length);
  assert.deepEqual(
    data.apiKeys.map((k) => k.name),
    ['ci'],
  );
  assert.ok(data.audit.records.some((r) => r.event_type === 'auth.login'));
  assert.ok(data.audit.records.every((r) => r.user_id === 'u-alice'));

  const user = await rt.stores.users.get('u-alice');
  const enrolment = await rt.stores.mfa.get('u-alice');
  const sessions = await rt.stores.sessions.listByUser('u-alice');
  const secrets = [
    PASSWORD,
    secret,
    apiKey,
    s.cookie,
    mfaSession.cookie,
    mfaSession.csrf,
    user?.passwordHash ?? 'missing-hash',
    enrolment?.sealedSecret ?? 'missing-seal',
    ...recoveryCodes,
    ...(enrolment?.recoveryCodes.map((c) => c.hash) ?? []),
    ...sessions.map((x) => x.key),
  ];
  assert.deepEqual(findLeakedSecrets(res.body, secrets), [], 'export');
  assert.deepEqual(findLeakedSecrets(view.body, secrets), [], 'view');
  const exported = await rt.stores.audit.find({ eventType: 'privacy.data_exported' });
  assert.equal(exported.length, 1);
  await app.close();
});

test('PATCH /api/v1/me corrects display name and email, validates them, and is audited', async () => {
  const { app, rt } = await authFixture();
  await addUser(rt, 'bob', PASSWORD, [['viewer', 'ws-a']]);
  const s = await login(app, 'bob', PASSWORD);
  const ok = await app.inject({
    method: 'PATCH',
    url: '/api/v1/me',
    headers: s.headers,
    payload: { displayName: 'Bob B.', email: 'bob@example.org' },
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json<{ email: string }>().email, 'bob@example.org');
  assert.equal((await rt.stores.users.get('u-bob'))?.displayName, 'Bob B.');
  const bad = await app.inject({
    method: 'PATCH',
    url: '/api/v1/me',
    headers: s.headers,
    payload: { email: 'nope' },
  });
  assert.equal(bad.statusCode, 400);
  const extra = await app.inject({
    method: 'PATCH',
    url: '/api/v1/me',
    headers: s.headers,
    payload: { username: 'x' },
  });
  assert.equal(extra.statusCode, 400);
  const cleared = await app.inject({
    method: 'PATCH',
    url: '/api/v1/me',
    headers: s.headers,
    payload: { email: null },
  });
  assert.equal(cleared.json<{ email: string | null }>().email, null);
  const noCsrf = await app.inject({
    method: 'PATCH',
    url: '/api/v1/me',
    headers: { cookie: `${COOKIE}=${s.cookie}` },
    payload: { displayName: 'Mallory' },
  });
  assert.equal(noCsrf.statusCode, 403);
  const audits = await rt.stores.audit.find({ eventType: 'user.updated', userId: 'u-bob' });
  assert.equal(audits.length, 2);
  await app.close();
});

test('self-deletion re-checks the password, ends sessions, removes credentials, anonymises, keeps audit records', async () => {
  const { app, rt } = await authFixture();
  await addUser(rt, 'boss', PASSWORD, [['owner', 'ws-a']]);
  await addUser(rt, 'carol', PASSWORD, [['admin', 'ws-a']]);
  await rt.stores.users.update({
    ...(await rt.stores.users.get('u-carol'))!,
    displayName: 'Carol C.',
    email: 'carol@example.org',
  });
  const carol = await login(app, 'carol', PASSWORD);
  const other = await login(app, 'carol', PASSWORD);
  const key = await app.inject({
    method: 'POST',
    url: '/api/v1/workspaces/ws-a/api-keys',
    headers: carol.headers,
    payload: { name: 'k', role: 'viewer' },
  });
  const bearer = { authorization: `Bearer ${key.json<{ token: string }>().token}` };
  await rt.stores.groups.create({ id: 'g-1', workspaceId: 'ws-a', name: 'SOC', createdAt: 0 });
  await rt.stores.groups.addMember({
    workspaceId: 'ws-a',
    groupId: 'g-1',
    userId: 'u-carol',
    addedBy: 't',
    addedAt: 0,
  });

  const wrong = await app.inject({
    method: 'POST',
    url: '/api/v1/me/delete',
    headers: carol.headers,
    payload: { password: 'Wrong-Passw0rd-1', confirm: 'DELETE' },
  });
  assert.equal(wrong.statusCode, 401);
  assert.equal(wrong.json<ErrorJson>().error.code, 'LOGIN_FAILED');
  const unconfirmed = await app.inject({
    method: 'POST',
    url: '/api/v1/me/delete',
    headers: carol.headers,
    payload: { password: PASSWORD },
  });
  assert.equal(unconfirmed.statusCode, 400);
  assert.equal((await rt.stores.users.get('u-carol'))?.username, 'carol');

  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/me/delete',
    headers: carol.headers,
    payload: { password: PASSWORD, confirm: 'DELETE' },
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), {
    deleted: true,
    pseudonym: pseudonymFor('u-carol'),
    sessionsEnded: 2,
    grantsRemoved: 2,
    apiKeysRevoked: 1,
    cases: { alertsPseudonymised: 0, incidentsPseudonymised: 0, attachmentsPseudonymised: 0 },
  });
  assert.deepEqual(await rt.stores.groups.listForUser('u-carol'), [], 'group memberships removed too');
  const after = await rt.stores.users.get('u-carol');
  assert.ok(after);
  assert.equal(after.username, pseudonymFor('u-carol'));
  assert.equal(after.passwordHash, undefined);
  assert.equal(after.email, undefined);
  assert.equal(after.displayName, undefined);
  assert.equal(after.disabled, true);
  assert.equal(await rt.stores.mfa.get('u-carol'), undefined);
  assert.deepEqual(await rt.stores.roleGrants.listForPrincipal('u-carol'), []);
  assert.deepEqual(await rt.stores.sessions.listByUser('u-carol'), []);
  for (const h of [carol.headers, other.headers, bearer]) {
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/me', headers: h })).statusCode, 401);
  }
  const again = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'carol', password: PASSWORD },
  });
  assert.equal(again.statusCode, 401);
  // Audit records are kept, still naming the user id; the deletion itself is recorded.
  const records = await rt.stores.audit.find({ userId: 'u-carol' });
  assert.ok(records.some((r) => r.event_type === 'auth.login'));
  assert.ok(records.some((r) => r.event_type === 'user.deleted' && r.result === 'success'));
  assert.ok(!JSON.stringify(after).includes('carol@example.org'));
  await app.close();
});

test('the last owner of a workspace cannot delete their account', async () => {
  const { app, rt } = await authFixture();
  await addUser(rt, 'solo', PASSWORD, [
    ['owner', 'ws-a'],
    ['viewer', 'ws-b'],
  ]);
  const s = await login(app, 'solo', PASSWORD);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/me/delete',
    headers: s.headers,
    payload: { password: PASSWORD, confirm: 'DELETE' },
  });
  assert.equal(res.statusCode, 409);
  const body = res.json<{ error: { code: string; details: { workspaces: string[] } } }>();
  assert.equal(body.error.code, 'LAST_OWNER');
  assert.deepEqual(body.error.details.workspaces, ['ws-a']);
  assert.equal((await rt.stores.users.get('u-solo'))?.username, 'solo');
  // A second owner unblocks it.
  await addUser(rt, 'deputy', PASSWORD, [['owner', 'ws-a']]);
  const ok = await app.inject({
    method: 'POST',
    url: '/api/v1/me/delete',
    headers: s.headers,
    payload: { password: PASSWORD, confirm: 'DELETE' },
  });
  assert.equal(ok.statusCode, 200, ok.body);
  await app.close();
});

test('API keys cannot use the self-service personal-data routes', async () => {
  const { app, rt } = await authFixture();
  await addUser(rt, 'dan', PASSWORD, [['owner', 'ws-a']]);
  const s = await login(app, 'dan', PASSWORD);
  const key = await app.inject({
    method: 'POST',
    url: '/api/v1/workspaces/ws-a/api-keys',
    headers: s.headers,
    payload: { name: 'k', role: 'viewer' },
  });
  const bearer = { authorization: `Bearer ${key.json<{ token: string }>().token}` };
  const res = await app.inject({ method: 'GET', url: '/api/v1/me/personal-data', headers: bearer });
  assert.equal(res.statusCode, 403);
  assert.equal(res.json<ErrorJson>().error.code, 'SESSION_REQUIRED');
  await app.close();
});

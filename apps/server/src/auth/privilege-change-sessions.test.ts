// DESIGN §7 "new id at login and privilege change": after a role change (direct, group, custom role,
// platform role) or an MFA change, the affected account's old session cookie stops working, and the
// id that replaces it (a new sign-in, or the rotated cookie of a caller changing their own roles) works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { base32Decode, totp } from '@vigil/identity';
import { registerTestSecret } from '@vigil/testkit';
import { addUser, authFixture, COOKIE, login, sessionCookie, type Session } from './testing/auth-fixture.ts';

const PASSWORD = 'Rotation-Passw0rd!';

async function status(app: FastifyInstance, s: Session, url = '/api/v1/me'): Promise<number> {
  return (await app.inject({ method: 'GET', url, headers: s.headers })).statusCode;
}

/** The session a response rotated the caller to: the new cookie and the CSRF token of the header. */
function rotatedSession(res: LightMyRequestResponse, before: Session): Session {
  const cookie = sessionCookie(res);
  const csrf = res.headers['x-csrf-token'];
  assert.ok(cookie !== undefined && cookie !== before.cookie, 'a new session id is set');
  assert.ok(typeof csrf === 'string' && csrf !== before.csrf, 'with its CSRF token');
  registerTestSecret('session id', cookie);
  registerTestSecret('CSRF token', csrf);
  return { cookie, csrf, headers: { cookie: `${COOKIE}=${cookie}`, 'x-csrf-token': csrf } };
}

test("a direct role grant or revocation ends the account's sessions; its next sign-in works with the new rights", async () => {
  const { app, rt } = await authFixture();
  await addUser(rt, 'owner', PASSWORD, [['owner', 'ws-a']]);
  await addUser(rt, 'alice', PASSWORD, [['viewer', 'ws-a']]);
  const owner = await login(app, 'owner', PASSWORD);
  const before = await login(app, 'alice', PASSWORD);
  assert.equal(await status(app, before, '/api/v1/workspaces/ws-a/users'), 403, 'viewer cannot list users');

  const granted = await app.inject({
    method: 'POST',
    url: '/api/v1/workspaces/ws-a/users/u-alice/roles',
    headers: owner.headers,
    payload: { role: 'admin' },
  });
  assert.equal(granted.statusCode, 201, granted.body);
  assert.equal(sessionCookie(granted), undefined, "the admin's own session is not touched");
  assert.equal(await status(app, owner), 200);
  assert.equal(await status(app, before), 401, 'the pre-grant cookie is dead');
  const after = await login(app, 'alice', PASSWORD);
  assert.notEqual(after.cookie, before.cookie);
  assert.equal(await status(app, after, '/api/v1/workspaces/ws-a/users'), 200, 'new id, new rights');

  const revoked = await app.inject({
    method: 'DELETE',
    url: '/api/v1/workspaces/ws-a/users/u-alice/roles/admin',
    headers: owner.headers,
  });
  assert.equal(revoked.statusCode, 204, revoked.body);
  assert.equal(await status(app, after), 401);
  const audit = await rt.stores.audit.find({ eventType: 'role.revoked' });
  assert.equal(audit.at(-1)?.details?.['sessionsEnded'], 1);
  await app.close();
});

test("group membership, group roles and custom-role changes end the members' sessions", async () => {
  const { app, rt } = await authFixture();
  await addUser(rt, 'owner', PASSWORD, [['owner', 'ws-a']]);
  await addUser(rt, 'bob', PASSWORD, [['viewer', 'ws-a']]);
  await addUser(rt, 'carol', PASSWORD, [['viewer', 'ws-a']]);
  const owner = await login(app, 'owner', PASSWORD);
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/workspaces/ws-a/groups',
    headers: owner.headers,
    payload: { name: 'Responders' },
  });
  assert.equal(created.statusCode, 201, created.body);
  const groupId = created.json<{ id: string }>().id;
  const groupUrl = `/api/v1/workspaces/ws-a/groups/${groupId}`;

  let bob = await login(app, 'bob', PASSWORD);
  const carol = await login(app, 'carol', PASSWORD);
  const added = await app.inject({ method: 'PUT', url: `${groupUrl}/members/u-bob`, headers: owner.headers });
  assert.equal(added.statusCode, 204, added.body);
  assert.equal(await status(app, bob), 401, 'joining a group is a privilege change');
  assert.equal(await status(app, carol), 200, 'accounts outside the change keep their session');

  bob = await login(app, 'bob', PASSWORD);
  const role = await app.inject({
    method: 'POST',
    url: `${groupUrl}/roles`,
    headers: owner.headers,
    payload: { role: 'responder' },
  });
  assert.equal(role.statusCode, 201, role.body);
  assert.equal(await status(app, bob), 401, "a new role of the member's group");
  assert.equal(await status(app, carol), 200);

  // A custom role held through the group: changing its permissions changes the member's privileges.
  const put = (permissions: string[]) =>
    app.inject({
      method: 'PUT',
      url: '/api/v1/workspaces/ws-a/roles/triage',
      headers: owner.headers,
      payload: { name: 'Triage', permissions },
    });
  assert.equal((await put(['alerts.read'])).statusCode, 200);
  const grant = await app.inject({
    method: 'POST',
    url: `${groupUrl}/roles`,
    headers: owner.headers,
    payload: { role: 'triage' },
  });
  assert.equal(grant.statusCode, 201, grant.body);
  bob = await login(app, 'bob', PASSWORD);
  assert.equal((await put(['alerts.read'])).statusCode, 200);
  assert.equal(await status(app, bob), 200, 'an unchanged role is not a privilege change');
  assert.equal((await put(['alerts.read', 'incidents.read'])).statusCode, 200);
  assert.equal(await status(app, bob), 401, 'the role gained a permission');

  bob = await login(app, 'bob', PASSWORD);
  const removed = await app.inject({
    method: 'DELETE',
    url: `${groupUrl}/members/u-bob`,
    headers: owner.headers,
  });
  assert.equal(removed.statusCode, 204, removed.body);
  assert.equal(await status(app, bob), 401, 'leaving a group too');
  assert.equal(await status(app, await login(app, 'bob', PASSWORD)), 200, 'a new sign-in works');
  assert.equal(await status(app, owner), 200);
  await app.close();
});

test('platform roles: the grantee is signed out; an admin changing their own roles continues under a new id', async () => {
  const { app, rt } = await authFixture();
  await addUser(rt, 'root', PASSWORD, [['platform-admin']]);
  await addUser(rt, 'dave', PASSWORD);
  const dave = await login(app, 'dave', PASSWORD);
  const root = await login(app, 'root', PASSWORD);
  const elsewhere = await login(app, 'root', PASSWORD);

  const toDave = await app.inject({
    method: 'POST',
    url: '/api/v1/platform/users/u-dave/roles',
    headers: root.headers,
    payload: { role: 'operator' },
  });
  assert.equal(toDave.statusCode, 201, toDave.body);
  assert.equal(await status(app, dave), 401);
  assert.equal(await status(app, await login(app, 'dave', PASSWORD)), 200);

  const self = await app.inject({
    method: 'POST',
    url: '/api/v1/platform/users/u-root/roles',
    headers: root.headers,
    payload: { role: 'security-manager' },
  });
  assert.equal(self.statusCode, 201, self.body);
  const next = rotatedSession(self, root);
  assert.equal(await status(app, root), 401, 'the old id stops working');
  assert.equal(await status(app, elsewhere), 401, 'other sessions of the account end');
  assert.equal(await status(app, next), 200, 'the rotated id works');
  // The new CSRF token from the header is the one writes now need.
  const write = await app.inject({
    method: 'DELETE',
    url: '/api/v1/platform/users/u-root/roles/security-manager',
    headers: next.headers,
  });
  assert.equal(write.statusCode, 204, write.body);
  const last = rotatedSession(write, next);
  assert.equal(await status(app, next), 401);
  assert.equal(await status(app, last), 200);
  // A repeated grant changes nothing and keeps the grantee's sessions.
  const daveAgain = await login(app, 'dave', PASSWORD);
  const repeat = await app.inject({
    method: 'POST',
    url: '/api/v1/platform/users/u-dave/roles',
    headers: last.headers,
    payload: { role: 'operator' },
  });
  assert.equal(repeat.statusCode, 201, repeat.body);
  assert.equal(await status(app, daveAgain), 200);
  await app.close();
});

test('removing the authenticator rotates the session id and drops its MFA mark', async () => {
  const { app, rt, clock } = await authFixture();
  await addUser(rt, 'erin', PASSWORD, [['analyst', 'ws-a']]);
  const first = await login(app, 'erin', PASSWORD);
  const begin = await app.inject({ method: 'POST', url: '/api/v1/me/mfa/enrol', headers: first.headers });
  const key = base32Decode(begin.json<{ secret: string }>().secret);
  const confirm = await app.inject({
    method: 'POST',
    url: '/api/v1/me/mfa/confirm',
    headers: first.headers,
    payload: { code: totp(key, clock.now()) },
  });
  assert.equal(confirm.statusCode, 200, confirm.body);
  const cookie = sessionCookie(confirm);
  assert.ok(cookie);
  const csrf = confirm.json<{ csrfToken: string }>().csrfToken;
  const enrolled: Session = {
    cookie,
    csrf,
    headers: { cookie: `${COOKIE}=${cookie}`, 'x-csrf-token': csrf },
  };
  assert.equal(await status(app, first), 401, 'enrolment rotated the id');

  const disabled = await app.inject({
    method: 'POST',
    url: '/api/v1/me/mfa/disable',
    headers: enrolled.headers,
    payload: { password: PASSWORD },
  });
  assert.equal(disabled.statusCode, 204, disabled.body);
  const after = rotatedSession(disabled, enrolled);
  assert.equal(await status(app, enrolled), 401);
  assert.equal(await status(app, after), 200);
  const sessions = await rt.stores.sessions.listByUser('u-erin');
  assert.equal(sessions.length, 1);
  assert.equal(sessions[0]?.mfa, false);
  await app.close();
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addUser, authFixture, login } from '../auth/testing/auth-fixture.ts';

const PASSWORD = 'Operator-Passw0rd-1';
type ErrorJson = { error: { code: string } };

test('operators reach a workspace only through an approved, time-boxed, audited grant the owner can see and end', async () => {
  const { app, rt, clock } = await authFixture();
  await addUser(rt, 'owner', PASSWORD, [['owner', 'ws-a']]);
  await addUser(rt, 'op', PASSWORD, [['operator']]);
  await addUser(rt, 'sec', PASSWORD, [['security-manager']]);
  let owner = await login(app, 'owner', PASSWORD);
  let op = await login(app, 'op', PASSWORD);
  let sec = await login(app, 'sec', PASSWORD);
  const read = (s: typeof op) =>
    app.inject({ method: 'GET', url: '/api/v1/workspaces/ws-a', headers: s.headers });
  assert.equal((await read(op)).statusCode, 403, 'no access by default');

  const asked = await app.inject({
    method: 'POST',
    url: '/api/v1/operator-access',
    headers: op.headers,
    payload: { workspaceId: 'ws-a', ticket: 'CASE-42', reason: 'ingest stalls', durationMinutes: 60 },
  });
  assert.equal(asked.statusCode, 201, asked.body);
  const id = asked.json<{ id: string }>().id;
  const self = await app.inject({
    method: 'POST',
    url: `/api/v1/operator-access/${id}/approve`,
    headers: op.headers,
    payload: {},
  });
  assert.equal(self.statusCode, 403, 'an operator cannot approve');
  const pending = await app.inject({
    method: 'GET',
    url: '/api/v1/operator-access/pending',
    headers: sec.headers,
  });
  assert.deepEqual(
    pending.json<{ requests: { id: string }[] }>().requests.map((r) => r.id),
    [id],
  );
  const approved = await app.inject({
    method: 'POST',
    url: `/api/v1/operator-access/${id}/approve`,
    headers: sec.headers,
    payload: { note: 'ok' },
  });
  assert.equal(approved.statusCode, 200, approved.body);
  // The approval is a privilege change: the operator's sessions ended, so sign in again.
  op = await login(app, 'op', PASSWORD);
  assert.equal((await read(op)).statusCode, 200);
  const audit = await app.inject({
    method: 'GET',
    url: '/api/v1/workspaces/ws-a/audit',
    headers: op.headers,
  });
  assert.equal(audit.statusCode, 403, 'audit.read is never granted to operators');

  const seen = await app.inject({
    method: 'GET',
    url: '/api/v1/workspaces/ws-a/operator-access',
    headers: owner.headers,
  });
  const body = seen.json<{ grants: { id: string; status: string }[]; log: { user_id: string }[] }>();
  assert.deepEqual(
    body.grants.map((g) => [g.id, g.status]),
    [[id, 'approved']],
  );
  assert.ok(
    body.log.some((r) => r.user_id === 'u-op'),
    'the owner sees every use',
  );

  clock.advance(61 * 60_000);
  // Sessions idle out meanwhile: sign in again.
  [owner, op, sec] = [
    await login(app, 'owner', PASSWORD),
    await login(app, 'op', PASSWORD),
    await login(app, 'sec', PASSWORD),
  ];
  assert.equal((await read(op)).statusCode, 403, 'expired');
  const again = await app.inject({
    method: 'POST',
    url: '/api/v1/operator-access',
    headers: op.headers,
    payload: { workspaceId: 'ws-a', ticket: 'CASE-43', reason: 'again', durationMinutes: 30 },
  });
  const id2 = again.json<{ id: string }>().id;
  await app.inject({
    method: 'POST',
    url: `/api/v1/operator-access/${id2}/approve`,
    headers: sec.headers,
    payload: {},
  });
  op = await login(app, 'op', PASSWORD);
  assert.equal((await read(op)).statusCode, 200);
  const revoked = await app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/ws-a/operator-access/${id2}/revoke`,
    headers: owner.headers,
  });
  assert.equal(revoked.statusCode, 200);
  assert.equal((await read(op)).statusCode, 403);
  const twice = await app.inject({
    method: 'POST',
    url: `/api/v1/operator-access/${id2}/revoke`,
    headers: sec.headers,
  });
  assert.equal(twice.json<ErrorJson>().error.code, 'OPERATOR_ACCESS_STATE');
  const types = (await rt.stores.audit.find({ limit: 1000 })).map((r) => r.event_type);
  for (const t of [
    'operator_access.requested',
    'operator_access.approved',
    'operator_access.used',
    'operator_access.revoked',
  ])
    assert.ok(types.includes(t), t);
  await app.close();
});

test("approval ends the operator's sessions; expiry and revocation end access at the next request", async () => {
  const { app, rt, clock } = await authFixture();
  await addUser(rt, 'owner', PASSWORD, [['owner', 'ws-a']]);
  await addUser(rt, 'op', PASSWORD, [['operator']]);
  await addUser(rt, 'sec', PASSWORD, [['security-manager']]);
  const sec = await login(app, 'sec', PASSWORD);
  const owner = await login(app, 'owner', PASSWORD);
  const read = (s: { headers: Record<string, string> }) =>
    app.inject({ method: 'GET', url: '/api/v1/workspaces/ws-a', headers: s.headers });
  const ask = async (s: { headers: Record<string, string> }, ticket: string, durationMinutes: number) => {
    const asked = await app.inject({
      method: 'POST',
      url: '/api/v1/operator-access',
      headers: s.headers,
      payload: { workspaceId: 'ws-a', ticket, reason: 'ingest stalls', durationMinutes },
    });
    assert.equal(asked.statusCode, 201, asked.body);
    return asked.json<{ id: string }>().id;
  };
  const approve = async (id: string) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/operator-access/${id}/approve`,
      headers: sec.headers,
      payload: {},
    });
    assert.equal(res.statusCode, 200, res.body);
  };

  const before = await login(app, 'op', PASSWORD);
  const second = await login(app, 'op', PASSWORD);
  const first = await ask(before, 'CASE-1', 5);
  await approve(first);
  for (const s of [before, second])
    assert.equal((await read(s)).statusCode, 401, 'sessions from before the approval are gone');
  assert.equal((await read(sec)).statusCode, 403, "the approver's own session is untouched");
  const approvedAudit = (await rt.stores.audit.find({ eventType: 'operator_access.approved' })).at(-1);
  assert.deepEqual(approvedAudit?.details, { operatorId: 'u-op', ticket: 'CASE-1', sessionsEnded: 2 });

  // Expiry: the same session, still within its idle timeout, loses access once the grant's time is up.
  const op = await login(app, 'op', PASSWORD);
  assert.equal((await read(op)).statusCode, 200);
  clock.advance(4 * 60_000);
  assert.equal((await read(op)).statusCode, 200, 'still inside the 5 minutes');
  clock.advance(2 * 60_000);
  assert.equal((await read(op)).statusCode, 403, 'expired grant refused on the very next request');

  // Revocation: likewise, without signing in again.
  const next = await ask(op, 'CASE-2', 30);
  await approve(next);
  const again = await login(app, 'op', PASSWORD);
  assert.equal((await read(again)).statusCode, 200);
  const revoked = await app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/ws-a/operator-access/${next}/revoke`,
    headers: owner.headers,
  });
  assert.equal(revoked.statusCode, 200, revoked.body);
  assert.equal((await read(again)).statusCode, 403, 'revoked grant refused on the very next request');
  await app.close();
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addUser, authFixture, login } from '../auth/testing/auth-fixture.ts';

const PASSWORD = 'Operator-Passw0rd-1';

test("an operator lists their own requests with each one's status, and nobody else's", async () => {
  const { app, rt } = await authFixture();
  try {
    await addUser(rt, 'owner', PASSWORD, [
      ['owner', 'ws-a'],
      ['owner', 'ws-b'],
    ]);
    await addUser(rt, 'op', PASSWORD, [['operator']]);
    await addUser(rt, 'op2', PASSWORD, [['operator']]);
    await addUser(rt, 'sec', PASSWORD, [['security-manager']]);
    const [op, op2, sec, owner] = [
      await login(app, 'op', PASSWORD),
      await login(app, 'op2', PASSWORD),
      await login(app, 'sec', PASSWORD),
      await login(app, 'owner', PASSWORD),
    ];
    const ask = async (s: typeof op, workspaceId: string, ticket: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/operator-access',
        headers: s.headers,
        payload: { workspaceId, ticket, reason: 'ingest stalls', durationMinutes: 30 },
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json<{ id: string }>().id;
    };
    const first = await ask(op, 'ws-a', 'CASE-1');
    const second = await ask(op, 'ws-b', 'CASE-2');
    await ask(op2, 'ws-a', 'CASE-3');
    const decided = await app.inject({
      method: 'POST',
      url: `/api/v1/operator-access/${first}/reject`,
      headers: sec.headers,
      payload: { note: 'no ticket' },
    });
    assert.equal(decided.statusCode, 200, decided.body);

    const mine = await app.inject({
      method: 'GET',
      url: '/api/v1/operator-access/mine',
      headers: op.headers,
    });
    assert.equal(mine.statusCode, 200, mine.body);
    const requests = mine.json<{
      requests: { id: string; status: string; ticket: string; decisionNote?: string }[];
    }>().requests;
    assert.deepEqual(requests.map((r) => [r.ticket, r.status]).sort(), [
      ['CASE-1', 'rejected'],
      ['CASE-2', 'requested'],
    ]);
    assert.equal(requests.find((r) => r.id === first)?.decisionNote, 'no ticket');
    assert.ok(requests.some((r) => r.id === second));
    const none = await app.inject({
      method: 'GET',
      url: '/api/v1/operator-access/mine',
      headers: owner.headers,
    });
    assert.equal(none.statusCode, 403, 'a workspace owner is not an operator');
  } finally {
    await app.close();
  }
});

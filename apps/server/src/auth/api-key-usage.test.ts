// API keys at the server level: use is recorded (lastUsedAt), expiry is enforced with 401.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { registerTestSecret } from '@vigil/testkit';
import { addUser, authFixture, login } from './testing/auth-fixture.ts';

const PASSWORD = 'Corr3ct horse battery';
const DAY = 86_400_000;

interface TokenView {
  id: string;
  token?: string;
  lastUsedAt?: string;
  expiresAt?: string;
}

test("an API key's lastUsedAt is updated when it is used, and an expired key is refused with 401", async () => {
  const { app, rt, clock } = await authFixture();
  try {
    await addUser(rt, 'owner', PASSWORD, [['owner', 'ws-k']]);
    const s = await login(app, 'owner', PASSWORD);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/workspaces/ws-k/api-keys',
      headers: s.headers,
      payload: { name: 'automation', role: 'analyst', expiresInDays: 2 },
    });
    assert.equal(created.statusCode, 201, created.body);
    const key = created.json<TokenView>();
    assert.ok(key.token);
    registerTestSecret('API key', key.token);
    const bearer = { authorization: `Bearer ${key.token}` };
    // A fresh session each time: the clock jumps past the session idle timeout.
    const listed = async () => {
      const fresh = await login(app, 'owner', PASSWORD);
      const res = await app.inject({
        method: 'GET',
        url: '/api/v1/workspaces/ws-k/api-keys',
        headers: fresh.headers,
      });
      assert.equal(res.statusCode, 200, res.body);
      return res.json<{ tokens: TokenView[] }>().tokens.find((t) => t.id === key.id);
    };
    assert.equal((await listed())?.lastUsedAt, undefined, 'never used yet');

    clock.advance(3_600_000);
    const usedAt = new Date(clock.now()).toISOString();
    const used = await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer });
    assert.equal(used.statusCode, 200, used.body);
    assert.equal((await listed())?.lastUsedAt, usedAt);

    clock.advance(DAY);
    const later = new Date(clock.now()).toISOString();
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode, 200);
    assert.equal((await listed())?.lastUsedAt, later, 'a later use moves lastUsedAt');

    clock.advance(DAY);
    const expired = await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer });
    assert.equal(expired.statusCode, 401);
    assert.equal(expired.json<{ error: { code: string } }>().error.code, 'UNAUTHENTICATED');
    assert.equal((await listed())?.lastUsedAt, later, 'a refused use is not recorded as use');
  } finally {
    await app.close();
  }
});

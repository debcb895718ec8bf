import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, authFixture, login } from '../auth/testing/auth-fixture.ts';
import type { AuthFixture, Session } from '../auth/testing/auth-fixture.ts';

const PASSWORD = 'Correct-Horse-42!';
const BASE = '/api/v1/workspaces/ws-a/data-spaces';

describe('data spaces API', () => {
  let fx: AuthFixture;
  let owner: Session;
  let viewer: Session;

  before(async () => {
    fx = await authFixture();
    await addUser(fx.rt, 'olga', PASSWORD, [['owner', 'ws-a']]);
    await addUser(fx.rt, 'vic', PASSWORD, [['viewer', 'ws-a']]);
    owner = await login(fx.app, 'olga', PASSWORD);
    viewer = await login(fx.app, 'vic', PASSWORD);
  });
  after(() => fx.app.close());

  test('lists the set-up default data space with the default retention', async () => {
    const res = await fx.app.inject({ method: 'GET', url: BASE, headers: viewer.headers });
    assert.equal(res.statusCode, 200, res.body);
    const [first] = res.json<{ dataSpaces: { name: string; retentionDays: number; description: string }[] }>()
      .dataSpaces;
    assert.deepEqual(
      { ...first, version: undefined, createdAt: undefined, updatedAt: undefined },
      {
        name: 'default',
        description: 'Default',
        retentionDays: 30,
        version: undefined,
        createdAt: undefined,
        updatedAt: undefined,
      },
    );
  });

  test('create, read, change retention, delete; validation and permissions', async () => {
    const created = await fx.app.inject({
      method: 'POST',
      url: BASE,
      headers: owner.headers,
      payload: { name: 'firewall', description: 'Edge firewalls', retentionDays: 90 },
    });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json<{ retentionDays: number }>().retentionDays, 90);
    const dup = await fx.app.inject({
      method: 'POST',
      url: BASE,
      headers: owner.headers,
      payload: { name: 'firewall' },
    });
    assert.equal(dup.statusCode, 409);
    const defaulted = await fx.app.inject({
      method: 'POST',
      url: BASE,
      headers: owner.headers,
      payload: { name: 'dns' },
    });
    assert.equal(defaulted.json<{ retentionDays: number }>().retentionDays, 30);
    for (const payload of [
      { name: 'Bad_Name' },
      { name: 'x'.repeat(65) },
      { name: 'ok', retentionDays: 0 },
      { name: 'ok', retentionDays: 3651 },
      { name: 'ok', extra: 1 },
    ]) {
      const res = await fx.app.inject({ method: 'POST', url: BASE, headers: owner.headers, payload });
      assert.equal(res.statusCode, 400, JSON.stringify(payload));
    }
    const denied = await fx.app.inject({
      method: 'POST',
      url: BASE,
      headers: viewer.headers,
      payload: { name: 'sneaky' },
    });
    assert.equal(denied.statusCode, 403);
    const patched = await fx.app.inject({
      method: 'PATCH',
      url: `${BASE}/firewall`,
      headers: owner.headers,
      payload: { retentionDays: 7 },
    });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.deepEqual(
      (({ name, description, retentionDays, version }) => ({ name, description, retentionDays, version }))(
        patched.json<{ name: string; description: string; retentionDays: number; version: number }>(),
      ),
      { name: 'firewall', description: 'Edge firewalls', retentionDays: 7, version: 2 },
    );
    const stale = await fx.app.inject({
      method: 'PATCH',
      url: `${BASE}/firewall`,
      headers: owner.headers,
      payload: { retentionDays: 8, version: 1 },
    });
    assert.equal(stale.statusCode, 409);
    const read = await fx.app.inject({ method: 'GET', url: `${BASE}/firewall`, headers: viewer.headers });
    assert.equal(read.json<{ retentionDays: number }>().retentionDays, 7);
    assert.equal(
      (await fx.app.inject({ method: 'DELETE', url: `${BASE}/firewall`, headers: owner.headers })).statusCode,
      204,
    );
    assert.equal(
      (await fx.app.inject({ method: 'GET', url: `${BASE}/firewall`, headers: owner.headers })).statusCode,
      404,
    );
    const other = await fx.app.inject({
      method: 'GET',
      url: '/api/v1/workspaces/ws-b/data-spaces',
      headers: owner.headers,
    });
    assert.ok([403, 404].includes(other.statusCode));
  });
});

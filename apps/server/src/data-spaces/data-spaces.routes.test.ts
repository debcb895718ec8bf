import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Storage } from '@vigil/core';
import { openSqliteStorage } from '@vigil/store-sqlite';
import { after, before, describe, test } from 'node:test';
import { addUser, authFixture, login } from '../auth/testing/auth-fixture.ts';
import type { AuthFixture, Session } from '../auth/testing/auth-fixture.ts';

const PASSWORD = 'Correct-Horse-42!';
const BASE = '/api/v1/workspaces/ws-a/data-spaces';

describe('data spaces API', () => {
  let fx: AuthFixture;
  let owner: Session;
  let viewer: Session;

  let dir: string;
  let storage: Storage;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-ds-api-'));
    storage = await openSqliteStorage({ dataDir: dir });
    await storage.migrate();
    fx = await authFixture({ storage });
    await addUser(fx.rt, 'olga', PASSWORD, [['owner', 'ws-a']]);
    await addUser(fx.rt, 'vic', PASSWORD, [['viewer', 'ws-a']]);
    owner = await login(fx.app, 'olga', PASSWORD);
    viewer = await login(fx.app, 'vic', PASSWORD);
  });
  after(async () => {
    await fx.app.close();
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

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
    const types = (await fx.rt.stores.audit.find({ limit: 1000 })).map((r) => r.event_type);
    for (const t of ['data_space.created', 'data_space.updated', 'data_space.deleted'])
      assert.ok(types.includes(t), t);
    const other = await fx.app.inject({
      method: 'GET',
      url: '/api/v1/workspaces/ws-b/data-spaces',
      headers: owner.headers,
    });
    assert.ok([403, 404].includes(other.statusCode));
  });

  test('deleting refuses the default data space and data spaces that still hold events', async () => {
    const created = await fx.app.inject({
      method: 'POST',
      url: BASE,
      headers: owner.headers,
      payload: { name: 'full' },
    });
    assert.equal(created.statusCode, 201);
    const at = '2026-05-31T12:00:00.000Z';
    await storage.events.append([
      { '@timestamp': at, vigil: { id: 'e1', workspace: 'ws-a', data_space: 'full', received_at: at } },
    ]);
    const full = await fx.app.inject({ method: 'DELETE', url: `${BASE}/full`, headers: owner.headers });
    assert.equal(full.statusCode, 409);
    assert.equal(full.json<{ error: { code: string } }>().error.code, 'DATA_SPACE_NOT_EMPTY');
    const def = await fx.app.inject({ method: 'DELETE', url: `${BASE}/default`, headers: owner.headers });
    assert.equal(def.json<{ error: { code: string } }>().error.code, 'DATA_SPACE_PROTECTED');
  });
});

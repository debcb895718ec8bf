import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PERSONAL_DATA_INVENTORY } from '@vigil/identity';
import { addUser, authFixture, login } from '../auth/testing/auth-fixture.ts';

const PASSWORD = 'Privacy-Passw0rd-1';

test('GET /api/v1/privacy is public and shows the configured controller, contact, location and retention', async () => {
  const { app } = await authFixture({
    env: {
      VIGIL_PRIVACY_CONTROLLER: 'ACME Security GmbH',
      VIGIL_PRIVACY_CONTACT: 'dpo@acme.example',
      VIGIL_PRIVACY_STORAGE_LOCATION: 'Frankfurt, Germany',
      VIGIL_PRIVACY_RETENTION_DAYS: '90',
    },
  });
  const res = await app.inject({ method: 'GET', url: '/api/v1/privacy' });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json<{
    controller: { name: string; contact: string };
    storageLocation: string;
    retention: { personalDataDays: number };
    dataTypes: { category: string; purposes: string[] }[];
  }>();
  assert.deepEqual(body.controller, { name: 'ACME Security GmbH', contact: 'dpo@acme.example' });
  assert.equal(body.storageLocation, 'Frankfurt, Germany');
  assert.equal(body.retention.personalDataDays, 90);
  assert.ok(body.dataTypes.some((d) => d.category === 'network'));
  assert.ok(body.dataTypes.every((d) => d.purposes.length > 0));
  await app.close();
});

test('the privacy statement has sensible defaults when nothing is configured', async () => {
  const { app } = await authFixture();
  const body = (await app.inject({ method: 'GET', url: '/api/v1/privacy' })).json<{
    controller: { name: string; contact: string | null };
    retention: { personalDataDays: number };
  }>();
  assert.equal(body.controller.name, 'The operator of this Vigil installation');
  assert.equal(body.controller.contact, null);
  assert.equal(body.retention.personalDataDays, 365);
  await app.close();
});

test('GET /api/v1/privacy/inventory needs a session and lists every declared location', async () => {
  const { app, rt } = await authFixture();
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/privacy/inventory' })).statusCode, 401);
  await addUser(rt, 'eve', PASSWORD, [['viewer', 'ws-a']]);
  const s = await login(app, 'eve', PASSWORD);
  const res = await app.inject({ method: 'GET', url: '/api/v1/privacy/inventory', headers: s.headers });
  assert.equal(res.statusCode, 200);
  const ids = res.json<{ locations: { id: string; legalBasis: string }[] }>().locations.map((l) => l.id);
  assert.deepEqual(
    ids,
    PERSONAL_DATA_INVENTORY.map((l) => l.id),
  );
  await app.close();
});

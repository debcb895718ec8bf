import { test } from 'node:test';
import assert from 'node:assert/strict';
import { operationalError } from '@vigil/core';
import { fakeBus, fakeStorage, testServer } from '../testing/fake-runtime.ts';

test('GET /healthz answers ok', async () => {
  const { app } = await testServer();
  const res = await app.inject({ method: 'GET', url: '/healthz' });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { status: 'ok' });
  await app.close();
});

test('GET /readyz is ready when storage and bus answer', async () => {
  const { app } = await testServer();
  const res = await app.inject({ method: 'GET', url: '/readyz' });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { status: 'ready', checks: { storage: 'ok', bus: 'ok' } });
  await app.close();
});

test('GET /readyz answers 503 with a short, credential-free reason when storage fails', async () => {
  const storage = fakeStorage(() =>
    Promise.reject(
      operationalError('STORE_UNAVAILABLE', 'cannot reach postgres://vigil:hunter2@db:5432/vigil\nstack…'),
    ),
  );
  const { app } = await testServer({ storage });
  const res = await app.inject({ method: 'GET', url: '/readyz' });
  assert.equal(res.statusCode, 503);
  const body = res.json<{ status: string; checks: { storage: string; bus: string } }>();
  assert.equal(body.status, 'not_ready');
  assert.equal(body.checks.bus, 'ok');
  assert.equal(body.checks.storage, 'error: cannot reach postgres://vigil:[redacted]@db:5432/vigil');
  await app.close();
});

test('GET /readyz reports a failing bus', async () => {
  const { app } = await testServer({ bus: fakeBus(() => Promise.reject(new Error('connection closed'))) });
  const res = await app.inject({ method: 'GET', url: '/readyz' });
  assert.equal(res.statusCode, 503);
  assert.deepEqual(res.json(), {
    status: 'not_ready',
    checks: { storage: 'ok', bus: 'error: connection closed' },
  });
  await app.close();
});

test('GET /api/v1/version is public and tells the mode', async () => {
  const { app } = await testServer({ env: { VIGIL_MODE: 'distributed' } });
  const res = await app.inject({ method: 'GET', url: '/api/v1/version' });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { version: '0.1.0-test', mode: 'distributed' });
  await app.close();
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { operationalError, unexpectedError, userError } from '@vigil/core';
import { testServer } from '../testing/fake-runtime.ts';
import { PUBLIC } from './route-config.ts';

interface ErrorJson {
  error: { code: string; message: string; requestId: string; details?: Record<string, unknown> };
}

function failingRoutes(app: FastifyInstance): void {
  // Public so these tests exercise the error model alone (authentication has its own tests in auth/).
  const config = { permission: PUBLIC };
  app.get('/api/v1/test/user', { config }, () => {
    throw userError('RECORD_NOT_FOUND', 'rule r1 not found', { status: 404, details: { id: 'r1' } });
  });
  app.get('/api/v1/test/user-default', { config }, () => {
    throw userError('BAD_THING', 'that is bad');
  });
  app.get('/api/v1/test/busy', { config }, () => {
    throw operationalError('BUS_BACKPRESSURE', 'queue full', { retryAfterSeconds: 7 });
  });
  app.get('/api/v1/test/bug', { config }, () => {
    throw unexpectedError('INVARIANT', 'secret internal detail at /srv/x.ts:12');
  });
  app.get('/api/v1/test/crash', { config }, () => {
    throw new TypeError("Cannot read properties of undefined (reading 'password')");
  });
  app.post(
    '/api/v1/test/echo',
    {
      config,
      schema: { body: Type.Object({ name: Type.String(), user: Type.Object({ age: Type.Integer() }) }) },
    },
    (request) => request.body,
  );
}

async function setup() {
  return testServer({ routes: failingRoutes, env: { VIGIL_BODY_LIMIT_BYTES: '2048' } });
}

test('user errors answer their status (or 400) with code, message and details', async () => {
  const { app } = await setup();
  const res = await app.inject({ method: 'GET', url: '/api/v1/test/user' });
  assert.equal(res.statusCode, 404);
  const body = res.json<ErrorJson>();
  assert.equal(body.error.code, 'RECORD_NOT_FOUND');
  assert.equal(body.error.message, 'rule r1 not found');
  assert.deepEqual(body.error.details, { id: 'r1' });
  assert.equal(body.error.requestId, res.headers['x-request-id']);
  const plain = await app.inject({ method: 'GET', url: '/api/v1/test/user-default' });
  assert.equal(plain.statusCode, 400);
  assert.equal(plain.json<ErrorJson>().error.code, 'BAD_THING');
  await app.close();
});

test('operational errors answer 503 with Retry-After', async () => {
  const { app } = await setup();
  const res = await app.inject({ method: 'GET', url: '/api/v1/test/busy' });
  assert.equal(res.statusCode, 503);
  assert.equal(res.headers['retry-after'], '7');
  assert.equal(res.json<ErrorJson>().error.code, 'BUS_BACKPRESSURE');
  await app.close();
});

test('unexpected and unknown errors answer 500 with a generic message and no stack', async () => {
  const { app, logs } = await setup();
  for (const url of ['/api/v1/test/bug', '/api/v1/test/crash']) {
    const res = await app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 500);
    const body = res.json<ErrorJson>();
    assert.equal(body.error.code, 'INTERNAL_ERROR');
    assert.equal(body.error.message, 'internal error');
    assert.doesNotMatch(res.body, /secret internal detail|\.ts:\d+|at .*\(|password|TypeError/);
  }
  // The detail is kept for operators, in the log.
  assert.ok(logs.some((line) => line.includes('secret internal detail')));
  await app.close();
});

test('schema validation failures answer 400 VALIDATION_FAILED with the field path', async () => {
  const { app } = await setup();
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/test/echo',
    payload: { name: 'x', user: { age: 'old' } },
  });
  assert.equal(res.statusCode, 400);
  const body = res.json<ErrorJson>();
  assert.equal(body.error.code, 'VALIDATION_FAILED');
  assert.deepEqual(body.error.details, { field: 'body.user.age' });
  assert.match(body.error.message, /^body\.user\.age must be integer/);
  const missing = await app.inject({
    method: 'POST',
    url: '/api/v1/test/echo',
    payload: { user: { age: 1 } },
  });
  assert.deepEqual(missing.json<ErrorJson>().error.details, { field: 'body.name' });
  await app.close();
});

test('malformed JSON answers 400 INVALID_JSON', async () => {
  const { app } = await setup();
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/test/echo',
    headers: { 'content-type': 'application/json' },
    payload: '{"name": ',
  });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json<ErrorJson>().error.code, 'INVALID_JSON');
  await app.close();
});

test('a body over the configured limit answers 413 BODY_TOO_LARGE', async () => {
  const { app } = await setup();
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/test/echo',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ name: 'x'.repeat(4096), user: { age: 1 } }),
  });
  assert.equal(res.statusCode, 413);
  assert.equal(res.json<ErrorJson>().error.code, 'BODY_TOO_LARGE');
  await app.close();
});

test('unknown routes answer 404 NOT_FOUND in the error model, API GETs included', async () => {
  const { app } = await setup();
  for (const [method, url] of [
    ['POST', '/nowhere'],
    ['GET', '/api/v1/nowhere'],
  ] as const) {
    const res = await app.inject({ method, url });
    assert.equal(res.statusCode, 404, url);
    const body = res.json<ErrorJson>();
    assert.equal(body.error.code, 'NOT_FOUND');
    assert.ok(body.error.requestId);
  }
  await app.close();
});

test('request ids: a well-formed x-request-id is echoed, otherwise one is generated', async () => {
  const { app } = await setup();
  const echoed = await app.inject({
    method: 'GET',
    url: '/healthz',
    headers: { 'x-request-id': 'trace-42.a' },
  });
  assert.equal(echoed.headers['x-request-id'], 'trace-42.a');
  const generated = await app.inject({
    method: 'GET',
    url: '/healthz',
    headers: { 'x-request-id': 'bad id\r\n' },
  });
  assert.match(String(generated.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  const failed = await app.inject({
    method: 'GET',
    url: '/api/v1/test/user',
    headers: { 'x-request-id': 'req-1' },
  });
  assert.equal(failed.headers['x-request-id'], 'req-1');
  assert.equal(failed.json<ErrorJson>().error.requestId, 'req-1');
  await app.close();
});

test('security headers: CSP allows only self', async () => {
  const { app } = await setup();
  const res = await app.inject({ method: 'GET', url: '/' });
  const csp = String(res.headers['content-security-policy']);
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self'(;|$)/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https:/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  await app.close();
});

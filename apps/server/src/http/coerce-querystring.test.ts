import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { testServer } from '../testing/fake-runtime.ts';
import { coerceQuerystring } from './coerce-querystring.ts';
import { PUBLIC } from './route-config.ts';

const Query = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    ratio: Type.Optional(Type.Number()),
    full: Type.Optional(Type.Boolean()),
    name: Type.Optional(Type.String()),
    ids: Type.Optional(Type.Array(Type.Integer())),
  },
  { additionalProperties: false },
);

function routes(app: FastifyInstance): void {
  const config = { permission: PUBLIC };
  app.get('/api/v1/test/query', { config, schema: { querystring: Query } }, (request) => ({
    query: request.query,
  }));
  app.post(
    '/api/v1/test/body',
    { config, schema: { body: Type.Object({ limit: Type.Integer() }) } },
    (request) => request.body,
  );
}

interface ErrorJson {
  error: { code: string; message: string; details?: { field?: string } };
}

test('querystring numbers and booleans are coerced by the route schema', async () => {
  const { app } = await testServer({ routes });
  const res = await app.inject({
    url: '/api/v1/test/query?limit=10&ratio=0.5&full=true&name=42&ids=1&ids=2',
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { query: { limit: 10, ratio: 0.5, full: true, name: '42', ids: [1, 2] } });
});

test('querystring text that is no number is refused naming the field', async () => {
  const { app } = await testServer({ routes });
  for (const bad of ['limit=ten', 'limit=1.5', 'limit=', 'limit=0x10', 'full=yes', 'limit=500']) {
    const res = await app.inject({ url: `/api/v1/test/query?${bad}` });
    assert.equal(res.statusCode, 400, bad);
    const body = res.json<ErrorJson>();
    assert.equal(body.error.code, 'VALIDATION_FAILED');
    assert.match(body.error.details?.field ?? '', /^querystring\.(limit|full)$/, bad);
  }
});

test('bodies stay strict: a number sent as a string is refused', async () => {
  const { app } = await testServer({ routes });
  const res = await app.inject({ method: 'POST', url: '/api/v1/test/body', payload: { limit: '10' } });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json<ErrorJson>().error.details?.field, 'body.limit');
  const ok = await app.inject({ method: 'POST', url: '/api/v1/test/body', payload: { limit: 10 } });
  assert.equal(ok.statusCode, 200);
});

test('coerceQuerystring leaves unknown and string-typed properties alone', () => {
  const schema = Type.Object({ n: Type.Integer(), s: Type.Union([Type.String(), Type.Integer()]) });
  assert.deepEqual(coerceQuerystring(schema, { n: '7', s: '7', x: '1' }), { n: 7, s: '7', x: '1' });
});

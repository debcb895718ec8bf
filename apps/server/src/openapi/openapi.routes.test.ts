import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Type } from '@sinclair/typebox';
import { testServer } from '../testing/fake-runtime.ts';

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

test('the OpenAPI 3.1 document lists every route with security and x-vigil-permission', async () => {
  const { app } = await testServer({
    routes: (a) => {
      a.post(
        '/api/v1/workspaces/:workspaceId/things',
        {
          config: { permission: 'things.write' },
          schema: {
            params: Type.Object({ workspaceId: Type.String() }),
            body: Type.Object({ name: Type.String() }),
          },
        },
        () => ({}),
      );
    },
  });
  const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  assert.equal(res.statusCode, 200);
  const doc = res.json<Json>();
  assert.equal(doc['openapi'], '3.1.0');
  assert.equal((doc['info'] as Json)['title'], 'Vigil API');
  const paths = doc['paths'] as Record<string, Json>;
  const operations: { path: string; method: string; op: Json }[] = [];
  for (const [path, item] of Object.entries(paths)) {
    assert.ok(path.startsWith('/'), path);
    assert.doesNotMatch(path, /:/, `${path} uses OpenAPI {param} syntax`);
    for (const [method, op] of Object.entries(item)) {
      assert.ok(METHODS.includes(method), `${path} ${method}`);
      operations.push({ path, method, op: op as Json });
    }
  }
  const schemes = Object.keys((doc['components'] as { securitySchemes: Json }).securitySchemes);
  for (const { path, method, op } of operations) {
    const where = `${method.toUpperCase()} ${path}`;
    const permission = op['x-vigil-permission'];
    assert.equal(typeof permission, 'string', `${where} declares no x-vigil-permission`);
    assert.ok(Array.isArray(op['security']), `${where} has no security`);
    const security = op['security'] as Json[];
    // `[]` (no authentication) only for public routes, and public routes only with `[]`.
    assert.equal(
      security.length === 0,
      permission === 'public',
      `${where}: security vs permission ${String(permission)}`,
    );
    for (const requirement of security)
      for (const name of Object.keys(requirement)) assert.ok(schemes.includes(name), name);
    assert.ok((op['responses'] as Json)['default'], `${where} documents the error model`);
  }
  const byKey = new Map(operations.map((o) => [`${o.method} ${o.path}`, o.op]));
  for (const key of [
    'get /healthz',
    'get /readyz',
    'get /metrics',
    'get /api/v1/version',
    'get /api/v1/openapi.json',
  ]) {
    assert.ok(byKey.has(key), key);
  }
  assert.equal(byKey.get('get /metrics')?.['x-vigil-permission'], 'system.metrics');
  assert.deepEqual(byKey.get('get /healthz')?.['security'], []);
  const things = byKey.get('post /api/v1/workspaces/{workspaceId}/things');
  assert.ok(things);
  assert.equal(things['x-vigil-permission'], 'things.write');
  assert.deepEqual(things['security'], [{ session: [] }, { bearer: [] }]);
  assert.deepEqual((things['parameters'] as Json[])[0], {
    name: 'workspaceId',
    in: 'path',
    required: true,
    schema: { type: 'string' },
  });
  assert.ok(things['requestBody']);
  assert.ok(!byKey.has('head /healthz'), 'HEAD twins of GET routes are folded into the GET');
  await app.close();
});

test('a route without a declared permission fails server start (deny by default)', async () => {
  await assert.rejects(
    testServer({
      routes: (a) => {
        a.get('/api/v1/forgotten', () => ({}));
      },
    }),
    (err: Error & { code?: string }) =>
      err.code === 'ROUTE_PERMISSION_MISSING' && /\/api\/v1\/forgotten/.test(err.message),
  );
});

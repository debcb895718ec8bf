import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { EVENTS_STORE_TOPIC } from '@vigil/core';
import { ingestFixture } from '../testing/ingest-fixture.ts';

const apiKey = (token: string) => `ApiKey ${Buffer.from(`vigil:${token}`).toString('base64')}`;
const basic = (token: string) => `Basic ${Buffer.from(`filebeat:${token}`).toString('base64')}`;

test('ES root info, set-up no-ops and the product header; ApiKey and Basic map to ingest tokens', async () => {
  const f = await ingestFixture();
  const root = await f.app.inject({
    method: 'GET',
    url: '/es/',
    headers: { authorization: apiKey(f.tokens.a) },
  });
  assert.equal(root.statusCode, 200);
  assert.equal(root.headers['x-elastic-product'], 'Elasticsearch');
  assert.match(root.json<{ version: { number: string } }>().version.number, /^8\./);
  const anon = await f.app.inject({ method: 'GET', url: '/es/' });
  assert.equal(anon.statusCode, 401);
  assert.equal(anon.json<{ error: { type: string } }>().error.type, 'security_exception');
  const tpl = await f.app.inject({
    method: 'PUT',
    url: '/es/_index_template/filebeat-8',
    headers: { authorization: basic(f.tokens.a), 'content-type': 'application/json' },
    payload: { index_patterns: ['x'] },
  });
  assert.deepEqual(tpl.json(), { acknowledged: true });
  const idx = await f.app.inject({
    method: 'PUT',
    url: '/es/logs-1',
    headers: { authorization: basic(f.tokens.a) },
  });
  assert.equal(idx.json<{ index: string }>().index, 'logs-1');
  await f.close();
});

test('ES _bulk: per-item results, parse failures kept, unsupported actions refused per item, 429 items under backpressure', async () => {
  const f = await ingestFixture();
  const body =
    [
      '{"create":{"_index":"filebeat-8"}}',
      JSON.stringify({
        '@timestamp': '2026-02-01T00:00:00Z',
        message: 'a',
        event: { dataset: 'system.auth' },
      }),
      '{"index":{"_id":"x1"}}',
      '{not json',
      '{"delete":{"_id":"x2"}}',
      '{"update":{"_id":"x3"}}',
      '{"doc":{"a":1}}',
    ].join('\n') + '\n';
  const res = await f.app.inject({
    method: 'POST',
    url: '/es/logs/_bulk',
    headers: {
      authorization: apiKey(f.tokens.a),
      'content-type': 'application/x-ndjson',
      'content-encoding': 'gzip',
    },
    payload: gzipSync(body),
  });
  assert.equal(res.statusCode, 200, res.body);
  const reply = res.json<{ errors: boolean; items: Record<string, { status: number; _index: string }>[] }>();
  assert.equal(reply.errors, true);
  assert.deepEqual(
    reply.items.map((i) => Object.values(i)[0]?.status),
    [201, 201, 400, 400],
  );
  assert.equal(reply.items[0]?.['create']?._index, 'filebeat-8');
  assert.equal(reply.items[1]?.['index']?._index, 'logs');
  const events = await f.stored();
  assert.equal(events.length, 2);
  assert.equal(events.filter((e) => e.vigil.parse_error !== undefined).length, 1);
  assert.equal(events[0]?.vigil.source, 'es:shipper');

  const broken = await f.app.inject({
    method: 'POST',
    url: '/es/_bulk',
    headers: { authorization: apiKey(f.tokens.a) },
    payload: '{"create":{}}\n{"a":1}\nnot an action\n{"b":2}\n',
  });
  assert.equal(broken.statusCode, 400);
  assert.match(broken.json<{ error: { reason: string } }>().error.reason, /line 3/);
  assert.equal((await f.stored()).length, 2, 'nothing of a refused request is stored');
  await f.close();

  const full = await ingestFixture({ capacity: 1, writer: false });
  await full.bus.publish(EVENTS_STORE_TOPIC, [{}]);
  const busy = await full.app.inject({
    method: 'POST',
    url: '/es/_bulk',
    headers: { authorization: apiKey(full.tokens.a) },
    payload: '{"create":{}}\n{"a":1}\n',
  });
  assert.equal(busy.statusCode, 200);
  const item = busy.json<{ items: { create: { status: number; error: { type: string } } }[] }>().items[0];
  assert.equal(item?.create.status, 429);
  assert.equal(item?.create.error.type, 'es_rejected_execution_exception');
  await full.close();
});

test('ES _bulk: a resent document with the same _id is stored once', async () => {
  const f = await ingestFixture();
  const body =
    '{"create":{"_index":"logs","_id":"doc-1"}}\n{"@timestamp":"2026-01-02T03:04:05Z","message":"once"}\n{"create":{}}\n{"@timestamp":"2026-01-02T03:04:05Z","message":"no id"}\n';
  for (let i = 0; i < 2; i++) {
    const res = await f.app.inject({
      method: 'POST',
      url: '/es/_bulk',
      headers: { authorization: apiKey(f.tokens.a) },
      payload: body,
    });
    assert.equal(res.json<{ errors: boolean }>().errors, false);
  }
  const events = await f.stored();
  assert.equal(events.filter((e) => e.message === 'once').length, 1);
  assert.equal(events.filter((e) => e.message === 'no id').length, 2);
  await f.close();
});

test('the OpenAPI document lists the ingest routes with the ingest-token scheme and ingest.write', async () => {
  const f = await ingestFixture();
  const doc = (await f.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
    paths: Record<
      string,
      Record<string, { security: Record<string, unknown>[]; 'x-vigil-permission': string }>
    >;
  }>();
  for (const [path, method] of [
    ['/api/v1/workspaces/{workspaceId}/ingest', 'post'],
    ['/services/collector/event', 'post'],
    ['/es/_bulk', 'post'],
    ['/v1/logs', 'post'],
  ] as const) {
    const op = doc.paths[path]?.[method];
    assert.equal(op?.['x-vigil-permission'], 'ingest.write', path);
    assert.deepEqual(op?.security, [{ ingestToken: [] }], path);
  }
  assert.equal(
    doc.paths['/api/v1/workspaces/{workspaceId}/sources/stats']?.['get']?.['x-vigil-permission'],
    'sources.read',
  );
  assert.deepEqual(doc.paths['/services/collector/health']?.['get']?.security, []);
  await f.close();
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestFixture } from '../testing/ingest-fixture.ts';

const request = {
  resourceLogs: [
    {
      resource: {
        attributes: [
          { key: 'service.name', value: { stringValue: 'auth-svc' } },
          { key: 'host.name', value: { stringValue: 'node-7' } },
        ],
      },
      scopeLogs: [
        {
          scope: { name: 'journald' },
          logRecords: [
            {
              timeUnixNano: '1767225600000000000',
              severityText: 'WARN',
              body: { stringValue: 'user bob failed to log in' },
              attributes: [{ key: 'log.file.name', value: { stringValue: 'auth.log' } }],
              traceId: '5b8efff798038103d269b633813fc60c',
            },
            { body: { kvlistValue: { values: [{ key: 'action', value: { stringValue: 'logout' } }] } } },
          ],
        },
      ],
    },
  ],
};

test('OTLP/HTTP JSON logs are stored with resource, severity and time; protobuf and non-OTLP bodies are refused', async () => {
  const f = await ingestFixture();
  const auth = { authorization: `Bearer ${f.tokens.a}`, 'content-type': 'application/json' };
  const res = await f.app.inject({ method: 'POST', url: '/v1/logs', headers: auth, payload: request });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { partialSuccess: {} });
  const events = await f.stored();
  assert.equal(events.length, 2);
  const warn = events.find((e) => e.message === 'user bob failed to log in');
  assert.equal(warn?.['@timestamp'], '2026-01-01T00:00:00.000Z');
  assert.equal((warn?.['log'] as { level?: string }).level, 'WARN');
  assert.equal((warn?.['service'] as { name?: string }).name, 'auth-svc');
  assert.equal((warn?.['host'] as { name?: string }).name, 'node-7');
  assert.equal(
    (warn?.raw?.['otel'] as { attributes: Record<string, unknown> }).attributes['log.file.name'],
    'auth.log',
  );
  assert.equal(warn?.vigil.source, 'otlp:shipper');
  const proto = await f.app.inject({
    method: 'POST',
    url: '/v1/logs',
    headers: { ...auth, 'content-type': 'application/x-protobuf' },
    payload: Buffer.from([1, 2, 3]),
  });
  assert.equal(proto.statusCode, 415);
  const notOtlp = await f.app.inject({
    method: 'POST',
    url: '/v1/logs',
    headers: auth,
    payload: { logs: [] },
  });
  assert.equal(notOtlp.statusCode, 400);
  assert.match(notOtlp.json<{ error: { message: string } }>().error.message, /resourceLogs/);
  const anon = await f.app.inject({ method: 'POST', url: '/v1/logs', payload: request });
  assert.equal(anon.statusCode, 401);
  await f.close();
});

test('OTLP: a request resent with the same X-Vigil-Delivery-Id is stored once', async () => {
  const f = await ingestFixture();
  const body = JSON.stringify({
    resourceLogs: [
      {
        scopeLogs: [
          {
            logRecords: [
              { timeUnixNano: '1767225600000000000', body: { stringValue: 'one' } },
              { timeUnixNano: '1767225601000000000', body: { stringValue: 'two' } },
            ],
          },
        ],
      },
    ],
  });
  const headers = {
    authorization: `Bearer ${f.tokens.a}`,
    'content-type': 'application/json',
    'x-vigil-delivery-id': 'otlp-1',
  };
  for (let i = 0; i < 2; i++) {
    const res = await f.app.inject({ method: 'POST', url: '/v1/logs', headers, payload: body });
    assert.equal(res.statusCode, 200, res.body);
  }
  assert.equal((await f.stored()).length, 2);
  await f.close();
});

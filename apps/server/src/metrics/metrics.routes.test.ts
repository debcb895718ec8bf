import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventWriter } from '@vigil/core';
import { testServer } from '../testing/fake-runtime.ts';

const writer: EventWriter = {
  topic: 'events.store',
  stats: () => ({ batches: 2, events: 17, failures: 0 }),
  stop: () => Promise.resolve(),
};

/** Every non-comment line must be `name{labels} value` (Prometheus text exposition 0.0.4). */
const SAMPLE_LINE =
  /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\.)*",?)*\})? (-?[0-9.e+-]+|NaN|[+-]Inf)$/;

test('GET /metrics serves Prometheus text to loopback clients', async () => {
  const { app } = await testServer({ writer });
  await app.inject({ method: 'GET', url: '/healthz' });
  await app.inject({ method: 'GET', url: '/api/v1/nope' });
  const res = await app.inject({ method: 'GET', url: '/metrics' });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/plain; version=0\.0\.4/);
  const lines = res.body.trimEnd().split('\n');
  const declared = new Set<string>();
  for (const line of lines) {
    if (line.startsWith('# TYPE ')) declared.add(line.split(' ')[2] ?? '');
    else if (!line.startsWith('# HELP ')) {
      assert.match(line, SAMPLE_LINE);
      assert.ok(declared.has(line.split(/[{ ]/)[0] ?? ''), `sample before its # TYPE: ${line}`);
    }
  }
  assert.ok(lines.some((l) => /^process_uptime_seconds [0-9.e+-]+$/.test(l)));
  assert.ok(lines.includes('vigil_http_requests_total{method="GET",route="/healthz",status="200"} 1'));
  assert.ok(lines.includes('vigil_http_requests_total{method="GET",route="/*",status="404"} 1'));
  assert.ok(lines.includes('vigil_bus_pending_messages{topic="events.store"} 3'));
  assert.ok(lines.includes('vigil_bus_published_total{topic="events.store"} 5'));
  assert.ok(lines.includes('vigil_bus_dead_lettered_total{topic="events.store"} 0'));
  assert.ok(lines.includes('vigil_events_stored_total 17'));
  assert.ok(lines.includes('vigil_build_info{version="0.1.0-test",mode="embedded"} 1'));
  await app.close();
});

test('GET /metrics refuses remote clients unless they bring the metrics token', async () => {
  const open = await testServer();
  const refused = await open.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.1.2.3' });
  assert.equal(refused.statusCode, 403);
  await open.app.close();

  const token = 'metrics-token-0123456789';
  const { app } = await testServer({ env: { VIGIL_METRICS_TOKEN: token } });
  const wrong = await app.inject({
    method: 'GET',
    url: '/metrics',
    remoteAddress: '10.1.2.3',
    headers: { authorization: 'Bearer nope' },
  });
  assert.equal(wrong.statusCode, 401);
  const spoofed = await app.inject({
    method: 'GET',
    url: '/metrics',
    remoteAddress: '10.1.2.3',
    headers: { 'x-forwarded-for': '127.0.0.1' },
  });
  assert.equal(spoofed.statusCode, 401);
  const ok = await app.inject({
    method: 'GET',
    url: '/metrics',
    remoteAddress: '10.1.2.3',
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(ok.statusCode, 200);
  await app.close();
});

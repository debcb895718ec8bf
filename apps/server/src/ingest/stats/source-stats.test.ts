import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addUser, login } from '../../auth/testing/auth-fixture.ts';
import { ingestFixture } from '../testing/ingest-fixture.ts';

test('per-source counters in /metrics and GET …/sources/stats (sources.read)', async () => {
  const f = await ingestFixture();
  await f.app.inject({
    method: 'POST',
    url: '/api/v1/workspaces/ws-a/ingest',
    headers: { authorization: `Bearer ${f.tokens.a}`, 'content-type': 'application/x-ndjson' },
    payload: '{"@timestamp":"2026-01-01T00:00:00Z","message":"x"}\n{broken\n',
  });
  const metrics = await f.app.inject({ method: 'GET', url: '/metrics' });
  const labels = 'workspace="ws-a",data_space="default",source="http:shipper"';
  for (const line of [
    `vigil_ingest_received_total{${labels}} 2`,
    `vigil_ingest_parsed_total{${labels}} 1`,
    `vigil_ingest_failed_total{${labels}} 1`,
    `vigil_ingest_dropped_total{${labels}} 0`,
    `vigil_ingest_accepted_total{${labels}} 2`,
  ]) {
    assert.ok(metrics.body.includes(line), `missing ${line}`);
  }
  assert.match(metrics.body, new RegExp(`vigil_ingest_lag_seconds\\{${labels}\\} \\d+`));

  const anon = await f.app.inject({ method: 'GET', url: '/api/v1/workspaces/ws-a/sources/stats' });
  assert.equal(anon.statusCode, 401);
  await addUser(f.rt, 'ana', 'Stats-Passw0rd!', [['owner', 'ws-a']]);
  const session = await login(f.app, 'ana', 'Stats-Passw0rd!');
  const res = await f.app.inject({
    method: 'GET',
    url: '/api/v1/workspaces/ws-a/sources/stats',
    headers: session.headers,
  });
  assert.equal(res.statusCode, 200, res.body);
  const row = res.json<{ sources: Record<string, unknown>[] }>().sources[0];
  assert.equal(row?.['source'], 'http:shipper');
  assert.equal(row?.['received'], 2);
  assert.equal(row?.['failed'], 1);
  assert.equal(typeof row?.['lastReceivedAt'], 'string');
  await f.close();
});

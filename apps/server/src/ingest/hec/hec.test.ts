import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EVENTS_STORE_TOPIC } from '@vigil/core';
import { ingestFixture } from '../testing/ingest-fixture.ts';

test('HEC events: batched envelopes with time/host/fields, Splunk auth and answers, ack ids on a channel', async () => {
  const f = await ingestFixture();
  const payload =
    JSON.stringify({
      time: 1767225600.5,
      host: 'fw1',
      sourcetype: 'cef',
      event: 'CEF:0|Acme|FW|1|100|Blocked|5|src=10.1.1.1 dst=10.2.2.2',
      fields: { dc: 'par' },
    }) + JSON.stringify({ event: { action: 'login', user: 'bob' }, index: 'main' });
  const res = await f.app.inject({
    method: 'POST',
    url: '/services/collector/event',
    headers: { authorization: `Splunk ${f.tokens.a}`, 'x-splunk-request-channel': 'c-1' },
    payload,
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { text: 'Success', code: 0, ackId: 0 });
  const events = await f.stored();
  assert.equal(events.length, 2);
  const cef = events.find((e) => (e['host'] as { name?: string } | undefined)?.name === 'fw1');
  assert.equal(cef?.['@timestamp'], '2026-01-01T00:00:00.500Z');
  assert.equal((cef?.['source'] as { ip?: string } | undefined)?.ip, '10.1.1.1');
  assert.deepEqual(cef?.['labels'], { hec_sourcetype: 'cef', dc: 'par' });
  assert.equal(cef?.vigil.source, 'hec:shipper');
  const ack = await f.app.inject({
    method: 'POST',
    url: '/services/collector/ack?channel=c-1',
    headers: { authorization: `Splunk ${f.tokens.a}` },
    payload: { acks: [0, 1] },
  });
  assert.deepEqual(ack.json(), { acks: { '0': true, '1': false } });
  await f.close();
});

test('HEC raw, health, token errors, invalid envelopes kept, and busy code 9', async () => {
  const f = await ingestFixture({
    capacity: 2,
    writer: false,
    env: { VIGIL_INGEST_COMMIT_TIMEOUT_MS: '100' },
  });
  const health = await f.app.inject({ method: 'GET', url: '/services/collector/health' });
  assert.deepEqual(health.json(), { text: 'HEC is healthy', code: 17 });
  const none = await f.app.inject({
    method: 'POST',
    url: '/services/collector/event',
    payload: '{"event":"x"}',
  });
  assert.equal(none.statusCode, 401);
  assert.deepEqual(none.json(), { text: 'Token is required', code: 2 });
  const wrong = await f.app.inject({
    method: 'POST',
    url: '/services/collector/event',
    headers: { authorization: 'Splunk nope' },
    payload: '{"event":"x"}',
  });
  assert.equal(wrong.statusCode, 403);
  assert.equal(wrong.json<{ code: number }>().code, 4);
  const auth = { authorization: `Splunk ${f.tokens.a}` };
  const noData = await f.app.inject({
    method: 'POST',
    url: '/services/collector/event',
    headers: auth,
    payload: '',
  });
  assert.deepEqual(noData.json(), { text: 'No data', code: 5 });
  // Queue of 2 and no writer: this request takes one slot and times out waiting for its commit (503, busy).
  const bad = await f.app.inject({
    method: 'POST',
    url: '/services/collector/event',
    headers: auth,
    payload: '{"event":"ok"}{"host":"x"}',
  });
  assert.equal(bad.statusCode, 503);
  await f.bus.publish(EVENTS_STORE_TOPIC, [{}]);
  const unhealthy = await f.app.inject({ method: 'GET', url: '/services/collector/health' });
  assert.deepEqual(unhealthy.json(), { text: 'HEC is unhealthy, queues are full', code: 18 });
  const busy = await f.app.inject({
    method: 'POST',
    url: '/services/collector/raw?sourcetype=syslog',
    headers: auth,
    payload: '<13>Jan  1 00:00:00 h a: x\n',
  });
  assert.equal(busy.statusCode, 503);
  assert.deepEqual(busy.json(), { text: 'Server is busy', code: 9 });
  assert.equal(busy.headers['retry-after'], '1');
  await f.close();
});

test('HEC: a broken envelope is reported with its number, and every envelope is still stored', async () => {
  const f = await ingestFixture();
  const auth = { authorization: `Splunk ${f.tokens.a}` };
  const res = await f.app.inject({
    method: 'POST',
    url: '/services/collector/event',
    headers: auth,
    payload: '{"event":"first"}\n{"host":"no-event"}\n{"event":"third"}',
  });
  assert.equal(res.statusCode, 400);
  assert.deepEqual(res.json(), { text: 'Event field is required', code: 12, 'invalid-event-number': 1 });
  const events = await f.stored();
  assert.equal(events.length, 3);
  assert.equal(events.filter((e) => e.vigil.parse_error !== undefined).length, 0);
  const raw = await f.app.inject({
    method: 'POST',
    url: '/services/collector/raw?host=h9&sourcetype=linux_secure',
    headers: auth,
    payload: 'Jan  5 10:00:00 web1 sudo: bob : TTY=pts/0 ; PWD=/ ; USER=root ; COMMAND=/bin/ls\nline two\n',
  });
  assert.deepEqual(raw.json(), { text: 'Success', code: 0 });
  assert.equal((await f.stored()).length, 5);
  await f.close();
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { EVENTS_STORE_TOPIC } from '@vigil/core';
import { ingestFixture } from '../testing/ingest-fixture.ts';

const URL_A = '/api/v1/workspaces/ws-a/ingest';

test('NDJSON is parsed, enriched and durable when the answer comes; a broken line is kept with a parse error', async () => {
  const f = await ingestFixture();
  const body = [
    JSON.stringify({ '@timestamp': '2026-03-01T10:00:00Z', message: 'hello', host: { name: 'web1' } }),
    '{"truncated": ',
    JSON.stringify({ EventID: 4625, Channel: 'Security', Computer: 'dc1', TargetUserName: 'bob' }),
  ].join('\n');
  const res = await f.app.inject({
    method: 'POST',
    url: URL_A,
    headers: { authorization: `Bearer ${f.tokens.a}`, 'content-type': 'application/x-ndjson' },
    payload: body,
  });
  assert.equal(res.statusCode, 200, res.body);
  const reply = res.json<{ accepted: number; failed: number; errors: { index: number; error: string }[] }>();
  assert.equal(reply.accepted, 3);
  assert.equal(reply.failed, 1);
  assert.equal(reply.errors[0]?.index, 1);
  // Acknowledged means committed: readable at once, without waiting.
  const events = await f.stored();
  assert.equal(events.length, 3);
  const hello = events.find((e) => e.message === 'hello');
  assert.equal(hello?.vigil.workspace, 'ws-a');
  assert.equal(hello?.vigil.data_space, 'default');
  assert.equal(hello?.vigil.source, 'http:shipper');
  assert.ok(hello?.vigil.received_at);
  const broken = events.find((e) => e.vigil.parse_error !== undefined);
  assert.equal(broken?.message, '{"truncated": ');
  const win = events.find((e) => (e.raw as { EventID?: number } | undefined)?.EventID === 4625);
  assert.ok(win, 'the Windows event was normalised with raw kept');
  await f.close();
});

test('a JSON array, gzip-compressed, and text lines with ?format=', async () => {
  const f = await ingestFixture();
  const array = gzipSync(JSON.stringify([{ message: 'one' }, { message: 'two' }]));
  const res = await f.app.inject({
    method: 'POST',
    url: URL_A,
    headers: {
      authorization: `Bearer ${f.tokens.a}`,
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    },
    payload: array,
  });
  assert.equal(res.json<{ accepted: number }>().accepted, 2);
  const lines = await f.app.inject({
    method: 'POST',
    url: `${URL_A}?format=linux-auth`,
    headers: { authorization: `Bearer ${f.tokens.a}`, 'content-type': 'text/plain' },
    payload:
      'Jan  5 10:00:00 web1 sshd[42]: Failed password for invalid user admin from 10.0.0.9 port 5122 ssh2\n',
  });
  assert.equal(lines.statusCode, 200, lines.body);
  const events = await f.stored();
  assert.equal(events.length, 3);
  const ssh = events.find((e) => String(e.message).includes('sshd'));
  assert.equal((ssh?.['source'] as { ip?: string } | undefined)?.ip, '10.0.0.9');
  await f.close();
});

test('token checks: missing or wrong → 401, another workspace → 403, data space mismatch → 403', async () => {
  const f = await ingestFixture();
  const post = (headers: Record<string, string>, url = URL_A) =>
    f.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', ...headers },
      payload: '{}',
    });
  const missing = await post({});
  assert.equal(missing.statusCode, 401);
  assert.equal(missing.json<{ error: { code: string } }>().error.code, 'INGEST_TOKEN_INVALID');
  assert.equal(
    (await post({ authorization: 'Bearer vigil_it_0000000000000000_' + 'A'.repeat(43) })).statusCode,
    401,
  );
  assert.equal((await post({ authorization: `Basic ${f.tokens.a}` })).statusCode, 401);
  const foreign = await post({ authorization: `Bearer ${f.tokens.b}` });
  assert.equal(foreign.statusCode, 403);
  assert.equal(
    (await post({ authorization: `Bearer ${f.tokens.a}` }, `${URL_A}?data_space=other`)).statusCode,
    403,
  );
  assert.equal((await f.stored()).length, 0);
  await f.close();
});

test('bad input gets 400 with what and where; a full queue gets 429 with Retry-After', async () => {
  const f = await ingestFixture({ capacity: 1, writer: false });
  const auth = { authorization: `Bearer ${f.tokens.a}`, 'content-type': 'application/json' };
  const empty = await f.app.inject({ method: 'POST', url: URL_A, headers: auth, payload: '  \n' });
  assert.equal(empty.statusCode, 400);
  assert.equal(empty.json<{ error: { details: { field: string } } }>().error.details.field, 'body');
  const badGzip = await f.app.inject({
    method: 'POST',
    url: URL_A,
    headers: { ...auth, 'content-encoding': 'gzip' },
    payload: 'not gzip',
  });
  assert.equal(badGzip.statusCode, 400);
  const badFormat = await f.app.inject({
    method: 'POST',
    url: `${URL_A}?format=nope`,
    headers: auth,
    payload: '{}',
  });
  assert.equal(badFormat.statusCode, 400);
  await f.bus.publish(EVENTS_STORE_TOPIC, [{}]); // fills the queue (capacity 1, no writer)
  const busy = await f.app.inject({ method: 'POST', url: URL_A, headers: auth, payload: '{"a":1}' });
  assert.equal(busy.statusCode, 429);
  assert.equal(busy.headers['retry-after'], '1');
  assert.equal(busy.json<{ error: { details: { accepted: number } } }>().error.details.accepted, 0);
  const stats = f.ingest.stats.snapshot('ws-a')[0];
  assert.equal(stats?.rejected, 1);
  await f.close();
});

test('a batch re-sent with the same X-Vigil-Delivery-Id is stored once; a bad delivery id is a 400', async () => {
  const f = await ingestFixture();
  const body = [
    JSON.stringify({ '@timestamp': '2026-03-01T10:00:00Z', message: 'first' }),
    JSON.stringify({ '@timestamp': '2026-03-01T10:00:01Z', message: 'second' }),
  ].join('\n');
  const send = (headers: Record<string, string>) =>
    f.app.inject({
      method: 'POST',
      url: URL_A,
      headers: { authorization: `Bearer ${f.tokens.a}`, 'content-type': 'application/x-ndjson', ...headers },
      payload: body,
    });
  for (let i = 0; i < 3; i++)
    assert.equal((await send({ 'x-vigil-delivery-id': 'batch-1' })).statusCode, 200);
  assert.equal((await send({ 'idempotency-key': 'batch-1' })).statusCode, 200);
  assert.equal((await f.stored()).length, 2);
  // Another delivery id is another batch, even with the same content.
  await send({ 'x-vigil-delivery-id': 'batch-2' });
  assert.equal((await f.stored()).length, 4);
  const bad = await send({ 'x-vigil-delivery-id': 'has space' });
  assert.equal(bad.statusCode, 400);
  assert.equal(
    bad.json<{ error: { details: { field: string } } }>().error.details.field,
    'headers.x-vigil-delivery-id',
  );
  assert.equal((await f.stored()).length, 4);
  await f.close();
});

test('ingest requests beyond the concurrency bound get 429 with Retry-After; slots are given back', async () => {
  // No writer: an admitted request waits for a commit that never comes, and so holds its slot.
  const f = await ingestFixture({
    writer: false,
    env: { VIGIL_INGEST_MAX_CONCURRENT_REQUESTS: '1', VIGIL_INGEST_COMMIT_TIMEOUT_MS: '300' },
  });
  const send = () =>
    f.app.inject({
      method: 'POST',
      url: URL_A,
      headers: { authorization: `Bearer ${f.tokens.a}`, 'content-type': 'application/x-ndjson' },
      payload: '{"message":"x"}',
    });
  const first = send();
  while (f.ingest.admission.inFlight === 0) await new Promise((r) => setTimeout(r, 5));
  const refused = await send();
  assert.equal(refused.statusCode, 429);
  assert.equal(refused.headers['retry-after'], '1');
  assert.equal(refused.json<{ error: { code: string } }>().error.code, 'INGEST_BUSY');
  assert.equal(f.ingest.admission.refused, 1);
  await first;
  assert.equal(f.ingest.admission.inFlight, 0);
  await f.close();
});

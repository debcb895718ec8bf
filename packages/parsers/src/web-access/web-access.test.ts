import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { sharedData } from '../../../testkit/src/shared-data.ts';
import { parseRecords } from '../parse-records.ts';
import { parseRecord } from '../parse-record.ts';
import { readField } from '../ecs/set-field.ts';
import { detectFormat } from '../detect/detect-format.ts';

const receivedAt = Date.parse('2026-11-23T12:00:00Z');

test('all 10,000 Apache combined lines parse into web events', () => {
  const text = gunzipSync(readFileSync(sharedData('logs', 'linux', 'apache-access.log.gz'))).toString('utf8');
  assert.equal(detectFormat(text.slice(0, text.indexOf('\n'))), 'web-access');
  const events = parseRecords(text, { receivedAt });
  assert.equal(events.length, 10_000);
  const statuses = new Set<unknown>();
  for (const e of events) {
    assert.equal(e.parse_error, undefined, e.message);
    assert.equal(readField(e, 'event.dataset'), 'apache.access');
    assert.deepEqual(readField(e, 'event.category'), ['web']);
    assert.equal(typeof readField(e, 'http.response.status_code'), 'number');
    assert.ok(readField(e, 'source.ip') ?? readField(e, 'source.address'));
    assert.match(e['@timestamp'], /^2015-05-(1[7-9]|20)T/);
    statuses.add(readField(e, 'http.response.status_code'));
  }
  assert.ok(statuses.has(200) && statuses.has(404));
  const first = events[0];
  assert.ok(first);
  assert.equal(first['@timestamp'], '2015-05-17T10:05:03.000Z');
  assert.equal(readField(first, 'source.ip'), '83.149.9.216');
  assert.equal(readField(first, 'http.request.method'), 'GET');
  assert.equal(
    readField(first, 'url.original'),
    '/presentations/logstash-monitorama-2013/images/kibana-search.png',
  );
  assert.equal(readField(first, 'url.extension'), 'png');
  assert.equal(readField(first, 'http.version'), '1.1');
  assert.equal(readField(first, 'http.response.status_code'), 200);
  assert.equal(readField(first, 'http.response.body.bytes'), 203023);
  assert.equal(
    readField(first, 'http.request.referrer'),
    'http://semicomplete.com/presentations/logstash-monitorama-2013/',
  );
  assert.match(String(readField(first, 'user_agent.original')), /^Mozilla\/5\.0 \(Macintosh/);
  assert.equal(readField(first, 'event.outcome'), 'success');
  assert.equal(first.raw?.['clientip'], '83.149.9.216');
});

test('common log format (no referrer/agent), user, "-" bytes and time zone offset', () => {
  const e = parseRecord('10.1.2.3 - alice [04/Mar/2024:10:30:00 +0100] "DELETE /api/x?id=7 HTTP/1.0" 403 -', {
    receivedAt,
    format: 'web-access',
  });
  assert.equal(e.parse_error, undefined);
  assert.equal(e['@timestamp'], '2024-03-04T09:30:00.000Z');
  assert.equal(readField(e, 'user.name'), 'alice');
  assert.equal(readField(e, 'url.path'), '/api/x');
  assert.equal(readField(e, 'url.query'), 'id=7');
  assert.equal(readField(e, 'http.response.body.bytes'), undefined);
  assert.equal(readField(e, 'event.outcome'), 'failure');
});

test('nginx JSON access logs map to nginx.access', () => {
  const text = readFileSync(new URL('../../fixtures/nginx-access.ndjson', import.meta.url), 'utf8');
  const [probe, api] = parseRecords(text, { receivedAt });
  assert.ok(probe && api);
  assert.equal(readField(probe, 'event.dataset'), 'nginx.access');
  assert.equal(probe['@timestamp'], '2024-03-04T10:30:00.000Z');
  assert.equal(readField(probe, 'source.ip'), '198.51.100.44');
  assert.equal(readField(probe, 'http.request.method'), 'GET');
  assert.equal(readField(probe, 'url.original'), '/admin/login.php?next=%2F');
  assert.equal(readField(probe, 'http.response.status_code'), 404);
  assert.equal(readField(probe, 'http.response.body.bytes'), 153);
  assert.match(String(readField(probe, 'user_agent.original')), /^sqlmap/);
  assert.equal(readField(probe, 'url.domain'), 'shop.example.com');
  assert.equal(readField(probe, 'event.duration'), 4_000_000);
  assert.equal(readField(api, 'source.ip'), '203.0.113.9', 'first X-Forwarded-For address');
  assert.equal(readField(api, 'user.name'), 'api');
  assert.equal(readField(api, 'http.response.status_code'), 201);
  assert.equal(readField(api, 'http.version'), '2.0');
});

test('malformed access lines are kept with the failing part named', () => {
  const noTime = parseRecord('1.2.3.4 GET /', { receivedAt, format: 'web-access' });
  assert.equal(noTime.parse_error, 'web-access: no [time] field found');
  const bad = parseRecord('1.2.3.4 - - [17/May/2015:10:05:03 +0000] "GET /" abc', {
    receivedAt,
    format: 'web-access',
  });
  assert.equal(
    bad.parse_error,
    'web-access: line does not match the common/combined format (expected: ip ident user [time] "request" status bytes)',
  );
  assert.equal(bad.message, '1.2.3.4 - - [17/May/2015:10:05:03 +0000] "GET /" abc');
});

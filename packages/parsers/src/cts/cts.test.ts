import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseRecords } from '../parse-records.ts';
import { parseRecord } from '../parse-record.ts';
import { readField } from '../ecs/set-field.ts';
import { detectFormat } from '../detect/detect-format.ts';

const receivedAt = Date.parse('2026-11-23T12:00:00Z');
const text = readFileSync(new URL('../../fixtures/cts-traces.json', import.meta.url), 'utf8');
const [login, failedLogin, deletion] = parseRecords(text, { receivedAt });

test('a CTS trace file (JSON array) splits into traces detected as cts', () => {
  assert.equal(detectFormat(text), 'cts');
  assert.ok(login && failedLogin && deletion);
  for (const e of [login, failedLogin, deletion]) {
    assert.equal(e.parse_error, undefined);
    assert.equal(readField(e, 'cloud.provider'), 'huaweicloud');
    assert.equal(readField(e, 'event.dataset'), 'huaweicloud.cts');
  }
});

test('console login trace → authentication success with user, domain, region, source', () => {
  assert.ok(login);
  assert.equal(login['@timestamp'], '2024-03-04T10:15:00.000Z');
  assert.equal(readField(login, 'event.action'), 'login');
  assert.equal(readField(login, 'event.provider'), 'IAM');
  assert.deepEqual(readField(login, 'event.category'), ['authentication']);
  assert.equal(readField(login, 'event.outcome'), 'success');
  assert.equal(readField(login, 'event.id'), '676d4ae3-842b-11ee-9299-9159eee6a3ac');
  assert.equal(readField(login, 'user.name'), 'alice');
  assert.equal(readField(login, 'user.domain'), 'acme-prod');
  assert.equal(readField(login, 'cloud.account.id'), 'f8a1c2d3e4b5467890abcdef12345678');
  assert.equal(readField(login, 'cloud.region'), 'ap-southeast-1');
  assert.equal(readField(login, 'source.ip'), '203.0.113.21');
  assert.equal(readField(login, 'event.severity'), 1);
  assert.equal(login.raw?.['trace_name'], 'login');
});

test('failed login (401, warning) and denied deletion (403, incident)', () => {
  assert.ok(failedLogin && deletion);
  assert.equal(readField(failedLogin, 'event.outcome'), 'failure');
  assert.equal(readField(failedLogin, 'http.response.status_code'), 401);
  assert.equal(readField(failedLogin, 'huaweicloud.cts.trace_rating'), 'warning');
  assert.equal(readField(deletion, 'event.action'), 'deleteBucket');
  assert.deepEqual(readField(deletion, 'event.type'), ['deletion']);
  assert.equal(readField(deletion, 'event.outcome'), 'failure');
  assert.equal(readField(deletion, 'event.severity'), 3);
  assert.equal(readField(deletion, 'huaweicloud.cts.resource.name'), 'acme-audit-logs');
  assert.equal(readField(deletion, 'user_agent.original'), 'obsutil/5.5.12');
});

test('malformed CTS input is kept with an error', () => {
  const missing = parseRecord({ trace_id: 'x', service_type: 'ECS' }, { receivedAt, format: 'cts' });
  assert.equal(missing.parse_error, 'cts: trace_name is missing');
  assert.deepEqual(missing.raw, { trace_id: 'x', service_type: 'ECS' });
  const text2 = parseRecord('[1,2]', { receivedAt, format: 'cts' });
  assert.equal(text2.parse_error, 'cts: expected a JSON object, got an array');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseRecord } from '../parse-record.ts';
import { readField } from '../ecs/set-field.ts';
import { detectFormat } from '../detect/detect-format.ts';
import { splitKv } from './split-kv.ts';

const receivedAt = Date.parse('2026-11-23T12:00:00Z');
const lines = readFileSync(new URL('../../fixtures/kv.log', import.meta.url), 'utf8')
  .trim()
  .split('\n');

test('FortiGate-style key=value: quoted values, date+time, common keys to ECS', () => {
  assert.equal(detectFormat(lines[0] ?? ''), 'kv');
  const e = parseRecord(lines[0] ?? '', { receivedAt });
  assert.equal(e.parse_error, undefined);
  assert.equal(e['@timestamp'], '2024-03-04T10:20:31.000Z');
  assert.equal(readField(e, 'event.dataset'), 'kv');
  assert.equal(readField(e, 'host.name'), 'FGT60F-HQ');
  assert.equal(readField(e, 'source.ip'), '192.168.10.14');
  assert.equal(readField(e, 'source.port'), 51123);
  assert.equal(readField(e, 'destination.ip'), '93.184.216.34');
  assert.equal(readField(e, 'destination.port'), 443);
  assert.equal(readField(e, 'network.transport'), 'tcp');
  assert.equal(readField(e, 'user.name'), 'alice');
  assert.equal(readField(e, 'event.action'), 'accept');
  assert.equal(e.raw?.['msg'], 'allowed by policy 12');
  assert.equal(e.raw?.['devid'], 'FGT60F0000000001');
});

test('single-quoted values with separators inside, and an outcome', () => {
  const e = parseRecord(lines[1] ?? '', { receivedAt, format: 'kv' });
  assert.equal(e['@timestamp'], '2024-03-04T10:21:00.000Z');
  assert.equal(e.raw?.['reason'], 'bad password, 3 attempts');
  assert.equal(readField(e, 'event.outcome'), 'failure');
  assert.equal(readField(e, 'user.name'), 'bob');
});

test('splitKv handles escapes and free words', () => {
  assert.deepEqual(splitKv('a=1 free b="x \\"y\\"" c=\'z\'').pairs, { a: '1', b: 'x "y"', c: 'z' });
});

test('malformed key=value input keeps the line with the failing part named', () => {
  const open = parseRecord('user=bob msg="never closed', { receivedAt, format: 'kv' });
  assert.equal(open.parse_error, 'kv: unterminated quote in value of "msg" at offset 13');
  assert.equal(open.message, 'user=bob msg="never closed');
  assert.deepEqual(open.raw, { user: 'bob' });
  const none = parseRecord('just words here', { receivedAt, format: 'kv' });
  assert.equal(none.parse_error, 'kv: no key=value pairs found');
});

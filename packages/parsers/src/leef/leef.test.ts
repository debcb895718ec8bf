import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseRecord } from '../parse-record.ts';
import { readField } from '../ecs/set-field.ts';
import { detectFormat } from '../detect/detect-format.ts';

const receivedAt = Date.parse('2026-11-23T12:00:00Z');
const lines = readFileSync(new URL('../../fixtures/leef.log', import.meta.url), 'utf8')
  .trim()
  .split('\n');
const parse = (i: number) => parseRecord(lines[i] ?? '', { receivedAt });

test('LEEF 1.0 with tab-separated attributes and devTime', () => {
  assert.equal(detectFormat(lines[0] ?? ''), 'leef');
  const e = parse(0);
  assert.equal(e.parse_error, undefined);
  assert.equal(readField(e, 'event.dataset'), 'leef');
  assert.equal(readField(e, 'observer.vendor'), 'Microsoft');
  assert.equal(readField(e, 'observer.version'), '4.0 SP1');
  assert.equal(readField(e, 'event.code'), '15345');
  assert.equal(readField(e, 'source.ip'), '192.0.2.0');
  assert.equal(readField(e, 'destination.port'), 21);
  assert.equal(readField(e, 'user.name'), 'joe.black');
  assert.equal(readField(e, 'event.severity'), 5);
  assert.equal(e['@timestamp'], '2024-03-04T10:15:00.000Z');
  assert.equal(e.raw?.['cat'], 'anomaly');
});

test('LEEF 2.0 with a custom delimiter character and with a hex delimiter', () => {
  const caret = parse(1);
  assert.equal(caret.raw?.['delimiter'], '^');
  assert.equal(readField(caret, 'user.name'), 'alice');
  assert.equal(readField(caret, 'source.port'), 81);
  assert.equal(readField(caret, 'network.transport'), 'tcp');
  const hex = parse(2);
  assert.equal(hex.raw?.['delimiter'], '\t');
  assert.equal(readField(hex, 'user.name'), 'carol');
  assert.equal(readField(hex, 'event.action'), 'login');
});

test('LEEF inside syslog', () => {
  const e = parse(3);
  assert.equal(e.parse_error, undefined);
  assert.equal(readField(e, 'host.name'), 'qradar-src');
  assert.equal(readField(e, 'observer.product'), 'Guardium');
  assert.equal(readField(e, 'user.name'), 'dbadmin');
  assert.equal(readField(e, 'event.severity'), 7);
});

test('malformed LEEF keeps the line with the failing part named', () => {
  assert.equal(
    parseRecord('LEEF:1.0|IBM|QRadar', { receivedAt }).parse_error,
    'leef: header has 3 of 5 fields',
  );
  assert.equal(
    parseRecord('LEEF:2.0|V|P|1|id|xZZ|a=b', { receivedAt }).parse_error,
    'leef: invalid delimiter "xZZ" in header field 6',
  );
  assert.equal(
    parseRecord('nothing', { receivedAt, format: 'leef' }).parse_error,
    'leef: no "LEEF:" marker in the line',
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendField, readField, setField } from './set-field.ts';
import { toIsoTime } from './to-iso-time.ts';
import { baseName, isIp, toInt, transportName } from './values.ts';

test('setField builds nested objects and skips empty values', () => {
  const doc: Record<string, unknown> = {};
  setField(doc, 'process.parent.name', 'explorer.exe');
  setField(doc, 'process.name', 'cmd.exe');
  setField(doc, 'user.name', '-');
  setField(doc, 'user.id', '');
  setField(doc, 'source.port', Number.NaN);
  assert.deepEqual(doc, { process: { parent: { name: 'explorer.exe' }, name: 'cmd.exe' } });
  appendField(doc, 'related.user', 'a');
  appendField(doc, 'related.user', 'a');
  appendField(doc, 'related.user', 'b');
  assert.deepEqual(readField(doc, 'related.user'), ['a', 'b']);
});

test('toIsoTime handles the log time formats', () => {
  assert.equal(toIsoTime('2020-10-19 03:30:41.104'), '2020-10-19T03:30:41.104Z');
  assert.equal(toIsoTime('2025-11-27T07:40:10.165324Z'), '2025-11-27T07:40:10.165Z');
  assert.equal(toIsoTime('17/May/2015:10:05:03 +0200'), '2015-05-17T08:05:03.000Z');
  assert.equal(toIsoTime(1709547300000), '2024-03-04T10:15:00.000Z');
  assert.equal(toIsoTime('1709547300'), '2024-03-04T10:15:00.000Z');
  assert.equal(toIsoTime('2024-03-04T10:30:00+00:00'), '2024-03-04T10:30:00.000Z');
  assert.equal(toIsoTime('not a time'), undefined);
  assert.equal(toIsoTime({}), undefined);
});

test('value helpers', () => {
  assert.ok(isIp('10.0.0.1') && isIp('::1') && isIp('0:0:0:0:0:0:0:1') && isIp('2001:db8::5'));
  assert.ok(!isIp('AWS Internal') && !isIp('256.1.1.1') && !isIp('host:80') && !isIp('1::2::3'));
  assert.equal(toInt('0x988'), 2440);
  assert.equal(toInt('42'), 42);
  assert.equal(toInt('4.2'), undefined);
  assert.equal(baseName('C:\\Windows\\cmd.exe'), 'cmd.exe');
  assert.equal(baseName('/usr/bin/id'), 'id');
  assert.equal(transportName('6'), 'tcp');
  assert.equal(transportName('UDP'), 'udp');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldValue, formatCell } from './event-field.ts';

test('reads nested, flat and mixed dotted fields', () => {
  assert.equal(fieldValue({ host: { name: 'web-1' } }, 'host.name'), 'web-1');
  assert.equal(fieldValue({ 'host.name': 'web-2' }, 'host.name'), 'web-2');
  assert.equal(fieldValue({ event: { 'code.x': 4 } }, 'event.code.x'), 4);
  assert.equal(fieldValue({ '@timestamp': 't' }, '@timestamp'), 't');
  assert.equal(fieldValue({ host: 'x' }, 'host.name'), undefined);
  assert.equal(fieldValue(null, 'a'), undefined);
});

test('formats cells', () => {
  assert.equal(formatCell(undefined), '');
  assert.equal(formatCell(3), '3');
  assert.equal(formatCell(['a', 'b']), 'a, b');
  assert.equal(formatCell({ a: 1 }), '{"a":1}');
});

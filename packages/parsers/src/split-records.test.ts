import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitRecords } from './split-records.ts';

test('text formats split into non-empty lines, CRLF tolerated', () => {
  assert.deepEqual(splitRecords('a=1\r\n\r\nb=2\n  \nc=3', 'kv'), ['a=1', 'b=2', 'c=3']);
  assert.deepEqual(splitRecords('<13>Feb  5 17:32:18 h a: x\n<13>Feb  5 17:32:19 h a: y\n'), [
    '<13>Feb  5 17:32:18 h a: x',
    '<13>Feb  5 17:32:19 h a: y',
  ]);
});

test('JSON text: arrays and CloudTrail files are unwrapped one level; scalars stay text', () => {
  const records = splitRecords('{"Records":[{"eventName":"A"},{"eventName":"B"}]}\n[{"x":1},[2],3]');
  assert.deepEqual(records, [{ eventName: 'A' }, { eventName: 'B' }, { x: 1 }, '[2]', '3']);
});

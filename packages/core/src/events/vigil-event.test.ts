import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getField } from './vigil-event.ts';

test('getField reads nested, flat-dotted and mixed paths', () => {
  const doc = {
    process: { name: 'cmd.exe', parent: { name: 'explorer.exe' } },
    'event.code': '4688',
    host: { 'os.type': 'windows' },
  };
  assert.equal(getField(doc, 'process.name'), 'cmd.exe');
  assert.equal(getField(doc, 'process.parent.name'), 'explorer.exe');
  assert.equal(getField(doc, 'event.code'), '4688');
  assert.equal(getField(doc, 'host.os.type'), 'windows');
  assert.equal(getField(doc, 'process.missing'), undefined);
  assert.equal(getField(doc, 'process.name.deeper'), undefined);
});

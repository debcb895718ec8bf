import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queryValue, topValues, withFilter } from './top-values.ts';

const events = [
  {
    '@timestamp': 't1',
    host: { name: 'web1' },
    event: { category: ['authentication'], outcome: 'failure' },
    vigil: { id: 'a' },
  },
  {
    '@timestamp': 't2',
    host: { name: 'web1' },
    event: { category: ['authentication'], outcome: 'success' },
    vigil: { id: 'b' },
  },
  {
    '@timestamp': 't3',
    host: { name: 'db1' },
    event: { category: ['authentication', 'iam'], outcome: 'failure' },
    vigil: { id: 'c' },
  },
];

test('fields most events have, with their most frequent values first', () => {
  const summary = topValues(events);
  const host = summary.find((f) => f.field === 'host.name');
  assert.deepEqual(host, {
    field: 'host.name',
    present: 3,
    values: [
      { value: 'web1', count: 2 },
      { value: 'db1', count: 1 },
    ],
  });
  const category = summary.find((f) => f.field === 'event.category');
  assert.deepEqual(category?.values[0], { value: 'authentication', count: 3 });
  // Unique per event (ids, timestamps) says nothing.
  assert.equal(
    summary.find((f) => f.field === 'vigil.id'),
    undefined,
  );
  assert.equal(
    summary.find((f) => f.field === '@timestamp'),
    undefined,
  );
  // Among fields every event has, one that tells them apart (b) comes before a constant one (a).
  const spread = [0, 1, 2, 3].map((i) => ({ a: 'same', b: `v${i % 2}` }));
  assert.deepEqual(
    topValues(spread).map((f) => f.field),
    ['b', 'a'],
  );

  // From five events on, a field whose every value differs is left out.
  const many = Array.from({ length: 6 }, (_, i) => ({ host: { name: 'h' }, request: { id: `r${i}` } }));
  assert.deepEqual(
    topValues(many).map((f) => f.field),
    ['host.name'],
  );
});

test('a clicked value narrows the search part of the query, exactly', () => {
  assert.equal(withFilter('*', 'host.name', 'web1'), 'host.name:"web1"');
  assert.equal(withFilter('', 'event.code', 4625), 'event.code:4625');
  assert.equal(
    withFilter('error OR warn | head 5', 'host.name', 'web1'),
    '(error OR warn) AND host.name:"web1" | head 5',
  );
  assert.equal(queryValue('C:\\temp\\*.exe "x"?'), '"C:\\\\temp\\\\\\*.exe \\"x\\"\\?"');
  assert.equal(queryValue(true), 'true');
});

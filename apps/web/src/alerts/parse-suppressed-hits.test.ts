import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSuppressedHits } from './parse-suppressed-hits.ts';

test('counts and recent hits are read; rows without their rule are dropped', () => {
  const parsed = parseSuppressedHits({
    counts: [
      { ruleId: 'r1', suppressed: 3, excepted: 1, by: { s1: 3, x1: 'many' }, lastAt: 5 },
      { suppressed: 2 },
    ],
    recent: [
      { ruleId: 'r1', kind: 'excepted', by: 'x1', at: 5, eventIds: ['e1', 7] },
      { ruleId: 'r1', kind: 'odd', by: 's1', at: 'later' },
      { ruleId: 'r2', at: 1 },
    ],
  });
  assert.deepEqual(parsed.counts, [
    { ruleId: 'r1', suppressed: 3, excepted: 1, by: { s1: 3, x1: 0 }, lastAt: 5 },
  ]);
  assert.deepEqual(parsed.recent, [
    { ruleId: 'r1', kind: 'excepted', by: 'x1', at: 5, eventIds: ['e1'] },
    { ruleId: 'r1', kind: 'suppressed', by: 's1', at: 0, eventIds: [] },
  ]);
  assert.deepEqual(parseSuppressedHits(null), { counts: [], recent: [] });
});

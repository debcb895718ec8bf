import assert from 'node:assert/strict';
import { test } from 'node:test';
import { barsOf, histogramQuery, histogramSpan, MAX_BARS, pipeIndex } from './histogram.ts';

test('the span keeps the bars under the maximum, and is as short as possible', () => {
  const hour = 3_600_000;
  assert.deepEqual(histogramSpan(0, hour), { span: '1m', ms: 60_000 });
  assert.equal(histogramSpan(0, 24 * hour).span, '30m');
  assert.equal(histogramSpan(0, 7 * 24 * hour).span, '3h');
  assert.equal(histogramSpan(0, 30 * 24 * hour).span, '6h');
  for (const range of [1, 59_999, hour, 2 * hour + 1, 400 * 24 * hour]) {
    const { ms } = histogramSpan(0, range);
    assert.ok(range / ms <= MAX_BARS || ms === 2_592_000_000, String(range));
  }
});

test('the histogram counts the search part of the query only', () => {
  assert.equal(histogramQuery('', '1h'), '* | timechart span=1h count()');
  assert.equal(histogramQuery('host.name:web1 | head 5', '5m'), 'host.name:web1 | timechart span=5m count()');
  assert.equal(
    histogramQuery('message:"a | b" | stats count()', '1d'),
    'message:"a | b" | timechart span=1d count()',
  );
  assert.equal(pipeIndex('a\\|b | c'), 5);
});

test('timechart rows become bars; malformed rows are skipped', () => {
  assert.deepEqual(
    barsOf([
      { '@timestamp': '2026-03-01T00:00:00.000Z', 'count()': 3 },
      { '@timestamp': 'nope', 'count()': 1 },
      { '@timestamp': '2026-03-01T01:00:00.000Z', 'count()': null },
    ]),
    [{ at: Date.parse('2026-03-01T00:00:00Z'), count: 3 }],
  );
});

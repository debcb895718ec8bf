import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatBytes, formatLag, parseSources } from './sources-api.ts';

test('rows are parsed tolerantly and ordered by data space and source', () => {
  const rows = parseSources({
    sources: [
      {
        dataSpace: 'default',
        source: 'syslog:udp',
        received: 5,
        parsed: 4,
        failed: 1,
        dropped: 2,
        bytes: 10,
        lagMs: 3,
        lagMaxMs: 9,
        lastReceivedAt: '2026-03-01T00:00:00.000Z',
      },
      { dataSpace: 'default', source: 'http:shipper', received: 'x', lastReceivedAt: null },
      7,
    ],
  });
  assert.deepEqual(
    rows.map((r) => r.source),
    ['http:shipper', 'syslog:udp'],
  );
  assert.equal(rows[0]?.received, 0);
  assert.equal(rows[0]?.lastReceivedAt, undefined);
  assert.equal(rows[1]?.dropped, 2);
  assert.deepEqual(parseSources(null), []);
});

test('bytes and lags read well', () => {
  assert.equal(formatBytes(512), '512 B');
  assert.equal(formatBytes(1536), '1.5 KiB');
  assert.equal(formatBytes(5 * 1024 * 1024), '5.0 MiB');
  assert.equal(formatLag(250), '250 ms');
  assert.equal(formatLag(1500), '1.5 s');
  assert.equal(formatLag(120_000), '2 min');
  assert.equal(formatLag(5_400_000), '1.5 h');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  formatBytes,
  formatLag,
  parseRefusals,
  parseSourceRefusals,
  parseSources,
  refusalReasonText,
} from './sources-api.ts';

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

test('syslog refusals are parsed, ordered by listener and reason, and explained', () => {
  const refusals = parseRefusals({
    syslogRefusals: [
      { listener: 'udp', reason: 'unauthenticated', count: 3, bytes: 90 },
      { listener: 'tcp', reason: 'invalid_token', count: 'x' },
      'junk',
    ],
  });
  assert.deepEqual(
    refusals.map((r) => [r.listener, r.reason, r.count]),
    [
      ['tcp', 'invalid_token', 0],
      ['udp', 'unauthenticated', 3],
    ],
  );
  assert.deepEqual(parseRefusals({ sources: [] }), []);
  assert.match(refusalReasonText('invalid_token'), /revoked/);
  assert.equal(refusalReasonText('something_new'), 'something_new');
});

test('refusals attributed to sources keep their source and are ordered by it', () => {
  const rows = parseSourceRefusals({
    syslogRefusalsBySource: [
      { source: 'syslog-udp:shipper', listener: 'udp', reason: 'invalid_token', count: 2, bytes: 40 },
      { source: 'syslog-tcp:fw', listener: 'tcp', reason: 'invalid_token', count: 1, bytes: 20 },
    ],
  });
  assert.deepEqual(
    rows.map((r) => [r.source, r.count]),
    [
      ['syslog-tcp:fw', 1],
      ['syslog-udp:shipper', 2],
    ],
  );
  assert.deepEqual(parseSourceRefusals({}), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isVigilError } from '@vigil/core';
import { parseQuery } from '../parse/parse-query.ts';
import { executePlan } from './execute-plan.ts';
import type { ExecuteOptions } from './execute-plan.ts';
import { fixtureEvents } from '../testing/fixture-events.ts';
import type { Row } from '../match/compile-expr.ts';

const NOW = Date.parse('2026-03-01T12:40:00Z');

function run(
  q: string,
  options: ExecuteOptions = { now: NOW },
  events: readonly Row[] = fixtureEvents,
): Row[] {
  const r = parseQuery(q);
  assert.deepEqual(r.problems, [], `${q} should parse`);
  assert.ok(r.plan);
  return executePlan(r.plan, events, options);
}

/** Ids of the matching fixture events, in fixture order. */
function ids(q: string): string[] {
  return run(q).map((e) => (e['vigil'] as { id: string }).id);
}

test('equality is case-insensitive and works on array fields', () => {
  assert.deepEqual(ids('process.name:powershell.exe'), ['win-2', 'win-3']);
  assert.deepEqual(ids('user.name:ALICE'), ['win-1', 'win-2', 'ssh-4']);
  assert.deepEqual(ids('event.type:creation'), ['ct-2']);
  assert.deepEqual(ids('event.category:(iam OR web)'), ['web-1', 'web-2', 'web-3', 'ct-2']);
  assert.deepEqual(ids('raw.eventName:consolelogin'), ['ct-1']);
});

test('a number equals its canonical string form, both ways', () => {
  assert.deepEqual(ids('event.code:4688'), ['win-1', 'win-3']);
  assert.deepEqual(ids('event.code:"4688"'), ['win-1', 'win-3']);
  assert.deepEqual(ids('raw.EventID:4688'), ['win-1', 'win-3']);
  assert.deepEqual(ids('event.code:04688'), []);
  assert.deepEqual(ids('http.response.status_code:404'), ['web-2']);
  assert.deepEqual(ids('http.response.bytes:(2048 OR 153)'), ['web-2', 'web-3']);
});

test('wildcards match whole values, case-insensitively, numbers through their text', () => {
  assert.deepEqual(ids('process.name:power*'), ['win-2', 'win-3']);
  assert.deepEqual(ids('process.command_line:"*-enc *"'), ['win-2']);
  assert.deepEqual(ids('host.name:ws-0?'), ['win-1', 'win-2', 'win-3']);
  assert.deepEqual(ids('event.code:46*'), ['win-1', 'win-3']);
  assert.deepEqual(ids('raw.Image:"*\\powershell.exe"'), ['win-2']);
  assert.deepEqual(ids('process.name:*shell'), []);
});

test('CIDR matches IPv4, IPv6 (any spelling) and IPv4-mapped addresses', () => {
  assert.deepEqual(ids('source.ip:203.0.113.0/24'), ['ssh-1', 'ssh-2']);
  assert.deepEqual(ids('source.ip:2001:db8::/32'), ['ssh-3']);
  assert.deepEqual(ids('source.ip:2001:db8::42/128'), ['ssh-3']);
  assert.deepEqual(ids('source.ip:10.0.0.0/8'), ['ssh-4', 'web-3']);
  assert.deepEqual(ids('NOT source.ip:10.0.0.0/8 AND source.ip:*'), [
    'ssh-1',
    'ssh-2',
    'ssh-3',
    'web-1',
    'web-2',
    'ct-1',
    'ct-2',
  ]);
  assert.deepEqual(ids('host.name:10.0.0.0/8'), []);
});

test('free text searches message and every raw string, case-insensitively', () => {
  assert.deepEqual(ids('failed'), ['ssh-1', 'ssh-2', 'ssh-3', 'ct-1']);
  assert.deepEqual(ids('"invalid user"'), ['ssh-2']);
  assert.deepEqual(ids('backdoor'), ['ct-2']);
  assert.deepEqual(ids('CMD.EXE'), ['win-1', 'win-2']);
  assert.deepEqual(ids('pass*word'), ['ssh-1', 'ssh-2', 'ssh-3']);
  assert.deepEqual(ids('failed root'), ['ssh-1', 'ssh-3']);
  assert.deepEqual(ids('sqlmap OR curl'), ['web-1', 'web-2']);
  // Free text does not look at normalised fields: user.target.name is "backdoor" but not raw.
  assert.deepEqual(ids('mallory'), ['ct-1', 'ct-2']);
});

test('missing fields: only NOT and exists see them', () => {
  assert.deepEqual(ids('NOT user.name:*'), ['web-1', 'web-2', 'web-3']);
  assert.deepEqual(ids('-process.name:sshd'), [
    'win-1',
    'win-2',
    'win-3',
    'web-1',
    'web-2',
    'web-3',
    'ct-1',
    'ct-2',
  ]);
  assert.equal(ids('user.name:*').length, 9);
  assert.deepEqual(ids('nope.field:x'), []);
  assert.deepEqual(ids('http.response.bytes < 1000000 process.pid > 0'), []);
});

test('comparisons and ranges: numbers (and numeric strings), times, relative times, strings', () => {
  assert.deepEqual(ids('http.response.bytes > 500'), ['web-1', 'web-3']);
  assert.deepEqual(ids('http.response.bytes:[100 TO 512}'), ['web-2']);
  assert.deepEqual(ids('http.response.bytes:[100 TO 512]'), ['web-1', 'web-2']);
  assert.deepEqual(ids('http.response.bytes:{153 TO *]'), ['web-1', 'web-3']);
  assert.deepEqual(ids('@timestamp >= "2026-03-01T11:00:00Z"'), ['win-3', 'ssh-4', 'web-3', 'ct-1', 'ct-2']);
  assert.deepEqual(ids('@timestamp >= 2026-03-01T13:00:00+02:00'), [
    'win-3',
    'ssh-4',
    'web-3',
    'ct-1',
    'ct-2',
  ]);
  assert.deepEqual(ids('@timestamp > now-1h'), ['web-3', 'ct-1', 'ct-2']);
  assert.deepEqual(ids('@timestamp:[2026-03-01T10:00 TO 2026-03-01T10:05]'), ['win-1', 'ssh-1', 'ssh-2']);
  assert.deepEqual(ids('@timestamp:[2026-03-01T10:00 TO 2026-03-01T10:05}'), ['ssh-1', 'ssh-2']);
  // Strings compare by code units: "Mallory" < "m" <= "root".
  assert.deepEqual(ids('user.name >= m'), ['ssh-1', 'ssh-3']);
  assert.deepEqual(ids('event.code >= 4000'), ['win-1', 'win-3']);
});

test('boolean values and booleans-as-text', () => {
  const rows = [{ flag: true }, { flag: false }, { flag: 'TRUE' }, { flag: 1 }];
  assert.deepEqual(run('flag:true', {}, rows), [{ flag: true }, { flag: 'TRUE' }]);
  assert.deepEqual(run('flag:FALSE', {}, rows), [{ flag: false }]);
  assert.deepEqual(run('flag:1', {}, rows), [{ flag: 1 }]);
});

test('stats: counts, distinct counts and group order', () => {
  assert.deepEqual(
    run(
      'event.category:authentication event.outcome:failure | stats count() as failures, dc(user.name) by source.ip | sort -failures',
    ),
    [
      { 'source.ip': '203.0.113.5', failures: 2, 'dc(user.name)': 2 },
      { 'source.ip': '192.0.2.10', failures: 1, 'dc(user.name)': 1 },
      { 'source.ip': '2001:0db8:0000:0000:0000:0000:0000:0042', failures: 1, 'dc(user.name)': 1 },
    ],
  );
  // Groups sort ascending by value; a missing by-field groups under null, last.
  assert.deepEqual(run('| stats count() by host.name'), [
    { 'host.name': 'srv-01', 'count()': 4 },
    { 'host.name': 'web-01', 'count()': 3 },
    { 'host.name': 'ws-01', 'count()': 2 },
    { 'host.name': 'ws-02', 'count()': 1 },
    { 'host.name': null, 'count()': 2 },
  ]);
  // Distinct counting is exact: "alice" and "Alice" are two values.
  assert.deepEqual(run('event.category:process | stats dc(user.name), count(user.domain)'), [
    { 'dc(user.name)': 3, 'count(user.domain)': 2 },
  ]);
  // An array field puts the row in one group per element.
  assert.deepEqual(run('| stats count() by event.category'), [
    { 'event.category': 'authentication', 'count()': 5 },
    { 'event.category': 'iam', 'count()': 1 },
    { 'event.category': 'process', 'count()': 3 },
    { 'event.category': 'web', 'count()': 3 },
  ]);
  assert.deepEqual(run('event.category:process | stats count() by host.name, user.name'), [
    { 'host.name': 'ws-01', 'user.name': 'Alice', 'count()': 1 },
    { 'host.name': 'ws-01', 'user.name': 'alice', 'count()': 1 },
    { 'host.name': 'ws-02', 'user.name': 'bob', 'count()': 1 },
  ]);
});

test('stats: sum, avg, min, max over numbers and numeric strings; strings for min/max otherwise', () => {
  assert.deepEqual(
    run(
      'event.category:web | stats sum(http.response.bytes) as total, avg(http.response.bytes) as mean, min(http.response.status_code), max(http.response.status_code), count()',
    ),
    [
      {
        total: 2713,
        mean: 2713 / 3,
        'min(http.response.status_code)': 200,
        'max(http.response.status_code)': 500,
        'count()': 3,
      },
    ],
  );
  assert.deepEqual(run('| stats min(@timestamp), max(@timestamp)'), [
    { 'min(@timestamp)': '2026-03-01T10:01:00.000Z', 'max(@timestamp)': '2026-03-01T12:30:00.000Z' },
  ]);
  // No input rows: one row, counts 0 and the rest null.
  assert.deepEqual(run('user.name:nobody | stats sum(x), avg(x), min(x), dc(x), count()'), [
    { 'sum(x)': null, 'avg(x)': null, 'min(x)': null, 'dc(x)': 0, 'count()': 0 },
  ]);
  assert.deepEqual(run('user.name:nobody | stats count() by host.name'), []);
});

test('where after stats filters the aggregated rows', () => {
  assert.deepEqual(run('| stats count() by host.name | where count() >= 3'), [
    { 'host.name': 'srv-01', 'count()': 4 },
    { 'host.name': 'web-01', 'count()': 3 },
  ]);
  assert.deepEqual(run('| stats count() as n by host.name | where n:2 AND NOT host.name:*'), [
    { 'host.name': null, n: 2 },
  ]);
  // The three web events have no user: their null group has the most rows.
  assert.deepEqual(
    run('| stats count() as n by user.name | where n > 1 | sort -n | head 3 | fields user.name'),
    [{ 'user.name': null }, { 'user.name': 'Mallory' }, { 'user.name': 'alice' }],
  );
  assert.deepEqual(run('user.name:* | stats count() as n by user.name | where n > 1 AND user.name:r*'), [
    { 'user.name': 'root', n: 2 },
  ]);
});

test('timechart: UTC buckets, optional series, gaps filled with zeros', () => {
  assert.deepEqual(run('event.category:authentication | timechart span=1h count()'), [
    { '@timestamp': '2026-03-01T10:00:00.000Z', 'count()': 3 },
    { '@timestamp': '2026-03-01T11:00:00.000Z', 'count()': 1 },
    { '@timestamp': '2026-03-01T12:00:00.000Z', 'count()': 1 },
  ]);
  assert.deepEqual(run('event.category:(process OR web) | timechart span=1h count() by event.category'), [
    { '@timestamp': '2026-03-01T10:00:00.000Z', 'event.category': 'process', 'count()': 2 },
    { '@timestamp': '2026-03-01T10:00:00.000Z', 'event.category': 'web', 'count()': 2 },
    { '@timestamp': '2026-03-01T11:00:00.000Z', 'event.category': 'process', 'count()': 1 },
    { '@timestamp': '2026-03-01T11:00:00.000Z', 'event.category': 'web', 'count()': 1 },
  ]);
  assert.deepEqual(
    run(
      'host.name:ws-01 OR user.name:mallory | timechart span=1h count() as n, max(process.pid) by host.name',
    ),
    [
      { '@timestamp': '2026-03-01T10:00:00.000Z', 'host.name': 'ws-01', n: 2, 'max(process.pid)': 5200 },
      { '@timestamp': '2026-03-01T10:00:00.000Z', 'host.name': null, n: 0, 'max(process.pid)': null },
      { '@timestamp': '2026-03-01T11:00:00.000Z', 'host.name': 'ws-01', n: 0, 'max(process.pid)': null },
      { '@timestamp': '2026-03-01T11:00:00.000Z', 'host.name': null, n: 0, 'max(process.pid)': null },
      { '@timestamp': '2026-03-01T12:00:00.000Z', 'host.name': 'ws-01', n: 0, 'max(process.pid)': null },
      { '@timestamp': '2026-03-01T12:00:00.000Z', 'host.name': null, n: 2, 'max(process.pid)': null },
    ],
  );
  // A time range given by the caller fixes the buckets, empty ones included.
  const range = {
    now: NOW,
    from: Date.parse('2026-03-01T09:00:00Z'),
    to: Date.parse('2026-03-01T13:00:00Z'),
  };
  assert.deepEqual(
    run('event.category:iam | timechart span=1h count()', range).map((r) => [r['@timestamp'], r['count()']]),
    [
      ['2026-03-01T09:00:00.000Z', 0],
      ['2026-03-01T10:00:00.000Z', 0],
      ['2026-03-01T11:00:00.000Z', 0],
      ['2026-03-01T12:00:00.000Z', 1],
    ],
  );
  assert.deepEqual(run('event.category:nothing | timechart span=1d count()'), []);
  assert.equal(run('| timechart span=30m count()').length, 6);
  // Stages chain: the busiest hour.
  assert.deepEqual(run('| timechart span=1h count() | stats max(count()) as peak, sum(count())'), [
    { peak: 7, 'sum(count())': 12 },
  ]);
  // Rows without a valid @timestamp cannot be placed in a bucket and are skipped.
  assert.deepEqual(
    run('| timechart span=1h count()', {}, [
      { a: 1 },
      { '@timestamp': 'garbage' },
      { '@timestamp': '2026-01-01T00:30:00' },
    ]),
    [{ '@timestamp': '2026-01-01T00:00:00.000Z', 'count()': 1 }],
  );
});

test('timechart refuses more buckets than the limit', () => {
  const day = { now: NOW, from: Date.parse('2026-03-01T00:00:00Z'), to: Date.parse('2026-03-02T00:00:00Z') };
  assert.throws(
    () => run('| timechart span=1s count()', day),
    (e: unknown) => isVigilError(e) && e.code === 'QUERY_TOO_MANY_BUCKETS' && e.kind === 'user',
  );
  assert.equal(run('| timechart span=10s count()', day).length, 8640);
});

test('sort: stable, multi-key, missing values last in both directions', () => {
  assert.deepEqual(
    run('| sort user.name | fields user.name').map((r) => r['user.name']),
    ['Alice', 'Mallory', 'Mallory', 'admin', 'alice', 'alice', 'bob', 'root', 'root', null, null, null],
  );
  assert.deepEqual(
    run('| sort user.name desc | fields user.name').map((r) => r['user.name']),
    ['root', 'root', 'bob', 'alice', 'alice', 'admin', 'Mallory', 'Mallory', 'Alice', null, null, null],
  );
  assert.deepEqual(
    run('event.category:authentication | sort user.name, -@timestamp | fields vigil.id').map(
      (r) => r['vigil.id'],
    ),
    ['ct-1', 'ssh-2', 'ssh-4', 'ssh-3', 'ssh-1'],
  );
  assert.deepEqual(run('event.category:web | sort -http.response.status_code | fields url.path'), [
    { 'url.path': '/api/v1/search' },
    { 'url.path': '/wp-admin' },
    { 'url.path': '/login' },
  ]);
  // Numbers sort before strings: "2048" is text.
  assert.deepEqual(
    run('event.category:web | sort http.response.bytes | fields http.response.bytes').map(
      (r) => r['http.response.bytes'],
    ),
    [153, 512, '2048'],
  );
});

test('head and fields', () => {
  assert.deepEqual(run('| sort @timestamp | head 3 | fields vigil.id, nope'), [
    { 'vigil.id': 'ssh-1', nope: null },
    { 'vigil.id': 'ssh-2', nope: null },
    { 'vigil.id': 'win-1', nope: null },
  ]);
  assert.equal(run('| head 100').length, 12);
  const [row] = run('vigil.id:win-1 | fields - raw, process.parent, vigil, nope.x');
  assert.ok(row);
  assert.deepEqual(Object.keys(row).sort(), ['@timestamp', 'event', 'host', 'process', 'user']);
  assert.deepEqual(row['process'], {
    name: 'cmd.exe',
    pid: 4120,
    command_line: 'cmd.exe /c whoami',
    executable: 'C:\\Windows\\System32\\cmd.exe',
  });
  // The input events are not modified.
  assert.ok((fixtureEvents[0]?.['process'] as Record<string, unknown>)['parent']);
  // Flat dotted keys work too.
  assert.deepEqual(run('| fields - a.b', {}, [{ 'a.b': 1, c: 2 }]), [{ c: 2 }]);
});

test('where on events and flat dotted keys', () => {
  assert.deepEqual(ids('* | where source.ip:10.0.0.0/8'), ['ssh-4', 'web-3']);
  assert.deepEqual(
    run('event.code:4688', {}, [{ 'event.code': 4688 }, { event: { code: '4688' } }, { 'event.code': 1 }]),
    [{ 'event.code': 4688 }, { event: { code: '4688' } }],
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isTrailFileName, readTrailFile, trailFileKey } from './trail-file.ts';

const CLOUDTRAIL = {
  eventVersion: '1.08',
  eventTime: '2023-07-10T11:42:36Z',
  eventSource: 's3.amazonaws.com',
  eventName: 'GetObject',
  awsRegion: 'us-east-1',
};
const CTS = {
  trace_id: '676d4ae3-842b-11ee-9299-9159eee6a3ac',
  trace_name: 'login',
  trace_type: 'ConsoleAction',
  service_type: 'IAM',
  resource_type: 'user',
  time: 1709547300000,
  user: { name: 'alice' },
};

test('trace files are .json and .json.gz', () => {
  assert.ok(isTrailFileName('a/b/123_CloudTrail_us-east-1_x.json.gz'));
  assert.ok(isTrailFileName('trace.JSON'));
  assert.ok(!isTrailFileName('notes.txt'));
  assert.ok(!isTrailFileName('x.json.gz.tmp'));
});

test('CloudTrail {"Records":[…]}, CTS arrays and one-trace-per-line files give their records', () => {
  const ct = readTrailFile(JSON.stringify({ Records: [CLOUDTRAIL, CLOUDTRAIL] }));
  assert.ok(ct.ok);
  assert.deepEqual(ct.formats, ['cloudtrail', 'cloudtrail']);
  const cts = readTrailFile(JSON.stringify([CTS]));
  assert.ok(cts.ok, JSON.stringify(cts));
  assert.deepEqual(cts.formats, ['cts']);
  const lines = readTrailFile(`${JSON.stringify(CTS)}\n${JSON.stringify(CTS)}\n`);
  assert.ok(lines.ok);
  assert.equal(lines.records.length, 2);
});

test('broken JSON, other logs and empty files refuse the whole file', () => {
  assert.match(readTrailFile('{"Records":[{"eventName":').ok ? '' : 'refused', /refused/);
  const other = readTrailFile('{"message":"hello"}');
  assert.equal(other.ok, false);
  assert.match(other.ok ? '' : other.error, /not a CloudTrail record or a CTS trace/);
  assert.equal(readTrailFile('[]').ok, false);
  assert.equal(readTrailFile('[1,2]').ok, false);
});

test('the file key changes with size and mtime', () => {
  const a = trailFileKey({ path: 'x.json', size: 1, mtimeMs: 10.5 });
  assert.equal(a, trailFileKey({ path: 'x.json', size: 1, mtimeMs: 10.9 }));
  assert.notEqual(a, trailFileKey({ path: 'x.json', size: 2, mtimeMs: 10 }));
  assert.notEqual(a, trailFileKey({ path: 'x.json', size: 1, mtimeMs: 11 }));
});

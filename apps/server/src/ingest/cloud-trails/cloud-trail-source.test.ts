import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { silentLogger } from '@vigil/core';
import { loadConfig } from '@vigil/config';
import { ingestFixture, type IngestFixture } from '../testing/ingest-fixture.ts';
import { CloudTrailSource, TRAIL_LEDGER_KIND, type ProcessedTrailFile } from './cloud-trail-source.ts';
import { startCloudTrailSource } from './start-cloud-trail-source.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');

function sourceFor(f: IngestFixture, directory: string, maxFileBytes = 10_485_760): CloudTrailSource {
  return new CloudTrailSource({
    directory,
    workspace: 'ws-a',
    dataSpace: 'default',
    maxFileBytes,
    pipeline: f.ingest.pipeline,
    ledger: f.storage.metadata.repository<ProcessedTrailFile>(TRAIL_LEDGER_KIND),
    logger: silentLogger,
  });
}

/** A delivery directory as CloudTrail and a CTS transfer lay it out, plus files that must be refused. */
function deliveryDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-trails-'));
  const aws = join(dir, 'AWSLogs/123837392027/CloudTrail/us-east-1/2023/07/10');
  mkdirSync(aws, { recursive: true });
  copyFileSync(
    join(FIXTURES, 'cloudtrail-records.json.gz'),
    join(aws, '123837392027_CloudTrail_us-east-1_1.json.gz'),
  );
  mkdirSync(join(dir, 'cts'));
  copyFileSync(join(FIXTURES, 'cts-traces.json'), join(dir, 'cts/trace-2024-03-04.json'));
  writeFileSync(join(dir, 'corrupt.json.gz'), Buffer.from('not gzip data'));
  writeFileSync(join(dir, 'truncated.json'), '{"Records":[{"eventName":"x"');
  writeFileSync(join(dir, 'other.json'), '{"hello":"world"}');
  writeFileSync(join(dir, 'README.txt'), 'not a trace file');
  return dir;
}

test('trace files are ingested once, bad files are counted and skipped, and a restart remembers them', async () => {
  const f = await ingestFixture();
  const dir = deliveryDir();
  try {
    const source = sourceFor(f, dir);
    await source.scan();
    const events = await f.stored();
    assert.equal(events.length, 8, 'five CloudTrail records and three CTS traces');
    const names = events.map((e) => e.raw ?? {});
    assert.equal(names.filter((r) => typeof r['eventName'] === 'string').length, 5);
    assert.equal(names.filter((r) => typeof r['trace_name'] === 'string').length, 3);
    assert.ok(events.every((e) => e.vigil.parse_error === undefined));
    assert.ok(events.some((e) => e.vigil.source === 'cloud-trails:AWSLogs'));
    assert.ok(events.some((e) => e.vigil.source === 'cloud-trails:cts'));
    assert.deepEqual(
      {
        ingested: source.counters.filesIngested,
        failed: source.counters.filesFailed,
        events: source.counters.events,
      },
      { ingested: 2, failed: 3, events: 8 },
    );
    const ledger = await f.storage.metadata.repository<ProcessedTrailFile>(TRAIL_LEDGER_KIND).list('ws-a');
    const refused = ledger
      .filter((r) => r.data.error !== undefined)
      .map((r) => r.data.path)
      .sort();
    assert.deepEqual(refused, ['corrupt.json.gz', 'other.json', 'truncated.json']);

    // The same scan again, and a new source over the same store (a restart): nothing is read twice.
    await source.scan();
    const restarted = sourceFor(f, dir);
    await restarted.scan();
    assert.equal((await f.stored()).length, 8);
    assert.equal(restarted.counters.filesIngested + restarted.counters.filesFailed, 0);

    // A new delivery is picked up; a rewritten file (new size) is a new delivery with the same ids.
    copyFileSync(join(FIXTURES, 'cts-traces.json'), join(dir, 'cts/trace-copy.json'));
    writeFileSync(join(dir, 'cts/trace-2024-03-04.json'), `${JSON.stringify(JSON.parse('[]'))}`);
    await restarted.scan();
    assert.equal(restarted.counters.filesIngested, 1);
    assert.equal(restarted.counters.filesFailed, 1, 'the emptied file holds no traces');
    assert.equal((await f.stored()).length, 11);
  } finally {
    await f.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('files over the size limit and an unreadable directory are counted, not fatal', async () => {
  const f = await ingestFixture();
  const dir = mkdtempSync(join(tmpdir(), 'vigil-trails-'));
  try {
    const records = Array.from({ length: 200 }, (_, i) => ({
      eventVersion: '1.08',
      eventTime: '2023-07-10T11:42:36Z',
      eventSource: 's3.amazonaws.com',
      eventName: `Get${i}`,
      awsRegion: 'us-east-1',
    }));
    // Small compressed, large once decompressed: the limit applies to the decompressed size.
    writeFileSync(join(dir, 'bomb.json.gz'), gzipSync(JSON.stringify({ Records: records })));
    const source = sourceFor(f, dir, 2048);
    await source.scan();
    assert.equal(source.counters.filesFailed, 1);
    assert.equal((await f.stored()).length, 0);
    const missing = sourceFor(f, join(dir, 'does-not-exist'));
    await missing.scan();
    assert.equal(missing.counters.scanErrors, 1);
  } finally {
    await f.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('startCloudTrailSource polls only when enabled with a directory', async () => {
  const f = await ingestFixture();
  const dir = deliveryDir();
  try {
    const off = startCloudTrailSource(loadConfig({ env: {} }), f.ingest, f.storage.metadata, silentLogger);
    assert.equal(off.source, undefined);
    await off.close();
    const config = loadConfig({
      env: {
        VIGIL_CLOUD_TRAILS_ENABLED: 'true',
        VIGIL_CLOUD_TRAILS_DIR: dir,
        VIGIL_CLOUD_TRAILS_WORKSPACE: 'ws-a',
      },
    });
    const on = startCloudTrailSource(config, f.ingest, f.storage.metadata, silentLogger);
    await on.source?.scan();
    await on.close();
    assert.equal((await f.stored()).length, 8);
    const metrics = await f.app.inject({ url: '/metrics' });
    assert.match(metrics.body, /vigil_cloud_trail_files_total\{result="ingested"\} 2/);
    assert.match(metrics.body, /vigil_cloud_trail_files_total\{result="failed"\} 3/);
  } finally {
    await f.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

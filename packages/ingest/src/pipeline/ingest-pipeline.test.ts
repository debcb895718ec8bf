import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createInProcessBus,
  EVENTS_STORE_TOPIC,
  ManualClock,
  sequentialIds,
  silentLogger,
  type VigilEvent,
} from '@vigil/core';
import { SourceStats } from '../stats/source-stats.ts';
import { CommitTracker } from '../durability/commit-tracker.ts';
import { createIngestPipeline } from './ingest-pipeline.ts';

const source = { workspace: 'ws', dataSpace: 'ds', source: 'http:test' };

async function collect(bus: ReturnType<typeof createInProcessBus>) {
  const batches: VigilEvent[][] = [];
  await bus.subscribe<VigilEvent>(EVENTS_STORE_TOPIC, 'test', (d) => {
    batches.push(d.batch);
    return Promise.resolve();
  });
  return batches;
}

test('parses, enriches with vigil.* and publishes in batches; parse failures are kept and counted', async () => {
  const bus = createInProcessBus();
  const batches = await collect(bus);
  const stats = new SourceStats();
  const clock = new ManualClock(Date.parse('2026-01-01T00:00:10Z'));
  const pipeline = createIngestPipeline({ bus, stats, clock, ids: sequentialIds('e'), maxBatchEvents: 2 });
  const result = await pipeline.ingest({
    source,
    bytes: 100,
    records: [{ '@timestamp': '2026-01-01T00:00:00Z', message: 'a' }, '{"broken', { message: 'c' }],
  });
  assert.equal(result.accepted, 3);
  assert.equal(result.failed, 1);
  assert.equal(result.errors[0]?.index, 1);
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(batches.length, 2);
  const [first, second] = [batches[0] ?? [], batches[1] ?? []];
  assert.deepEqual(first[0]?.vigil, {
    id: 'e-1',
    workspace: 'ws',
    data_space: 'ds',
    source: 'http:test',
    received_at: '2026-01-01T00:00:10.000Z',
  });
  assert.match(String(first[1]?.vigil.parse_error), /json/);
  assert.equal(first[1]?.message, '{"broken');
  assert.equal(second.length, 1);
  const row = stats.snapshot('ws')[0];
  assert.equal(row?.received, 3);
  assert.equal(row?.parsed, 2);
  assert.equal(row?.failed, 1);
  assert.equal(row?.accepted, 3);
  assert.equal(row?.bytes, 100);
  assert.ok((row?.lagMaxMs ?? 0) >= 10_000);
  await bus.close();
});

test('backpressure on the first batch rejects with 429 and accepted 0; rejected records are counted', async () => {
  const bus = createInProcessBus({ capacity: 1 });
  await bus.publish(EVENTS_STORE_TOPIC, [{}]);
  const stats = new SourceStats();
  const pipeline = createIngestPipeline({ bus, stats });
  await assert.rejects(pipeline.ingest({ source, bytes: 1, text: 'a\nb\n' }), (err: Error) => {
    const e = err as unknown as { code: string; status: number; details: { accepted: number } };
    return e.code === 'BUS_BACKPRESSURE' && e.status === 429 && e.details.accepted === 0;
  });
  assert.equal(stats.snapshot()[0]?.rejected, 2);
  const lossy = createIngestPipeline({ bus, stats });
  await assert.rejects(lossy.ingest({ source, bytes: 1, text: 'x', lossy: true }));
  assert.equal(stats.snapshot()[0]?.dropped, 1);
  assert.equal(await pipeline.busy(), true);
  await bus.close();
});

test('a durable submission resolves only after the writer committed its batches', async () => {
  const bus = createInProcessBus();
  const commits = new CommitTracker(5_000);
  let release: () => void = () => {};
  const gate = new Promise<void>((r) => (release = r));
  await bus.subscribe<VigilEvent>(EVENTS_STORE_TOPIC, 'writer', async (d) => {
    await gate;
    commits.committed(d.batch);
  });
  const pipeline = createIngestPipeline({ bus, stats: new SourceStats(), commits });
  let done = false;
  const pending = pipeline.ingest({ source, bytes: 1, text: 'one' }).then(() => (done = true));
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(done, false);
  release();
  await pending;
  assert.equal(done, true);
  assert.equal(commits.waiting, 0);
  await bus.close();
});

test('a commit that never comes times out with INGEST_COMMIT_TIMEOUT', async () => {
  const bus = createInProcessBus();
  const pipeline = createIngestPipeline({ bus, stats: new SourceStats(), commits: new CommitTracker(20) });
  await assert.rejects(pipeline.ingest({ source, bytes: 1, text: 'one' }), /not yet committed/);
  await bus.close();
});

test('a failing detection or asset hook is logged and the events are still stored', async () => {
  const bus = createInProcessBus();
  const batches = await collect(bus);
  const errors: string[] = [];
  const logger = { ...silentLogger, error: (_f: unknown, m: string) => errors.push(m), child: () => logger };
  const pipeline = createIngestPipeline({
    bus,
    stats: new SourceStats(),
    logger,
    detect: { inspect: () => Promise.reject(new Error('rule bug')) },
    assets: { enrich: () => Promise.reject(new Error('lookup down')) },
  });
  const result = await pipeline.ingest({ source, bytes: 1, text: 'x' });
  assert.equal(result.accepted, 1);
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(batches.length, 1);
  assert.deepEqual(errors, ['asset lookup failed', 'detection hook failed']);
  await bus.close();
});

import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createInProcessBus, ManualClock } from '@vigil/core';
import { MemoryMetadataStore } from '../../auth/memory-metadata-store.ts';
import { importRules } from '../../rules/import-rules.ts';
import { createDetection } from '../create-detection.ts';
import { DETECTIONS_TOPIC } from '../detection-event.ts';
import type { Detection } from '../detection-event.ts';
import { detectionMetricFamilies } from '../detection-metrics.ts';
import { sysmonProcess, vigilEvent, WHOAMI_ID, whoamiRule } from '../detection-fixture.ts';
import { MatchPool } from './match-pool.ts';

const runtimes: ReturnType<typeof createDetection>[] = [];
after(() => Promise.all(runtimes.map((rt) => rt.service.close())));

async function setup(pool: MatchPool) {
  const bus = createInProcessBus();
  const rt = createDetection({
    metadata: new MemoryMetadataStore(),
    bus,
    clock: new ManualClock(Date.UTC(2026, 2, 1)),
    idleFlushMs: 0,
    pool,
  });
  runtimes.push(rt);
  const received: Detection[] = [];
  await bus.subscribe<Detection>(DETECTIONS_TOPIC, 'test', (d) => {
    received.push(...d.batch);
    return Promise.resolve();
  });
  await importRules(rt.rules, 'ws-a', [{ path: 'whoami.yml', text: whoamiRule() }], { enabled: true });
  return { rt, received };
}

const crashingPool = (crashes: number) =>
  new MatchPool({
    threads: 1,
    workerUrl: new URL('./testing/crashing-match-worker.ts', import.meta.url),
    workerData: { crashes: new Int32Array(new SharedArrayBuffer(4)).fill(crashes) },
  });

test('batches the workers keep dying on are matched on the main thread; nothing is lost; counted', async () => {
  const { rt, received } = await setup(crashingPool(1_000));
  const events = [
    vigilEvent(sysmonProcess('C:\\x\\whoami.exe'), '2026-03-01T10:00:00Z'),
    vigilEvent(sysmonProcess('C:\\x\\cmd.exe'), '2026-03-01T10:00:01Z'),
  ];
  await rt.service.inspect(events);
  const later = vigilEvent(sysmonProcess('C:\\y\\whoami.exe'), '2026-03-01T10:00:02Z');
  await rt.service.inspect([later]);
  await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(
    received.map((d) => [d.rule.id, d.eventIds[0]]),
    [
      [WHOAMI_ID, events[0]?.vigil.id],
      [WHOAMI_ID, later.vigil.id],
    ],
  );
  assert.equal(rt.service.counters.errors, 0);
  const pool = rt.service.poolCounters();
  assert.equal(pool.mainThreadFallbacks, 2);
  assert.equal(pool.batchRetries, 2);
  const text = detectionMetricFamilies(rt.service).find(
    (f) => f.name === 'vigil_detection_main_thread_fallbacks_total',
  );
  assert.equal(text?.samples[0]?.value, 2);
});

test('a worker dying once costs nothing but a retry', async () => {
  const { rt, received } = await setup(crashingPool(1));
  await rt.service.inspect([vigilEvent(sysmonProcess('C:\\x\\whoami.exe'), '2026-03-01T10:00:00Z')]);
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(received.length, 1);
  assert.deepEqual(
    { ...rt.service.poolCounters() },
    { threads: 1, workerRestarts: 1, batchRetries: 1, mainThreadFallbacks: 0 },
  );
});

test('workers that cannot even start: the pool gives up and detection runs on the main thread', async () => {
  const pool = new MatchPool({
    threads: 1,
    workerUrl: new URL('./testing/no-such-worker.ts', import.meta.url),
  });
  const { rt, received } = await setup(pool);
  const event = () => vigilEvent(sysmonProcess('C:\\x\\whoami.exe'), '2026-03-01T10:00:00Z');
  // The first batches fail while the pool still retries (counted as errors; ingest never fails).
  for (let i = 0; i < 20 && pool.usable; i++) await rt.service.inspect([event()]);
  assert.equal(pool.usable, false);
  const before = received.length;
  await rt.service.inspect([event()]);
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(received.length, before + 1, 'matched on the main thread');
  await assert.rejects(pool.match('x#1', [event()]), /pool stopped/);
});

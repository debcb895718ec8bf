import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createInProcessBus, ManualClock } from '@vigil/core';
import type { Slicer } from '@vigil/sigma';
import { MemoryMetadataStore } from '../auth/memory-metadata-store.ts';
import { importRules } from '../rules/import-rules.ts';
import { createDetection } from './create-detection.ts';
import { DETECTIONS_TOPIC } from './detection-event.ts';
import type { Detection } from './detection-event.ts';
import { sysmonProcess, vigilEvent, WHOAMI_ID, whoamiRule } from './detection-fixture.ts';

/** A distinct process-creation rule per index, so the ruleset grows with `n`. */
const manyRules = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    return {
      path: `bulk/r${i}.yml`,
      text: `title: Tool ${i}\nid: ${id}\nstatus: test\nlevel: low\nlogsource:\n  category: process_creation\n  product: windows\ndetection:\n  selection:\n    CommandLine|contains: 'tool-${i}-marker'\n    Image|endswith: '\\\\t${i}.exe'\n  condition: selection\n`,
    };
  });

test('ingest keeps being served by the previous ruleset while a large one compiles in slices', async () => {
  const clock = new ManualClock(Date.UTC(2026, 2, 1));
  const bus = createInProcessBus();
  // One virtual millisecond per reading: a pause every few compile steps, independent of machine speed.
  let t = 0;
  let pauses = 0;
  let releasePause: (() => void)[] = [];
  const slicer: Slicer = {
    now: () => t++,
    pause: () => {
      pauses++;
      return new Promise<void>((r) => releasePause.push(r));
    },
    sliceMs: 5,
  };
  const detection = createDetection({ metadata: new MemoryMetadataStore(), bus, clock, slicer });
  const received: Detection[] = [];
  await bus.subscribe<Detection>(DETECTIONS_TOPIC, 'test', (d) => {
    received.push(...d.batch);
    return Promise.resolve();
  });
  const drainPauses = async () => {
    while (releasePause.length > 0 || detection.service.isCompiling('ws-a')) {
      const waiting = releasePause;
      releasePause = [];
      for (const r of waiting) r();
      await new Promise((r) => setImmediate(r));
    }
  };
  await importRules(detection.rules, 'ws-a', [{ path: 'whoami.yml', text: whoamiRule() }], { enabled: true });
  const first = detection.service.inspect([
    vigilEvent(sysmonProcess('C:\\x\\whoami.exe'), '2026-03-01T10:00:00Z'),
  ]);
  await drainPauses();
  await first;
  const before = detection.service.workspaceStats('ws-a');
  assert.equal(before?.rules, 1);

  await importRules(detection.rules, 'ws-a', manyRules(400), { enabled: true });
  assert.ok(detection.service.isCompiling('ws-a'), 'the rule change started a recompile');
  pauses = 0;
  // While the compile sits in a pause, batches are still detected, with the previous ruleset.
  await detection.service.inspect([
    vigilEvent(sysmonProcess('C:\\x\\whoami.exe'), '2026-03-01T10:00:01Z'),
    vigilEvent(sysmonProcess('C:\\x\\t7.exe', { CommandLine: 'run tool-7-marker' }), '2026-03-01T10:00:02Z'),
  ]);
  assert.ok(detection.service.isCompiling('ws-a'), 'the batch did not wait for the compile');
  assert.equal(detection.service.workspaceStats('ws-a')?.rules, 1);
  await drainPauses();
  assert.ok(pauses > 20, `the compile yielded ${pauses} times`);
  assert.equal(detection.service.workspaceStats('ws-a')?.rules, 401);
  await detection.service.inspect([
    vigilEvent(sysmonProcess('C:\\x\\t7.exe', { CommandLine: 'run tool-7-marker' }), '2026-03-01T10:00:03Z'),
  ]);
  await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(
    received.map((d) => d.rule.id),
    [WHOAMI_ID, WHOAMI_ID, '00000000-0000-4000-8000-000000000007'],
  );
  await bus.close();
});

test('a failed recompile keeps the previous rules serving, is counted, and is retried', async () => {
  const clock = new ManualClock(Date.UTC(2026, 2, 1));
  const bus = createInProcessBus();
  let t = 0;
  let failing = false;
  const slicer: Slicer = {
    now: () => t++,
    pause: () => (failing ? Promise.reject(new Error('compile interrupted')) : Promise.resolve()),
    sliceMs: 1,
  };
  const detection = createDetection({
    metadata: new MemoryMetadataStore(),
    bus,
    clock,
    idleFlushMs: 0,
    slicer,
  });
  const received: Detection[] = [];
  await bus.subscribe<Detection>(DETECTIONS_TOPIC, 'test', (d) => {
    received.push(...d.batch);
    return Promise.resolve();
  });
  await importRules(detection.rules, 'ws-a', [{ path: 'whoami.yml', text: whoamiRule() }], { enabled: true });
  await detection.service.inspect([vigilEvent(sysmonProcess('C:\\x\\whoami.exe'), '2026-03-01T10:00:00Z')]);
  failing = true;
  await importRules(detection.rules, 'ws-a', manyRules(3), { enabled: true });
  await detection.service.whenCompiled('ws-a');
  assert.equal(detection.service.counters.errors, 1);
  await detection.service.inspect([vigilEvent(sysmonProcess('C:\\x\\whoami.exe'), '2026-03-01T10:00:01Z')]);
  assert.equal(detection.service.workspaceStats('ws-a')?.rules, 1, 'the previous rules still serve');
  failing = false;
  // The failed change is retried on the next batch, without waiting for the revision check.
  await detection.service.inspect([vigilEvent(sysmonProcess('C:\\x\\t1.exe'), '2026-03-01T10:00:02Z')]);
  await detection.service.whenCompiled('ws-a');
  assert.equal(detection.service.workspaceStats('ws-a')?.rules, 4);
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(received.filter((d) => d.rule.id === WHOAMI_ID).length, 2);
  await bus.close();
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createInProcessBus, ManualClock } from '@vigil/core';
import { createIngestPipeline, SourceStats } from '@vigil/ingest';
import { MemoryMetadataStore } from '../auth/memory-metadata-store.ts';
import { importRules } from '../rules/import-rules.ts';
import { createDetection } from './create-detection.ts';
import { DETECTIONS_TOPIC } from './detection-event.ts';
import type { Detection } from './detection-event.ts';
import { WHOAMI_ID, whoamiRule } from './detection-fixture.ts';

// Matching on the main thread, and in a worker (the pipeline's events cross the thread by structured clone).
for (const matchThreads of [0, 1])
  test(`wired as the ingest pipeline detect hook, raw Sysmon records become detections (${matchThreads} match threads)`, async () => {
    const bus = createInProcessBus();
    const clock = new ManualClock(Date.UTC(2026, 2, 1));
    const detection = createDetection({ metadata: new MemoryMetadataStore(), bus, clock, matchThreads });
    await importRules(detection.rules, 'ws-a', [{ path: 'whoami.yml', text: whoamiRule() }], {
      enabled: true,
    });
    const received: Detection[] = [];
    await bus.subscribe<Detection>(DETECTIONS_TOPIC, 'alerts', (d) => {
      received.push(...d.batch);
      return Promise.resolve();
    });
    const pipeline = createIngestPipeline({
      bus,
      stats: new SourceStats(),
      clock,
      detect: detection.service,
    });
    const sysmon = (image: string) => ({
      EventID: 1,
      Channel: 'Microsoft-Windows-Sysmon/Operational',
      UtcTime: '2026-03-01 09:59:00.000',
      Image: image,
      CommandLine: `${image} /all`,
    });
    const result = await pipeline.ingest({
      source: { workspace: 'ws-a', dataSpace: 'endpoints', source: 'http:test' },
      bytes: 300,
      records: [sysmon('C:\\Windows\\System32\\whoami.exe'), sysmon('C:\\Windows\\System32\\notepad.exe')],
    });
    assert.equal(result.accepted, 2);
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(received.length, 1);
    assert.equal(received[0]?.rule.id, WHOAMI_ID);
    assert.equal(received[0]?.dataSpace, 'endpoints');
    assert.equal(detection.service.counters.events, 2);
    assert.equal(detection.service.poolCounters().threads, matchThreads);
    await detection.service.close();
    await bus.close();
  });

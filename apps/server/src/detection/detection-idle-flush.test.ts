import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createInProcessBus, ManualClock } from '@vigil/core';
import { MemoryMetadataStore } from '../auth/memory-metadata-store.ts';
import { importRules } from '../rules/import-rules.ts';
import { createDetection } from './create-detection.ts';
import { DETECTIONS_TOPIC } from './detection-event.ts';
import type { Detection } from './detection-event.ts';
import { failedLogon, failedLogonRule, vigilEvent } from './detection-fixture.ts';

const QUIET_ID = '6b3c4d6e-0000-4000-8000-000000000010';
/** Fires for a user with fewer than 3 failures in a 5-minute window: decided only at window end. */
const fewFailures = `title: Few Failures
id: ${QUIET_ID}
level: low
correlation:
  type: event_count
  rules: [failed_logon]
  group-by: [TargetUserName]
  timespan: 5m
  condition:
    lt: 3
`;

test('a correlation judged at window end fires on the idle flush, once its end plus lateness has passed', async () => {
  // Wall clock and event time are unrelated (a replay of old logs): only elapsed time counts.
  const clock = new ManualClock(Date.UTC(2026, 2, 1, 12));
  const bus = createInProcessBus();
  const rt = createDetection({
    metadata: new MemoryMetadataStore(),
    bus,
    clock,
    latenessMs: 30_000,
    idleFlushMs: 0,
  });
  const received: Detection[] = [];
  await bus.subscribe<Detection>(DETECTIONS_TOPIC, 'test', (d) => {
    received.push(...d.batch);
    return Promise.resolve();
  });
  await importRules(
    rt.rules,
    'ws-a',
    [
      { path: 'failed.yml', text: failedLogonRule },
      { path: 'few.yml', text: fewFailures },
    ],
    { enabled: false },
  );
  await rt.rules.setEnabled('ws-a', QUIET_ID, true);
  const first = vigilEvent(failedLogon('bob'), '2025-06-01T08:00:00Z');
  await rt.service.inspect([first, vigilEvent(failedLogon('bob'), '2025-06-01T08:01:00Z')]);
  const settle = () => new Promise((r) => setTimeout(r, 10));
  await rt.service.flushIdle();
  // The window opened at 08:00:00 ends at 08:05:00; event time (08:01:00 at the last match) reaches
  // 08:05:30 = end + lateness after 4.5 minutes of quiet.
  clock.advance(4.5 * 60_000);
  await rt.service.flushIdle();
  await settle();
  assert.equal(received.length, 0, 'window end reached, but a match could still arrive within the lateness');
  clock.advance(1);
  await rt.service.flushIdle();
  await settle();
  assert.equal(received.length, 1);
  const d = received[0] as Detection;
  assert.equal(d.kind, 'correlation');
  assert.equal(d.rule.id, QUIET_ID);
  assert.deepEqual(d.correlation, { type: 'event_count', group: { TargetUserName: 'bob' } });
  assert.equal(d.eventIds.length, 2);
  assert.equal(d.eventIds[0], first.vigil.id);
  assert.equal(d.time, '2025-06-01T08:01:00.000Z');
  assert.equal(d.detectedAt, new Date(clock.now()).toISOString());
  clock.advance(3_600_000);
  await rt.service.flushIdle();
  await settle();
  assert.equal(received.length, 1, 'a judged window does not fire again');
  await rt.service.close();
  await bus.close();
});

test('createDetection runs the idle flush on a timer until close()', async () => {
  const clock = new ManualClock(Date.UTC(2026, 2, 1, 12));
  const bus = createInProcessBus();
  const rt = createDetection({
    metadata: new MemoryMetadataStore(),
    bus,
    clock,
    latenessMs: 0,
    idleFlushMs: 5,
  });
  const received: Detection[] = [];
  await bus.subscribe<Detection>(DETECTIONS_TOPIC, 'test', (d) => {
    received.push(...d.batch);
    return Promise.resolve();
  });
  await importRules(
    rt.rules,
    'ws-a',
    [
      { path: 'failed.yml', text: failedLogonRule },
      { path: 'few.yml', text: fewFailures },
    ],
    { enabled: true },
  );
  await rt.service.inspect([vigilEvent(failedLogon('eve'), '2025-06-01T08:00:00Z')]);
  clock.advance(5 * 60_000 + 1);
  for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(
    received.map((d) => [d.rule.id, d.correlation?.group]),
    [[QUIET_ID, { TargetUserName: 'eve' }]],
  );
  await rt.service.close();
  await bus.close();
});

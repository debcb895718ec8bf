import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createInProcessBus, isVigilError, ManualClock } from '@vigil/core';
import { MemoryMetadataStore } from '../auth/memory-metadata-store.ts';
import { importRules } from '../rules/import-rules.ts';
import { createDetection } from './create-detection.ts';
import { DETECTIONS_TOPIC } from './detection-event.ts';
import type { Detection } from './detection-event.ts';
import {
  BRUTE_ID,
  bruteForceCorrelation,
  failedLogon,
  failedLogonRule,
  vigilEvent,
} from './detection-fixture.ts';

const FILTER_ID = '6b3c4d6e-0000-4000-8000-000000000020';
/** Vigil's filters exclude the events their selection matches. */
const filterRule = `title: Not the scanner
id: ${FILTER_ID}
logsource:
  product: windows
  service: security
filter:
  rules: [failed_logon]
  selection:
    IpAddress: 10.0.0.9
  condition: selection
`;

// Matching on the main thread and in the worker pool (filters and exceptions compile in the workers).
for (const matchThreads of [0, 1])
  test(`an exception of a correlation rule suppresses the hits whose output matches it, and counts them (${matchThreads} match threads)`, async () => {
    const clock = new ManualClock(Date.UTC(2026, 2, 1));
    const bus = createInProcessBus();
    const rt = createDetection({
      metadata: new MemoryMetadataStore(),
      bus,
      clock,
      latenessMs: 0,
      idleFlushMs: 0,
      matchThreads,
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
        { path: 'brute.yml', text: bruteForceCorrelation },
        { path: 'filter.yml', text: filterRule },
      ],
      { enabled: true },
    );
    const exc = await rt.exceptions.create('ws-a', {
      ruleId: BRUTE_ID,
      conditions: { 'TargetUserName|startswith': 'svc_', event_count: [3, 4] },
      reason: 'the vulnerability scanner account retries by design',
      owner: 'alice',
    });
    const burst = (user: string, minute: number) =>
      [0, 10, 20].map((s) =>
        vigilEvent(failedLogon(user), `2026-03-01T10:0${minute}:${String(s).padStart(2, '0')}Z`),
      );
    await rt.service.inspect([...burst('svc_scan', 0), ...burst('bob', 1)]);
    await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(
      received.map((d) => [d.kind, d.correlation?.group]),
      [['correlation', { TargetUserName: 'bob' }]],
    );
    const counters = await rt.service.ruleCounters('ws-a', BRUTE_ID);
    assert.equal(counters.matches, 1);
    assert.equal(counters.suppressed, 1);
    assert.deepEqual(counters.byException, { [exc.id]: 1 });

    // Conditions are compiled against the correlation output at creation: bad ones are refused.
    await assert.rejects(
      rt.exceptions.create('ws-a', { ruleId: BRUTE_ID, conditions: { 'User|nosuch': 'x' }, reason: 'r' }),
      (e: unknown) => isVigilError(e) && e.code === 'EXCEPTION_INVALID',
    );
    // Filters still take no exceptions.
    await assert.rejects(
      rt.exceptions.create('ws-a', { ruleId: FILTER_ID, conditions: { User: 'x' }, reason: 'r' }),
      (e: unknown) => isVigilError(e) && e.code === 'EXCEPTION_UNSUPPORTED',
    );
    await rt.service.close();
    await bus.close();
  });

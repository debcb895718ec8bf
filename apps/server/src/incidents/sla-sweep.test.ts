import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock, sequentialIds, silentLogger } from '@vigil/core';
import { createCasesRuntime, memoryCasesStores } from '../alerts/cases-runtime.ts';
import { startSlaSweep } from './sla-sweep.ts';

test('the SLA sweep records each missed target once, in the timeline', async () => {
  const clock = new ManualClock(Date.UTC(2026, 6, 1));
  const cases = createCasesRuntime(memoryCasesStores(), { clock, ids: sequentialIds('i') });
  const incident = await cases.incidentService.create('ws-1', 'u-ana', {
    title: 'Tip',
    severity: 'critical',
  });
  const sweep = startSlaSweep({
    cases,
    workspaces: () => Promise.resolve(['ws-1', 'ws-2']),
    logger: silentLogger,
  });
  try {
    assert.equal(await sweep.runOnce(), 0);
    clock.advance(16 * 60_000); // critical: acknowledge within 15 min
    assert.equal(await sweep.runOnce(), 1);
    assert.equal(await sweep.runOnce(), 0, 'recorded once');
    const stored = await cases.incidents.get('ws-1', incident.id);
    assert.deepEqual(
      stored?.sla.breaches.map((b) => b.kind),
      ['acknowledge'],
    );
    assert.equal(stored?.timeline.at(-1)?.action, 'sla_breached');
  } finally {
    await sweep.stop();
  }
});

import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { ManualClock, sequentialIds, silentLogger } from '@vigil/core';
import { alertFromDetection, type Alert } from '@vigil/cases';
import { createCasesRuntime, memoryCasesStores } from './cases-runtime.ts';
import { startAlertStreamPoller } from './alert-stream-poller.ts';

function makeAlert(workspace: string, id: string, over: { createdAt: number; severity: string }): Alert {
  const clock = { now: () => over.createdAt };
  return alertFromDetection(
    {
      workspace,
      rule: { id: 'r-1', title: 'T', tags: [], level: over.severity },
      kind: 'api',
      events: [],
      time: over.createdAt,
    },
    { ids: { next: () => id }, clock },
  );
}

test('distributed mode: the stream poller reports alerts another process stored, once, over the severity', async () => {
  const clock = new ManualClock(Date.UTC(2026, 6, 1));
  const cases = createCasesRuntime(memoryCasesStores(), { clock, ids: sequentialIds('x') });
  const got: Alert[] = [];
  const stop = cases.notifier.listen('ws-1', 'high', (a) => got.push(a));
  const poller = startAlertStreamPoller({ cases, logger: silentLogger, intervalMs: 5 });
  try {
    const now = clock.now();
    const high = makeAlert('ws-1', 'a-1', { createdAt: now, severity: 'high' });
    await cases.alerts.insertMany('ws-1', [
      high,
      makeAlert('ws-1', 'a-2', { createdAt: now, severity: 'low' }),
    ]);
    await cases.alerts.insertMany('ws-2', [
      makeAlert('ws-2', 'a-3', { createdAt: now, severity: 'critical' }),
    ]);
    cases.notifier.publish([high]);
    clock.advance(1000);
    await sleep(50);
    assert.deepEqual(
      got.map((a) => a.id),
      ['a-1'],
    );
    assert.deepEqual(cases.notifier.workspaces(), ['ws-1']);
  } finally {
    stop();
    await poller.stop();
  }
  assert.equal(cases.notifier.size, 0);
});

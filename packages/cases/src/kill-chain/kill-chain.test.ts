import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, sequentialIds } from '@vigil/core';
import { alertFromDetection } from '../alerts/alert-from-detection.ts';
import type { Alert } from '../alerts/alert.ts';
import { killChain } from './kill-chain.ts';

const T0 = Date.UTC(2026, 2, 1, 8);
const MIN = 60_000;
const ids = sequentialIds('A');
const clock = new ManualClock(T0);

const alert = (minute: number, tags: string[], title = tags.join(' ')): Alert =>
  alertFromDetection(
    {
      workspace: 'ws1',
      rule: { id: title, title, level: 'high', tags },
      kind: 'event',
      events: [{ '@timestamp': new Date(T0 + minute * MIN).toISOString(), host: { name: 'ws01' } }],
      time: T0 + minute * MIN,
    },
    { ids, clock },
  );

test('alerts are placed on the 14 tactics in kill-chain order and ordered over time', () => {
  const phish = alert(0, ['attack.initial_access', 'attack.t1566.001'], 'phishing attachment');
  const ps = alert(5, ['attack.execution', 'attack.t1059.001'], 'encoded powershell');
  const lsass = alert(20, ['attack.credential_access', 'attack.t1003.001'], 'lsass dump');
  const macro = alert(2, ['attack.execution', 'attack.t1204.002'], 'office macro');
  const noise = alert(1, ['cve.2021-44228'], 'log4j probe');
  const view = killChain([lsass, ps, noise, phish, macro]);
  assert.equal(view.columns.length, 14);
  assert.deepEqual(
    view.columns.map((c) => c.id),
    [
      'TA0043',
      'TA0042',
      'TA0001',
      'TA0002',
      'TA0003',
      'TA0004',
      'TA0005',
      'TA0006',
      'TA0007',
      'TA0008',
      'TA0009',
      'TA0011',
      'TA0010',
      'TA0040',
    ],
  );
  const execution = view.columns.find((c) => c.tactic === 'execution');
  assert.deepEqual(
    execution?.alerts.map((a) => a.title),
    ['office macro', 'encoded powershell'],
  );
  assert.equal(execution?.firstSeenAt, T0 + 2 * MIN);
  assert.deepEqual(execution?.alerts[1]?.techniques, ['T1059.001']);
  assert.deepEqual(
    view.steps.map((s) => [s.at - T0, s.tactic]),
    [
      [0, 'initial-access'],
      [2 * MIN, 'execution'],
      [5 * MIN, 'execution'],
      [20 * MIN, 'credential-access'],
    ],
  );
  assert.deepEqual(view.unmapped, [noise.id]);
  assert.equal(view.furthestTactic, 'credential-access');
  assert.equal(view.monotonic, true);
});

test('an attack that goes back to an earlier tactic is not monotonic; an alert on two tactics appears in both', () => {
  const both = alert(0, ['attack.persistence', 'attack.privilege_escalation']);
  const back = alert(10, ['attack.execution']);
  const view = killChain([both, back]);
  assert.equal(view.monotonic, false);
  assert.deepEqual(
    view.columns.filter((c) => c.alerts.length > 0).map((c) => c.tactic),
    ['execution', 'persistence', 'privilege-escalation'],
  );
  assert.deepEqual(killChain([]).steps, []);
  assert.equal(killChain([]).furthestTactic, undefined);
});

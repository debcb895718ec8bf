import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, sequentialIds } from '@vigil/core';
import { alertFromDetection } from './alert-from-detection.ts';
import { alertInput } from './alert-input.ts';

const now = Date.UTC(2026, 0, 1);

test('an API alert becomes a detection of kind api and then an ordinary alert', () => {
  const r = alertInput(
    'ws1',
    {
      title: 'EDR: ransomware behaviour',
      severity: 'critical',
      description: 'from the EDR',
      tags: ['attack.impact', 'attack.t1486'],
      events: [{ '@timestamp': '2026-01-01T00:00:00Z', host: { name: 'FS01' }, vigil: { id: 'ev-9' } }],
      confidence: 90,
      dataSource: 'edr',
    },
    'api',
    now,
  );
  assert.ok(r.ok);
  const alert = alertFromDetection(r.detection, { ids: sequentialIds('a'), clock: new ManualClock(now) });
  assert.equal(alert.severity, 'critical');
  assert.equal(alert.source, 'api');
  assert.equal(alert.rule.id, 'api:edr: ransomware behaviour');
  assert.deepEqual(alert.tactics, ['impact']);
  assert.deepEqual(alert.eventIds, ['ev-9']);
  assert.equal(alert.confidence, 90);
  assert.equal(alert.dataSource, 'edr');
  assert.deepEqual(alert.entityKeys, ['host:fs01']);
});

test('bad input returns every problem, each naming its field', () => {
  const r = alertInput(
    'ws1',
    {
      severity: 'urgent',
      tags: 'attack.impact',
      events: [1],
      confidence: 101,
      time: 'yesterday',
      eventIds: [3],
    },
    'import',
    now,
    'rows[4]',
  );
  assert.equal(r.ok, false);
  assert.deepEqual(r.ok ? [] : r.problems.map((p) => p.where), [
    'rows[4].title',
    'rows[4].severity',
    'rows[4].tags',
    'rows[4].events',
    'rows[4].eventIds',
    'rows[4].confidence',
    'rows[4].time',
  ]);
  const notObject = alertInput('ws1', [], 'api', now);
  assert.deepEqual(notObject.ok ? [] : notObject.problems.map((p) => p.where), ['(body)']);
});

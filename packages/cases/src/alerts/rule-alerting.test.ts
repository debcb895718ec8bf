import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isVigilError } from '@vigil/core';
import { ManualClock, sequentialIds } from '@vigil/core';
import { AlertAggregator } from '../aggregation/alert-aggregator.ts';
import { MemorySuppressedHitLedger } from '../aggregation/memory-suppressed-hit-ledger.ts';
import { MemorySuppressionRuleRepository } from '../aggregation/memory-suppression-rule-repository.ts';
import type { Detection } from './detection.ts';
import { MemoryAlertRepository } from './memory-alert-repository.ts';
import { dedupPolicyOf, ruleAlertingInput } from './rule-alerting.ts';

function fieldOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    assert.ok(isVigilError(err));
    return err.details?.['field'];
  }
  assert.fail('expected a refusal');
}

test('alerting settings are validated naming the field', () => {
  assert.deepEqual(
    ruleAlertingInput({ dedupFields: [' source.ip ', 'source.ip'], dedupWindowSeconds: 600 }),
    {
      dedupFields: ['source.ip'],
      dedupWindowSeconds: 600,
    },
  );
  assert.equal(
    fieldOf(() => ruleAlertingInput({ dedupFields: ['a b'], dedupWindowSeconds: 600 })),
    'dedupFields',
  );
  assert.equal(
    fieldOf(() => ruleAlertingInput({ dedupFields: ['host..name'], dedupWindowSeconds: 600 })),
    'dedupFields',
  );
  assert.equal(
    fieldOf(() => ruleAlertingInput({ dedupFields: [], dedupWindowSeconds: 10 })),
    'dedupWindowSeconds',
  );
  assert.equal(
    fieldOf(() =>
      ruleAlertingInput({
        dedupFields: Array.from({ length: 9 }, (_, i) => `f${i}`),
        dedupWindowSeconds: 600,
      }),
    ),
    'dedupFields',
  );
});

function detection(host: string, ip: string, at: number): Detection {
  return {
    workspace: 'ws',
    rule: { id: 'r1', title: 'Brute force', tags: [] },
    kind: 'event',
    events: [{ '@timestamp': new Date(at).toISOString(), host: { name: host }, source: { ip } }],
    time: at,
  };
}

test('a rule deduplicating on source.ip folds hits on different hosts into one alert', async () => {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const settings = new Map([
    ['ws/r1', dedupPolicyOf({ dedupFields: ['source.ip'], dedupWindowSeconds: 600 })],
  ]);
  const aggregator = new AlertAggregator({
    alerts: new MemoryAlertRepository(),
    suppressions: new MemorySuppressionRuleRepository(),
    ledger: new MemorySuppressedHitLedger(),
    clock,
    ids: sequentialIds('a'),
    dedupPolicy: (ruleId, workspace) => Promise.resolve(settings.get(`${workspace}/${ruleId}`)),
  });
  const t = clock.now();
  const first = await aggregator.ingest([
    detection('ws01', '10.0.0.9', t),
    detection('ws02', '10.0.0.9', t + 1),
  ]);
  assert.equal(first.created.length, 1);
  assert.equal(first.created[0]?.count, 2);
  const other = await aggregator.ingest([detection('ws03', '10.0.0.7', t + 2)]);
  assert.equal(other.created.length, 1, 'another source address is another alert');
  clock.advance(601_000);
  const late = await aggregator.ingest([detection('ws04', '10.0.0.9', t + 3)]);
  assert.equal(late.created.length, 1, 'after the configured window a repeat opens a new alert');

  settings.clear();
  const defaults = await aggregator.ingest([
    detection('ws05', '10.0.0.1', t + 4),
    detection('ws06', '10.0.0.1', t + 5),
  ]);
  assert.equal(defaults.created.length, 2, 'without settings the key is rule + host + user');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rowsOf, targetsOf } from './sla-policy-form.ts';
import { parseSlaPolicy } from './sla-policy-api.ts';

test('rows round-trip to targets; empty rows mean no SLA', () => {
  const rows = rowsOf({ high: { acknowledgeMinutes: 30, resolveMinutes: 480 } });
  assert.deepEqual(rows['high'], { acknowledge: '30', resolve: '480' });
  assert.deepEqual(rows['low'], { acknowledge: '', resolve: '' });
  assert.deepEqual(targetsOf(rows), { targets: { high: { acknowledgeMinutes: 30, resolveMinutes: 480 } } });
});

test('mistakes are named before sending', () => {
  assert.deepEqual(targetsOf({ high: { acknowledge: '60', resolve: '30' } }), {
    problem: 'high resolve: must be at least the acknowledge target',
  });
  assert.match(
    (targetsOf({ low: { acknowledge: '0', resolve: '5' } }) as { problem: string }).problem,
    /^low acknowledge/,
  );
  assert.match(
    (targetsOf({ low: { acknowledge: '5', resolve: '' } }) as { problem: string }).problem,
    /^low resolve/,
  );
});

test('the policy answer is read defensively', () => {
  assert.deepEqual(
    parseSlaPolicy({
      targets: { high: { acknowledgeMinutes: 5, resolveMinutes: 30 }, low: { acknowledgeMinutes: 'x' } },
      isDefault: false,
      version: 2,
    }),
    { targets: { high: { acknowledgeMinutes: 5, resolveMinutes: 30 } }, isDefault: false, version: 2 },
  );
});

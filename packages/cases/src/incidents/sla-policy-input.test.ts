import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isVigilError } from '@vigil/core';
import { defaultSlaPolicy } from './incident-sla.ts';
import { MAX_SLA_MINUTES, slaPolicyFromMinutes, slaPolicyToMinutes } from './sla-policy-input.ts';

function refusal(input: Record<string, unknown>): { field: unknown; message: string } {
  try {
    slaPolicyFromMinutes(input);
  } catch (err) {
    assert.ok(isVigilError(err));
    assert.equal(err.code, 'INVALID_SLA_POLICY');
    return { field: err.details?.['field'], message: err.message };
  }
  assert.fail('expected a refusal');
}

test('minutes convert to milliseconds and back; left-out severities have no SLA', () => {
  const policy = slaPolicyFromMinutes({ high: { acknowledgeMinutes: 30, resolveMinutes: 480 } });
  assert.deepEqual(policy, { high: { acknowledgeMs: 1_800_000, resolveMs: 28_800_000 } });
  assert.deepEqual(slaPolicyToMinutes(policy), { high: { acknowledgeMinutes: 30, resolveMinutes: 480 } });
  assert.deepEqual(slaPolicyFromMinutes(slaPolicyToMinutes(defaultSlaPolicy)), defaultSlaPolicy);
});

test('bad targets are refused naming the field', () => {
  assert.equal(
    refusal({ high: { acknowledgeMinutes: 0, resolveMinutes: 10 } }).field,
    'targets.high.acknowledgeMinutes',
  );
  assert.equal(
    refusal({ high: { acknowledgeMinutes: 1.5, resolveMinutes: 10 } }).field,
    'targets.high.acknowledgeMinutes',
  );
  assert.equal(
    refusal({ low: { acknowledgeMinutes: 10, resolveMinutes: MAX_SLA_MINUTES + 1 } }).field,
    'targets.low.resolveMinutes',
  );
  const inverted = refusal({ critical: { acknowledgeMinutes: 60, resolveMinutes: 30 } });
  assert.equal(inverted.field, 'targets.critical.resolveMinutes');
  assert.match(inverted.message, /at least acknowledgeMinutes/);
  assert.equal(refusal({ urgent: { acknowledgeMinutes: 1, resolveMinutes: 2 } }).field, 'targets.urgent');
});

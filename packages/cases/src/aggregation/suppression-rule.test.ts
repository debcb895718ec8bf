import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock, isVigilError, sequentialIds } from '@vigil/core';
import { detectionOf, sshdFailedPassword } from '../fixtures/ecs-events.ts';
import { newSuppressionRule, suppressionMatches, updateSuppressionRule } from './suppression-rule.ts';

const HOUR = 3_600_000;
const ssh = (id: string, overrides: Record<string, unknown> = {}) =>
  detectionOf(sshdFailedPassword(id, overrides), { id: 'ssh-fail', level: 'medium', tags: ['attack.t1110'] });

test('suppression edits are validated per field; a disabled rule stops suppressing, a new duration runs from now', () => {
  const clock = new ManualClock(Date.UTC(2026, 0, 1, 12));
  const rule = newSuppressionRule(
    'ws1',
    'ana',
    { ruleId: 'ssh-fail', match: { 'source.ip': '10.0.0.5' }, durationMs: HOUR, reason: 'scanner' },
    { ids: sequentialIds('s'), clock },
  );
  const d = ssh('e1', { source: { ip: '10.0.0.5' } });
  assert.equal(suppressionMatches(rule, d, clock.now()), true);
  const off = updateSuppressionRule(rule, { enabled: false, reason: ' scanner ' }, 'bob', clock.now() + 5);
  assert.deepEqual(off.changed, ['enabled']);
  assert.equal(off.rule.updatedBy, 'bob');
  assert.equal(suppressionMatches(off.rule, d, clock.now()), false);
  const longer = updateSuppressionRule(
    rule,
    { durationMs: 2 * HOUR, match: { 'source.ip': ['10.0.0.*'] }, ruleId: null },
    'bob',
    clock.now() + HOUR,
  );
  assert.deepEqual(longer.changed, ['match', 'durationMs', 'ruleId']);
  assert.equal(longer.rule.expiresAt, clock.now() + 3 * HOUR);
  assert.equal(longer.rule.ruleId, undefined);
  assert.equal(
    suppressionMatches(longer.rule, { ...d, rule: { ...d.rule, id: 'other' } }, clock.now() + 2 * HOUR),
    true,
  );
  assert.deepEqual(updateSuppressionRule(rule, {}, 'bob', clock.now()).changed, []);
  for (const [patch, field] of [
    [{ durationMs: 10 }, 'durationMs'],
    [{ match: {} }, 'match'],
    [{ match: { 'host.name': [] } }, 'match.host.name'],
    [{ reason: '  ' }, 'reason'],
    [{ enabled: 'no' }, 'enabled'],
    [{ ruleId: '' }, 'ruleId'],
  ] as const) {
    assert.throws(
      () => updateSuppressionRule(rule, patch, 'bob', clock.now()),
      (e: unknown) => isVigilError(e) && e.code === 'INVALID_SUPPRESSION' && e.details?.['field'] === field,
    );
  }
});

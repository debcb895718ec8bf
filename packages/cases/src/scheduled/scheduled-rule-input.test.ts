import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scheduledRuleInput } from './scheduled-rule-input.ts';
import type { ScheduledQueryCheck } from './scheduled-query-check.port.ts';

/** A stand-in for the query parser: flags an unbalanced parenthesis at its offset. */
const check: ScheduledQueryCheck = (q) => {
  const at = q.indexOf('(');
  return at >= 0 && !q.includes(')') ? [{ offset: at, message: 'unclosed parenthesis' }] : [];
};

const valid = {
  name: 'Brute force',
  query: 'event.outcome:failure',
  intervalSeconds: 300,
  trigger: { kind: 'count', operator: 'gte', threshold: 10, groupBy: ['source.ip'] },
};

test('a minimal rule gets its defaults', () => {
  const r = scheduledRuleInput(valid, check);
  assert.ok(r.ok);
  assert.equal(r.rule.lookbackSeconds, 300);
  assert.equal(r.rule.delaySeconds, 0);
  assert.equal(r.rule.severity, 'medium');
  assert.equal(r.rule.grouping, 'per-run');
  assert.equal(r.rule.enabled, true);
  assert.equal(r.rule.simulation, false);
  assert.deepEqual(r.rule.trigger, {
    kind: 'count',
    fn: 'count',
    operator: 'gte',
    threshold: 10,
    groupBy: ['source.ip'],
  });
});

test('every problem is returned, each naming its field; query problems keep their offset', () => {
  const r = scheduledRuleInput(
    {
      ...valid,
      query: 'user.name:(alice',
      intervalSeconds: 30,
      lookbackSeconds: 10,
      delaySeconds: -1,
      severity: 'urgent',
      grouping: 'per-host',
      trigger: {
        kind: 'aggregate',
        fn: 'sum',
        operator: 'about',
        threshold: 'ten',
        groupBy: ['ok', 'bad field'],
      },
    },
    check,
  );
  assert.equal(r.ok, false);
  if (r.ok) return;
  const where = r.problems.map((p) => p.where);
  for (const field of [
    'query',
    'intervalSeconds',
    'delaySeconds',
    'severity',
    'grouping',
    'trigger.field',
    'trigger.operator',
    'trigger.threshold',
    'trigger.groupBy[1]',
  ]) {
    assert.ok(where.includes(field), `${field} missing from ${where.join(', ')}`);
  }
  assert.equal(r.problems.find((p) => p.where === 'query')?.offset, 10);
});

test('look-back shorter than the interval is refused; a count trigger cannot use another function', () => {
  const short = scheduledRuleInput({ ...valid, lookbackSeconds: 120 }, check);
  assert.deepEqual(short.ok ? [] : short.problems.map((p) => p.where), ['lookbackSeconds']);
  const fn = scheduledRuleInput({ ...valid, trigger: { ...valid.trigger, fn: 'max' } }, check);
  assert.deepEqual(fn.ok ? [] : fn.problems.map((p) => p.where), ['trigger.fn']);
  assert.deepEqual(scheduledRuleInput([], check).ok, false);
  const missing = scheduledRuleInput({}, check);
  assert.deepEqual(missing.ok ? [] : missing.problems.map((p) => p.where).sort(), [
    'intervalSeconds',
    'name',
    'query',
    'trigger',
  ]);
});

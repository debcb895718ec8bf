import { test } from 'node:test';
import assert from 'node:assert/strict';
import { miniMatrix } from '../fixtures/attack-mini-matrix.ts';
import { computeCoverage } from './compute-coverage.ts';
import type { CoverageRuleInput } from './technique-coverage.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 10);

function rule(id: string, tags: string[], over: Partial<CoverageRuleInput> = {}): CoverageRuleInput {
  return {
    id,
    title: `Rule ${id}`,
    level: 'high',
    enabled: true,
    tags,
    data: [{ logsource: 'windows/process_creation', routed: true, lastSeen: NOW - DAY }],
    errors: [],
    hits: 0,
    ...over,
  };
}

test('states: covered, covered-but-no-data, rules-disabled, none', () => {
  const report = computeCoverage(
    miniMatrix,
    [
      rule('a', ['attack.execution', 'attack.t1059.001'], { hits: 4, lastHit: NOW - 2 * DAY }),
      rule('b', ['attack.t1003.001'], {
        data: [{ logsource: 'windows/process_access', routed: true, lastSeen: NOW - 8 * DAY }],
      }),
      rule('c', ['attack.t1110'], { enabled: false }),
      rule('d', ['attack.execution']),
      rule('e', ['attack.t9999']),
    ],
    { now: NOW },
  );
  const state = Object.fromEntries(report.techniques.map((t) => [t.id, t.state]));
  assert.deepEqual(state, {
    T1003: 'covered-but-no-data',
    'T1003.001': 'covered-but-no-data',
    T1059: 'covered',
    'T1059.001': 'covered',
    T1110: 'rules-disabled',
  });
  assert.deepEqual(report.counts, { covered: 2, 'covered-but-no-data': 2, 'rules-disabled': 1, none: 0 });
  const ps = report.techniques.find((t) => t.id === 'T1059.001');
  assert.equal(ps?.hits, 4);
  assert.equal(ps?.lastHit, NOW - 2 * DAY);
  assert.equal(ps?.rules[0]?.via, undefined);
  assert.equal(report.techniques.find((t) => t.id === 'T1059')?.rules[0]?.via, 'T1059.001');
  assert.deepEqual(report.unknownTechniques, [{ id: 'T9999', rules: ['e'] }]);
  assert.equal(report.untaggedRules, 1);
});

test('the window decides whether data counts as seen; never-seen and unrouted logsources do not', () => {
  const rules = [
    rule('b', ['attack.t1003.001'], {
      data: [{ logsource: 'windows/process_access', routed: true, lastSeen: NOW - 8 * DAY }],
    }),
  ];
  assert.equal(
    computeCoverage(miniMatrix, rules, { now: NOW, windowMs: 10 * DAY }).techniques[1]?.state,
    'covered',
  );
  const never = [rule('x', ['attack.t1110'], { data: [{ logsource: 'linux/auditd', routed: true }] })];
  assert.equal(computeCoverage(miniMatrix, never, { now: NOW }).techniques[4]?.state, 'covered-but-no-data');
});

test('a parent tag does not cover sub-techniques; a rule tagged twice appears once; no rules → none', () => {
  const report = computeCoverage(miniMatrix, [rule('p', ['attack.t1059', 'attack.t1059.001'])], { now: NOW });
  const t1059 = report.techniques.find((t) => t.id === 'T1059');
  assert.equal(t1059?.rules.length, 1);
  assert.equal(t1059?.rules[0]?.via, undefined);
  const only = computeCoverage(miniMatrix, [rule('q', ['attack.t1003'])], { now: NOW });
  assert.equal(only.techniques.find((t) => t.id === 'T1003.001')?.state, 'none');
  assert.equal(only.techniques.find((t) => t.id === 'T1003')?.state, 'covered');
  const empty = computeCoverage(miniMatrix, [], { now: NOW });
  assert.ok(empty.techniques.every((t) => t.state === 'none' && t.rules.length === 0));
});

test('enabled rules list first; errors are counted; disabled rules do not make data "seen"', () => {
  const report = computeCoverage(
    miniMatrix,
    [
      rule('z', ['attack.t1110'], { enabled: false, title: 'A disabled' }),
      rule('y', ['attack.t1110'], {
        title: 'B enabled',
        errors: ['compile error: x'],
        data: [{ logsource: 'linux/auth', routed: true }],
      }),
    ],
    { now: NOW },
  );
  const t = report.techniques.find((x) => x.id === 'T1110');
  assert.deepEqual(
    t?.rules.map((r) => r.id),
    ['y', 'z'],
  );
  assert.equal(t?.state, 'covered-but-no-data');
  assert.equal(t?.errors, 1);
  assert.equal(t?.enabledRules, 1);
  assert.equal(t?.disabledRules, 1);
  assert.equal(t?.rulesWithData, 0);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateRun } from './evaluate-run.ts';
import { groupHits } from './group-hits.ts';
import type { ScheduledRule } from './scheduled-rule.ts';

const T0 = Date.UTC(2026, 2, 1, 12, 0, 0);
const MIN = 60_000;

function event(i: number, ip: string, user: string, bytes: number): Record<string, unknown> {
  return {
    '@timestamp': new Date(T0 + i * 1000).toISOString(),
    source: { ip, bytes },
    user: { name: user },
    host: { name: 'web01' },
    event: { outcome: 'failure' },
    vigil: { id: `e${i}`, workspace: 'ws', data_space: 'default', source: 't', received_at: '' },
  };
}

/** 6 events from 10.0.0.1 (users a,b,c), 2 from 10.0.0.2. */
const events = [
  event(1, '10.0.0.1', 'a', 100),
  event(2, '10.0.0.1', 'b', 200),
  event(3, '10.0.0.2', 'a', 50),
  event(4, '10.0.0.1', 'c', 300),
  event(5, '10.0.0.1', 'a', 400),
  event(6, '10.0.0.2', 'a', 50),
  event(7, '10.0.0.1', 'a', 500),
  event(8, '10.0.0.1', 'b', '600' as unknown as number),
];

function rule(over: Partial<ScheduledRule> = {}): ScheduledRule {
  return {
    name: 'Brute force',
    description: '',
    query: 'event.outcome:failure',
    dataSpaces: [],
    intervalSeconds: 300,
    lookbackSeconds: 300,
    delaySeconds: 0,
    trigger: { kind: 'count', fn: 'count', operator: 'gte', threshold: 5, groupBy: ['source.ip'] },
    severity: 'high',
    grouping: 'per-group',
    suppressionSeconds: 0,
    enabled: true,
    simulation: false,
    tags: ['attack.t1110'],
    ...over,
  };
}

const interval = { start: T0, end: T0 + 5 * MIN };
const run = (r: ScheduledRule, suppression = {}, at = interval) =>
  evaluateRun({
    workspace: 'ws',
    ruleId: 'r1',
    ruleVersion: 3,
    rule: r,
    groups: groupHits(events, r.trigger),
    interval: at,
    suppression,
  });

test('groups count events per group and compute the aggregate, first and last seen', () => {
  const groups = groupHits(events, {
    kind: 'aggregate',
    fn: 'sum',
    field: 'source.bytes',
    operator: 'gt',
    threshold: 0,
    groupBy: ['source.ip'],
  });
  const byIp = Object.fromEntries(groups.map((g) => [String(g.group['source.ip']), g]));
  assert.equal(byIp['10.0.0.1']?.count, 6);
  assert.equal(byIp['10.0.0.1']?.value, 2100, 'numeric strings count as numbers');
  assert.equal(byIp['10.0.0.1']?.firstSeenAt, T0 + 1000);
  assert.equal(byIp['10.0.0.1']?.lastSeenAt, T0 + 8000);
  assert.equal(byIp['10.0.0.2']?.value, 100);
  const dc = groupHits(events, {
    kind: 'aggregate',
    fn: 'dc',
    field: 'user.name',
    operator: 'gt',
    threshold: 0,
    groupBy: ['source.ip'],
  });
  assert.deepEqual(dc.map((g) => [g.group['source.ip'], g.value]).sort(), [
    ['10.0.0.1', 3],
    ['10.0.0.2', 1],
  ]);
  for (const [fn, want] of [
    ['avg', 350],
    ['min', 100],
    ['max', 600],
  ] as const) {
    const [g] = groupHits(
      events.filter((e) => (e['source'] as { ip: string }).ip === '10.0.0.1'),
      { kind: 'aggregate', fn, field: 'source.bytes', operator: 'gt', threshold: 0, groupBy: [] },
    );
    assert.equal(g?.value, want, fn);
  }
});

test('without groupBy there is always one group, so a "fewer than" trigger fires on silence', () => {
  const r = rule({
    trigger: { kind: 'count', fn: 'count', operator: 'lt', threshold: 1, groupBy: [] },
    grouping: 'per-run',
  });
  const silent = evaluateRun({
    workspace: 'ws',
    ruleId: 'r1',
    ruleVersion: 1,
    rule: r,
    groups: groupHits([], r.trigger),
    interval,
    suppression: {},
  });
  assert.equal(silent.detections.length, 1);
  assert.equal(silent.firings[0]?.count, 0);
  assert.equal(run(r).detections.length, 0);
});

test('per-group grouping raises one alert per firing group with the rule, severity, group values and events', () => {
  const result = run(rule());
  assert.equal(result.firings.length, 1, 'only 10.0.0.1 reaches 5 events');
  assert.equal(result.detections.length, 1);
  const d = result.detections[0];
  assert.ok(d !== undefined);
  assert.equal(d.kind, 'scheduled');
  assert.deepEqual(d.rule.id, 'r1');
  assert.equal(d.rule.version, 3);
  assert.equal(d.rule.level, 'high');
  assert.deepEqual(d.group, { 'source.ip': '10.0.0.1' });
  assert.deepEqual([...(d.eventIds ?? [])].sort(), ['e1', 'e2', 'e4', 'e5', 'e7', 'e8']);
  assert.match(d.rule.description ?? '', /count\(\) = 6 gte 5 for source\.ip=10\.0\.0\.1/);
  const lower = run(
    rule({ trigger: { kind: 'count', fn: 'count', operator: 'gte', threshold: 2, groupBy: ['source.ip'] } }),
  );
  assert.equal(lower.detections.length, 2);
});

test('per-run grouping raises a single alert covering every firing group', () => {
  const r = rule({
    grouping: 'per-run',
    trigger: { kind: 'count', fn: 'count', operator: 'gte', threshold: 2, groupBy: ['source.ip'] },
  });
  const result = run(r);
  assert.equal(result.firings.length, 2);
  assert.equal(result.detections.length, 1);
  assert.equal(result.detections[0]?.eventIds?.length, 8);
  assert.equal(result.detections[0]?.group, undefined);
  // Even when one group fires, a per-run alert carries no group: its dedup key is the rule alone.
  const single = run({ ...r, trigger: { ...r.trigger, threshold: 5 } });
  assert.equal(single.firings.length, 1);
  assert.equal(single.detections[0]?.group, undefined);
});

test('suppression: the same rule and group within the window is counted, not alerted; other groups still alert', () => {
  const r = rule({
    suppressionSeconds: 600,
    trigger: { kind: 'count', fn: 'count', operator: 'gte', threshold: 2, groupBy: ['source.ip'] },
  });
  const first = run(r);
  assert.equal(first.detections.length, 2);
  assert.equal(first.suppressed, 0);
  // Next interval, 5 minutes later (inside the 10-minute window): both suppressed.
  const next = { start: interval.end, end: interval.end + 5 * MIN };
  const second = run(r, first.suppression, next);
  assert.equal(second.detections.length, 0);
  assert.equal(second.suppressed, 2);
  assert.ok(second.firings.every((f) => f.suppressed));
  // 10 minutes after the first alert the window has passed.
  const third = run(r, second.suppression, { start: next.end, end: next.end + 5 * MIN });
  assert.equal(third.detections.length, 2);
  // Per-run suppression uses one key for the whole rule.
  const perRun = rule({ ...r, grouping: 'per-run' });
  const a = run(perRun);
  assert.equal(run(perRun, a.suppression, next).detections.length, 0);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { draftBody, parseRun, parseScheduledRule, parseSimulation } from './scheduled-rules-api.ts';
import { everyText, triggerText } from './trigger-text.ts';

const answer = {
  id: 'r1',
  version: 3,
  name: 'SSH brute force',
  description: '',
  query: 'event.outcome:failure',
  intervalSeconds: 300,
  lookbackSeconds: 600,
  delaySeconds: 60,
  trigger: { kind: 'count', fn: 'count', operator: 'gte', threshold: 5, groupBy: ['source.ip'] },
  severity: 'high',
  grouping: 'per-group',
  suppressionSeconds: 0,
  enabled: true,
  simulation: false,
  schedule: {
    coveredUntil: '2026-06-01T00:00:00.000Z',
    nextRunAt: '2026-06-01T00:06:00.000Z',
    lastRun: { status: 'ok', finishedAt: '2026-06-01T00:01:00.000Z', alerts: 2 },
    gaps: 1,
    lastGap: {
      start: '2026-05-31T00:00:00.000Z',
      end: '2026-05-31T01:00:00.000Z',
      reason: 'the scheduler did not run',
    },
  },
};

test('a rule answer reads into the view, schedule included; no id, no rule', () => {
  const r = parseScheduledRule(answer);
  assert.equal(r?.version, 3);
  assert.equal(r?.grouping, 'per-group');
  assert.deepEqual(r?.trigger.groupBy, ['source.ip']);
  assert.equal(r?.schedule.lastRun?.alerts, 2);
  assert.equal(r?.schedule.gaps, 1);
  assert.equal(r?.schedule.lastGap?.reason, 'the scheduler did not run');
  assert.equal(parseScheduledRule({ name: 'x' }), undefined);
  assert.equal(triggerText(answer as never), 'count() ≥ 5 by source.ip');
  assert.equal(everyText(300), '5 min');
  assert.equal(everyText(7200), '2 h');
  assert.equal(everyText(90), '90 s');
});

test('the body sent drops fields the trigger kind does not use', () => {
  const r = parseScheduledRule(answer);
  assert.ok(r);
  const body = draftBody({ ...r, trigger: { ...r.trigger, fn: 'sum', field: 'bytes' } });
  assert.deepEqual(body['trigger'], { kind: 'count', operator: 'gte', threshold: 5, groupBy: ['source.ip'] });
  assert.equal('id' in body, false);
  const agg = draftBody({ ...r, trigger: { ...r.trigger, kind: 'aggregate', fn: 'sum', field: 'bytes' } });
  assert.deepEqual(agg['trigger'], {
    kind: 'aggregate',
    fn: 'sum',
    field: 'bytes',
    operator: 'gte',
    threshold: 5,
    groupBy: ['source.ip'],
  });
});

test('runs and simulations read defensively', () => {
  const run = parseRun({
    start: 'a',
    end: 'b',
    status: 'gap',
    late: true,
    alertIds: ['x', 'y'],
    firings: [{ group: { ip: '1' }, count: 3, value: null }],
    error: 'missed',
  });
  assert.equal(run.status, 'gap');
  assert.equal(run.alerts, 2);
  assert.equal(run.firings[0]?.value, undefined);
  assert.equal(parseRun({}).status, 'unknown');
  const sim = parseSimulation({
    hits: 5,
    windows: [{}, {}],
    alerts: [{ window: { start: 's', end: 'e' }, title: 't', group: null, eventCount: 4, value: 4 }],
  });
  assert.equal(sim.windows, 2);
  assert.equal(sim.alerts[0]?.group, undefined);
  assert.equal(sim.alerts[0]?.eventCount, 4);
});

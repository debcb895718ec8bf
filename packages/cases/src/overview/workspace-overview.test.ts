import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateOverviews } from './aggregate-overviews.ts';
import { sampleAlert, sampleIncident } from '../fixtures/overview-samples.ts';
import { buildWorkspaceOverview, type IngestHealth, type OverviewInput } from './workspace-overview.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 5, 7, 15);
const ingest = (received: number, failed = 0): IngestHealth => ({
  sources: 1,
  received,
  parsed: received - failed,
  failed,
  dropped: 0,
  rejected: 0,
  lagMaxMs: 10,
  lastReceivedAt: NOW - 1000,
});

function input(workspace: string, over: Partial<OverviewInput> = {}): OverviewInput {
  return {
    workspace,
    now: NOW,
    recentAlerts: [],
    openAlertSeverities: [],
    incidents: [],
    rules: { total: 30, enabled: 20 },
    ingest: ingest(100),
    ...over,
  };
}

test('a workspace overview: open counts, breaches, MTTA/MTTR, trend window, top rows', () => {
  const created = NOW - 3 * HOUR;
  const o = buildWorkspaceOverview(
    input('ws-a', {
      recentAlerts: [
        sampleAlert('a1', { createdAt: NOW - HOUR, severity: 'critical', entityRefs: [['host', 'ws01']] }),
        sampleAlert('a2', { createdAt: NOW - 2 * DAY, severity: 'high', rule: { id: 'r2' } }),
        sampleAlert('old', { createdAt: NOW - 30 * DAY, severity: 'high', rule: { id: 'r-old' } }),
      ],
      openAlertSeverities: ['critical', 'high', 'high', 'low'],
      incidents: [
        sampleIncident('i1', {
          createdAt: created,
          status: 'in_progress',
          acknowledgedAt: created + HOUR,
          sla: { acknowledgeDueAt: created + HOUR / 4, resolveDueAt: created + 4 * HOUR, breaches: [] },
        }),
        sampleIncident('i2', {
          createdAt: created,
          status: 'closed',
          severity: 'low',
          acknowledgedAt: created + HOUR,
          closedAt: created + 2 * HOUR,
        }),
        // Listed twice (open and created in the window): counted once.
        sampleIncident('i3', { createdAt: NOW - 20 * DAY }),
        sampleIncident('i3', { createdAt: NOW - 20 * DAY }),
      ],
    }),
  );
  assert.equal(o.workspace, 'ws-a');
  assert.equal(o.days, 7);
  assert.equal(o.from, Date.UTC(2026, 5, 1));
  assert.deepEqual(o.alerts.open, { informational: 0, low: 1, medium: 0, high: 2, critical: 1 });
  assert.equal(o.alerts.openTotal, 4);
  assert.equal(o.alerts.createdInPeriod, 2, 'the 30-day-old alert is outside the window');
  assert.equal(o.incidents.open, 2);
  assert.equal(o.incidents.openBySeverity.high, 2);
  assert.equal(o.incidents.slaBreaches.outstanding, 0, 'acknowledged late: a breach, not outstanding');
  assert.equal(o.incidents.slaBreaches.inPeriod, 1);
  assert.equal(o.slaBreaches.length, 1);
  assert.equal(o.slaBreaches[0]?.kind, 'acknowledge');
  assert.equal(o.incidents.acknowledged, 2);
  assert.equal(o.incidents.mttaMs, HOUR);
  assert.equal(o.incidents.mttrMs, 2 * HOUR);
  assert.deepEqual(
    o.topRules.map((r) => r.ruleId),
    ['r2', 'rule-1'].sort((a, b) => (a < b ? -1 : 1)),
  );
  assert.deepEqual(
    o.topEntities.map((e) => e.key),
    ['host:ws01'],
  );
  assert.equal(o.trend.alerts.critical[6], 1);
  assert.equal(o.trend.alerts.high[4], 1);
  const points = o.score.inputs.reduce((s, i) => s + i.contribution, 0);
  assert.equal(o.score.score, Math.round(points));
});

test('aggregation sums figures, weights the score by activity and keeps one count-only row per workspace', () => {
  const busy = buildWorkspaceOverview(
    input('busy', {
      recentAlerts: Array.from({ length: 9 }, (_, k) =>
        sampleAlert(`b${k}`, {
          createdAt: NOW - k * HOUR,
          severity: 'critical',
          entityRefs: [['host', 'h1']],
        }),
      ),
      openAlertSeverities: Array.from({ length: 9 }, () => 'critical' as const),
      incidents: [sampleIncident('x', { createdAt: NOW - HOUR })],
      ingest: ingest(1000, 100),
    }),
  );
  const quiet = buildWorkspaceOverview(
    input('quiet', {
      recentAlerts: [
        sampleAlert('q1', { createdAt: NOW - HOUR, severity: 'low', entityRefs: [['host', 'h1']] }),
      ],
      openAlertSeverities: ['low'],
    }),
  );
  const agg = aggregateOverviews('soc', [busy, quiet], NOW);
  assert.equal(agg.workspace, 'soc');
  assert.deepEqual(
    agg.workspaces.map((r) => [r.workspace, r.weight, r.openAlerts]),
    [
      ['busy', 10, 9],
      ['quiet', 2, 1],
    ],
  );
  assert.equal(agg.alerts.openTotal, 10);
  assert.equal(agg.alerts.open.critical, 9);
  assert.equal(agg.alerts.createdInPeriod, 10);
  assert.equal(agg.incidents.open, 1);
  assert.equal(
    agg.trend.alerts.critical.reduce((s, n) => s + n, 0),
    9,
  );
  assert.equal(agg.trend.alerts.low[6], 1);
  assert.deepEqual(agg.ingest, { ...ingest(1100, 100), sources: 2 });
  assert.equal(agg.rules.enabled, 40);
  assert.deepEqual(agg.topEntities, [], 'entity values stay in their workspace');
  assert.doesNotMatch(JSON.stringify(agg), /h1/);
  const expected = Math.round((busy.score.score * 10 + quiet.score.score * 2) / 12);
  assert.equal(agg.score.score, expected);
  assert.ok(busy.score.score < quiet.score.score);
  assert.equal(agg.minScore, busy.score.score);
  const alertsInput = agg.score.inputs.find((i) => i.id === 'open_critical_high_alerts');
  assert.equal(alertsInput?.value, 9, 'counts are summed');
  assert.match(alertsInput?.explanation ?? '', /across 2 workspaces/);
  // Nothing identifying an incident reaches the aggregate.
  assert.equal('slaBreaches' in agg, false);
  assert.doesNotMatch(JSON.stringify(agg), /"x"|incident x/);
  // Top detection rules are merged; hand-made alerts' titles stay in their workspace.
  assert.deepEqual(
    agg.topRules.map((r) => [r.ruleId, r.alerts]),
    [['rule-1', 10]],
  );
  const handMade = buildWorkspaceOverview(
    input('hand', {
      recentAlerts: [
        sampleAlert('m1', {
          createdAt: NOW - HOUR,
          rule: { id: 'api:typed' },
          title: 'Secret note',
          source: 'api',
        }),
      ],
    }),
  );
  assert.equal(handMade.topRules[0]?.manual, true);
  const withHand = aggregateOverviews('soc', [quiet, handMade], NOW);
  assert.deepEqual(
    withHand.topRules.map((r) => r.ruleId),
    ['rule-1'],
  );
  assert.doesNotMatch(JSON.stringify(withHand), /Secret note/);
});

test('an empty aggregate has a zero-filled window and no rows', () => {
  const agg = aggregateOverviews('soc', [], NOW);
  assert.equal(agg.workspaces.length, 0);
  assert.equal(agg.score.score, 0);
  assert.equal(agg.minScore, undefined);
  assert.equal(agg.trend.days.length, 7);
  assert.deepEqual(agg.trend.alerts.high, [0, 0, 0, 0, 0, 0, 0]);
});

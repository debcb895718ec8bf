import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDuration } from './format-duration.ts';
import { parseGrants, parseOverview } from './parse-overview.ts';
import { trendChartOption } from './trend-chart-option.ts';

const answer = {
  workspace: 'default',
  generatedAt: 1,
  from: 0,
  days: 2,
  score: {
    score: 81,
    inputs: [
      {
        id: 'open_incidents',
        label: 'Open incidents',
        value: 2,
        weight: 15,
        health: 0.8,
        contribution: 12,
        explanation: 'why',
      },
    ],
  },
  alerts: { open: { critical: 1, high: 'x' }, openTotal: 1, createdInPeriod: 3 },
  incidents: { open: 2, slaBreaches: { outstanding: 1, inPeriod: 1 }, mttaMs: 600_000 },
  trend: {
    days: ['2026-06-06', '2026-06-07'],
    alerts: { critical: [0, 1], high: [2, 0] },
    openIncidents: [1, 2],
    slaBreaches: [0, 1],
  },
  topRules: [{ ruleId: 'r1', title: 'Encoded PowerShell', alerts: 3, hits: 9, severity: 'high' }],
  topEntities: [{ key: 'host:ws01', type: 'host', value: 'ws01', alerts: 2, hits: 2, severity: 'critical' }],
  rules: { total: 5, enabled: 4 },
  ingest: { sources: 1, received: 10, failed: 1, dropped: 0, rejected: 0, lagMaxMs: 5 },
  slaBreaches: [
    {
      incidentId: 'i1',
      title: 'T',
      severity: 'high',
      kind: 'acknowledge',
      dueAt: 5,
      overdueMs: 60_000,
      outstanding: true,
    },
  ],
  crossWorkspaceSources: 2,
};

test('an overview answer is read field by field, wrong types reading as zero or absent', () => {
  const v = parseOverview(answer);
  assert.equal(v.score, 81);
  assert.equal(v.inputs[0]?.explanation, 'why');
  assert.equal(v.openAlerts.critical, 1);
  assert.equal(v.openAlerts.high, 0);
  assert.equal(v.mttaMs, 600_000);
  assert.equal(v.mttrMs, undefined);
  assert.deepEqual(v.trend.alerts.critical, [0, 1]);
  assert.deepEqual(v.trend.alerts.low, []);
  assert.equal(v.topRules[0]?.label, 'Encoded PowerShell');
  assert.equal(v.topEntities[0]?.kind, 'host');
  assert.equal(v.slaBreaches[0]?.outstanding, true);
  assert.equal(v.crossWorkspaceSources, 2);
  assert.deepEqual(v.workspaces, []);
  const empty = parseOverview('nonsense');
  assert.equal(empty.score, 0);
  assert.deepEqual(empty.trend.days, []);
});

test('grants lists read both sides', () => {
  const g = parseGrants({
    given: [
      {
        sourceWorkspace: 'a',
        centralWorkspace: 'soc',
        grantedBy: 'u',
        grantedAt: '2026-06-07T00:00:00.000Z',
      },
    ],
    received: 'no',
  });
  assert.equal(g.given[0]?.centralWorkspace, 'soc');
  assert.deepEqual(g.received, []);
});

test('the chart stacks the five severities and adds the incident and breach lines', () => {
  const v = parseOverview(answer);
  const colours = {
    severity: { critical: 'c', high: 'h', medium: 'm', low: 'l', informational: 'i' },
    incidents: 'inc',
    breaches: 'br',
    text: 't',
    grid: 'g',
  };
  const option = trendChartOption(v.trend, colours);
  assert.deepEqual(option.xAxis.data, ['06-06', '06-07']);
  const bars = option.series.filter((s) => s.type === 'bar');
  assert.deepEqual(
    bars.map((s) => s.name),
    ['Informational', 'Low', 'Medium', 'High', 'Critical'],
  );
  assert.ok(bars.every((s) => 'stack' in s && s.stack === 'alerts'));
  assert.deepEqual(bars.at(-1)?.data, [0, 1]);
  const lines = option.series.filter((s) => s.type === 'line');
  assert.deepEqual(
    lines.map((s) => [s.name, s.data]),
    [
      ['Open incidents', [1, 2]],
      ['SLA breaches', [0, 1]],
    ],
  );
  assert.equal(option.tooltip.renderMode, 'richText', 'HTML tooltips would need inline styles');
});

test('durations read naturally', () => {
  assert.equal(formatDuration(undefined), '—');
  assert.equal(formatDuration(20_000), 'under a minute');
  assert.equal(formatDuration(600_000), '10 min');
  assert.equal(formatDuration(4_800_000), '1 h 20 min');
  assert.equal(formatDuration(7_200_000), '2 h');
  assert.equal(formatDuration(5 * 86_400_000), '5 days');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dailyTrend } from './daily-trend.ts';
import { sampleAlert, sampleIncident } from '../fixtures/overview-samples.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
// Sunday 7 June 2026, 15:00 UTC.
const NOW = Date.UTC(2026, 5, 7, 15);
const TODAY = Date.UTC(2026, 5, 7);

test('seven UTC days ending today, zero-filled, alerts counted by creation day and severity', () => {
  const alerts = [
    sampleAlert('a1', { createdAt: TODAY + HOUR, severity: 'critical' }),
    sampleAlert('a2', { createdAt: TODAY - 1, severity: 'critical' }), // 23:59:59.999 yesterday
    sampleAlert('a3', { createdAt: TODAY - 6 * DAY, severity: 'low' }), // first day of the window
    sampleAlert('a4', { createdAt: TODAY - 7 * DAY + HOUR, severity: 'high' }), // before it
    sampleAlert('a5', { createdAt: NOW + HOUR, severity: 'high' }), // after now
  ];
  const t = dailyTrend(alerts, [], NOW);
  assert.deepEqual(t.days, [
    '2026-06-01',
    '2026-06-02',
    '2026-06-03',
    '2026-06-04',
    '2026-06-05',
    '2026-06-06',
    '2026-06-07',
  ]);
  assert.deepEqual(t.alerts.critical, [0, 0, 0, 0, 0, 1, 1]);
  assert.deepEqual(t.alerts.low, [1, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(t.alerts.high, [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(t.openIncidents, [0, 0, 0, 0, 0, 0, 0]);
});

test('open incidents at each day end and SLA breaches on the day they fell due', () => {
  const incidents = [
    // Open since before the window.
    sampleIncident('i1', { createdAt: TODAY - 10 * DAY }),
    // Created on day 3 (index 2), closed on day 5 (index 4).
    sampleIncident('i2', {
      createdAt: TODAY - 4 * DAY,
      status: 'closed',
      closedAt: TODAY - 2 * DAY + HOUR,
      acknowledgedAt: TODAY - 4 * DAY + HOUR,
      // Acknowledge due after 30 min: met late (breach on day index 2); resolve met in time.
      sla: { acknowledgeDueAt: TODAY - 4 * DAY + HOUR / 2, resolveDueAt: TODAY, breaches: [] },
    }),
    // Created today, acknowledge due an hour ago and not met.
    sampleIncident('i3', {
      createdAt: NOW - 2 * HOUR,
      sla: { acknowledgeDueAt: NOW - HOUR, resolveDueAt: NOW + DAY, breaches: [] },
    }),
  ];
  const t = dailyTrend([], incidents, NOW);
  assert.deepEqual(t.openIncidents, [1, 1, 2, 2, 1, 1, 2]);
  assert.deepEqual(t.slaBreaches, [0, 0, 1, 0, 0, 0, 1]);
});

test('the window length is bounded', () => {
  assert.equal(dailyTrend([], [], NOW, 0).days.length, 1);
  assert.equal(dailyTrend([], [], NOW, 365).days.length, 31);
});

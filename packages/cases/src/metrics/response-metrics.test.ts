import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Incident } from '../incidents/incident.ts';
import { responseMetrics, type ResponseItem } from './response-metrics.ts';
import { slaBreachList } from './sla-breach-list.ts';

const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;
const HOUR = 60 * MIN;

const history: ResponseItem[] = [
  // ws1, high: acknowledged after 10 and 30 min, closed after 2 h and 4 h
  {
    workspace: 'ws1',
    severity: 'high',
    createdAt: T0,
    acknowledgedAt: T0 + 10 * MIN,
    closedAt: T0 + 2 * HOUR,
  },
  {
    workspace: 'ws1',
    severity: 'high',
    createdAt: T0 + HOUR,
    acknowledgedAt: T0 + HOUR + 30 * MIN,
    closedAt: T0 + 5 * HOUR,
  },
  // ws1, high: never acknowledged
  { workspace: 'ws1', severity: 'high', createdAt: T0 + 2 * HOUR },
  // ws1, low: acknowledged after 1 h, closed after the end of the period (not counted)
  {
    workspace: 'ws1',
    severity: 'low',
    createdAt: T0 + 3 * HOUR,
    acknowledgedAt: T0 + 4 * HOUR,
    closedAt: T0 + 48 * HOUR,
  },
  // ws1, created outside the period
  { workspace: 'ws1', severity: 'high', createdAt: T0 - HOUR, acknowledgedAt: T0, closedAt: T0 },
  { workspace: 'ws1', severity: 'high', createdAt: T0 + 24 * HOUR, acknowledgedAt: T0 + 25 * HOUR },
  // ws2, critical: acknowledged after 5, 10, 45 min
  {
    workspace: 'ws2',
    severity: 'critical',
    createdAt: T0,
    acknowledgedAt: T0 + 5 * MIN,
    closedAt: T0 + HOUR,
  },
  { workspace: 'ws2', severity: 'critical', createdAt: T0, acknowledgedAt: T0 + 10 * MIN },
  { workspace: 'ws2', severity: 'critical', createdAt: T0, acknowledgedAt: T0 + 45 * MIN },
];

test('MTTA and MTTR per workspace and severity over a period', () => {
  const [ws1, ws2, ...rest] = responseMetrics(history, T0, T0 + 24 * HOUR);
  assert.equal(rest.length, 0);
  assert.equal(ws1?.workspace, 'ws1');
  assert.deepEqual(ws1?.bySeverity.high, {
    count: 3,
    acknowledged: 2,
    closed: 2,
    mttaMs: 20 * MIN,
    mttaMedianMs: 20 * MIN,
    mttrMs: 3 * HOUR,
    mttrMedianMs: 3 * HOUR,
  });
  assert.deepEqual(ws1?.bySeverity.low, {
    count: 1,
    acknowledged: 1,
    closed: 0,
    mttaMs: HOUR,
    mttaMedianMs: HOUR,
  });
  assert.deepEqual(ws1?.bySeverity.critical, { count: 0, acknowledged: 0, closed: 0 });
  assert.equal(ws1?.overall.count, 4);
  assert.equal(ws1?.overall.mttaMs, ((10 + 30 + 60) * MIN) / 3);
  assert.equal(ws1?.overall.mttaMedianMs, 30 * MIN);
  assert.equal(ws2?.bySeverity.critical.mttaMs, 20 * MIN);
  assert.equal(ws2?.bySeverity.critical.mttaMedianMs, 10 * MIN);
  assert.equal(ws2?.bySeverity.critical.mttrMs, HOUR);
});

test('SLA breach list: recorded, late and outstanding breaches, most overdue first', () => {
  const incident = (id: string, over: Partial<Incident>): Incident => ({
    id,
    workspace: 'ws1',
    version: 1,
    title: id,
    status: 'open',
    severity: 'high',
    stage: 'detection_analysis',
    labels: [],
    alertIds: [],
    entityKeys: [],
    tactics: [],
    firstSeenAt: T0,
    lastSeenAt: T0,
    sla: { acknowledgeDueAt: T0 + HOUR, resolveDueAt: T0 + 24 * HOUR, breaches: [] },
    provenance: [],
    createdAt: T0,
    updatedAt: T0,
    timeline: [],
    ...over,
  });
  const now = T0 + 3 * HOUR;
  const rows = slaBreachList(
    [
      incident('on-time', { acknowledgedAt: T0 + 30 * MIN }),
      incident('late-ack', { acknowledgedAt: T0 + 90 * MIN, owner: 'ana' }),
      incident('never-acked', {}),
      incident('no-sla', { sla: { breaches: [] } }),
    ],
    now,
  );
  assert.deepEqual(
    rows.map((r) => [r.incidentId, r.kind, r.overdueMs, r.outstanding, r.owner]),
    [
      ['never-acked', 'acknowledge', 2 * HOUR, true, undefined],
      ['late-ack', 'acknowledge', 30 * MIN, false, 'ana'],
    ],
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, isVigilError, sequentialIds } from '@vigil/core';
import { alertFromDetection } from '../alerts/alert-from-detection.ts';
import type { Alert } from '../alerts/alert.ts';
import { MemoryAlertRepository } from '../alerts/memory-alert-repository.ts';
import { IncidentService } from './incident-service.ts';
import { checkSlaBreaches, slaState } from './incident-sla.ts';
import { changeIncidentStatus } from './incident-status.ts';
import { MemoryIncidentRepository } from './memory-incident-repository.ts';

const T0 = Date.UTC(2026, 2, 1, 8);
const MIN = 60_000;
const HOUR = 60 * MIN;

function setup() {
  const clock = new ManualClock(T0);
  const alerts = new MemoryAlertRepository();
  const incidents = new MemoryIncidentRepository();
  const service = new IncidentService({
    alerts,
    incidents,
    clock,
    ids: sequentialIds('INC'),
    slaPolicy: () => ({
      high: { acknowledgeMs: 30 * MIN, resolveMs: 8 * HOUR },
      medium: { acknowledgeMs: 2 * HOUR, resolveMs: 24 * HOUR },
    }),
  });
  const alertIds = sequentialIds('A');
  const add = async (host: string, level = 'medium', tags: string[] = []): Promise<Alert> => {
    const a = alertFromDetection(
      {
        workspace: 'ws1',
        rule: { id: `r-${host}`, title: `on ${host}`, level, tags },
        kind: 'event',
        events: [{ '@timestamp': new Date(T0).toISOString(), host: { name: host } }],
        time: T0,
      },
      { ids: alertIds, clock },
    );
    await alerts.insertMany('ws1', [a]);
    return a;
  };
  return { clock, alerts, incidents, service, add };
}

const errorOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    if (isVigilError(e)) return `${e.code}:${String(e.details?.['field'])}`;
    throw e;
  }
  return 'no error';
};

test('create from alerts or by hand, with manual provenance and SLA from the workspace policy', async () => {
  const { service, add, alerts } = setup();
  const a = await add('ws01', 'high');
  const b = await add('ws02');
  const incident = await service.create('ws1', 'ana', { alertIds: [a.id, b.id] });
  assert.equal(incident.title, 'on ws01 (+1 related alerts)');
  assert.equal(incident.severity, 'high');
  assert.equal(incident.stage, 'detection_analysis');
  assert.deepEqual(incident.entityKeys, ['host:ws01', 'host:ws02']);
  assert.deepEqual(
    incident.provenance.map((p) => [p.kind, p.reason]),
    [
      ['manual', 'added by ana'],
      ['manual', 'added by ana'],
    ],
  );
  assert.deepEqual(incident.sla, {
    acknowledgeDueAt: T0 + 30 * MIN,
    resolveDueAt: T0 + 8 * HOUR,
    breaches: [],
  });
  assert.equal((await alerts.get('ws1', a.id))?.incidentId, incident.id);
  const byHand = await service.create('ws1', 'ana', { title: 'Phishing report', severity: 'low' });
  assert.deepEqual(byHand.alertIds, []);
  assert.deepEqual(byHand.sla, { breaches: [] }, 'no SLA for a severity without a target');
  assert.equal(
    await errorOf(service.create('ws1', 'bob', { alertIds: [a.id] })),
    'INVALID_INCIDENT_REQUEST:alertIds',
  );
  assert.equal(
    await errorOf(service.create('ws1', 'bob', { alertIds: ['nope'] })),
    'ALERT_NOT_FOUND:undefined',
  );
});

test('incident state machine: valid and invalid transitions, close reason, reopen', () => {
  const base = {
    id: 'i',
    workspace: 'ws1',
    version: 1,
    title: 't',
    status: 'open',
    severity: 'high',
    stage: 'detection_analysis',
    labels: [],
    alertIds: [],
    entityKeys: [],
    tactics: [],
    firstSeenAt: T0,
    lastSeenAt: T0,
    sla: { breaches: [] },
    provenance: [],
    createdAt: T0,
    updatedAt: T0,
    timeline: [],
  } as const;
  const open = {
    ...base,
    labels: [],
    alertIds: [],
    entityKeys: [],
    tactics: [],
    provenance: [],
    timeline: [],
    sla: { breaches: [] },
  };
  const ack = changeIncidentStatus(open, { to: 'in_progress' }, 'ana', T0 + MIN);
  assert.equal(ack.acknowledgedAt, T0 + MIN);
  assert.throws(() => changeIncidentStatus(ack, { to: 'closed' }, 'ana', T0), {
    code: 'CLOSE_REASON_REQUIRED',
  });
  assert.throws(() => changeIncidentStatus(ack, { to: 'closed', closeReason: 'other' }, 'ana', T0), {
    code: 'CLOSE_REASON_REQUIRED',
  });
  assert.throws(() => changeIncidentStatus(ack, { to: 'resolved' }, 'ana', T0), { code: 'INVALID_STATUS' });
  const closed = changeIncidentStatus(
    ack,
    { to: 'closed', closeReason: 'false_detection', comment: 'test host' },
    'ana',
    T0 + HOUR,
  );
  assert.equal(closed.closedAt, T0 + HOUR);
  assert.throws(() => changeIncidentStatus(closed, { to: 'open' }, 'ana', T0), {
    code: 'INVALID_INCIDENT_TRANSITION',
  });
  assert.throws(() => changeIncidentStatus(open, { to: 'open' }, 'ana', T0), {
    code: 'INVALID_INCIDENT_TRANSITION',
  });
  const reopened = changeIncidentStatus(closed, { to: 'in_progress' }, 'bob', T0 + 2 * HOUR);
  assert.equal(reopened.closedAt, undefined);
  assert.equal(reopened.acknowledgedAt, T0 + MIN);
  assert.deepEqual(
    reopened.timeline.map((e) => [e.actor, e.before, e.after]),
    [
      ['ana', 'open', 'in_progress'],
      ['ana', 'in_progress', 'closed'],
      ['bob', 'closed', 'in_progress'],
    ],
  );
});

test('SLA breach tracking with a manual clock', async () => {
  const { service, add, clock, incidents } = setup();
  const a = await add('ws01', 'high');
  const incident = await service.create('ws1', 'ana', { alertIds: [a.id] });
  clock.advance(29 * MIN);
  assert.deepEqual(await service.checkSla('ws1'), []);
  assert.equal(slaState(incident, 'acknowledge', clock.now()), 'pending');
  clock.advance(2 * MIN);
  const [breached] = await service.checkSla('ws1');
  assert.deepEqual(breached?.sla.breaches, [
    { kind: 'acknowledge', dueAt: T0 + 30 * MIN, detectedAt: T0 + 31 * MIN },
  ]);
  assert.equal(breached?.timeline.at(-1)?.action, 'sla_breached');
  assert.deepEqual(await service.checkSla('ws1'), [], 'a breach is recorded once');
  clock.advance(10 * MIN);
  await service.changeStatus('ws1', incident.id, { to: 'in_progress' }, 'ana');
  clock.set(T0 + 7 * HOUR);
  const closed = await service.changeStatus(
    'ws1',
    incident.id,
    { to: 'closed', closeReason: 'resolved' },
    'ana',
  );
  assert.equal(slaState(closed, 'resolve', clock.now()), 'met');
  assert.equal(closed.sla.breaches.length, 1);

  // A late acknowledgement with no sweep in between is still recorded, at the time it happened.
  const b = await add('ws09', 'medium');
  const late = await service.create('ws1', 'ana', { alertIds: [b.id] });
  clock.advance(3 * HOUR);
  const acked = await service.changeStatus('ws1', late.id, { to: 'in_progress' }, 'ana');
  assert.deepEqual(acked.sla.breaches, [
    { kind: 'acknowledge', dueAt: late.createdAt + 2 * HOUR, detectedAt: clock.now() },
  ]);
  const stored = await incidents.get('ws1', late.id);
  assert.equal(checkSlaBreaches(stored!, clock.now()), stored, 'unchanged incidents are returned as is');
});

test('edits are validated and every change is on the timeline; a severity change moves the SLA', async () => {
  const { service, add, clock } = setup();
  const a = await add('ws01', 'medium');
  const incident = await service.create('ws1', 'ana', { alertIds: [a.id] });
  clock.advance(MIN);
  const edited = await service.update(
    'ws1',
    incident.id,
    {
      owner: 'bob',
      stage: 'containment',
      severity: 'high',
      plannedClosureAt: T0 + 5 * HOUR,
      labels: ['ransomware'],
    },
    'ana',
  );
  assert.equal(edited.owner, 'bob');
  assert.equal(edited.stage, 'containment');
  assert.equal(edited.sla.acknowledgeDueAt, T0 + 30 * MIN);
  assert.deepEqual(
    edited.timeline
      .filter((e) => e.action === 'updated')
      .map((e) => [e.actor, e.at, e.field, e.before, e.after]),
    [
      ['ana', T0 + MIN, 'owner', null, 'bob'],
      ['ana', T0 + MIN, 'stage', 'detection_analysis', 'containment'],
      ['ana', T0 + MIN, 'plannedClosureAt', null, T0 + 5 * HOUR],
      ['ana', T0 + MIN, 'labels', [], ['ransomware']],
      ['ana', T0 + MIN, 'severity', 'medium', 'high'],
    ],
  );
  assert.equal(
    await errorOf(service.update('ws1', incident.id, { stage: 'triage' }, 'ana')),
    'INVALID_STAGE:stage',
  );
  assert.equal(
    await errorOf(service.update('ws1', incident.id, { plannedClosureAt: T0 - 1 }, 'ana')),
    'INVALID_INCIDENT_FIELD:plannedClosureAt',
  );
  assert.equal(
    await errorOf(service.update('ws1', 'missing', { owner: 'x' }, 'ana')),
    'INCIDENT_NOT_FOUND:undefined',
  );
});

test('merge: the target takes the alerts with merge provenance; sources close as duplicates', async () => {
  const { service, add, alerts, incidents } = setup();
  const a = await add('ws01');
  const b = await add('ws02', 'high');
  const c = await add('ws03');
  const target = await service.create('ws1', 'ana', { alertIds: [a.id] });
  const s1 = await service.create('ws1', 'ana', { alertIds: [b.id] });
  const s2 = await service.create('ws1', 'ana', { alertIds: [c.id] });
  const merged = await service.merge('ws1', target.id, [s1.id, s2.id], 'bob');
  assert.deepEqual(merged.alertIds, [a.id, b.id, c.id]);
  assert.equal(merged.severity, 'high');
  assert.deepEqual(
    merged.provenance.filter((p) => p.kind === 'merge').map((p) => [p.alertId, p.fromIncidentId, p.reason]),
    [
      [b.id, s1.id, `merged from incident ${s1.id} by bob`],
      [c.id, s2.id, `merged from incident ${s2.id} by bob`],
    ],
  );
  assert.ok(merged.timeline.some((e) => e.action === 'merged' && e.after === s1.id));
  const closed = await incidents.get('ws1', s1.id);
  assert.equal(closed?.status, 'closed');
  assert.equal(closed?.closeReason, 'duplicate');
  assert.equal(closed?.mergedInto, target.id);
  assert.deepEqual(closed?.alertIds, [], 'the source no longer claims the moved alerts');
  assert.ok(
    closed?.timeline.some(
      (e) => e.action === 'alert_removed' && e.note === `merged into incident ${target.id}`,
    ),
  );
  assert.deepEqual(
    (await incidents.list('ws1', { entityKey: 'host:ws03' })).map((i) => i.id),
    [target.id],
  );
  assert.deepEqual(
    (await alerts.list('ws1', { entityKey: 'host:ws03' })).map((x) => x.id),
    [c.id],
  );
  assert.equal((await alerts.get('ws1', c.id))?.incidentId, target.id);
  assert.equal(
    await errorOf(service.merge('ws1', target.id, [s1.id], 'bob')),
    'INVALID_INCIDENT_REQUEST:sourceIds',
  );
  assert.equal(
    await errorOf(service.merge('ws1', target.id, [target.id], 'bob')),
    'INVALID_INCIDENT_REQUEST:sourceIds',
  );
});

test('split: chosen alerts move to a new incident with split provenance; both sides are recomputed', async () => {
  const { service, add, alerts } = setup();
  const a = await add('ws01', 'medium', ['attack.execution']);
  const b = await add('ws02', 'high', ['attack.exfiltration']);
  const c = await add('ws03', 'medium');
  const incident = await service.create('ws1', 'ana', { alertIds: [a.id, b.id, c.id], owner: 'ana' });
  await service.update('ws1', incident.id, { stage: 'containment' }, 'ana');
  const [rest, created] = await service.split('ws1', incident.id, [b.id], 'bob');
  assert.deepEqual(rest.alertIds, [a.id, c.id]);
  assert.deepEqual(rest.entityKeys, ['host:ws01', 'host:ws03']);
  assert.deepEqual(rest.tactics, ['execution']);
  assert.ok(rest.timeline.some((e) => e.action === 'alert_removed' && e.before === b.id));
  assert.deepEqual(created.alertIds, [b.id]);
  assert.equal(created.splitFrom, incident.id);
  assert.equal(created.owner, 'ana');
  assert.equal(created.stage, 'containment');
  assert.equal(created.severity, 'high');
  assert.deepEqual(
    created.provenance.map((p) => [p.kind, p.fromIncidentId]),
    [['split', incident.id]],
  );
  assert.equal((await alerts.get('ws1', b.id))?.incidentId, created.id);
  assert.equal(
    await errorOf(service.split('ws1', incident.id, [b.id], 'bob')),
    'INVALID_INCIDENT_REQUEST:alertIds',
  );
  assert.equal(
    await errorOf(service.split('ws1', incident.id, [a.id, c.id], 'bob')),
    'INVALID_INCIDENT_REQUEST:alertIds',
  );
  assert.equal(
    await errorOf(service.split('ws1', incident.id, [], 'bob')),
    'INVALID_INCIDENT_REQUEST:alertIds',
  );
});

test('add alerts by hand, and workspace scoping', async () => {
  const { service, add, incidents } = setup();
  const a = await add('ws01');
  const b = await add('ws02');
  const incident = await service.create('ws1', 'ana', {});
  const withA = await service.addAlerts('ws1', incident.id, [a.id, b.id], 'ana');
  assert.deepEqual(withA.alertIds, [a.id, b.id]);
  assert.equal(await incidents.get('ws2', incident.id), undefined);
  assert.equal(
    await errorOf(service.addAlerts('ws2', incident.id, [a.id], 'ana')),
    'INCIDENT_NOT_FOUND:undefined',
  );
});

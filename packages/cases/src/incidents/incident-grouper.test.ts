import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, sequentialIds } from '@vigil/core';
import { alertFromDetection } from '../alerts/alert-from-detection.ts';
import type { Alert } from '../alerts/alert.ts';
import { MemoryAlertRepository } from '../alerts/memory-alert-repository.ts';
import { IncidentGrouper, type GroupingOptions } from './incident-grouper.ts';
import { MemoryIncidentRepository } from './memory-incident-repository.ts';

const T0 = Date.UTC(2026, 2, 1, 8);
const MIN = 60_000;
const HOUR = 60 * MIN;

function setup(options?: GroupingOptions) {
  const clock = new ManualClock(T0 + 48 * HOUR);
  const alerts = new MemoryAlertRepository();
  const incidents = new MemoryIncidentRepository();
  const alertIds = sequentialIds('A');
  const grouper = new IncidentGrouper({
    alerts,
    incidents,
    clock,
    ids: sequentialIds('INC'),
    ...(options === undefined ? {} : { options }),
  });
  const add = async (spec: {
    at: number;
    host?: string;
    user?: string;
    ip?: string;
    tags?: string[];
    level?: string;
  }): Promise<Alert> => {
    const event: Record<string, unknown> = { '@timestamp': new Date(spec.at).toISOString() };
    if (spec.host !== undefined) event['host'] = { name: spec.host };
    if (spec.user !== undefined) event['user'] = { name: spec.user };
    if (spec.ip !== undefined) event['source'] = { ip: spec.ip };
    const alert = alertFromDetection(
      {
        workspace: 'ws1',
        rule: {
          id: `r-${spec.at}`,
          title: `alert at ${spec.at}`,
          level: spec.level ?? 'medium',
          tags: spec.tags ?? [],
        },
        kind: 'event',
        events: [event],
        time: spec.at,
      },
      { ids: alertIds, clock },
    );
    await alerts.insertMany('ws1', [alert]);
    return alert;
  };
  return { clock, alerts, incidents, grouper, add };
}

test('same host within the window: the second alert opens an incident with both, with provenance', async () => {
  const { grouper, add, incidents, alerts } = setup();
  const a1 = await add({ at: T0, host: 'WS01' });
  assert.deepEqual(await grouper.group([a1]), [{ alertId: 'A-1', action: 'ungrouped' }]);
  const a2 = await add({ at: T0 + 90 * MIN, host: 'ws01.' });
  const [outcome] = await grouper.group([a2]);
  assert.equal(outcome?.action, 'opened');
  const incident = await incidents.get('ws1', outcome?.incidentId ?? '');
  assert.deepEqual(incident?.alertIds, ['A-1', 'A-2']);
  assert.equal(incident?.provenance[1]?.reason, 'grouped because host ws01 shared with alert A-1 within 2h');
  assert.equal(incident?.provenance[1]?.kind, 'entity');
  assert.equal(incident?.provenance[1]?.entity, 'host:ws01');
  assert.equal(incident?.provenance[0]?.alertId, 'A-1');
  assert.equal((await alerts.get('ws1', 'A-1'))?.incidentId, incident?.id);
  assert.equal((await alerts.get('ws1', 'A-2'))?.incidentId, incident?.id);
  assert.deepEqual(
    incident?.timeline.map((e) => e.action),
    ['created', 'alert_added', 'alert_added'],
  );

  const a3 = await add({ at: T0 + 100 * MIN, user: 'bob', ip: '10.0.0.9', host: 'ws01' });
  const [joined] = await grouper.group([a3]);
  assert.equal(joined?.action, 'joined');
  assert.equal(joined?.incidentId, incident?.id);
  assert.deepEqual((await incidents.get('ws1', incident?.id ?? ''))?.alertIds, ['A-1', 'A-2', 'A-3']);
});

test('outside the window, or sharing no entity, alerts stay apart', async () => {
  const { grouper, add } = setup();
  await add({ at: T0, host: 'ws01', user: 'alice' });
  const far = await add({ at: T0 + 3 * HOUR, host: 'ws01' });
  const other = await add({ at: T0 + 10 * MIN, host: 'ws02', user: 'carol' });
  assert.deepEqual(
    (await grouper.group([far, other])).map((o) => o.action),
    ['ungrouped', 'ungrouped'],
  );
});

test('common entities (SYSTEM, loopback) do not group', async () => {
  const { grouper, add } = setup();
  await add({ at: T0, user: 'NT AUTHORITY\\SYSTEM', ip: '127.0.0.1' });
  const b = await add({ at: T0 + MIN, user: 'nt authority\\system', ip: '127.0.0.1' });
  assert.equal((await grouper.group([b]))[0]?.action, 'ungrouped');
});

test('ATT&CK progression: a later tactic on a shared user beyond the entity window is grouped, with provenance', async () => {
  const { grouper, add, incidents } = setup();
  await add({ at: T0, user: 'alice', tags: ['attack.initial_access', 'attack.t1566'] });
  const later = await add({
    at: T0 + 6 * HOUR,
    user: 'alice',
    tags: ['attack.credential_access', 'attack.t1003'],
  });
  const [o] = await grouper.group([later]);
  assert.equal(o?.action, 'opened');
  assert.equal(o?.provenance?.kind, 'progression');
  assert.equal(o?.provenance?.fromTactic, 'initial-access');
  assert.equal(o?.provenance?.toTactic, 'credential-access');
  assert.equal(
    o?.provenance?.reason,
    'grouped because credential-access follows initial-access (alert A-1) on user alice within 1d',
  );
  assert.deepEqual((await incidents.get('ws1', o?.incidentId ?? ''))?.tactics, [
    'initial-access',
    'credential-access',
  ]);
});

test('no progression when the tactic goes backwards or the later alert comes first', async () => {
  const { grouper, add } = setup();
  await add({ at: T0, user: 'alice', tags: ['attack.exfiltration'] });
  const back = await add({ at: T0 + 6 * HOUR, user: 'alice', tags: ['attack.discovery'] });
  assert.equal((await grouper.group([back]))[0]?.action, 'ungrouped');
});

test('a severe alert with no relation opens its own incident; grouping can be turned off', async () => {
  const { grouper, add, incidents } = setup();
  const crit = await add({ at: T0, host: 'db01', level: 'critical' });
  const [o] = await grouper.group([crit]);
  assert.equal(o?.action, 'opened');
  assert.equal(o?.provenance?.kind, 'severity');
  const incident = await incidents.get('ws1', o?.incidentId ?? '');
  assert.equal(incident?.severity, 'critical');
  assert.equal(incident?.sla.acknowledgeDueAt, T0 + 48 * HOUR + 15 * MIN);

  const off = setup({ enabled: false });
  const a = await off.add({ at: T0, host: 'db01', level: 'critical' });
  assert.equal((await off.grouper.group([a]))[0]?.action, 'ungrouped');
});

test('alerts of a closed incident do not pull new alerts in; severity escalates when a worse alert joins', async () => {
  const { grouper, add, incidents, clock } = setup();
  await add({ at: T0, host: 'ws07' });
  const b = await add({ at: T0 + MIN, host: 'ws07' });
  const [o] = await grouper.group([b]);
  const incident = await incidents.get('ws1', o?.incidentId ?? '');
  assert.ok(incident);
  assert.equal(incident.severity, 'medium');
  const c = await add({ at: T0 + 2 * MIN, host: 'ws07', level: 'high' });
  await grouper.group([c]);
  const raised = await incidents.get('ws1', incident.id);
  assert.equal(raised?.severity, 'high');
  assert.equal(raised?.sla.acknowledgeDueAt, incident.createdAt + HOUR);
  assert.ok(
    raised?.timeline.some((e) => e.field === 'severity' && e.before === 'medium' && e.after === 'high'),
  );
  assert.ok(raised);
  await incidents.updateMany('ws1', [
    { ...raised, status: 'closed', closeReason: 'resolved', closedAt: clock.now() },
  ]);
  const d = await add({ at: T0 + 3 * MIN, host: 'ws07' });
  assert.equal((await grouper.group([d]))[0]?.action, 'ungrouped');
});

test('a batch is grouped in event-time order; alerts already grouped by an earlier one are reported as such', async () => {
  const { grouper, add, incidents } = setup();
  const x = await add({ at: T0 + 30 * MIN, ip: '198.51.100.7' });
  const y = await add({ at: T0, ip: '198.51.100.7' });
  const z = await add({ at: T0 + 50 * MIN, ip: '198.51.100.7' });
  const out = await grouper.group([x, y, z]);
  assert.deepEqual(
    out.map((o) => [o.alertId, o.action]),
    [
      [y.id, 'opened'],
      [x.id, 'already_grouped'],
      [z.id, 'joined'],
    ],
  );
  const [incident] = await incidents.list('ws1');
  assert.deepEqual(incident?.alertIds, [y.id, x.id, z.id]);
  assert.equal(incident?.provenance.find((p) => p.alertId === y.id)?.relatedAlertId, x.id);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Alert } from '../alerts/alert.ts';
import type { Incident } from '../incidents/incident.ts';
import { entityRef } from './entity-ref.ts';
import { entityEventFilter } from './entity-event-filter.ts';
import { summariseEntity } from './entity-summary.ts';
import { at, ev } from '../fixtures/investigation-events.ts';

test('entity refs are validated and normalised like extraction; filters are bound values, not text', () => {
  assert.deepEqual(entityRef('host', 'WS01.corp.'), { type: 'host', value: 'ws01.corp' });
  assert.deepEqual(entityRef('user', 'CORP\\Alice'), { type: 'user', value: 'corp\\alice' });
  assert.deepEqual(entityRef('process', 'C:\\Windows\\cmd.exe#42'), {
    type: 'process',
    value: 'c:\\windows\\cmd.exe',
  });
  assert.throws(() => entityRef('ip', '300.1.1.1'), /value: not a valid ip value/);
  assert.throws(
    () => entityRef('planet', 'x', ['host', 'user', 'ip']),
    /kind: expected one of host, user, ip/,
  );
  assert.deepEqual(entityEventFilter('user', "corp\\o'neil"), {
    or: ['user.name', 'user.target.name', 'user.effective.name'].map((field) => ({
      field,
      op: 'suffix',
      value: "o'neil",
    })),
  });
});

test('entity summary: only events naming the entity, newest first; first/last seen over events and alerts', () => {
  const events = [
    ev('e1', 1, { host: { name: 'WS01' } }),
    ev('e2', 5, { host: { name: 'ws01x' } }), // prefix match from the store, not the entity
    ev('e3', 3, { host: { name: 'ws01' } }),
  ];
  const alert = {
    id: 'a1',
    title: 'A',
    severity: 'low',
    status: 'open',
    firstSeenAt: at(-30),
    lastSeenAt: at(2),
  } as Alert;
  const incident = {
    id: 'i1',
    title: 'I',
    severity: 'low',
    status: 'open',
    firstSeenAt: at(-30),
    lastSeenAt: at(2),
  } as Incident;
  const s = summariseEntity({
    kind: 'host',
    value: 'ws01',
    recentEvents: events,
    firstEvent: ev('e0', -60, { host: { name: 'ws01' } }),
    alerts: [alert],
    incidents: [incident],
    recentLimit: 10,
  });
  assert.deepEqual(
    s.recentEvents.map((e) => (e['vigil'] as { id: string }).id),
    ['e3', 'e1'],
  );
  assert.equal(s.firstSeenAt, at(-60));
  assert.equal(s.lastSeenAt, at(3));
  assert.equal(s.key, 'host:ws01');
  assert.deepEqual(
    s.alerts.map((a) => a.id),
    ['a1'],
  );
  assert.deepEqual(
    s.incidents.map((i) => i.id),
    ['i1'],
  );
  const never = summariseEntity({
    kind: 'ip',
    value: '10.9.9.9',
    recentEvents: [],
    alerts: [],
    incidents: [],
    recentLimit: 5,
  });
  assert.equal(never.firstSeenAt, undefined);
});

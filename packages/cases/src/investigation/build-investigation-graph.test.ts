import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildInvestigationGraph } from './build-investigation-graph.ts';
import { alertOver, ev } from '../fixtures/investigation-events.ts';

const proc = (id: string, minutes: number, process: Record<string, unknown>, host = 'ws01') =>
  ev(id, minutes, { host: { name: host }, user: { name: 'alice' }, process });

test('alert nodes with involves edges; co-occurrence edges weighted by shared events', () => {
  const e1 = ev('e1', 0, { host: { name: 'WS01' }, user: { name: 'alice' }, source: { ip: '10.0.0.5' } });
  const e2 = ev('e2', 1, { host: { name: 'ws01' }, user: { name: 'alice' } });
  const e3 = ev('e3', 2, { host: { name: 'ws02' }, user: { name: 'alice' } });
  const g = buildInvestigationGraph({ alerts: [alertOver('a1', [e1])], events: [e1, e2, e3, e2] });
  assert.deepEqual(
    g.nodes.map((n) => [n.id, n.kind, n.events]),
    [
      ['alert:a1', 'alert', 1],
      ['host:ws01', 'host', 2],
      ['host:ws02', 'host', 1],
      ['ip:10.0.0.5', 'ip', 1],
      ['user:alice', 'user', 3],
    ],
  );
  const edge = (id: string) => g.edges.find((e) => e.id === id);
  assert.equal(edge('co_occurs:host:ws01|user:alice')?.weight, 2);
  assert.equal(edge('co_occurs:host:ws02|user:alice')?.weight, 1);
  assert.equal(edge('co_occurs:host:ws01|ip:10.0.0.5')?.weight, 1);
  assert.equal(edge('co_occurs:host:ws01|host:ws02'), undefined);
  assert.deepEqual(
    g.edges
      .filter((e) => e.kind === 'involves')
      .map((e) => e.target)
      .sort(),
    ['host:ws01', 'ip:10.0.0.5', 'user:alice'],
  );
  assert.deepEqual(g.eventIds, ['e1', 'e2', 'e3']);
  assert.equal(g.truncated, false);
});

test('parent-child edges: by parent entity_id, by parent pid on the host, and by parent executable', () => {
  const events = [
    proc('p1', 0, { executable: 'C:\\Windows\\explorer.exe', pid: 100, entity_id: '{A}' }),
    // Parent found by entity_id although the event names no parent executable.
    proc('p2', 1, { executable: 'C:\\Windows\\System32\\cmd.exe', pid: 200, parent: { entity_id: '{A}' } }),
    // Parent found by pid on the same host.
    proc('p3', 2, { executable: 'C:\\Windows\\System32\\whoami.exe', pid: 300, parent: { pid: 200 } }),
    // Same pid on another host is another process: only its own parent executable links it.
    proc(
      'p4',
      3,
      { executable: '/usr/bin/curl', pid: 400, parent: { pid: 200, executable: '/bin/bash' } },
      'srv9',
    ),
  ];
  const g = buildInvestigationGraph({ alerts: [], events });
  assert.deepEqual(
    g.edges
      .filter((e) => e.kind === 'parent_child')
      .map((e) => `${e.source} > ${e.target}`)
      .sort(),
    [
      'process:/bin/bash#200 > process:/usr/bin/curl#400',
      'process:c:\\windows\\explorer.exe#100 > process:c:\\windows\\system32\\cmd.exe#200',
      'process:c:\\windows\\system32\\cmd.exe#200 > process:c:\\windows\\system32\\whoami.exe#300',
    ],
  );
  // Processes of one event are linked as parent/child, not as co-occurring.
  assert.ok(
    !g.edges.some(
      (e) => e.kind === 'co_occurs' && e.source.startsWith('process:') && e.target.startsWith('process:'),
    ),
  );
  assert.equal(
    g.nodes.find((n) => n.id === 'process:c:\\windows\\system32\\cmd.exe#200')?.label,
    'cmd.exe (200)',
  );
});

test('expansion delta: known events are not counted again; node limit keeps alerts and busiest entities', () => {
  const e1 = ev('e1', 0, { host: { name: 'ws01' }, user: { name: 'alice' } });
  const e2 = ev('e2', 1, { host: { name: 'ws01' }, user: { name: 'alice' } });
  const delta = buildInvestigationGraph({ alerts: [], events: [e1, e2], knownEventIds: ['e1'] });
  assert.deepEqual(delta.eventIds, ['e2']);
  assert.equal(delta.edges.find((e) => e.kind === 'co_occurs')?.weight, 1);

  const many = Array.from({ length: 12 }, (_, i) =>
    ev(`m${i}`, i, { host: { name: 'busy' }, source: { ip: `10.0.1.${i}` } }),
  );
  const g = buildInvestigationGraph({
    alerts: [alertOver('a1', [many[0] ?? {}])],
    events: many,
    maxNodes: 4,
  });
  assert.equal(g.truncated, true);
  assert.equal(g.nodes.length, 4);
  assert.ok(g.nodes.some((n) => n.id === 'alert:a1'));
  assert.ok(g.nodes.some((n) => n.id === 'host:busy'));
  const ids = new Set(g.nodes.map((n) => n.id));
  assert.ok(g.edges.every((e) => ids.has(e.source) && ids.has(e.target)));
});

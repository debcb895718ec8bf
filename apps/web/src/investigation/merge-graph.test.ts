import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventSummary } from './event-summary.ts';
import { mergeGraph } from './merge-graph.ts';
import { parseEntityPage, parseGraph, parseTimeline } from './parse-investigation.ts';
import { entityPath } from './entity-path.ts';

test('reads graphs as the server sends them; bad rows and dangling edges are dropped', () => {
  const g = parseGraph({
    from: 1,
    to: 2,
    truncated: false,
    eventIds: ['e1', 7],
    nodes: [
      { id: 'host:ws01', kind: 'host', value: 'ws01', label: 'ws01', events: 2 },
      { id: 'alert:a1', kind: 'alert', value: 'a1', label: 'A', events: 1, severity: 'high' },
      { kind: 'host' },
    ],
    edges: [
      {
        id: 'involves:alert:a1|host:ws01',
        kind: 'involves',
        source: 'alert:a1',
        target: 'host:ws01',
        weight: 1,
      },
      { id: 'x', kind: 'co_occurs', source: 'host:ws01', target: 'user:gone', weight: 1 },
    ],
  });
  assert.deepEqual(
    g.nodes.map((n) => n.id),
    ['host:ws01', 'alert:a1'],
  );
  assert.equal(g.edges.length, 1);
  assert.deepEqual(g.eventIds, ['e1']);
  const t = parseTimeline({
    entries: [{ id: 'e1', at: 5, alertIds: ['a1'], entityKeys: [], event: {} }, { id: 'e2' }],
  });
  assert.equal(t.entries.length, 1);
  const e = parseEntityPage({
    kind: 'host',
    value: 'ws01',
    alerts: [{ id: 'a1', title: 'A', lastSeenAt: 3 }],
    firstSeenAt: 'x',
  });
  assert.equal(e.firstSeenAt, undefined);
  assert.equal(e.alerts[0]?.lastSeenAt, 3);
});

test('a delta adds event counts and co-occurrence weights; involves edges are not counted twice', () => {
  const base = parseGraph({
    from: 1,
    to: 2,
    eventIds: ['e1'],
    nodes: [
      { id: 'host:ws01', kind: 'host', value: 'ws01', label: 'ws01', events: 1 },
      { id: 'user:alice', kind: 'user', value: 'alice', label: 'alice', events: 1 },
      { id: 'alert:a1', kind: 'alert', value: 'a1', label: 'A', events: 1 },
    ],
    edges: [
      { id: 'co', kind: 'co_occurs', source: 'host:ws01', target: 'user:alice', weight: 1 },
      { id: 'inv', kind: 'involves', source: 'alert:a1', target: 'host:ws01', weight: 1 },
    ],
  });
  const delta = parseGraph({
    from: 1,
    to: 2,
    eventIds: ['e2'],
    nodes: [
      { id: 'host:ws01', kind: 'host', value: 'ws01', label: 'ws01', events: 1 },
      { id: 'user:alice', kind: 'user', value: 'alice', label: 'alice', events: 1 },
      { id: 'alert:a1', kind: 'alert', value: 'a1', label: 'A', events: 0 },
      { id: 'ip:10.0.0.9', kind: 'ip', value: '10.0.0.9', label: '10.0.0.9', events: 1 },
    ],
    edges: [
      { id: 'co', kind: 'co_occurs', source: 'host:ws01', target: 'user:alice', weight: 1 },
      { id: 'inv', kind: 'involves', source: 'alert:a1', target: 'host:ws01', weight: 1 },
    ],
  });
  const m = mergeGraph(base, delta);
  assert.equal(m.nodes.length, 4);
  assert.equal(m.nodes.find((n) => n.id === 'host:ws01')?.events, 2);
  assert.equal(m.edges.find((e) => e.id === 'co')?.weight, 2);
  assert.equal(m.edges.find((e) => e.id === 'inv')?.weight, 1);
  assert.deepEqual(m.eventIds, ['e1', 'e2']);
});

test('event summaries and entity paths', () => {
  assert.equal(eventSummary({ event: { action: 'logon' }, user: { name: 'alice' } }), 'logon · user alice');
  assert.equal(eventSummary({ source: { ip: '10.0.0.1' } }), '10.0.0.1 → ?');
  assert.equal(eventSummary({ message: 'hello' }), 'hello');
  assert.equal(eventSummary({}), 'event');
  assert.equal(entityPath('default', 'user', 'corp\\alice'), '/entities/user/corp%5Calice?workspace=default');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assembleTimeline } from './timeline.ts';
import { investigationWindow, windowDuration } from './investigation-window.ts';
import { alertOver, at, ev } from '../fixtures/investigation-events.ts';

const login = (id: string, minutes: number, host: string, user = 'alice') =>
  ev(id, minutes, { host: { name: host }, user: { name: user }, event: { category: ['authentication'] } });

test('window: before/after margins around first/last seen, durations validated with the field named', () => {
  assert.deepEqual(investigationWindow({ firstSeenAt: 1000, lastSeenAt: 5000 }, 100, 200), {
    from: 900,
    to: 5201,
    clipped: false,
  });
  // A months-long alert keeps its last 30 days.
  const last = 100 * 86_400_000;
  assert.deepEqual(investigationWindow({ firstSeenAt: 0, lastSeenAt: last }, 0, 0), {
    from: last - 30 * 86_400_000,
    to: last + 1,
    clipped: true,
  });
  assert.equal(windowDuration('2h', 'before'), 7_200_000);
  assert.equal(windowDuration('90', 'after'), 90_000);
  assert.equal(windowDuration(undefined, 'after'), 3_600_000);
  assert.equal(windowDuration('7d', 'after'), 7 * 86_400_000);
  assert.throws(() => windowDuration('8d', 'after'), /after: at most 7d/);
  assert.throws(
    () => windowDuration('-1h', 'before'),
    (e: Error & { details?: { field?: string } }) => {
      assert.equal(e.details?.field, 'before');
      return true;
    },
  );
});

test('timeline: sorted, tagged with alerts and focus entities, unrelated and out-of-window events dropped', () => {
  const hit = login('e2', 0, 'WS01');
  const alert = alertOver('a1', [hit]);
  const { from, to } = investigationWindow(alert, 10 * 60_000, 10 * 60_000);
  const t = assembleTimeline({
    from,
    to,
    alerts: [alert],
    limit: 100,
    events: [
      login('e3', 5, 'ws01', 'bob'), // same host, other user: related through the host
      hit,
      login('e1', -5, 'ws02'), // same user alice on another host: related through the user
      login('e4', 3, 'ws09', 'carol'), // shares nothing
      login('e5', 11, 'ws01'), // after the window
      hit, // duplicate
    ],
  });
  assert.deepEqual(
    t.entries.map((e) => e.id),
    ['e1', 'e2', 'e3'],
  );
  assert.deepEqual(t.entries[1]?.alertIds, ['a1']);
  assert.deepEqual(t.entries[0]?.entityKeys, ['user:alice']);
  assert.deepEqual(t.entries[2]?.entityKeys, ['host:ws01']);
  assert.equal(t.entries[0]?.at, at(-5));
  assert.equal(t.truncated, false);
});

test('timeline: over the limit keeps alert-linked events, then those nearest the middle; flags truncation', () => {
  const linked = login('edge', -9, 'ws01');
  const alert = { ...alertOver('a1', [linked]), firstSeenAt: at(0), lastSeenAt: at(0) };
  const events = [linked, ...[-8, -1, 1, 2, 8].map((m) => login(`m${m}`, m, 'ws01'))];
  const t = assembleTimeline({ from: at(-10), to: at(10), alerts: [alert], limit: 3, events });
  assert.deepEqual(
    t.entries.map((e) => e.id),
    ['edge', 'm-1', 'm1'],
  );
  assert.equal(t.truncated, true);
  const storeCut = assembleTimeline({
    from: at(-10),
    to: at(10),
    alerts: [alert],
    limit: 10,
    events,
    storeTruncated: true,
  });
  assert.equal(storeCut.entries.length, 6);
  assert.equal(storeCut.truncated, true);
});

test('timeline: explicit focus keys (entity page) instead of alert entities', () => {
  const t = assembleTimeline({
    from: at(-10),
    to: at(10),
    alerts: [],
    focusKeys: ['ip:10.0.0.5'],
    limit: 10,
    events: [
      ev('x1', 1, { source: { ip: '10.0.0.5' } }),
      ev('x2', 2, { source: { ip: '10.0.0.6' } }),
      ev('x3', 3, { destination: { ip: '10.0.0.5' }, host: { name: 'ws01' } }),
    ],
  });
  assert.deepEqual(
    t.entries.map((e) => [e.id, e.entityKeys]),
    [
      ['x1', ['ip:10.0.0.5']],
      ['x3', ['ip:10.0.0.5']],
    ],
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DEFAULT_MIN_SEVERITY,
  KEEP_NOTIFICATIONS,
  KEEP_READ_IDS,
  loadMinSeverity,
  loadReadIds,
  mergeNotifications,
  saveMinSeverity,
  saveReadIds,
  severitiesFrom,
} from './notification-store.ts';

function memoryStore() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

const n = (id: string, createdAt: number, title = id) => ({ id, title, severity: 'high', createdAt });

test('severities at or above the chosen one', () => {
  assert.deepEqual(severitiesFrom('high'), ['high', 'critical']);
  assert.deepEqual(severitiesFrom('informational').length, 5);
  assert.deepEqual(severitiesFrom('bogus').length, 5);
});

test('merging keeps one entry per alert, newest first, the incoming copy, and a bounded list', () => {
  const merged = mergeNotifications([n('a', 1), n('b', 3)], [n('a', 1, 'renamed'), n('c', 2)]);
  assert.deepEqual(
    merged.map((x) => [x.id, x.title]),
    [
      ['b', 'b'],
      ['c', 'c'],
      ['a', 'renamed'],
    ],
  );
  const many = Array.from({ length: KEEP_NOTIFICATIONS + 10 }, (_, i) => n(`x${i}`, i));
  const kept = mergeNotifications([], many);
  assert.equal(kept.length, KEEP_NOTIFICATIONS);
  assert.equal(kept[0]?.id, `x${KEEP_NOTIFICATIONS + 9}`);
});

test('preferences round-trip through storage; bad or missing storage falls back to defaults', () => {
  const store = memoryStore();
  assert.equal(loadMinSeverity(store), DEFAULT_MIN_SEVERITY);
  saveMinSeverity(store, 'critical');
  assert.equal(loadMinSeverity(store), 'critical');
  store.data.set('vigil.notifications.minSeverity', 'nonsense');
  assert.equal(loadMinSeverity(store), DEFAULT_MIN_SEVERITY);
  assert.equal(loadMinSeverity(undefined), DEFAULT_MIN_SEVERITY);

  saveReadIds(store, 'ws-a', new Set(['a', 'b']));
  assert.deepEqual([...loadReadIds(store, 'ws-a')], ['a', 'b']);
  assert.deepEqual([...loadReadIds(store, 'ws-b')], []);
  store.data.set('vigil.notifications.read.ws-a', '{not json');
  assert.deepEqual([...loadReadIds(store, 'ws-a')], []);
  const lots = new Set(Array.from({ length: KEEP_READ_IDS + 5 }, (_, i) => `r${i}`));
  saveReadIds(store, 'ws-a', lots);
  const back = loadReadIds(store, 'ws-a');
  assert.equal(back.size, KEEP_READ_IDS);
  assert.ok(back.has(`r${KEEP_READ_IDS + 4}`) && !back.has('r0'));
  const refusing = {
    getItem: () => {
      throw new Error('denied');
    },
    setItem: () => {
      throw new Error('quota');
    },
  };
  saveMinSeverity(refusing, 'high');
  assert.equal(loadMinSeverity(refusing), DEFAULT_MIN_SEVERITY);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '@vigil/core';
import type { MetadataStore } from '@vigil/core';
import { MemoryMetadataStore } from '../auth/memory-metadata-store.ts';
import { failedLogon, sysmonProcess, vigilEvent } from '../detection/detection-fixture.ts';
import { DataSeenStore, MAX_SEEN_KEYS } from './data-seen-store.ts';
import { DataSeenTracker } from './data-seen-tracker.ts';

const SYSMON_1 = 'w:microsoft-windows-sysmon/operational:1';
const SECURITY = 'w:security';

test('route keys of each batch are noted per workspace, with the time detection saw them', async () => {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const tracker = new DataSeenTracker(new DataSeenStore(new MemoryMetadataStore()), clock);
  tracker.observe([
    vigilEvent(sysmonProcess('C:\\x.exe'), '2020-01-01T00:00:00Z'),
    vigilEvent(failedLogon('bob'), '2020-01-01T00:00:00Z', 'ws-b'),
  ]);
  const a = await tracker.lastSeen('ws-a');
  assert.equal(a[SYSMON_1], clock.now(), 'platform time, not event time');
  assert.equal(a['w:*'], clock.now());
  assert.equal(a[SECURITY], undefined, 'ws-b data is not ws-a data');
  assert.equal((await tracker.lastSeen('ws-b'))['w:security:4625'], clock.now());
});

test('flushes merge into the store keeping the latest time, across processes', async () => {
  const metadata: MetadataStore = new MemoryMetadataStore();
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const one = new DataSeenTracker(new DataSeenStore(metadata), clock);
  const two = new DataSeenTracker(new DataSeenStore(metadata), clock);
  one.observe([vigilEvent(sysmonProcess('C:\\x.exe'), '2026-01-01T00:00:00Z')]);
  const first = clock.now();
  await one.flush();
  clock.advance(60_000);
  two.observe([vigilEvent(failedLogon('bob'), '2026-01-01T00:00:00Z')]);
  await two.flush();
  const merged = await new DataSeenStore(metadata).get('ws-a');
  assert.equal(merged[SYSMON_1], first);
  assert.equal(merged[SECURITY], first + 60_000);
  assert.equal(merged['w:*'], first + 60_000);
  // A late flush of an older observation does not move a key back in time.
  await new DataSeenStore(metadata).add('ws-a', new Map([['w:*', first]]));
  assert.equal((await new DataSeenStore(metadata).get('ws-a'))['w:*'], first + 60_000);
});

test('a failed flush keeps the observations for the next one; bad events never throw', async () => {
  const metadata = new MemoryMetadataStore();
  const store = new DataSeenStore(metadata);
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const tracker = new DataSeenTracker(store, clock);
  tracker.observe([vigilEvent(sysmonProcess('C:\\x.exe'), '2026-01-01T00:00:00Z')]);
  const add = store.add.bind(store);
  store.add = () => Promise.reject(new Error('database down'));
  await tracker.flush();
  store.add = add;
  await tracker.flush();
  assert.equal((await store.get('ws-a'))[SYSMON_1], clock.now());
  assert.doesNotThrow(() => tracker.observe([null as never, { vigil: {} } as never]));
});

test('the per-workspace record stays bounded: old keys drop out, at most MAX_SEEN_KEYS are kept', async () => {
  const metadata = new MemoryMetadataStore();
  const store = new DataSeenStore(metadata);
  const now = Date.UTC(2026, 0, 1);
  await store.add(
    'ws-a',
    new Map([
      ['ls:old||', now - 91 * 86_400_000],
      ['ls:recent||', now - 89 * 86_400_000],
    ]),
  );
  await store.add('ws-a', new Map([['w:*', now]]));
  assert.deepEqual(Object.keys(await store.get('ws-a')).sort(), ['ls:recent||', 'w:*']);

  const clock = new ManualClock(now);
  const tracker = new DataSeenTracker(store, clock);
  // A sender choosing a new event.dataset on every event cannot grow the record without bound.
  tracker.observe(
    Array.from({ length: MAX_SEEN_KEYS + 500 }, () =>
      vigilEvent({ message: 'x' }, '2026-01-01T00:00:00Z', 'ws-b'),
    ).map((e, i) => ({ ...e, event: { dataset: `custom${i}` } })),
  );
  await tracker.flush();
  assert.ok(Object.keys(await store.get('ws-b')).length <= MAX_SEEN_KEYS);
});

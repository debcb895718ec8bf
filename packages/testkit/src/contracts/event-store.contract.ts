import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Storage, VigilEvent } from '@vigil/core';
import {
  DAY,
  DAY0,
  HOUR,
  idsOf,
  keysOf,
  makeEvent,
  readAll,
  rejectsWith,
  uniqueWorkspace,
} from './contract-fixtures.ts';

/** Contract every EventStore adapter passes: append, ranges, isolation, order, pagination, count. */
export function eventStoreContract(name: string, open: () => Promise<Storage>): void {
  describe(`${name}: event store contract`, () => {
    let storage: Storage;
    before(async () => {
      storage = await open();
      await storage.migrate();
    });
    after(() => storage.close());

    test('appends a batch and reads the same documents back', async () => {
      const ws = uniqueWorkspace();
      const batch = [0, 1, 2].map((i) =>
        makeEvent({
          workspace: ws,
          id: `e${i}`,
          ts: DAY0 + i * HOUR,
          fields: { n: i, raw: { Image: `C:\\x${i}.exe` } },
        }),
      );
      assert.deepEqual(await storage.events.append(batch), { appended: batch.length });
      const page = await storage.events.query({
        workspace: ws,
        from: DAY0,
        to: DAY0 + DAY,
        limit: 10,
        order: 'asc',
      });
      assert.deepEqual(page.events, batch);
      assert.equal(page.next, undefined);
    });

    test('an empty batch appends nothing', async () => {
      assert.deepEqual(await storage.events.append([]), { appended: 0 });
    });

    test('re-appending the same events (a redelivered batch) does not duplicate them', async () => {
      const ws = uniqueWorkspace();
      const batch = [makeEvent({ workspace: ws, id: 'dup', ts: DAY0 })];
      await storage.events.append(batch);
      await storage.events.append(batch);
      assert.equal(await storage.events.count({ workspace: ws, from: DAY0, to: DAY0 + DAY }), 1);
    });

    test('rejects a batch with an invalid event as a user error, writing none of it', async () => {
      const ws = uniqueWorkspace();
      const good = makeEvent({ workspace: ws, id: 'ok', ts: DAY0 });
      const bad = { ...makeEvent({ workspace: ws, id: 'bad', ts: DAY0 }), '@timestamp': 'yesterday' };
      await rejectsWith(storage.events.append([good, bad]), 'INVALID_EVENT', 'user');
      assert.equal(await storage.events.count({ workspace: ws, from: 0, to: DAY0 + DAY }), 0);
    });

    test('time range is [from, to): from inclusive, to exclusive', async () => {
      const ws = uniqueWorkspace();
      const times = [DAY0 - 1, DAY0, DAY0 + DAY - 1, DAY0 + DAY];
      await storage.events.append(times.map((ts, i) => makeEvent({ workspace: ws, id: `t${i}`, ts })));
      const page = await storage.events.query({ workspace: ws, from: DAY0, to: DAY0 + DAY, limit: 10 });
      assert.deepEqual(idsOf(page.events), ['t1', 't2']);
      assert.equal(await storage.events.count({ workspace: ws, from: DAY0, to: DAY0 + DAY }), 2);
      assert.deepEqual(
        (await storage.events.query({ workspace: ws, from: DAY0, to: DAY0, limit: 10 })).events,
        [],
      );
    });

    test('a workspace never sees another workspace’s events', async () => {
      const a = uniqueWorkspace('a');
      const b = uniqueWorkspace('b');
      await storage.events.append([
        makeEvent({ workspace: a, id: 'same', ts: DAY0 }),
        makeEvent({ workspace: b, id: 'same', ts: DAY0, fields: { secret: true } }),
      ]);
      const range = { from: DAY0 - DAY, to: DAY0 + DAY };
      const seenByB = await storage.events.query({ workspace: b, ...range, limit: 10 });
      assert.deepEqual(
        seenByB.events.map((e) => e.vigil.workspace),
        [b],
      );
      assert.equal(await storage.events.count({ workspace: a, ...range }), 1);
      assert.equal(await storage.events.count({ workspace: uniqueWorkspace('none'), ...range }), 0);
    });

    test('limits results to the requested data spaces', async () => {
      const ws = uniqueWorkspace();
      await storage.events.append(
        ['x', 'y', 'z'].map((ds, i) =>
          makeEvent({ workspace: ws, dataSpace: ds, id: `d${i}`, ts: DAY0 + i }),
        ),
      );
      const range = { workspace: ws, from: DAY0, to: DAY0 + DAY, limit: 10 };
      const xz = await storage.events.query({ ...range, dataSpaces: ['x', 'z'] });
      assert.deepEqual(xz.events.map((e) => e.vigil.data_space).sort(), ['x', 'z']);
      assert.equal((await storage.events.query({ ...range, dataSpaces: ['nope'] })).events.length, 0);
      assert.equal(await storage.events.count({ ...range, dataSpaces: ['y'] }), 1);
    });

    test('orders by event time, newest first by default', async () => {
      const ws = uniqueWorkspace();
      const times = [DAY0 + 5 * HOUR, DAY0 + 2 * DAY, DAY0, DAY0 + DAY + 1];
      await storage.events.append(times.map((ts, i) => makeEvent({ workspace: ws, id: `o${i}`, ts })));
      const range = { workspace: ws, from: DAY0, to: DAY0 + 3 * DAY, limit: 10 };
      const stamps = (events: VigilEvent[]) => events.map((e) => Date.parse(e['@timestamp']));
      const ascending = [...times].sort((x, y) => x - y);
      assert.deepEqual(stamps((await storage.events.query({ ...range, order: 'asc' })).events), ascending);
      assert.deepEqual(stamps((await storage.events.query(range)).events), [...ascending].reverse());
    });

    test('cursor pagination walks ties across days and data spaces with no duplicates or gaps', async () => {
      const ws = uniqueWorkspace();
      const events: VigilEvent[] = [];
      for (let day = 0; day < 3; day += 1) {
        for (let i = 0; i < 7; i += 1) {
          // Many events share one timestamp; the same id even appears in two data spaces.
          const ts = DAY0 + day * DAY + (i < 5 ? HOUR : 2 * HOUR);
          for (const ds of ['p', 'q'])
            events.push(makeEvent({ workspace: ws, dataSpace: ds, id: `k${day}-${i}`, ts }));
        }
      }
      await storage.events.append(events);
      const expected = [...events].sort((x, y) => compareTime(x, y) || compareBinary(x.vigil.id, y.vigil.id));
      for (const order of ['asc', 'desc'] as const) {
        const query = { workspace: ws, from: DAY0, to: DAY0 + 3 * DAY, limit: 4, order };
        const { events: got, pages } = await readAll(storage.events, query);
        assert.equal(new Set(keysOf(got)).size, got.length, `${order}: duplicates`);
        assert.deepEqual(keysOf(got).sort(), keysOf(events).sort(), `${order}: gaps`);
        const want = order === 'asc' ? expected : [...expected].reverse();
        assert.deepEqual(got.map(timeAndId), want.map(timeAndId), `${order}: out of order`);
        assert.equal(pages, Math.ceil(events.length / query.limit));
      }
    });

    test('rejects bad limits and cursors as user errors', async () => {
      const ws = uniqueWorkspace();
      const range = { workspace: ws, from: DAY0, to: DAY0 + DAY };
      await rejectsWith(storage.events.query({ ...range, limit: 0 }), 'INVALID_LIMIT', 'user');
      await rejectsWith(storage.events.query({ ...range, limit: 10_001 }), 'INVALID_LIMIT', 'user');
      await rejectsWith(
        storage.events.query({ ...range, limit: 5, cursor: 'not-a-cursor' }),
        'INVALID_CURSOR',
        'user',
      );
      await storage.events.append([0, 1].map((i) => makeEvent({ workspace: ws, id: `c${i}`, ts: DAY0 + i })));
      const first = await storage.events.query({ ...range, limit: 1, order: 'asc' });
      assert.ok(first.next);
      await rejectsWith(
        storage.events.query({ ...range, limit: 1, order: 'desc', cursor: first.next }),
        'INVALID_CURSOR',
        'user',
      );
    });

    test('ping resolves while the store is up', async () => {
      await storage.events.ping();
      await storage.ping();
    });
  });
}

function compareTime(x: VigilEvent, y: VigilEvent): number {
  return Date.parse(x['@timestamp']) - Date.parse(y['@timestamp']);
}

function timeAndId(e: VigilEvent): string {
  return `${e['@timestamp']}|${e.vigil.id}`;
}

/** Code-unit order, as the stores sort ids (binary / COLLATE "C"), not the locale's. */
function compareBinary(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

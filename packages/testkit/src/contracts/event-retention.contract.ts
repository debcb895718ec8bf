import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Storage } from '@vigil/core';
import { DAY, DAY0, HOUR, idsOf, makeEvent, rejectsWith, uniqueWorkspace } from './contract-fixtures.ts';

/** Events on four days in two data spaces; the ids say where each one lives. */
const LAYOUT: [dataSpace: string, id: string, ts: number][] = [
  ['a', 'a-d0-01h', DAY0 + HOUR],
  ['a', 'a-d0-23h', DAY0 + 23 * HOUR],
  ['a', 'a-d1-01h', DAY0 + DAY + HOUR],
  ['a', 'a-d1-13h', DAY0 + DAY + 13 * HOUR],
  ['a', 'a-d2-01h', DAY0 + 2 * DAY + HOUR],
  ['b', 'b-d0-02h', DAY0 + 2 * HOUR],
  ['b', 'b-d1-02h', DAY0 + DAY + 2 * HOUR],
  ['b', 'b-d3-02h', DAY0 + 3 * DAY + 2 * HOUR],
];

/** Contract for retention: whole old days go, the boundary day loses only its older rows, scopes hold. */
export function eventRetentionContract(name: string, open: () => Promise<Storage>): void {
  describe(`${name}: event retention contract`, () => {
    let storage: Storage;
    before(async () => {
      storage = await open();
      await storage.migrate();
    });
    after(() => storage.close());

    async function seed(ws: string): Promise<void> {
      await storage.events.append(
        LAYOUT.map(([ds, id, ts]) => makeEvent({ workspace: ws, dataSpace: ds, id, ts })),
      );
    }
    async function remaining(ws: string, dataSpaces?: string[]): Promise<string[]> {
      const range = { workspace: ws, from: DAY0 - DAY, to: DAY0 + 10 * DAY, limit: 100 };
      return idsOf((await storage.events.query(dataSpaces ? { ...range, dataSpaces } : range)).events);
    }

    test('drops whole old days and only the older rows of the boundary day', async () => {
      const ws = uniqueWorkspace('ret');
      await seed(ws);
      const removed = await storage.events.dropBefore({ workspace: ws }, DAY0 + DAY + 12 * HOUR);
      const left = await remaining(ws);
      assert.deepEqual(left, ['a-d1-13h', 'a-d2-01h', 'b-d3-02h']);
      assert.equal(removed, LAYOUT.length - left.length);
    });

    test('retention of one data space leaves the other data spaces and workspaces alone', async () => {
      const ws = uniqueWorkspace('ret');
      const other = uniqueWorkspace('other');
      await seed(ws);
      await seed(other);
      const removed = await storage.events.dropBefore({ workspace: ws, dataSpace: 'a' }, DAY0 + 2 * DAY);
      assert.equal(removed, 4);
      assert.deepEqual(await remaining(ws, ['a']), ['a-d2-01h']);
      assert.deepEqual(await remaining(ws, ['b']), ['b-d0-02h', 'b-d1-02h', 'b-d3-02h']);
      assert.deepEqual(await remaining(other), LAYOUT.map(([, id]) => id).sort());
    });

    test('a boundary at midnight removes exactly the days before it', async () => {
      const ws = uniqueWorkspace('ret');
      await seed(ws);
      assert.equal(await storage.events.dropBefore({ workspace: ws }, DAY0 + DAY), 3);
      assert.deepEqual(await remaining(ws), ['a-d1-01h', 'a-d1-13h', 'a-d2-01h', 'b-d1-02h', 'b-d3-02h']);
    });

    test('nothing older than the boundary: nothing removed, and appends still work after a drop', async () => {
      const ws = uniqueWorkspace('ret');
      await seed(ws);
      assert.equal(await storage.events.dropBefore({ workspace: ws }, DAY0), 0);
      assert.equal(await storage.events.dropBefore({ workspace: ws }, DAY0 + 5 * DAY), LAYOUT.length);
      assert.equal(await storage.events.dropBefore({ workspace: ws }, DAY0 + 5 * DAY), 0);
      // Days whose tables/partitions were dropped can receive events again (late arrivals).
      await seed(ws);
      assert.equal((await remaining(ws)).length, LAYOUT.length);
    });

    test('an instance can append to a day another instance’s retention dropped', async () => {
      const ws = uniqueWorkspace('ret');
      const other = await open();
      try {
        await storage.events.append([makeEvent({ workspace: ws, id: 'first', ts: DAY0 + HOUR })]);
        assert.equal(await other.events.dropBefore({ workspace: ws }, DAY0 + DAY), 1);
        // `storage` may still believe the day's table/partition exists; the append must recover.
        await storage.events.append([makeEvent({ workspace: ws, id: 'late', ts: DAY0 + 2 * HOUR })]);
        assert.deepEqual(await remaining(ws), ['late']);
      } finally {
        await other.close();
      }
    });

    test('retention needs a workspace', async () => {
      await rejectsWith(storage.events.dropBefore({ workspace: '' }, DAY0), 'INVALID_WORKSPACE', 'user');
    });
  });
}

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { ManualClock, MS_PER_DAY, silentLogger } from '@vigil/core';
import type { Storage, VigilEvent } from '@vigil/core';
import { openSqliteStorage } from '@vigil/store-sqlite';
import { DATA_SPACE_KIND } from './data-space.ts';
import { runRetention, startRetentionJob } from './retention-job.ts';

const DAY0 = Date.UTC(2026, 2, 1);

function event(workspace: string, dataSpace: string, id: string, ts: number): VigilEvent {
  const at = new Date(ts).toISOString();
  return { '@timestamp': at, vigil: { id, workspace, data_space: dataSpace, received_at: at } };
}

async function ids(storage: Storage, workspace: string, dataSpace: string): Promise<string[]> {
  const page = await storage.events.query({
    workspace,
    dataSpaces: [dataSpace],
    from: 0,
    to: DAY0 + 100 * MS_PER_DAY,
    limit: 1000,
    order: 'asc',
  });
  return page.events.map((e) => e.vigil.id);
}

/** Retention over a real store (every adapter): whole old days go, recent ones stay. */
function retentionSuite(name: string, open: () => Promise<Storage>): void {
  describe(`${name}: retention job`, () => {
    let storage: Storage;
    const ws1 = `r1-${randomBytes(4).toString('hex')}`;
    const ws2 = `r2-${randomBytes(4).toString('hex')}`;
    before(async () => {
      storage = await open();
      await storage.migrate();
    });
    after(() => storage.close());

    test('retention drops days older than each data space keeps, and only those', async () => {
      const spaces = storage.metadata.repository(DATA_SPACE_KIND);
      await spaces.create(ws1, 'default', { name: 'Default', createdAt: '2026-01-01T00:00:00Z' }); // set-up's shape: 30 days
      await spaces.create(ws1, 'short', { name: 'short', description: '', retentionDays: 2 });
      await spaces.create(ws2, 'long', { name: 'long', description: '', retentionDays: 3650 });
      const clock = new ManualClock(DAY0 + 40 * MS_PER_DAY + 12 * 3_600_000);
      const days = [0, 9, 10, 11, 37, 38, 39, 40];
      await storage.events.append([
        ...days.map((d) => event(ws1, 'default', `d${d}`, DAY0 + d * MS_PER_DAY + 6 * 3_600_000)),
        ...days.map((d) => event(ws1, 'short', `s${d}`, DAY0 + d * MS_PER_DAY + 6 * 3_600_000)),
        ...days.map((d) => event(ws2, 'long', `l${d}`, DAY0 + d * MS_PER_DAY)),
      ]);
      const deps = {
        events: storage.events,
        metadata: storage.metadata,
        workspaces: () => Promise.resolve([ws1, ws2]),
        clock,
        logger: silentLogger,
      };
      const report = await runRetention(deps);
      // default keeps 30 days: the cut is day 10 at 12:00, so day 10's 06:00 event goes too.
      assert.deepEqual(await ids(storage, ws1, 'default'), ['d11', 'd37', 'd38', 'd39', 'd40']);
      // short keeps 2 days: cut at day 38 12:00.
      assert.deepEqual(await ids(storage, ws1, 'short'), ['s39', 's40']);
      assert.deepEqual(
        await ids(storage, ws2, 'long'),
        days.map((d) => `l${d}`),
      );
      assert.deepEqual(report, { dataSpaces: 3, removed: 3 + 6, failed: 0 });
      // Time passes: the next pass drops what has aged out since.
      clock.advance(2 * MS_PER_DAY);
      await runRetention(deps);
      assert.deepEqual(await ids(storage, ws1, 'short'), []);
      assert.deepEqual(await ids(storage, ws1, 'default'), ['d37', 'd38', 'd39', 'd40']);
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'vigil-retention-'));
after(() => rmSync(dir, { recursive: true, force: true }));
retentionSuite('sqlite', () => openSqliteStorage({ dataDir: dir }));
// PostgreSQL's dropBefore is covered by testkit's event-retention contract; the job only calls it.

test('the job runs a pass at start and on its interval, and one failing space does not stop the others', async () => {
  const calls: string[] = [];
  const sqlite = await openSqliteStorage({ dataDir: dir });
  await sqlite.migrate();
  const metadata = sqlite.metadata;
  await metadata
    .repository(DATA_SPACE_KIND)
    .create('r3', 'a', { name: 'a', description: '', retentionDays: 1 });
  await metadata
    .repository(DATA_SPACE_KIND)
    .create('r3', 'b', { name: 'b', description: '', retentionDays: 1 });
  const job = startRetentionJob(
    {
      events: {
        dropBefore: (scope) => {
          calls.push(String(scope.dataSpace));
          return scope.dataSpace === 'a' ? Promise.reject(new Error('boom')) : Promise.resolve(0);
        },
      },
      metadata,
      workspaces: () => Promise.resolve(['r3']),
      clock: new ManualClock(DAY0),
      logger: silentLogger,
    },
    20,
  );
  await new Promise((resolve) => setTimeout(resolve, 70));
  await job.stop();
  assert.ok(calls.length >= 4, calls.join());
  assert.deepEqual(calls.slice(0, 2), ['a', 'b']);
  await sqlite.close();
});

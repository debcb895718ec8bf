import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ManualClock, MS_PER_DAY, silentLogger } from '@vigil/core';
import type { Storage, VigilEvent } from '@vigil/core';
import { openSqliteStorage } from '@vigil/store-sqlite';
import { DATA_SPACE_KIND } from './data-space.ts';
import { runRetention, startRetentionJob } from './retention-job.ts';

const DAY0 = Date.UTC(2026, 2, 1);
let dir: string;
let storage: Storage;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-retention-'));
  storage = await openSqliteStorage({ dataDir: dir });
  await storage.migrate();
});
after(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

function event(workspace: string, dataSpace: string, id: string, ts: number): VigilEvent {
  const at = new Date(ts).toISOString();
  return { '@timestamp': at, vigil: { id, workspace, data_space: dataSpace, received_at: at } };
}

async function ids(workspace: string, dataSpace: string): Promise<string[]> {
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

test('retention drops days older than each data space keeps, and only those', async () => {
  const spaces = storage.metadata.repository(DATA_SPACE_KIND);
  await spaces.create('r1', 'default', { name: 'Default', createdAt: '2026-01-01T00:00:00Z' }); // set-up's shape: 30 days
  await spaces.create('r1', 'short', { name: 'short', description: '', retentionDays: 2 });
  await spaces.create('r2', 'long', { name: 'long', description: '', retentionDays: 3650 });
  const clock = new ManualClock(DAY0 + 40 * MS_PER_DAY + 12 * 3_600_000);
  const days = [0, 9, 10, 11, 37, 38, 39, 40];
  await storage.events.append([
    ...days.map((d) => event('r1', 'default', `d${d}`, DAY0 + d * MS_PER_DAY + 6 * 3_600_000)),
    ...days.map((d) => event('r1', 'short', `s${d}`, DAY0 + d * MS_PER_DAY + 6 * 3_600_000)),
    ...days.map((d) => event('r2', 'long', `l${d}`, DAY0 + d * MS_PER_DAY)),
  ]);
  const deps = {
    events: storage.events,
    metadata: storage.metadata,
    workspaces: () => Promise.resolve(['r1', 'r2']),
    clock,
    logger: silentLogger,
  };
  const report = await runRetention(deps);
  // default keeps 30 days: the cut is day 10 at 12:00, so day 10's 06:00 event goes too.
  assert.deepEqual(await ids('r1', 'default'), ['d11', 'd37', 'd38', 'd39', 'd40']);
  // short keeps 2 days: cut at day 38 12:00.
  assert.deepEqual(await ids('r1', 'short'), ['s39', 's40']);
  assert.deepEqual(
    await ids('r2', 'long'),
    days.map((d) => `l${d}`),
  );
  assert.deepEqual(report, { dataSpaces: 3, removed: 3 + 6, failed: 0 });
  // Time passes: the next pass drops what has aged out since.
  clock.advance(2 * MS_PER_DAY);
  await runRetention(deps);
  assert.deepEqual(await ids('r1', 'short'), []);
  assert.deepEqual(await ids('r1', 'default'), ['d37', 'd38', 'd39', 'd40']);
});

test('the job runs a pass at start and on its interval, and one failing space does not stop the others', async () => {
  const calls: string[] = [];
  const metadata = storage.metadata;
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
});

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { isVigilError } from '@vigil/core';
import { DAY, DAY0, makeEvent, storageContract, uniqueWorkspace } from '@vigil/testkit';
import { openSqliteStorage, SQLITE_FILE_NAME } from './index.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-sqlite-'));
  dirs.push(dir);
  return dir;
}
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const shared = tempDir();
storageContract('sqlite', {
  open: (clock) => openSqliteStorage(clock ? { dataDir: shared, clock } : { dataDir: shared }),
  freshDatabase: () => {
    const dataDir = join(tempDir(), 'nested', 'data');
    return Promise.resolve({
      open: (extraMigrations) =>
        openSqliteStorage(extraMigrations ? { dataDir, extraMigrations } : { dataDir }),
      dispose: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
    });
  },
});

test('sqlite: a file that is not a database is refused with an operational error naming it', async () => {
  const dataDir = tempDir();
  const path = join(dataDir, SQLITE_FILE_NAME);
  writeFileSync(path, 'this is a text file, not a database\n'.repeat(200));
  await assert.rejects(openSqliteStorage({ dataDir }), (error: unknown) => {
    assert.ok(isVigilError(error));
    assert.equal(error.kind, 'operational');
    assert.equal(error.code, 'STORE_INVALID_DATABASE');
    assert.ok(error.message.includes(path), error.message);
    assert.match(error.message, /not a valid Vigil database/);
    return true;
  });
});

test('sqlite: another application’s SQLite database is refused too', async () => {
  const dataDir = tempDir();
  const path = join(dataDir, SQLITE_FILE_NAME);
  const other = new DatabaseSync(path);
  other.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY)');
  other.close();
  await assert.rejects(openSqliteStorage({ dataDir }), { code: 'STORE_INVALID_DATABASE' });
});

test('sqlite: events live in one table per data space and day; retention drops whole-day tables', async () => {
  const dataDir = tempDir();
  const storage = await openSqliteStorage({ dataDir });
  await storage.migrate();
  const ws = uniqueWorkspace();
  const days = [0, 1, 2];
  await storage.events.append(
    days.map((d) => makeEvent({ workspace: ws, id: `e${d}`, ts: DAY0 + d * DAY + 1 })),
  );
  const inspect = new DatabaseSync(join(dataDir, SQLITE_FILE_NAME), { readOnly: true });
  const eventTables = () =>
    (
      inspect
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'events_%'")
        .all() as {
        name: string;
      }[]
    ).map((r) => r.name);
  try {
    assert.equal(eventTables().length, days.length);
    assert.ok(
      eventTables().every((name) => /^events_2026030[123]_\d+$/.test(name)),
      eventTables().join(),
    );
    assert.equal(await storage.events.dropBefore({ workspace: ws }, DAY0 + 2 * DAY), 2);
    assert.deepEqual(
      eventTables().map((name) => name.slice(0, 15)),
      ['events_20260303'],
    );
  } finally {
    inspect.close();
    await storage.close();
  }
});

test('sqlite: close waits for queued writes and is idempotent', async () => {
  const storage = await openSqliteStorage({ dataDir: tempDir() });
  await storage.migrate();
  const ws = uniqueWorkspace();
  const append = storage.events.append([makeEvent({ workspace: ws, id: 'last', ts: DAY0 })]);
  await storage.close();
  assert.deepEqual(await append, { appended: 1 });
  await storage.close();
});

test('sqlite: two threads (separate connections) migrate and append at once without losing a batch', async () => {
  const dataDir = tempDir();
  const workspace = uniqueWorkspace();
  const task = { dataDir, workspace, batches: 20, batchSize: 50, ts: DAY0 };
  const run = (prefix: string) =>
    new Promise<{ applied: number[]; appended: number }>((resolve, reject) => {
      const worker = new Worker(new URL('./testing/sqlite-writer-worker.ts', import.meta.url), {
        workerData: { ...task, prefix },
      });
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  const [a, b] = await Promise.all([run('a'), run('b')]);
  const applied = [...a.applied, ...b.applied].sort((x, y) => x - y);
  assert.deepEqual(applied, [...new Set(applied)], 'no version applied twice');
  assert.equal(a.appended + b.appended, 2 * task.batches * task.batchSize);
  const storage = await openSqliteStorage({ dataDir });
  try {
    const counted = await storage.events.count({ workspace, from: DAY0, to: DAY0 + DAY });
    assert.equal(counted, a.appended + b.appended);
  } finally {
    await storage.close();
  }
});

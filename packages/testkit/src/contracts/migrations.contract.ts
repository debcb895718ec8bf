import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Migration, Storage } from '@vigil/core';
import { DAY0, makeEvent, rejectsWith, uniqueWorkspace } from './contract-fixtures.ts';

/** One empty database; every `open` returns a separate Storage (connection/pool) onto it. */
export interface MigrationTarget {
  /** `extraMigrations` are appended to the adapter's own list (to simulate a newer Vigil). */
  open(extraMigrations?: readonly Migration[]): Promise<Storage>;
  /** Removes the database (temp dir, schema…). */
  dispose(): Promise<void>;
}

/** Contract for `Storage.migrate()`: idempotent, safe under concurrency, refuses a newer schema. */
export function migrationsContract(name: string, freshDatabase: () => Promise<MigrationTarget>): void {
  describe(`${name}: migrations contract`, () => {
    test('migrate applies every version once; a second run (or second instance) applies nothing', async () => {
      await withDatabase(freshDatabase, async (target) => {
        const first = await target.open();
        const second = await target.open();
        try {
          const report = await first.migrate();
          assert.ok(report.current >= 1);
          assert.deepEqual(report.applied, versions(report.current));
          assert.deepEqual(await first.migrate(), { applied: [], current: report.current });
          assert.deepEqual(await second.migrate(), { applied: [], current: report.current });
        } finally {
          await Promise.all([first.close(), second.close()]);
        }
      });
    });

    test('two instances migrating at once apply each version exactly once', async () => {
      await withDatabase(freshDatabase, async (target) => {
        const [a, b] = await Promise.all([target.open(), target.open()]);
        try {
          const [ra, rb] = await Promise.all([a.migrate(), b.migrate()]);
          assert.equal(ra.current, rb.current);
          const applied = [...ra.applied, ...rb.applied].sort((x, y) => x - y);
          assert.deepEqual(applied, versions(ra.current));
          // Both instances can use the schema afterwards.
          const ws = uniqueWorkspace();
          await a.events.append([makeEvent({ workspace: ws, id: 'm1', ts: DAY0 })]);
          assert.equal(await b.events.count({ workspace: ws, from: DAY0, to: DAY0 + 1 }), 1);
        } finally {
          await Promise.all([a.close(), b.close()]);
        }
      });
    });

    test('a database migrated by a newer Vigil is refused with SCHEMA_TOO_NEW', async () => {
      await withDatabase(freshDatabase, async (target) => {
        const current = await target.open();
        const { current: known } = await current.migrate();
        await current.close();
        const future: Migration = {
          version: known + 1,
          name: 'future',
          sql: 'CREATE TABLE vigil_future_marker (id integer)',
        };
        const newer = await target.open([future]);
        assert.deepEqual(await newer.migrate(), { applied: [known + 1], current: known + 1 });
        await newer.close();
        const older = await target.open();
        try {
          await rejectsWith(older.migrate(), 'SCHEMA_TOO_NEW', 'operational');
        } finally {
          await older.close();
        }
      });
    });
  });
}

async function withDatabase(
  freshDatabase: () => Promise<MigrationTarget>,
  body: (target: MigrationTarget) => Promise<void>,
): Promise<void> {
  const target = await freshDatabase();
  try {
    await body(target);
  } finally {
    await target.dispose();
  }
}

function versions(upTo: number): number[] {
  return Array.from({ length: upTo }, (_, i) => i + 1);
}

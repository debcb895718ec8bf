import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { operationalError, silentLogger, systemClock } from '@vigil/core';
import type { Clock, Logger, Migration, MigrationReport, Storage } from '@vigil/core';
import { openSqliteConnection } from './connection/sqlite-connection.ts';
import { WriteQueue } from './connection/write-queue.ts';
import { SqliteEventStore } from './events/sqlite-event-store.ts';
import { sqliteMigrations } from './migrations/sqlite-migration-list.ts';
import { migrateSqlite } from './migrations/sqlite-migrator.ts';
import { SqliteMetadataStore } from './records/sqlite-record-repository.ts';
import { WorkerEventSearch } from './search/worker-event-search.ts';
import { purgeSqliteWorkspaceRows } from './purge/sqlite-workspace-rows.ts';

export interface SqliteStorageOptions {
  /** Directory holding `vigil.db` (and its WAL files); created when missing. */
  dataDir: string;
  logger?: Logger;
  clock?: Clock;
  /** Appended after the built-in migrations; tests use it to simulate a newer schema. */
  extraMigrations?: readonly Migration[];
}

export const SQLITE_FILE_NAME = 'vigil.db';

/** Opens (creating if needed) the embedded store at `<dataDir>/vigil.db`. Call `migrate()` before use. */
export async function openSqliteStorage(options: SqliteStorageOptions): Promise<Storage> {
  const path = join(options.dataDir, SQLITE_FILE_NAME);
  try {
    mkdirSync(options.dataDir, { recursive: true });
  } catch (error) {
    throw operationalError('STORE_UNAVAILABLE', `cannot create the data directory ${options.dataDir}`, {
      cause: error,
      details: { path: options.dataDir },
    });
  }
  const db = openSqliteConnection(path);
  const logger = (options.logger ?? silentLogger).child({ store: 'sqlite' });
  const clock = options.clock ?? systemClock;
  const writes = new WriteQueue();
  const migrations = [...sqliteMigrations, ...(options.extraMigrations ?? [])];
  const events = new SqliteEventStore(db, writes);
  // Searches run on a worker thread with their own connection: a slow one must not stall ingest.
  const search = new WorkerEventSearch(path);
  let closed = false;
  logger.debug({ path }, 'opened SQLite store');
  return Promise.resolve({
    kind: 'sqlite',
    events,
    metadata: new SqliteMetadataStore(db, writes, clock),
    search,
    migrate: (): Promise<MigrationReport> => writes.run(() => migrateSqlite(db, migrations, clock, logger)),
    ping: () => events.ping(),
    purgeWorkspaceRows: (workspace) => writes.run(() => purgeSqliteWorkspaceRows(db, workspace)),
    close: async () => {
      await search.close();
      await writes.run(() => {
        // Waits for queued writes, so close never cuts a batch in half.
        if (closed) return;
        closed = true;
        db.close();
      });
    },
  });
}

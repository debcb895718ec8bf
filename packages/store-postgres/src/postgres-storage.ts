import { silentLogger, systemClock } from '@vigil/core';
import type { Clock, Logger, Migration, Storage } from '@vigil/core';
import { describeTarget, toStoreError } from './connection/pg-errors.ts';
import { checkSchemaName, createPool } from './connection/pg-pool.ts';
import { PgEventStore } from './events/pg-event-store.ts';
import { postgresMigrations } from './migrations/pg-migration-list.ts';
import { migratePostgres } from './migrations/pg-migrator.ts';
import { PgMetadataStore } from './records/pg-record-repository.ts';
import { PgPartitions } from './events/pg-partitions.ts';
import { PgEventSearch } from './search/pg-event-search.ts';
import { PgScopedDb } from './identity/pg-scoped-db.ts';
import { purgePgWorkspaceRows } from './purge/pg-workspace-rows.ts';

export interface PostgresStorageOptions {
  /** `postgres://user:password@host:port/db`; the password never appears in errors or logs. */
  url: string;
  logger?: Logger;
  clock?: Clock;
  /** Schema holding Vigil's tables (default `public`); created by `migrate()` when missing. */
  schema?: string;
  /** Appended after the built-in migrations; tests use it to simulate a newer schema. */
  extraMigrations?: readonly Migration[];
}

/**
 * Connects to PostgreSQL and checks the server answers, so a wrong URL fails at start-up with
 * STORE_UNAVAILABLE naming host:port rather than on the first event. Call `migrate()` before use.
 */
export async function openPostgresStorage(options: PostgresStorageOptions): Promise<Storage> {
  const schema = checkSchemaName(options.schema ?? 'public');
  const target = describeTarget(options.url);
  const logger = (options.logger ?? silentLogger).child({ store: 'postgres', target, schema });
  const clock = options.clock ?? systemClock;
  const pool = createPool(options.url, schema, logger);
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw toStoreError(error, target);
    }
  };
  try {
    await guard(() => pool.query('SELECT 1'));
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  const migrations = [...postgresMigrations, ...(options.extraMigrations ?? [])];
  const events = new PgEventStore(pool, schema, guard);
  let closing: Promise<void> | undefined;
  logger.debug({}, 'connected to PostgreSQL');
  return {
    kind: 'postgres',
    events,
    metadata: new PgMetadataStore(pool, clock, guard),
    search: new PgEventSearch(pool, new PgPartitions(pool, schema), guard),
    migrate: () => guard(() => migratePostgres(pool, schema, migrations, clock, logger)),
    ping: () => events.ping(),
    // Workspace scope: row-level security lets the purge touch that workspace's rows and no others.
    purgeWorkspaceRows: (workspace) =>
      new PgScopedDb(pool, guard).run({ workspace }, (client) =>
        purgePgWorkspaceRows(client, schema, workspace),
      ),
    close: () => (closing ??= pool.end()),
  };
}

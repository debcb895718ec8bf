import type { DatabaseSync } from 'node:sqlite';
import { checkMigrations, operationalError, unexpectedError } from '@vigil/core';
import type { Clock, Logger, Migration, MigrationReport } from '@vigil/core';
import { VIGIL_APPLICATION_ID } from '../connection/sqlite-connection.ts';
import { writeTransaction } from '../connection/sqlite-transaction.ts';

/**
 * Applies pending migrations in one IMMEDIATE transaction: a concurrent migrator (another connection or
 * process) waits for the write lock, then re-reads the version and finds nothing left to do.
 */
export function migrateSqlite(
  db: DatabaseSync,
  migrations: readonly Migration[],
  clock: Clock,
  logger: Logger,
): MigrationReport {
  const problems = checkMigrations(migrations);
  if (problems.length > 0) {
    throw unexpectedError('MIGRATIONS_INVALID', `SQLite migration list is invalid: ${problems.join('; ')}`);
  }
  return writeTransaction(db, () => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
    const current = currentVersion(db);
    if (current > migrations.length) throw schemaTooNew(current, migrations.length);
    const applied: number[] = [];
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of migrations.slice(current)) {
      db.exec(m.sql);
      record.run(m.version, m.name, clock.now());
      applied.push(m.version);
      logger.info({ version: m.version, name: m.name }, 'applied SQLite migration');
    }
    db.exec(`PRAGMA application_id = ${VIGIL_APPLICATION_ID}`);
    return { applied, current: Math.max(current, migrations.length) };
  });
}

function currentVersion(db: DatabaseSync): number {
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

export function schemaTooNew(found: number, known: number) {
  return operationalError(
    'SCHEMA_TOO_NEW',
    `the database schema is at version ${found} but this Vigil knows versions up to ${known}; ` +
      'run a newer Vigil (downgrades are not supported)',
    { details: { found, known } },
  );
}

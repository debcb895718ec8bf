import type { Pool } from 'pg';
import { checkMigrations, operationalError, unexpectedError } from '@vigil/core';
import type { Clock, Logger, Migration, MigrationReport } from '@vigil/core';
import { advisoryLock, withTransaction } from '../connection/pg-transaction.ts';

/**
 * Applies pending migrations in one transaction under a schema-wide advisory lock: concurrent
 * migrators (other pods) wait, then re-read the version and find nothing left to do. PostgreSQL DDL is
 * transactional, so a failed migration leaves no half-applied schema.
 */
export async function migratePostgres(
  pool: Pool,
  schema: string,
  migrations: readonly Migration[],
  clock: Clock,
  logger: Logger,
): Promise<MigrationReport> {
  const problems = checkMigrations(migrations);
  if (problems.length > 0) {
    throw unexpectedError(
      'MIGRATIONS_INVALID',
      `PostgreSQL migration list is invalid: ${problems.join('; ')}`,
    );
  }
  return withTransaction(pool, async (client) => {
    await advisoryLock(client, `vigil:migrate:${schema}`);
    // `schema` passed checkSchemaName: a plain identifier.
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)`);
    const result = await client.query<{ v: number | null }>(
      'SELECT max(version) AS v FROM schema_migrations',
    );
    const current = result.rows[0]?.v ?? 0;
    if (current > migrations.length) throw schemaTooNew(current, migrations.length);
    const applied: number[] = [];
    for (const m of migrations.slice(current)) {
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        clock.now(),
      ]);
      applied.push(m.version);
      logger.info({ version: m.version, name: m.name }, 'applied PostgreSQL migration');
    }
    return { applied, current: Math.max(current, migrations.length) };
  });
}

function schemaTooNew(found: number, known: number) {
  return operationalError(
    'SCHEMA_TOO_NEW',
    `the database schema is at version ${found} but this Vigil knows versions up to ${known}; ` +
      'run a newer Vigil (downgrades are not supported)',
    { details: { found, known } },
  );
}

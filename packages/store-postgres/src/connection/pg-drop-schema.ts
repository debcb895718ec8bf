import { silentLogger } from '@vigil/core';
import { checkSchemaName, createPool } from './pg-pool.ts';

/** Drops a schema and everything in it: test clean-up for suites that migrate a schema of their own. */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  const name = checkSchemaName(schema);
  const pool = createPool(url, 'public', silentLogger);
  try {
    await pool.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
  } finally {
    await pool.end();
  }
}

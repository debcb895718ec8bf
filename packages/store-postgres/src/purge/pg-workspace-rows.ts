import type { PoolClient } from 'pg';
import { silentLogger } from '@vigil/core';
import { checkSchemaName, createPool } from '../connection/pg-pool.ts';
import { PgScopedDb } from '../identity/pg-scoped-db.ts';

/**
 * Tables whose rows outlive a workspace: the audit log is append-only (DESIGN §7); `event_spaces` only
 * maps (workspace id, data space name) to the partition key the event store caches in memory (see the
 * SQLite twin). Event rows themselves go with their day partitions (`EventStore.dropBefore`).
 */
export const PG_WORKSPACE_PURGE_KEEPS: readonly string[] = ['audit_log', 'event_spaces'];

/** Every base table of the schema with a `workspace` column, found from the catalogue. */
export async function pgWorkspaceTables(client: PoolClient, schema: string): Promise<string[]> {
  const result = await client.query<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = $1 AND c.column_name = 'workspace' AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name`,
    [schema],
  );
  return result.rows.map((r) => r.table_name);
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Deletes one workspace's rows from every such table, inside the caller's transaction (scoped to the
 * workspace for row-level security); returns the non-zero counts.
 */
export async function purgePgWorkspaceRows(
  client: PoolClient,
  schema: string,
  workspace: string,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await pgWorkspaceTables(client, schema)) {
    if (PG_WORKSPACE_PURGE_KEEPS.includes(table)) continue;
    const result = await client.query(`DELETE FROM ${quote(schema)}.${quote(table)} WHERE workspace = $1`, [
      workspace,
    ]);
    if ((result.rowCount ?? 0) > 0) counts[table] = result.rowCount ?? 0;
  }
  return counts;
}

/** Rows per table (every table with a `workspace` column, audit log included) — for purge checks. */
export async function countPgWorkspaceRows(
  options: { url: string; schema?: string },
  workspace: string,
): Promise<Record<string, number>> {
  const schema = checkSchemaName(options.schema ?? 'public');
  const pool = createPool(options.url, schema, silentLogger);
  try {
    // Workspace scope, or row-level security would hide the rows and every count would be 0.
    return await new PgScopedDb(pool, (work) => work()).run({ workspace }, async (client) => {
      const counts: Record<string, number> = {};
      for (const table of await pgWorkspaceTables(client, schema)) {
        const result = await client.query<{ n: string }>(
          `SELECT count(*) AS n FROM ${quote(schema)}.${quote(table)} WHERE workspace = $1`,
          [workspace],
        );
        counts[table] = Number(result.rows[0]?.n ?? 0);
      }
      return counts;
    });
  } finally {
    await pool.end();
  }
}

import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { openSqliteConnection } from '../connection/sqlite-connection.ts';

// Not imported from sqlite-storage.ts, which imports this file.
const SQLITE_FILE_NAME = 'vigil.db';

/**
 * Tables whose rows outlive a workspace: the audit log is append-only (DESIGN §7); `event_spaces` only
 * maps (workspace id, data space name) to the partition key the event store caches in memory — deleting
 * it under a running store would let a re-created workspace of that id write into a forgotten key.
 */
export const WORKSPACE_PURGE_KEEPS: readonly string[] = ['audit_log', 'event_spaces'];

/** Every table with a `workspace` column, found from the schema itself rather than a list to maintain. */
export function sqliteWorkspaceTables(db: DatabaseSync): string[] {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as unknown as { name: string }[];
  return tables
    .map((t) => t.name)
    .filter((name) =>
      (
        db.prepare(`PRAGMA table_info("${name.replaceAll('"', '""')}")`).all() as unknown as {
          name: string;
        }[]
      ).some((c) => c.name === 'workspace'),
    );
}

/** Deletes one workspace's rows from every such table in one transaction; returns the non-zero counts. */
export function purgeSqliteWorkspaceRows(db: DatabaseSync, workspace: string): Record<string, number> {
  const counts: Record<string, number> = {};
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const table of sqliteWorkspaceTables(db)) {
      if (WORKSPACE_PURGE_KEEPS.includes(table)) continue;
      const changes = Number(
        db.prepare(`DELETE FROM "${table.replaceAll('"', '""')}" WHERE workspace = ?`).run(workspace).changes,
      );
      if (changes > 0) counts[table] = changes;
    }
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
  return counts;
}

/** Rows per table (every table with a `workspace` column, audit log included) — for purge checks. */
export function countSqliteWorkspaceRows(dataDir: string, workspace: string): Record<string, number> {
  const db = openSqliteConnection(join(dataDir, SQLITE_FILE_NAME));
  try {
    return Object.fromEntries(
      sqliteWorkspaceTables(db).map((table) => [
        table,
        Number(
          (
            db
              .prepare(`SELECT count(*) AS n FROM "${table.replaceAll('"', '""')}" WHERE workspace = ?`)
              .get(workspace) as { n: number }
          ).n,
        ),
      ]),
    );
  } finally {
    db.close();
  }
}

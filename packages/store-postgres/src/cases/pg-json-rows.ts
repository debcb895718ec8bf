import type { PoolClient } from 'pg';

/** A stored document row: JSON text plus the version column (the source of truth for the version). */
export interface DocRow {
  version: number;
  data: string;
}

/** Parses document rows, taking the version from its column. */
export function docs<T extends { version: number }>(rows: readonly DocRow[]): T[] {
  return rows.map((r) => ({ ...(JSON.parse(r.data) as T), version: r.version }));
}

/** Ids among `ids` already stored in `table` for the workspace (locks nothing: the PK catches races). */
export async function existingIds(
  client: PoolClient,
  table: 'alerts' | 'incidents',
  workspace: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const result = await client.query<{ id: string }>(
    `SELECT id FROM ${table} WHERE workspace = $1 AND id = ANY($2::text[])`,
    [workspace, ids],
  );
  return new Set(result.rows.map((r) => r.id));
}
